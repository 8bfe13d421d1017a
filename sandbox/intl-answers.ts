/**
 * Answer bodies of the 2018-05-01 API (fact sheet §3): business errors as HTTP 200 with
 * `{ RequestId, ResponseCode, ResponseDescription }`, acceptance with the send details.
 *
 * @module
 */
import type { AnswerValue, RpcAnswer } from './answer.js';
import type { ActionContext } from './action-context.js';

/** The `ResponseCode`s the sandbox answers, with a default description (from §3's list). */
const descriptions = {
  INVALID_PARAMETERS: 'The input parameters are invalid.',
  MOBILE_NUMBER_ILLEGAL: 'The mobile phone number format is invalid.',
  NOT_SUPPORTED_COUNTRY: 'Sending messages to this country or region is not supported by this API.',
  SMS_SIGN_NAME_ILLEGAL: 'The signature is invalid: it does not exist or is blocked.',
  SMS_CONTENT_CODE_ILLEGAL: 'The template is invalid: it does not exist or is blocked.',
  CONTENT_MISSING_PARAMETERS: 'A template variable has no value.',
  INVALID_JSON_PARAM: 'The parameter is empty or the JSON string cannot be parsed.',
  INVALID_SENDERID: 'The sender ID is invalid or unapproved.',
  DATA_NOT_EXIST: 'The queried SMS record does not exist. Please try again later.',
  'isv.DATA_NOT_EXIST': 'The queried SMS record does not exist. Please try again later.',
  // Not in the current list: older published lists (docs/aliyun-intl-api.md §2; assumption A3).
  BUSINESS_LIMIT_CONTROL_MINUTE: 'Delivery frequency exceeds the minute limit.',
  'isv.BUSINESS_LIMIT_HOUR': 'Delivery frequency exceeds the hour limit.',
  'isv.BUSINESS_LIMIT_DAY': 'Delivery frequency exceeds the day limit.',
  // The account's standing (account-refusals.ts); ACCOUNT_ILLEGAL for an abnormal account is assumption A40.
  AMOUNT_NOT_ENOUGH: 'The account balance is insufficient.',
  OUT_OF_SERVICE: 'The service is suspended for this account, usually for overdue payment.',
  ACCOUNT_ILLEGAL: 'The account is restricted.',
} as const;

/** A 2018-05-01 business error code. */
export type IntlCode = keyof typeof descriptions;

/** A business-error answer builder for one action (`root` is the XML root element). */
export function failure(context: ActionContext, root: string) {
  return (code: IntlCode, description: string = descriptions[code]): RpcAnswer => ({
    status: 200,
    root,
    body: { RequestId: context.requestId, ResponseCode: code, ResponseDescription: description },
  });
}

/** The accepted answer: `ResponseCode: 'OK'` plus the send details. */
export function accepted(context: ActionContext, root: string, fields: Record<string, AnswerValue>): RpcAnswer {
  return {
    status: 200,
    root,
    body: {
      RequestId: context.requestId,
      ResponseCode: 'OK',
      ResponseDescription: 'The SMS Send Request was accepted',
      ...fields,
    },
  };
}
