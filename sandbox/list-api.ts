/**
 * China site 2017-05-25 list APIs (docs/aliyun-sms-query-api.md §4, §5): `QuerySmsTemplateList`
 * and `QuerySmsSignList`, this account's templates and signatures one page at a time, newest
 * first, with `AuditStatus` strings and the list's own `TemplateType` enum beside
 * `OuterTemplateType`.
 *
 * @module
 */
import type { ActionContext } from './action-context.js';
import type { AnswerValue, RpcAnswer } from './answer.js';
import { auditDate, auditStatus, listTemplateTypeNumber, orderId, templateAuditStatus, templateTypeNumber } from './review-answers.js';
import type { Review } from './template.js';

/** Handles `QuerySmsTemplateList`. */
export function querySmsTemplateList(context: ActionContext): RpcAnswer {
  const templates = context.account.templates().filter(({ owner }) => owner === 'this');
  return page(context, 'QuerySmsTemplateListResponse', 'SmsTemplateList', templates, (template) => ({
    TemplateCode: template.code,
    TemplateName: template.name,
    TemplateContent: template.content,
    CreateDate: template.createdAt,
    OrderId: orderId(template.code),
    AuditStatus: templateAuditStatus[template.status],
    TemplateType: listTemplateTypeNumber(template),
    OuterTemplateType: templateTypeNumber(template),
    Reason: rejection(template),
  }));
}

/** Handles `QuerySmsSignList`. */
export function querySmsSignList(context: ActionContext): RpcAnswer {
  const signatures = context.account.signatures().filter(({ owner }) => owner === 'this');
  return page(context, 'QuerySmsSignListResponse', 'SmsSignList', signatures, (signature) => ({
    SignName: signature.name,
    CreateDate: signature.createdAt,
    OrderId: orderId(signature.name),
    AuditStatus: auditStatus[signature.status],
    Reason: rejection(signature),
  }));
}

/** `Reason` of a list entry: the rejection, or an empty object. */
function rejection(review: Review): Record<string, string> {
  return review.reason === undefined
    ? {}
    : { RejectDate: auditDate(review.createdAt), RejectInfo: review.reason, RejectSubInfo: review.reason };
}

function page<T extends Review>(
  context: ActionContext,
  root: string,
  listName: string,
  entries: T[],
  show: (entry: T) => Record<string, AnswerValue>,
): RpcAnswer {
  const index = Number(context.params.PageIndex ?? '1');
  const size = Number(context.params.PageSize ?? '10');
  // Assumption A22: out-of-range paging is isv.INVALID_PARAMETERS in a 200 body.
  if (!Number.isInteger(index) || index < 1 || !Number.isInteger(size) || size < 1 || size > 50) {
    return { status: 200, root, body: { RequestId: context.requestId, Code: 'isv.INVALID_PARAMETERS', Message: 'PageIndex至少为1，PageSize取值范围为1~50' } };
  }
  const newestFirst = [...entries].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return {
    status: 200,
    root,
    body: {
      RequestId: context.requestId,
      Code: 'OK',
      Message: 'OK',
      TotalCount: entries.length,
      CurrentPage: index,
      PageSize: size,
      [listName]: newestFirst.slice((index - 1) * size, index * size).map((entry) => show(entry)),
    },
  };
}
