/**
 * How the sandbox refuses an action an AccessKey may not call (docs/aliyun-sms-query-api.md §10),
 * and one the account may not call at all. A RAM refusal takes the key's style
 * (registry-account.ts): by default (`site`) the code the action's own API documents, in that
 * API's body (2017-05-25 `isp.RAM_PERMISSION_DENY`, HTTP 200; 2018-05-01 `RAM_PERMISSION_DENY`
 * in `ResponseCode`, HTTP 200; PNVS `isv.RAM_PERMISSION_DENY`, HTTP 400 as its other refusals);
 * `Forbidden.RAM` and `Forbidden.NoPermission`: the gateway's HTTP 403 with `AccessDeniedDetail`
 * naming the RAM action; any other style: exactly that code in the action's body. An action the
 * account is barred from is `ForbiddenAction` (HTTP 400, Aliyun's API metadata for GetSms*), on the
 * 2018-05-01 API `FORBIDDEN_ACTION` in `ResponseCode`.
 *
 * @module
 */
import type { RpcAnswer } from './answer.js';
import { gatewayError } from './gateway-errors.js';
import type { GatewayContext } from './gateway-errors.js';
import { intlCode } from './readings.js';
import type { Readings } from './readings.js';
import type { RamDenialStyle } from './registry.js';

/** Which API an action belongs to: each answers refusals in its own body. */
export type ApiFamily = 'sms' | 'intl' | 'pnvs';

/** One refused call: the action, its API, and who answers. */
export type Refused = { action: string; family: ApiFamily; context: GatewayContext; readings: Readings };

/** A business-layer refusal in the API's own body. */
function businessRefusal({ action, family, context }: Refused, code: string, message: string): RpcAnswer {
  const root = `${action}Response`;
  if (family === 'intl') {
    return { status: 200, root, body: { RequestId: context.requestId, ResponseCode: code, ResponseDescription: message } };
  }
  if (family === 'pnvs') {
    // Assumption A14: PNVS refusals are HTTP 400 with this body.
    return { status: 400, root, body: { RequestId: context.requestId, Code: code, Message: message, Success: false } };
  }
  return { status: 200, root, body: { RequestId: context.requestId, Code: code, Message: message } };
}

/** The code a `site`-style RAM refusal carries on each API. */
function siteCode({ family, readings }: Refused): string {
  if (family === 'intl') {
    return intlCode('RAM_PERMISSION_DENY', readings);
  }
  return family === 'pnvs' ? 'isv.RAM_PERMISSION_DENY' : 'isp.RAM_PERMISSION_DENY';
}

/** The refusal of `refused.action` whose RAM action is `ramAction` (e.g. `dysms:GetSmsTemplate`). */
export function ramRefusal(style: RamDenialStyle, refused: Refused, ramAction: string): RpcAnswer {
  if (style !== 'Forbidden.RAM' && style !== 'Forbidden.NoPermission') {
    return businessRefusal(refused, style === 'site' ? siteCode(refused) : style, 'RAM权限DENY');
  }
  const answer = gatewayError(style, refused.context);
  return {
    ...answer,
    body: {
      ...answer.body,
      // Field names from Aliyun's access-denied documentation (docs §10); the values are the sandbox's.
      AccessDeniedDetail: {
        AuthAction: ramAction,
        AuthPrincipalType: 'SubUser',
        AuthPrincipalOwnerId: '1000000000000000',
        AuthPrincipalDisplayName: 'sandbox-ram-user',
        PolicyType: 'AccountLevelIdentityBasedPolicy',
        NoPermissionType: 'ImplicitDeny',
        EncodedDiagnosticMessage: 'sandbox',
      },
    },
  };
}

/** The refusal of an action the account may not call at all. */
export function forbiddenActionRefusal(refused: Refused): RpcAnswer {
  return refused.family === 'intl'
    ? businessRefusal(refused, intlCode('FORBIDDEN_ACTION', refused.readings), '用户接口降级')
    : gatewayError('ForbiddenAction', refused.context);
}
