/**
 * China site 2017-05-25 `QuerySendDetails` (docs/aliyun-sms-query-api.md §7): the messages sent to
 * one number on one China-time day, from the send records (send-records.ts), with their delivery
 * outcome, one page at a time, newest first. PNVS's host answers the same query in its own shape
 * (pnvs-query-api.ts).
 *
 * @module
 */
import type { ActionContext } from './action-context.js';
import type { AnswerValue, RpcAnswer } from './answer.js';
import { missingParameter } from './gateway-errors.js';
import { chinaDateTime, chinaDay, isCalendarDay } from './china-time.js';
import type { SendRecord } from './send-records.js';

/** `SendStatus`: 1 waiting for the receipt, 2 failed, 3 delivered. */
const sendStatus = { pending: 1, failed: 2, delivered: 3 } as const;

/** §7: records of the last 30 days only. */
const lookBackDays = 30;

/** A query's records (all pages) and the page asked for, or why the query is refused. */
type SendDetailsQuery = { refusal: RpcAnswer } | { message: string } | { total: number; page: SendRecord[] };

/**
 * Reads a `QuerySendDetails` of the SMS or the PNVS host: the gateway's `Missing<Name>` for an
 * absent parameter, a refusal message for a malformed one, else the records of `service`.
 */
export function readSendDetailsQuery(context: ActionContext, service: 'dysmsapi' | 'dypnsapi'): SendDetailsQuery {
  const { params } = context;
  // Assumption A16: required parameters are checked by the gateway, as for SendSms.
  const absent = ['PhoneNumber', 'SendDate', 'PageSize', 'CurrentPage'].find((name) => (params[name] ?? '') === '');
  if (absent !== undefined) {
    return { refusal: missingParameter(absent, context.gateway) };
  }
  const day = params.SendDate ?? '';
  const pageSize = Number(params.PageSize);
  const page = Number(params.CurrentPage);
  // Assumption A17: a malformed or out-of-range value is refused in a 200 body.
  if (!isCalendarDay(day)) {
    return { message: 'SendDate格式错误，应为yyyyMMdd' };
  }
  if (day < chinaDay(context.now - lookBackDays * 86_400_000)) {
    return { message: 'SendDate只支持查询最近30天的记录' };
  }
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 50) {
    return { message: 'PageSize取值范围为1~50' };
  }
  if (!Number.isInteger(page) || page < 1) {
    return { message: 'CurrentPage必须是正整数' };
  }
  const bizId = params.BizId ?? '';
  const records = context.records.list({ phone: params.PhoneNumber ?? '', day, site: 'china', service, ...(bizId === '' ? {} : { id: bizId }) });
  return { total: records.length, page: records.slice((page - 1) * pageSize, page * pageSize) };
}

/** Handles `QuerySendDetails`. */
export function querySendDetails(context: ActionContext): RpcAnswer {
  const query = readSendDetailsQuery(context, 'dysmsapi');
  if ('refusal' in query) {
    return query.refusal;
  }
  const answer = (body: Record<string, AnswerValue>): RpcAnswer => ({ status: 200, root: 'QuerySendDetailsResponse', body: { RequestId: context.requestId, ...body } });
  if ('message' in query) {
    return answer({ Code: 'isv.INVALID_PARAMETERS', Message: query.message });
  }
  return answer({
    Code: 'OK',
    Message: 'OK',
    TotalCount: String(query.total),
    SmsSendDetailDTOs: { SmsSendDetailDTO: query.page.map((record) => sendDetail(record)) },
  });
}

/** One record as both hosts' `QuerySendDetails` list it. */
export function sendDetail(record: SendRecord): Record<string, AnswerValue> {
  // Assumption A18: a pending record has neither ErrCode nor ReceiveDate.
  return {
    PhoneNum: record.phone,
    SendStatus: sendStatus[record.status],
    ...(record.errCode === undefined ? {} : { ErrCode: record.errCode }),
    ...(record.templateCode === undefined ? {} : { TemplateCode: record.templateCode }),
    Content: record.content,
    SendDate: chinaDateTime(record.sentAt),
    ...(record.receivedAt === undefined ? {} : { ReceiveDate: chinaDateTime(record.receivedAt) }),
    ...(record.outId === undefined ? {} : { OutId: record.outId }),
  };
}
