/**
 * @module account-queries
 * The read-only questions an operator's own Aliyun account answers (China site, Dysmsapi
 * 2017-05-25, signed like SendSms): a signature's review state (`QuerySmsSign`), a template's
 * state, type and text (`QuerySmsTemplate`), and what happened to the messages sent to a number
 * on a day (`QuerySendDetails`). Each answer is read into a small record; a refusal comes back as
 * a record too, so callers report it instead of catching it. Facts: docs/aliyun-sms-query-api.md.
 */
import type { AnswerReading } from '../aliyun/aliyun-answer.js';
import type { AliyunClient, Credentials, QueryCall, QueryResult } from '../aliyun/aliyun-client.js';
import { redact } from '../aliyun/errors.js';
import { regionIdFor } from '../plan/route.js';
import type { Site } from '../plan/endpoint.js';

/** The API version of every read-only action here. */
const version = '2017-05-25';

/** Where the queries go: the account's endpoint, key pair and site, and the deadline of each call. */
export type QueryTarget = Credentials & { endpoint: string; site: Site; timeout: number };

/** How one call ended, for any action: what Aliyun said (code, RequestId), or why no answer came. */
export type CallOutcome =
  | { kind: 'ok'; body: Record<string, unknown>; requestId?: string }
  | { kind: 'refused'; code: string; message: string; requestId?: string; httpStatus: number; authAction?: string }
  | { kind: 'unreachable'; sentence: string };

/** What a call tells about the key and the clock, whatever its action. */
export type CallEvidence = { serverDate?: number; receivedAt?: number; clockOffsetMs: number };

/** One read-only call's outcome and evidence. */
export type QueryAnswer = CallOutcome & CallEvidence;

/**
 * The codes Aliyun answers when a RAM policy does not allow the action, in every spelling its
 * sites use (docs/aliyun-sms-query-api.md §10): the gateway's `Forbidden.RAM` and
 * `Forbidden.NoPermission`, the China site's `isp.RAM_PERMISSION_DENY`, PNVS's
 * `isv.RAM_PERMISSION_DENY`, the international site's bare `RAM_PERMISSION_DENY` ("RAM check
 * failed", help.aliyun.com/zh/sms/error-code-intl) and the `RAM_CHECK_FAILED` forms of older lists.
 */
export const ramDenialCodes: ReadonlySet<string> = new Set([
  'Forbidden.RAM',
  'Forbidden.NoPermission',
  'isp.RAM_PERMISSION_DENY',
  'isv.RAM_PERMISSION_DENY',
  'RAM_PERMISSION_DENY',
  'isv.RAM_CHECK_FAILED',
  'RAM_CHECK_FAILED',
]);

/**
 * The codes that say the account may not use the action at all, whatever the RAM policy:
 * `ForbiddenAction` (HTTP 400 from GetSmsTemplate/GetSmsSign, Aliyun's API metadata) and the
 * international site's `FORBIDDEN_ACTION` ("用户接口降级", error-code-intl), bare or prefixed.
 */
export const forbiddenActionCodes: ReadonlySet<string> = new Set(['ForbiddenAction', 'FORBIDDEN_ACTION', 'isv.FORBIDDEN_ACTION']);

/**
 * The codes that say a looked-up message has no record: `QueryMessage`'s `DATA_NOT_EXIST` ("the
 * record does not exist; try again later", error-code-intl), bare or prefixed. Not a refusal: the
 * record may not be there yet, or the message belongs to another account.
 */
export const noRecordCodes: ReadonlySet<string> = new Set(['DATA_NOT_EXIST', 'isv.DATA_NOT_EXIST']);

/** The codes that mean Aliyun did not accept the AccessKey or the signature (fact sheet §1.4, §5). */
export const credentialCodes: ReadonlySet<string> = new Set([
  'InvalidAccessKeyId.NotFound',
  'InvalidAccessKeyId.Inactive',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
]);

/** `SignatureDoesNotMatch` ends with the string to sign, which names the AccessKey and every parameter. */
const withoutStringToSign = (message: string): string => message.replace(/\s*server string to sign is:.*$/s, '');

/** The sentence for a call that got no Aliyun answer: which host, and what happened. */
const unreachableSentence = (result: Extract<QueryResult, { kind: 'failure' }>, host: string): string => {
  const { failure } = result;
  switch (failure.kind) {
    case 'timeout': {
      return `no answer from ${host} within ${failure.timeout} ms (timeout); check the network path to ${host}`;
    }
    case 'not-aliyun': {
      return `${host} answered HTTP ${failure.httpStatus} with a body that is not Aliyun's JSON; check endpoint (a proxy or gateway may have answered)`;
    }
    case 'network': {
      return `could not reach ${host} (${failure.errorCode}); check endpoint, DNS, and any firewall or proxy on the way`;
    }
  }
};

/** The RAM action a denial names (`AccessDeniedDetail.AuthAction`, an object or, from PNVS, a JSON string; §10). */
const authActionOf = (detail: unknown): string | undefined => {
  let value = detail;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const action = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).AuthAction : undefined;
  return typeof action === 'string' && /^[\w:*]+$/.test(action) ? action : undefined;
};

/** Reads a query result into what callers branch on; never lets a secret through. */
export const readQueryResult = (result: QueryResult, endpoint: string): QueryAnswer => {
  const evidence = { clockOffsetMs: result.clockOffsetMs };
  if (result.kind === 'failure') {
    return { kind: 'unreachable', sentence: unreachableSentence(result, new URL(endpoint).host), ...evidence };
  }
  const { outcome, body, httpStatus, serverDate, receivedAt } = result;
  const requestId = outcome.requestId;
  const timing = { ...(serverDate === undefined ? {} : { serverDate }), receivedAt, ...evidence };
  if (outcome.code !== 'OK') {
    const message = redact(withoutStringToSign(outcome.message), result.secrets);
    const authAction = authActionOf(body.AccessDeniedDetail);
    return {
      kind: 'refused',
      code: outcome.code,
      message,
      httpStatus,
      ...(requestId ? { requestId } : {}),
      ...(authAction ? { authAction } : {}),
      ...timing,
    };
  }
  return { kind: 'ok', body, ...(requestId ? { requestId } : {}), ...timing };
};

/** Makes one read-only call of `action` with its own parameters on the target's endpoint. */
export const queryAccount = async (
  client: AliyunClient,
  target: QueryTarget,
  action: string,
  parameters: Readonly<Record<string, string | undefined>>,
  apiVersion = version,
  reading: AnswerReading = {}
): Promise<QueryAnswer> => {
  const defined = Object.fromEntries(
    Object.entries(parameters).filter((entry): entry is [string, string] => entry[1] !== undefined)
  );
  const call: QueryCall = {
    endpoint: target.endpoint,
    parameters: {
      Action: action,
      Version: apiVersion,
      Format: 'JSON',
      RegionId: regionIdFor(target.endpoint, target.site),
      ...defined,
    },
  };
  return readQueryResult(await client.query(call, target, target.timeout, reading), target.endpoint);
};

/** The RAM action that allows an API action of SMS (`dysms`). */
export const ramActionOf = (action: string): string => `dysms:${action}`;
