/**
 * PNVS's own `QuerySendDetails` (dypnsapi 2017-05-25, docs/aliyun-sms-query-api.md §9), served on
 * the PNVS host only: the `SendSmsVerifyCode` messages to one number on one China-time day, with
 * the rules of the SMS query (send-details-api.ts) and PNVS's answer shape, from the SDK
 * `@alicloud/dypnsapi20170525` 2.0.0 `QuerySendDetailsResponseBody`: records in a flat `Model`
 * array, `TotalCount` a number, `Success`, and no `RequestId` in the body (its model has none).
 *
 * @module
 */
import type { ActionContext } from './action-context.js';
import type { RpcAnswer } from './answer.js';
import { readSendDetailsQuery, sendDetail } from './send-details-api.js';

/** Handles PNVS's `QuerySendDetails`. */
export function pnvsQuerySendDetails(context: ActionContext): RpcAnswer {
  const query = readSendDetailsQuery(context, 'dypnsapi');
  if ('refusal' in query) {
    return query.refusal;
  }
  if ('message' in query) {
    // Assumption A43: PNVS refuses a malformed value with its bare code in a 200 body.
    return { status: 200, root: 'QuerySendDetailsResponse', body: { Code: 'INVALID_PARAMETERS', Message: query.message, Success: false } };
  }
  return {
    status: 200,
    root: 'QuerySendDetailsResponse',
    body: { Code: 'OK', Message: 'OK', Success: true, TotalCount: query.total, Model: query.page.map((record) => sendDetail(record)) },
  };
}
