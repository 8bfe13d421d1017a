/**
 * Routes one RPC request: mandatory common parameters, then the API named by `Version` +
 * `Action`, then the signature checks (fact sheet §1 for V1; signature-v3.ts for the V3 that
 * Aliyun's current SDKs send), then the call rate (query-rate.ts), then RAM (an AccessKey may be
 * denied actions: ram-denial.ts), then an account-level ban of the action (`ForbiddenAction`), then
 * the action itself, for the account that owns the AccessKey (accounts.ts). An action the account's
 * endpoint is set not to know is `InvalidAction.NotFound` once the signature names the account.
 *
 * The API is looked up before the signature is checked, as a gateway must know the API before it
 * can authorize it; Aliyun does not document this order.
 *
 * @module
 */
import { refusedUnlessInGoodStanding } from './account-refusals.js';
import type { AccountBook } from './accounts.js';
import type { AccountScoped, ActionContext } from './action-context.js';
import type { RpcAnswer } from './answer.js';
import { queryAccountBalance } from './balance-api.js';
import { getCallerIdentity } from './caller-identity-api.js';
import { gatewayError } from './gateway-errors.js';
import { sendMessageToGlobe, sendMessageWithTemplate } from './intl-api.js';
import { queryMessage } from './intl-query-api.js';
import { querySmsSignList, querySmsTemplateList } from './list-api.js';
import type { NonceLedger } from './nonce-ledger.js';
import { sendSmsVerifyCode } from './pnvs-api.js';
import { pnvsQuerySendDetails } from './pnvs-query-api.js';
import { forbiddenActionRefusal, ramRefusal } from './ram-denial.js';
import type { ApiFamily } from './ram-denial.js';
import type { QueryRate } from './query-rate.js';
import { querySendDetails } from './send-details-api.js';
import { querySendStatistics } from './send-statistics-api.js';
import { getSmsSign, querySmsSign } from './sign-query-api.js';
import { sendSms } from './sms-api.js';
import { getSmsTemplate, querySmsTemplate } from './template-query-api.js';
import { missingCommonParameter, verifySignedRequest } from './verify.js';
import { isSignedV3, missingV3Value, v3AccessKeyId, verifyV3Request } from './verify-v3.js';
import type { V3Incoming } from './verify-v3.js';

/** Which Aliyun host a listener plays: SMS (`dysmsapi`, the default) or PNVS (`dypnsapi`). */
export type Service = 'dysmsapi' | 'dypnsapi';

/** Everything {@link answerRpc} needs besides method and parameters; the account comes from the AccessKey. */
export type RpcState = Omit<ActionContext, 'params' | AccountScoped> & { nonces: NonceLedger; accounts: AccountBook; rate: QueryRate; service?: Service };

type ActionHandler = (context: ActionContext) => RpcAnswer;

/**
 * An action's handler and the RAM service its action is named in (`dysms:SendSms`), or, for other
 * products, every RAM action that names it (either one denied refuses it); none for an action that
 * needs no permission.
 */
type ActionEntry = { run: ActionHandler; ram: 'dysms' | 'dypns' | readonly string[] };

const dysms = (run: ActionHandler): ActionEntry => ({ run, ram: 'dysms' });

/**
 * §0: the China site's 2017-05-25 API (sends and the read-only queries of
 * docs/aliyun-sms-query-api.md) and the international site's 2018-05-01 API. PNVS's
 * `SendSmsVerifyCode` is also 2017-05-25; Aliyun serves it on its own host (`dypnsapi`), the
 * sandbox on its PNVS host ({@link pnvsApis}) and, for older configurations, here too. So are the billing API's balance
 * (BssOpenApi 2017-12-14) and STS's `GetCallerIdentity` (2015-04-01). A send is refused first
 * when its account may not send (account-refusals.ts).
 */
