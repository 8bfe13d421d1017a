/**
 * China site 2017-05-25 template queries (docs/aliyun-sms-query-api.md §2, §3): `QuerySmsTemplate`
 * (the old one; numbers, `Reason`) and `GetSmsTemplate` (the current one; strings, `AuditInfo`),
 * from the account's live state (account.ts). A template another account holds is not found.
 *
 * @module
 */
import type { ActionContext } from './action-context.js';
import type { RpcAnswer } from './answer.js';
import { gatewayError, missingParameter } from './gateway-errors.js';
import { intlTypeNumber } from './readings.js';
import { auditDate, noTemplateRemarks, orderId, statusNumber, templateTypeNumber } from './review-answers.js';
import { templateVariables } from './template-params.js';
import type { ReviewedTemplate } from './template.js';

/** Handles `QuerySmsTemplate`. */
export function querySmsTemplate(context: ActionContext): RpcAnswer {
  const code = context.params.TemplateCode ?? '';
  if (code === '') {
    return missingParameter('TemplateCode', context.gateway);
  }
  const template = context.account.template(code);
  const head = { RequestId: context.requestId };
  if (template === undefined) {
    // Assumption A15: undocumented; SendSms's code for the same case.
    return {
      status: 200,
      root: 'QuerySmsTemplateResponse',
      body: { ...head, Code: 'isv.SMS_TEMPLATE_ILLEGAL', Message: '该账号下找不到对应模板' },
    };
  }
  return {
    status: 200,
    root: 'QuerySmsTemplateResponse',
    body: {
      ...head,
      Code: 'OK',
      Message: 'OK',
      TemplateCode: template.code,
      TemplateName: template.name,
      TemplateContent: template.content,
      TemplateType: templateTypeNumber(template),
      TemplateStatus: statusNumber[template.status],
      CreateDate: template.createdAt,
      Reason: template.reason ?? noTemplateRemarks,
    },
  };
}

/** Handles `GetSmsTemplate`. */
export function getSmsTemplate(context: ActionContext): RpcAnswer {
  const code = context.params.TemplateCode ?? '';
  if (code === '') {
    return missingParameter('TemplateCode', context.gateway);
  }
  const template = context.account.template(code);
  if (template === undefined) {
    return gatewayError('TemplateNotFound', context.gateway);
  }
  return {
    status: 200,
    root: 'GetSmsTemplateResponse',
    body: {
      RequestId: context.requestId,
      Code: 'OK',
      Message: 'OK',
      TemplateCode: template.code,
      TemplateName: template.name,
      TemplateContent: template.content,
      TemplateType: String(templateTypeNumber(template)),
      TemplateStatus: String(statusNumber[template.status]),
      ...(template.scope === 'international' ? { IntlType: intlTypeNumber(template, context.account.readings()) } : {}),
      TemplateTag: 2,
      OrderId: orderId(template.code),
      VariableAttribute: variableAttribute(template),
      CreateDate: template.createdAt,
      AuditInfo: auditInfo(template),
    },
  };
}

/** §3: each variable's attribute; a code template's one variable is letters and digits. */
function variableAttribute(template: ReviewedTemplate): string {
  const attribute = template.kind === 'code' ? 'characterWithNumber' : 'others';
  return JSON.stringify(Object.fromEntries(templateVariables(template.content).map((name) => [name, attribute])));
}

function auditInfo(template: ReviewedTemplate): Record<string, string> {
  if (template.status === 'reviewing') {
    return {};
  }
  return {
    ...(template.reason === undefined ? {} : { RejectInfo: template.reason }),
    AuditDate: auditDate(template.createdAt),
  };
}
