/**
 * @module pnvs-error-codes
 * What PNVS's `SendSmsVerifyCode` answers mean for the person who reads them, by the same rule as
 * error-codes.ts: the end user's own codes (wait, fix the number) get their code, everything an
 * operator must fix is `General` with a sentence naming the fix. Codes: docs/aliyun-pnvs-api.md §5
 * (several are [M]: a code missing here still reads as an operator problem, naming Aliyun's code).
 */
import { ConnectorErrorCodes } from '@logto/connector-kit';

import type { CodeRule } from './code-rule.js';

const operator = (explain: CodeRule['explain']): CodeRule => ({ connectorCode: ConnectorErrorCodes.General, explain });
const fixed = (sentence: string) => operator(() => sentence);

const rateLimited: CodeRule = {
  connectorCode: ConnectorErrorCodes.RateLimitExceeded,
  explain: () =>
    'Aliyun PNVS refused another code to this number for now (the interval between codes and the hourly and daily caps per number are set in the PNVS console); the user can try again later.',
};

const badNumber: CodeRule = {
  connectorCode: ConnectorErrorCodes.InvalidRequestParameters,
  explain: () => 'Aliyun PNVS refused the phone number as malformed; PNVS sends only to mainland China mobile numbers.',
};

const ramDenied = fixed(
  'The RAM user of accessKeyId may not call SendSmsVerifyCode; grant it dypns:SendSmsVerifyCode (see the RAM policy in docs/security.md).'
);
const unsubscribed = fixed(
  'Phone Number Verification Service (号码认证服务) is not activated on this Aliyun account; activate it in the Aliyun console, or set mainlandService to sms.'
);
const badSignature = fixed(
  'Aliyun PNVS does not accept pnvsSignName; use a gifted signature listed in the PNVS console, spelled exactly as shown there.'
);

/** PNVS's codes, and SendSms codes whose SendSms sentence would name the wrong setting. */
const byCode: Record<string, CodeRule> = {
  BUSINESS_LIMIT_CONTROL: rateLimited,
  'isv.BUSINESS_LIMIT_CONTROL': rateLimited,
  FREQUENCY_FAIL: rateLimited,
  MOBILE_NUMBER_ILLEGAL: badNumber,
  'isv.MOBILE_NUMBER_ILLEGAL': badNumber,
  INVALID_PARAMETERS: operator(
    ({ templateCode }) =>
      `Aliyun PNVS found a malformed parameter; check pnvsSignName (a gifted signature), template ${templateCode} (a gifted template that goes with it), pnvsParams and pnvsSchemeName.`
  ),
  'isv.INVALID_PARAMETERS': operator(
    ({ templateCode }) =>
      `Aliyun PNVS found a malformed parameter; check pnvsSignName (a gifted signature), template ${templateCode} (a gifted template that goes with it), pnvsParams and pnvsSchemeName.`
  ),
  'isv.OUT_OF_SERVICE': fixed(
    'Aliyun has suspended PNVS for this account, usually for overdue payment; settle the balance in the Aliyun billing console.'
  ),
  // D1's code table: "You have not opened this function" (没有开通融合认证功能), HTTP 400.
  FUNCTION_NOT_OPENED: fixed(
    'Aliyun PNVS says SMS verification (短信认证) is not opened for this account; in the Aliyun console open 号码认证服务 (Phone Number Verification Service), enable 短信认证 and check the gifted signatures and templates there, or set mainlandService to sms.'
  ),
  'isv.PRODUCT_UNSUBSCRIBE': unsubscribed,
  'isv.PRODUCT_UN_SUBSCRIPT': unsubscribed,
  'isp.RAM_PERMISSION_DENY': ramDenied,
  'isv.RAM_PERMISSION_DENY': ramDenied,
  'Forbidden.RAM': ramDenied,
  'isv.SMS_SIGNATURE_ILLEGAL': badSignature,
  'isv.SMS_TEMPLATE_ILLEGAL': operator(
    ({ templateCode }) =>
      `Aliyun PNVS does not accept template ${templateCode}; a gifted signature needs a gifted template (e.g. 100001), and pnvsParams must fill its variables.`
  ),
  // Reached only when the client did not take the answer as sent: `Code: OK` with `Success: false`.
  OK: fixed(
    'Aliyun PNVS answered Code OK but Success false, so whether the code was sent is unclear; check the send records in the PNVS console before sending again.'
  ),
};

/** The PNVS table as a map, so a `Code` such as `constructor` finds nothing inherited. */
export const pnvsCodeRules: ReadonlyMap<string, CodeRule> = new Map(Object.entries(byCode));

/** The rule for a PNVS code that is in neither table. */
export const unknownPnvsCode = fixed(
  'Aliyun PNVS refused the message; look the code up at https://help.aliyun.com/zh/pnvs/developer-reference/api-return-code.'
);