const apis: Record<string, Record<string, ActionEntry>> = {
  '2017-05-25': {
    SendSms: dysms(refusedUnlessInGoodStanding('SendSms', sendSms)),
    SendSmsVerifyCode: { run: refusedUnlessInGoodStanding('SendSmsVerifyCode', sendSmsVerifyCode), ram: 'dypns' },
    QuerySmsTemplate: dysms(querySmsTemplate),
    GetSmsTemplate: dysms(getSmsTemplate),
    QuerySmsSign: dysms(querySmsSign),
    GetSmsSign: dysms(getSmsSign),
    QuerySmsTemplateList: dysms(querySmsTemplateList),
    QuerySmsSignList: dysms(querySmsSignList),
    QuerySendDetails: dysms(querySendDetails),
    QuerySendStatistics: dysms(querySendStatistics),
  },
  '2018-05-01': {
    SendMessageWithTemplate: dysms(refusedUnlessInGoodStanding('SendMessageWithTemplate', sendMessageWithTemplate)),
    SendMessageToGlobe: dysms(refusedUnlessInGoodStanding('SendMessageToGlobe', sendMessageToGlobe)),
    QueryMessage: dysms(queryMessage),
  },
  // BSS OpenAPI: the API's own RAM action and the console's older one, either of which a policy may
  // name (help.aliyun.com/knowledge_detail/139650.html; document_detail/87997.html lists bss:DescribeAcccount).
  '2017-12-14': {
    QueryAccountBalance: { run: queryAccountBalance, ram: ['bssapi:QueryAccountBalance', 'bss:DescribeAcccount'] },
  },
  // STS: GetCallerIdentity needs no permission.
  '2015-04-01': {
    GetCallerIdentity: { run: getCallerIdentity, ram: [] },
  },
};

/**
 * PNVS's host (`dypnsapi.aliyuncs.com`): its send, and its own `QuerySendDetails`, whose answer
 * differs from the SMS one (SDK `@alicloud/dypnsapi20170525` 2.0.0, `QuerySendDetailsResponseBody`).
 */
const pnvsApis: Record<string, Record<string, ActionEntry>> = {
  '2017-05-25': {
    SendSmsVerifyCode: { run: refusedUnlessInGoodStanding('SendSmsVerifyCode', sendSmsVerifyCode), ram: 'dypns' },
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
    credentials: state.accounts.credentials(),
    nonces: state.nonces,
    now: state.now,
    context: state.gateway,
  };
  const rejected = v3 ? verifyV3Request(request, verifyState) : verifySignedRequest(method, params, verifyState);
  if (rejected !== undefined) {
    return rejected;
  }
  const accessKeyId = v3 ? v3AccessKeyId(request.headers) : (params.AccessKeyId ?? '');
  const slot = state.accounts.byAccessKeyId(accessKeyId)!;
  // The account's endpoint may not know the action (its registry's or the operator API's unknownActions).
  if (!slot.live.knows(action)) {
    return gatewayError('InvalidAction.NotFound', state.gateway);
  }
  if (state.settings.get().queryRateLimit && !state.rate.admits(slot.name, action, state.now)) {
    return gatewayError('Throttling.User', state.gateway);
  }
  const family: ApiFamily = entry.ram === 'dypns' ? 'pnvs' : params.Version === '2018-05-01' ? 'intl' : 'sms';
  const refused = { action, family, context: state.gateway, readings: slot.live.readings() };
  const ramActions = typeof entry.ram === 'string' ? [`${entry.ram}:${action}`] : entry.ram;
  for (const ramAction of ramActions) {
    const denied = slot.live.denial(accessKeyId, ramAction);
    if (denied !== undefined) {
      // Products other than SMS and PNVS answer a RAM denial at the gateway (assumption A37).
      return ramRefusal(typeof entry.ram === 'string' ? denied : 'Forbidden.RAM', refused, ramAction);
    }
  }
  // Assumption A23: the account-level ban is decided after RAM (which the gateway decides first).
  if (slot.live.forbids(action)) {
    return forbiddenActionRefusal(refused);
  }
  const { entry: registry, live: account, standing, flow, records, dailySends, outbox } = slot;
  const credential = registry.credentials.find((candidate) => candidate.accessKeyId === accessKeyId)!;
  return entry.run({ ...state, params, registry, credential, account, standing, flow, records, dailySends, outbox });
}

function lookup<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
