/**
 * Errors the API gateway answers before an action runs: HTTP 4xx with
 * `{ RequestId, HostId, Code, Message, Recommend }` (fact sheet §1.4, §5).
 *
 * Statuses follow §5; where §5 marks them [M]/[L] they are the best public evidence, not verified.
 *
 * @module
 */
import type { RpcAnswer } from './answer.js';

/** Who answers: the request id and the host the client called. */
export type GatewayContext = { requestId: string; hostId: string };

/** Status and message of each gateway error, in Aliyun's words. */
const catalogue = {
  InvalidVersion: [400, 'Specified parameter Version is not valid.'],
  'InvalidAction.NotFound': [404, 'Specified api is not found, please check your url and method.'],
  InvalidSignatureMethod: [400, 'Specified signature method is not supported.'],
  // The code for an unsupported SignatureVersion is not documented; this mirrors the method one.
  InvalidSignatureVersion: [400, 'Specified signature version is not supported.'],
  'InvalidAccessKeyId.NotFound': [404, 'Specified access key is not found.'],
  'InvalidTimeStamp.Format': [400, 'Specified time stamp or date value is not well formatted.'],
  'InvalidTimeStamp.Expired': [400, 'Specified time stamp or date value is expired.'],
  SignatureDoesNotMatch: [
    400,
    'Specified signature is not matched with our calculation. server string to sign is:',
  ],
  SignatureNonceUsed: [400, 'Specified signature nonce was used already.'],
  // docs/aliyun-sms-query-api.md §3, §5: GetSmsTemplate's and GetSmsSign's documented errors.
  TemplateNotFound: [404, 'The template does not exist.'],
  SignatureNotFound: [404, 'The signature does not exist.'],
  // docs §10: a RAM user or role without the action (Aliyun's answer for read APIs, with AccessDeniedDetail).
  'Forbidden.RAM': [403, "User not authorized to operate on the specified resource, or this API doesn't support RAM."],
  // Another spelling of the same gateway refusal (docs §10); the message is the sandbox's.
  'Forbidden.NoPermission': [403, 'You are not authorized to do this action. You should be authorized by RAM.'],
  // docs §3, §6: an account whose API access is restricted (Aliyun's API metadata for GetSms*).
  ForbiddenAction: [400, 'Access to the account is denied. Please contact the administrator.'],
  // Fact sheet §5: API call-rate flow control; 400 is [M] (one Aliyun product page says 403), assumption A35.
  'Throttling.User': [400, 'Request was denied due to user flow control.'],
} as const satisfies Record<string, readonly [number, string]>;

/** A gateway error code the sandbox answers. */
export type GatewayErrorCode = keyof typeof catalogue;

/** The gateway error `code`; `suffix` is appended to the message (the string to sign). */
export function gatewayError(code: GatewayErrorCode, context: GatewayContext, suffix = ''): RpcAnswer {
  const [status, message] = catalogue[code];
  return errorAnswer(status, code, message + suffix, context);
}

/**
 * `Missing<Name>`: a mandatory parameter is absent or empty (e.g. `MissingSignatureNonce`).
 * `label` names what the client must send when it differs from `name` (a V3 header such as `x-acs-date`).
 */
export function missingParameter(name: string, context: GatewayContext, label = name): RpcAnswer {
  return errorAnswer(400, `Missing${name}`, `${label} is mandatory for this action.`, context);
}

function errorAnswer(status: number, code: string, message: string, context: GatewayContext): RpcAnswer {
  return {
    status,
    root: 'Error',
    body: {
      RequestId: context.requestId,
      HostId: context.hostId,
      Code: code,
      Message: message,
      Recommend: `https://api.aliyun.com/troubleshoot?q=${code}&product=Dysmsapi&requestId=${context.requestId}`,
    },
  };
}
