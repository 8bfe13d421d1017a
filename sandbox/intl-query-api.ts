/**
 * International site 2018-05-01 `QueryMessage` (docs/aliyun-sms-query-api.md §8): one message by
 * the `MessageId` its send returned, from the send records (send-records.ts). Its `Status` enum is
 * not QuerySendDetails': `1` delivered, `2` failed, `3` still sending.
 *
 * @module
 */
import type { ActionContext } from './action-context.js';
import type { RpcAnswer } from './answer.js';
import { chinaRfc1123 } from './china-time.js';
import { accepted, failure } from './intl-answers.js';
import { readInternationalNumber } from './phone-rules.js';
import type { SendRecord } from './send-records.js';

const status = { delivered: '1', failed: '2', pending: '3' } as const;

/** Handles `QueryMessage`. */
export function queryMessage(context: ActionContext): RpcAnswer {
  const fail = failure(context, 'QueryMessageResponse');
  const messageId = context.params.MessageId ?? '';
  if (messageId === '') {
    // Assumption A5: a missing parameter on the 2018-05-01 API is INVALID_PARAMETERS in the body.
    return fail('INVALID_PARAMETERS', 'MessageId is mandatory for this action.');
  }
  const [record] = context.records.list({ id: messageId, site: 'international' });
  if (record === undefined) {
    // Assumption A21: what Aliyun answers for an unknown MessageId is not documented.
    return fail('INVALID_PARAMETERS', 'The MessageId does not exist.');
  }
  const to = /^1[3-9]\d{9}$/.test(record.phone) ? `86${record.phone}` : record.phone;
  return accepted(context, 'QueryMessageResponse', {
    To: to,
    MessageId: record.id,
    Message: record.content,
    Status: status[record.status],
    ...outcomeFields(record),
    SendDate: chinaRfc1123(record.sentAt),
    ...(record.receivedAt === undefined ? {} : { ReceiveDate: chinaRfc1123(record.receivedAt) }),
    NumberDetail: numberDetail(to),
  });
}

function outcomeFields(record: SendRecord): Record<string, string> {
  if (record.errCode === undefined) {
    return {};
  }
  return { ErrorCode: record.errCode, ErrorDescription: record.status === 'delivered' ? 'success' : 'failed' };
}

/** The same synthetic `NumberDetail` the 2018-05-01 sends answer. */
function numberDetail(to: string): Record<string, string> {
  const reading = readInternationalNumber(to);
  return reading.kind === 'overseas'
    ? { Carrier: 'Sandbox Mobile', Region: reading.region, Country: reading.country }
    : { Carrier: 'Sandbox Mobile', Region: 'CN', Country: 'China' };
}
