/**
 * International site 2018-05-01 `QueryMessage` (docs/aliyun-sms-query-api.md §8): one message by
 * the `MessageId` its send returned, from the send records (send-records.ts). Its `Status` enum is
 * not QuerySendDetails': `1` delivered, `2` failed, `3` still sending (SDK 1.0.10; an older page's
 * numbering on request, readings.ts). A MessageId with no record is `DATA_NOT_EXIST`.
 *
 * @module
 */
import type { ActionContext } from './action-context.js';
import type { RpcAnswer } from './answer.js';
import { chinaRfc1123 } from './china-time.js';
import { accepted, failure } from './intl-answers.js';
import { intlCode, queryMessageStatus } from './readings.js';
import { readInternationalNumber } from './phone-rules.js';
import type { SendRecord } from './send-records.js';


/** Handles `QueryMessage`. */
export function queryMessage(context: ActionContext): RpcAnswer {
  const fail = failure(context, 'QueryMessageResponse');
  const messageId = context.params.MessageId ?? '';
  if (messageId === '') {
    // Assumption A5: a missing parameter on the 2018-05-01 API is INVALID_PARAMETERS in the body.
    return fail('INVALID_PARAMETERS', 'MessageId is mandatory for this action.');
  }
  const [record] = context.records.list({ id: messageId, site: 'international' });
  const readings = context.account.readings();
  if (record === undefined) {
    // error-code-intl: DATA_NOT_EXIST, "the record does not exist; try again later" (assumption A21
    // for the HTTP status and body); the sandbox's earlier guess on request (readings.ts).
    return readings.unknownMessageId === 'DATA_NOT_EXIST'
      ? fail(intlCode('DATA_NOT_EXIST', readings), 'The queried SMS record does not exist. Please try again later.')
      : fail('INVALID_PARAMETERS', 'The MessageId does not exist.');
  }
  const to = /^1[3-9]\d{9}$/.test(record.phone) ? `86${record.phone}` : record.phone;
  return accepted(context, 'QueryMessageResponse', {
    To: to,
    MessageId: record.id,
    Message: record.content,
    Status: queryMessageStatus(record.status, readings),
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
