/**
 * @module error-codes
 * What each Aliyun error code means for the person who reads it, and which Logto connector error
 * code carries it. Logto shows a fixed phrase for every connector code except `General`, whose
 * phrase embeds our sentence, so anything the operator must act on is `General`; only what the
 * end user can act on (wait, or fix the number) gets its own code. Codes and meanings: fact sheet
 * §5, from https://help.aliyun.com/zh/sms/developer-reference/api-error-codes.
 */
import { ConnectorErrorCodes } from '@logto/connector-kit';

import type { CodeRule } from './code-rule.js';
import { isPnvsApi } from '../plan/pnvs.js';
import { pnvsCodeRules, unknownPnvsCode } from './pnvs-error-codes.js';


const general = (explain: CodeRule['explain']): CodeRule => ({ connectorCode: ConnectorErrorCodes.General, explain });
const fixed = (sentence: string) => general(() => sentence);

const rateLimited: CodeRule = {
  connectorCode: ConnectorErrorCodes.RateLimitExceeded,
  explain: () =>
    'Aliyun flow control refused another message to this number for now (by default one signature may send a number 1 code a minute, 5 an hour and 10 a day); the user can try again later, and enterprise accounts can change the limits in the SMS console.',
};

const intlRateLimited: CodeRule = {
  connectorCode: ConnectorErrorCodes.RateLimitExceeded,
  explain: () =>
    "Alibaba Cloud flow control refused another message for now (Aliyun's code names the limit: per minute, hour or day, or per number); the user can try again later.",
};

const badNumber = (sentence: string): CodeRule => ({
  connectorCode: ConnectorErrorCodes.InvalidRequestParameters,
  explain: () => sentence,
});

const systemError = fixed(
  'Aliyun had an internal error; the message may or may not have been sent, so check the send records in the SMS console before sending again.'
);
const ramDenied = general(
  ({ api }) =>
    `The RAM user of accessKeyId may not call ${api}; grant it the dysms action for this API (see the RAM policy in docs/security.md).`
);
const forbiddenAction = general(
  ({ api }) =>
    `Aliyun has restricted this account's use of ${api} (an account-level restriction, not a RAM policy); no RAM grant lifts it: ask Alibaba Cloud support to restore the account's access to this API.`
);
const wrongApi = general(
  ({ api }) => `The endpoint does not serve ${api}; check that endpoint is Aliyun's SMS API host for this account's site.`
);

