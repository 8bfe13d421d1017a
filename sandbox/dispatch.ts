/**
 * Routes one RPC request: mandatory common parameters, then the API named by `Version` +
 * `Action`, then the signature checks (fact sheet §1 for V1; signature-v3.ts for the V3 that
 * Aliyun's current SDKs send), then RAM (an AccessKey may be denied actions: ram-denial.ts), then
 * the action itself.
 *
 * The API is looked up before the signature is checked, as a gateway must know the API before it
 * can authorize it; Aliyun does not document this order.
 *
 * @module
 */
import type { ActionContext } from './action-context.js';
import type { RpcAnswer } from './answer.js';
import { gatewayError } from './gateway-errors.js';
import { sendMessageToGlobe, sendMessageWithTemplate } from './intl-api.js';
import { queryMessage } from './intl-query-api.js';
import { querySmsSignList, querySmsTemplateList } from './list-api.js';
import type { NonceLedger } from './nonce-ledger.js';
import { sendSmsVerifyCode } from './pnvs-api.js';
import { pnvsQuerySendDetails } from './pnvs-query-api.js';
import { ramRefusal } from './ram-denial.js';
import { querySendDetails } from './send-details-api.js';
import { getSmsSign, querySmsSign } from './sign-query-api.js';
import { sendSms } from './sms-api.js';
import { getSmsTemplate, querySmsTemplate } from './template-query-api.js';
import { missingCommonParameter, verifySignedRequest } from './verify.js';
import { isSignedV3, missingV3Value, v3AccessKeyId, verifyV3Request } from './verify-v3.js';
import type { V3Incoming } from './verify-v3.js';

/** Which Aliyun host a listener plays: SMS (`dysmsapi`, the default) or PNVS (`dypnsapi`). */
export type Service = 'dysmsapi' | 'dypnsapi';

/** Everything {@link answerRpc} needs besides method and parameters. */
export type RpcState = Omit<ActionContext, 'params'> & { nonces: NonceLedger; service?: Service };

type ActionHandler = (context: ActionContext) => RpcAnswer;

/** An action's handler and the RAM service its action is named in (`dysms:SendSms`). */
type ActionEntry = { run: ActionHandler; ram: 'dysms' | 'dypns' };

const dysms = (run: ActionHandler): ActionEntry => ({ run, ram: 'dysms' });

/**
 * §0: the China site's 2017-05-25 API (sends and the read-only queries of
 * docs/aliyun-sms-query-api.md) and the international site's 2018-05-01 API. PNVS's
 * `SendSmsVerifyCode` is also 2017-05-25; Aliyun serves it on its own host (`dypnsapi`), the
 * sandbox on the same port as the rest (an assumption: README).
 */
const apis: Record<string, Record<string, ActionEntry>> = {
  '2017-05-25': {
    SendSms: dysms(sendSms),
    SendSmsVerifyCode: { run: sendSmsVerifyCode, ram: 'dypns' },
    QuerySmsTemplate: dysms(querySmsTemplate),
    GetSmsTemplate: dysms(getSmsTemplate),
    QuerySmsSign: dysms(querySmsSign),
    GetSmsSign: dysms(getSmsSign),
    QuerySmsTemplateList: dysms(querySmsTemplateList),
    QuerySmsSignList: dysms(querySmsSignList),
    QuerySendDetails: dysms(querySendDetails),
  },
  '2018-05-01': {
    SendMessageWithTemplate: dysms(sendMessageWithTemplate),
    SendMessageToGlobe: dysms(sendMessageToGlobe),
    QueryMessage: dysms(queryMessage),
  },
};

/**
 * PNVS's host (`dypnsapi.aliyuncs.com`): its send, and its own `QuerySendDetails`, whose answer
 * differs from the SMS one (SDK `@alicloud/dypnsapi20170525` 2.0.0, `QuerySendDetailsResponseBody`).
 */
const pnvsApis: Record<string, Record<string, ActionEntry>> = {
  '2017-05-25': {
    SendSmsVerifyCode: { run: sendSmsVerifyCode, ram: 'dypns' },
    QuerySendDetails: { run: pnvsQuerySendDetails, ram: 'dypns' },
  },
};

/**
 * One RPC request: `params` are the decoded query and form parameters merged, with a V3 request's
 * `x-acs-action` and `x-acs-version` as `Action` and `Version`; the rest is what V3 signs.
 */
export type RpcRequest = V3Incoming & { params: Readonly<Record<string, string>> };

/**
 * The answer to one RPC request. A request with an `Authorization: ACS3-…` header is checked by
 * signature V3 rules (verify-v3.ts), any other by V1 rules (verify.ts); both answer the same codes.
 */
export function answerRpc(request: RpcRequest, state: RpcState): RpcAnswer {
  const { method, params } = request;
  const v3 = isSignedV3(request.headers);
  const missing = v3 ? missingV3Value(request.headers, state.gateway) : missingCommonParameter(params, state.gateway);
  if (missing !== undefined) {
    return missing;
  }
  const actions = lookup(state.service === 'dypnsapi' ? pnvsApis : apis, params.Version ?? '');
  if (actions === undefined) {
    return gatewayError('InvalidVersion', state.gateway);
  }
  const action = params.Action ?? '';
  const entry = lookup(actions, action);
  if (entry === undefined || (method !== 'GET' && method !== 'POST')) {
    return gatewayError('InvalidAction.NotFound', state.gateway);
  }
  const verifyState = {
    credentials: state.registry.credentials,
    nonces: state.nonces,
    now: state.now,
    context: state.gateway,
  };
  const rejected = v3 ? verifyV3Request(request, verifyState) : verifySignedRequest(method, params, verifyState);
  if (rejected !== undefined) {
    return rejected;
  }
  const ramAction = `${entry.ram}:${action}`;
  const denied = state.account.denial(v3 ? v3AccessKeyId(request.headers) : (params.AccessKeyId ?? ''), ramAction);
  return denied === undefined ? entry.run({ ...state, params }) : ramRefusal(denied, action, ramAction, state.gateway, params.Version);
}

function lookup<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
