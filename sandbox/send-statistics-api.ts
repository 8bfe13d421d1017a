/**
 * China site 2017-05-25 `QuerySendStatistics` (RAM `dysms:QuerySendStatistics`, 20 calls a second):
 * the calling account's deliveries per China-time day (send-statistics.ts), one page at a time.
 * Parameters and answer as `@alicloud/dysmsapi20170525` 4.6.0 has them
 * (`src/models/QuerySendStatisticsRequest.ts`, `QuerySendStatisticsResponseBody.ts`): `IsGlobe`
 * (1 domestic, 2 international), `StartDate` and `EndDate` (`yyyyMMdd`), `PageIndex`, `PageSize`
 * (1–50), all required, optional `SignName` and `TemplateType`; answer `{ RequestId, Code, Message,
 * Data: { TotalSize, TargetList: [ { SendDate, TotalCount, RespondedSuccessCount,
 * RespondedFailCount, NoRespondedCount } ] } }`, counts as numbers, `SendDate` as a string.
 *
 * Refusals are the sandbox's reading (assumptions A30–A32): a missing parameter is the gateway's
 * `Missing<Name>`; a malformed or out-of-range value, or a range longer than the settable maximum
 * (30 days by default; Aliyun documents none), is HTTP 200 `isv.INVALID_PARAMETERS`.
 *
 * @module
 */
import type { ActionContext } from './action-context.js';
import type { RpcAnswer } from './answer.js';
import { daySpan, isCalendarDay } from './china-time.js';
import { missingParameter } from './gateway-errors.js';
import { templateTypeNumber } from './review-answers.js';
import { dailyStatistics } from './send-statistics.js';

const required = ['IsGlobe', 'StartDate', 'EndDate', 'PageIndex', 'PageSize'] as const;

/** Handles `QuerySendStatistics`. */
export function querySendStatistics(context: ActionContext): RpcAnswer {
  const { params, settings } = context;
  // Assumption A30: required parameters are checked by the gateway, as for SendSms.
  const absent = required.find((name) => (params[name] ?? '') === '');
  if (absent !== undefined) {
    return missingParameter(absent, context.gateway);
  }
  const refuse = (message: string): RpcAnswer => ({
    status: 200,
    root: 'QuerySendStatisticsResponse',
    body: { RequestId: context.requestId, Code: 'isv.INVALID_PARAMETERS', Message: message },
  });
  const from = params.StartDate ?? '';
  const to = params.EndDate ?? '';
  const pageIndex = Number(params.PageIndex);
  const pageSize = Number(params.PageSize);
  const templateType = params.TemplateType === undefined || params.TemplateType === '' ? undefined : Number(params.TemplateType);
  const maxDays = settings.get().statisticsMaxDays;
  // Assumption A31: every malformed value is isv.INVALID_PARAMETERS in a 200 body.
  if (params.IsGlobe !== '1' && params.IsGlobe !== '2') {
    return refuse('IsGlobe取值为1（国内短信）或2（国际/港澳台短信）');
  }
  if (!isCalendarDay(from) || !isCalendarDay(to)) {
    return refuse('StartDate和EndDate格式错误，应为yyyyMMdd');
  }
  if (from > to) {
    return refuse('StartDate不能晚于EndDate');
  }
  // Assumption A32: Aliyun documents no limit; the sandbox refuses a longer range.
  if (daySpan(from, to) > maxDays) {
    return refuse(`StartDate与EndDate的跨度不能超过${maxDays}天`);
  }
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 50) {
    return refuse('PageSize取值范围为1~50');
  }
  if (!Number.isInteger(pageIndex) || pageIndex < 1) {
    return refuse('PageIndex必须是正整数');
  }
  if (templateType !== undefined && (!Number.isInteger(templateType) || templateType < 0)) {
    return refuse('TemplateType取值错误');
  }
  const days = dailyStatistics(
    // SMS records only: PNVS's (SendSmsVerifyCode) are another product's (assumption A34).
    context.records.list({ service: 'dysmsapi' }),
    context.dailySends.list(),
    (code) => {
      const template = context.account.template(code);
      return template === undefined ? undefined : templateTypeNumber(template);
    },
    {
      scope: params.IsGlobe === '1' ? 'mainland' : 'international',
      from,
      to,
      ...(params.SignName === undefined || params.SignName === '' ? {} : { signName: params.SignName }),
      ...(templateType === undefined ? {} : { templateType }),
      internationalSite: settings.get().statisticsInternationalSite,
    },
  );
  return {
    status: 200,
    root: 'QuerySendStatisticsResponse',
    body: {
      RequestId: context.requestId,
      Code: 'OK',
      Message: 'OK',
      Data: {
        TotalSize: days.length,
        TargetList: days.slice((pageIndex - 1) * pageSize, pageIndex * pageSize).map(({ day, delivered, failed, pending }) => ({
          SendDate: day,
          // Assumption A33: the sent (billable) count is every message with or without a receipt.
          TotalCount: delivered + failed + pending,
          RespondedSuccessCount: delivered,
          RespondedFailCount: failed,
          NoRespondedCount: pending,
        })),
      },
    },
  };
}