/** Every code in the fact sheet's error table, by exact `Code`. */
const byCode: Record<string, CodeRule> = {
  'isv.BUSINESS_LIMIT_CONTROL': rateLimited,
  'Throttling.User': rateLimited,
  Throttling: rateLimited,
  'isv.MOBILE_NUMBER_ILLEGAL': badNumber(
    'Aliyun refused the phone number as malformed; check that it is a real mobile number with its region code.'
  ),
  'isv.MOBILE_COUNT_OVER_LIMIT': badNumber(
    'Aliyun read the phone number as a list of more than 1000 recipients; send one number per message.'
  ),
  'isv.DAY_LIMIT_CONTROL': fixed(
    "The account's daily SMS cap set in the Aliyun SMS console is reached; raise it there or wait for the next day."
  ),
  'isv.MONTH_LIMIT_CONTROL': fixed(
    "The account's monthly SMS cap set in the Aliyun SMS console is reached; raise it there or wait for the next month."
  ),
  'isv.AMOUNT_NOT_ENOUGH': fixed('The Aliyun account balance is too low to send SMS; top up the account.'),
  'isv.OUT_OF_SERVICE': fixed(
    'Aliyun has suspended SMS for this account, usually for overdue payment; settle the balance in the Aliyun billing console.'
  ),
  'isv.SMS_SIGNATURE_ILLEGAL': fixed(
    'Aliyun does not accept signName; use a signature approved in this account, spelled exactly as the SMS console shows it.'
  ),
  'isv.SMS_SIGN_ILLEGAL': fixed('The signature in signName is banned; check its status in the SMS console.'),
  'isv.SIGN_STATE_ILLEGAL': fixed('The signature in signName is not usable now; check its status in the SMS console.'),
  'isv.SMS_SIGNATURE_SCENE_ILLEGAL': general(
    ({ templateCode }) =>
      `signName is a verification-code signature but template ${templateCode} is not a verification-code template; use a general signature or a code template.`
  ),
  'isv.SMS_TEMPLATE_ILLEGAL': general(
    ({ templateCode }) =>
      `Aliyun does not accept template ${templateCode}; use an approved template of this account for the number's region (mainland or international), whose variables match params.`
  ),
  'isv.TEMPLATE_MISSING_PARAMETERS': general(
    ({ templateCode }) =>
      `Template ${templateCode} has a variable that TemplateParam does not fill; add it to the template's params, e.g. {"code": "{{code}}"}.`
  ),
  'isv.TEMPLATE_PARAMS_ILLEGAL': general(
    ({ templateCode }) =>
      `A value sent for template ${templateCode} breaks its variable's rules (e.g. digits only, 4 to 6 characters for a code) or contains banned words.`
  ),
  'isv.INVALID_PARAMETERS': fixed('Aliyun found a malformed parameter in the request; check signName, the template code and params.'),
  'isv.INVALID_JSON_PARAM': fixed('Aliyun did not accept TemplateParam as a JSON object of string values; check params.'),
  'isv.PARAM_LENGTH_LIMIT': fixed('A template variable value is too long for Aliyun; shorten what params sends.'),
  'isv.PARAM_NOT_SUPPORT_URL': fixed('A template variable value contains a URL, which Aliyun refuses; remove it from params.'),
  'isv.BLACK_KEY_CONTROL_LIMIT': fixed('The message contains a blacklisted keyword; review the template and params.'),
  'isv.SMS_CONTENT_ILLEGAL': fixed('The message content is forbidden by Aliyun; review the template and params.'),
  'isv.DOMESTIC_NUMBER_NOT_SUPPORTED': general(
    ({ templateCode }) =>
      `Template ${templateCode} is an international template but the number is in mainland China; set templateCode to {"china": "<mainland template>", "overseas": "${templateCode}"}.`
  ),
  'isv.DENY_IP_RANGE': fixed(
    "Aliyun refuses mainland SMS from this server's IP address range; check the SMS console's IP settings or send from a permitted network."
  ),
  'isv.ACCOUNT_NOT_EXISTS': fixed('Aliyun finds no account for accessKeyId; check that it belongs to the account that owns the SMS service.'),
  'isv.ACCOUNT_ABNORMAL': fixed('The Aliyun account is abnormal; check its status in the Aliyun console.'),
  'isv.PRODUCT_UN_SUBSCRIPT': fixed('Short Message Service is not activated on this Aliyun account; activate it in the console.'),
  'isv.PRODUCT_UNSUBSCRIBE': fixed('Short Message Service is not activated on this Aliyun account; activate it in the console.'),
  'isv.EXTEND_CODE_ERROR': fixed('One SmsUpExtendCode is used on several signatures; give each signature its own extension code.'),
  // Every spelling of a RAM refusal (docs/aliyun-sms-query-api.md §10): China site, PNVS, gateway.
  'isp.RAM_PERMISSION_DENY': ramDenied,
  'isv.RAM_PERMISSION_DENY': ramDenied,
  'Forbidden.RAM': ramDenied,
  'Forbidden.NoPermission': ramDenied,
  // An account-level ban of the action, not RAM (Aliyun's API metadata: HTTP 400 from GetSms*).
  ForbiddenAction: forbiddenAction,
  'isp.SYSTEM_ERROR': systemError,
  ServiceUnavailable: systemError,
  InternalError: systemError,
  SignatureDoesNotMatch: fixed(
    'Aliyun computed a different request signature: accessKeySecret does not belong to accessKeyId; paste the secret again.'
  ),
  'InvalidAccessKeyId.NotFound': fixed(
    'Aliyun does not know accessKeyId; check that it was copied whole and that the AccessKey was not deleted.'
  ),
  'InvalidAccessKeyId.Inactive': fixed('The AccessKey is disabled; enable it in the RAM console or create a new one.'),
  SignatureNonceUsed: fixed(
    'Aliyun saw this request nonce before, so the request was replayed; each send signs a fresh nonce, so check for a proxy that repeats requests.'
  ),
  'InvalidTimeStamp.Expired': fixed(
    "This server's clock is more than 15 minutes off Aliyun's; synchronise it (NTP) and make sure it keeps UTC correctly."
  ),
  MissingSecurityToken: fixed(
    'Aliyun expects an STS security token for this AccessKey; use a RAM user AccessKey (not temporary STS credentials).'
  ),
  'InvalidSecurityToken.Expired': fixed(
    'The STS credentials have expired; use a RAM user AccessKey, which does not expire.'
  ),
  InvalidVersion: wrongApi,
  'InvalidAction.NotFound': wrongApi,

  // International site, 2018-05-01 `ResponseCode`s (fact sheet §3), by the same rule.
  QPS_LIMIT_CONTROL: rateLimited,
  // Not in the documented 2018-05-01 list; per-number flow control is assumed to surface like this.
  BUSINESS_LIMIT_CONTROL: rateLimited,
  // An older published international list (docs/aliyun-intl-api.md §2, [M] names, [L] scope): limits
  // per interval and per number, which the user waits out; account-wide caps stay the operator's.
  BUSINESS_LIMIT_CONTROL_MINUTE: intlRateLimited,
  'isv.BUSINESS_LIMIT_HOUR': intlRateLimited,
  'isv.BUSINESS_LIMIT_DAY': intlRateLimited,
  BUSINESS_LIMIT_HOUR: intlRateLimited,
  BUSINESS_LIMIT_DAY: intlRateLimited,
  BUSINESS_LIMIT_CONTROL_PHONE: intlRateLimited,
  MOBILE_NUMBER_ILLEGAL: badNumber(
    'Alibaba Cloud refused the phone number as malformed; check that it is a real mobile number with its region code.'
  ),
  NOT_SUPPORTED_COUNTRY: badNumber(
    "Alibaba Cloud does not deliver to this number's country or region with this API; check the supported countries for the account."
  ),
  INVALID_SENDERID: fixed(
    'Alibaba Cloud does not accept senderId for this destination; register the sender ID (required in e.g. the US, Canada and Singapore) or leave senderId empty.'
  ),
  SMS_SIGN_NAME_ILLEGAL: fixed(
    'Alibaba Cloud does not accept signName for mainland China numbers; use a mainland signature approved for this account.'
  ),
  SMS_CONTENT_CODE_ILLEGAL: general(
    ({ templateCode }) =>
      `Alibaba Cloud does not accept template ${templateCode} for mainland China numbers; use an approved mainland template code.`
  ),
  CONTENT_MISSING_PARAMETERS: general(
    ({ templateCode }) =>
      `Template ${templateCode} has a variable that TemplateParam does not fill; add it to the template's params, e.g. {"code": "{{code}}"}.`
  ),
  INVALID_PARAMETERS: fixed(
    "Alibaba Cloud found a malformed parameter; check signName, senderId, the template code and the template's content."
  ),
  INVALID_JSON_PARAM: fixed('Alibaba Cloud did not accept TemplateParam as a JSON object of string values; check params.'),
  PARAM_LENGTH_LIMIT: fixed("A value is too long for Alibaba Cloud; shorten the template's content or params."),
  SMS_CONTENT_ILLEGAL: fixed("The message content is forbidden; review the template's content."),
  SMS_SECURITY_INTERCEPTED: fixed("Alibaba Cloud's security check intercepted the message; review the template's content."),
  BLACK_KEY_CONTROL_LIMIT: fixed("The message contains a blacklisted keyword; review the template's content."),
  AMOUNT_NOT_ENOUGH: fixed('The Alibaba Cloud account balance is too low to send SMS; top up the account.'),
  ONLINE_BILLING_FAILED: fixed('Alibaba Cloud could not bill the message; check the account balance and payment method.'),
  OUT_OF_SERVICE: fixed('Alibaba Cloud has suspended SMS for this account, usually for overdue payment; settle the balance.'),
  ACCOUNT_NOT_EXISTS: fixed('Alibaba Cloud finds no account for accessKeyId; check that it belongs to the account that owns SMS.'),
  ACCOUNT_ILLEGAL: fixed('The Alibaba Cloud account is restricted; check its status in the console.'),
  PRODUCT_NOT_SUBSCRIBED: fixed('Short Message Service is not activated on this Alibaba Cloud account; activate it in the console.'),
  // help.aliyun.com/zh/sms/error-code-intl: "用户接口降级" (the account's access to the API is restricted); older lists prefix it.
  FORBIDDEN_ACTION: forbiddenAction,
  'isv.FORBIDDEN_ACTION': forbiddenAction,
  // error-code-intl: "RAM校验失败" (RAM check failed); older lists spell it RAM_CHECK_FAILED.
  RAM_PERMISSION_DENY: ramDenied,
  RAM_CHECK_FAILED: ramDenied,
  'isv.RAM_CHECK_FAILED': ramDenied,
  SYSTEM_ERROR: systemError,
};

/** The table as a map, so a `Code` such as `constructor` finds nothing inherited. */
export const codeRules: ReadonlyMap<string, CodeRule> = new Map(Object.entries(byCode));

/**
 * The rule for a code from the API named by `api` (a route summary's, e.g. `SendSms 2017-05-25`):
 * PNVS's own table first for `SendSmsVerifyCode`. `Throttling.*` variants are throttling, anything
 * unknown is for the operator.
 */
export const ruleFor = (code: string, api = ''): CodeRule => {
  const pnvs = isPnvsApi(api);
  return (pnvs ? pnvsCodeRules.get(code) : undefined) ?? codeRules.get(code) ?? fallbackRule(code, pnvs);
};

const fallbackRule = (code: string, pnvs: boolean): CodeRule =>
  code.startsWith('Throttling')
    ? rateLimited
    : pnvs
      ? unknownPnvsCode
      : general(
        () =>
          'Aliyun refused the message; look the code up at https://help.aliyun.com/zh/sms/developer-reference/api-error-codes.'
      );
