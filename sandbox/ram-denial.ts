/**
 * How the sandbox refuses an action an AccessKey may not call (docs/aliyun-sms-query-api.md §10):
 * by default the gateway's HTTP 403 `Forbidden.RAM` with `AccessDeniedDetail` naming the RAM action,
 * as Aliyun answers read APIs today; or, for a key set to the older style, the SMS business layer's
 * HTTP 200 `isp.RAM_PERMISSION_DENY`. A client must understand both (fact sheet §5).
 *
 * @module
 */
import type { RpcAnswer } from './answer.js';
import { gatewayError } from './gateway-errors.js';
import type { GatewayContext } from './gateway-errors.js';
import type { RamDenialStyle } from './registry.js';

/**
 * The refusal of `action` (e.g. `GetSmsTemplate`) of API `version` whose RAM action is `ramAction`
 * (`dysms:GetSmsTemplate`). A business-layer refusal has the answer shape of its API: `Code` and
 * `Message` on 2017-05-25, `ResponseCode` and `ResponseDescription` on 2018-05-01 (SDK models
 * `SendSmsResponseBody`, dysmsapi20170525 4.6.0; `QueryMessageResponseBody`, dysmsapi20180501 1.0.10).
 */
export function ramRefusal(style: RamDenialStyle, action: string, ramAction: string, context: GatewayContext, version = '2017-05-25'): RpcAnswer {
  if (style === 'isp.RAM_PERMISSION_DENY') {
    const [codeField, messageField] = version === '2018-05-01' ? ['ResponseCode', 'ResponseDescription'] : ['Code', 'Message'];
    return {
      status: 200,
      root: `${action}Response`,
      body: { RequestId: context.requestId, [codeField]: 'isp.RAM_PERMISSION_DENY', [messageField]: 'RAM权限DENY' },
    };
  }
  const refused = gatewayError('Forbidden.RAM', context);
  return {
    ...refused,
    body: {
      ...refused.body,
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
