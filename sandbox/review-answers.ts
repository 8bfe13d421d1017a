/**
 * Review states and template types as Aliyun's read-only APIs write them
 * (docs/aliyun-sms-query-api.md §2–§5). Shared by the template and signature queries.
 *
 * @module
 */
import type { ReviewStatus, Template } from './template.js';

/** `TemplateStatus` / `SignStatus`: 0 reviewing, 1 approved, 2 rejected, 10 cancelled. */
export const statusNumber: Record<ReviewStatus, number> = { reviewing: 0, approved: 1, rejected: 2, cancelled: 10 };

/**
 * `TemplateType` of QuerySmsTemplate/GetSmsTemplate (and the list's `OuterTemplateType`): 0 code,
 * 1 notification, 2 promotional, 3 international. An international template's purpose is its
 * `IntlType`, which has another numbering (readings.ts).
 */
export function templateTypeNumber(template: Template): number {
  return template.scope === 'international' ? 3 : { code: 0, notification: 1, marketing: 2 }[template.kind];
}

/**
 * `AuditStatus` of QuerySmsSignList (docs §4, §5). QuerySmsTemplateList's cancel is spelt
 * `AUDIT_SATE_CANCEL` in SDK 4.6.0's model comment, which the sandbox follows there.
 */
export const auditStatus: Record<ReviewStatus, string> = {
  reviewing: 'AUDIT_STATE_INIT',
  approved: 'AUDIT_STATE_PASS',
  rejected: 'AUDIT_STATE_NOT_PASS',
  cancelled: 'AUDIT_STATE_CANCEL',
};

/** `AuditStatus` of QuerySmsTemplateList. */
export const templateAuditStatus: Record<ReviewStatus, string> = { ...auditStatus, cancelled: 'AUDIT_SATE_CANCEL' };

/** `TemplateType` of QuerySmsTemplateList, another enum (docs §4): 0 notification, 1 promotional, 2 code, 6 international. */
export function listTemplateTypeNumber(template: Template): number {
  return template.scope === 'international' ? 6 : { code: 2, notification: 0, marketing: 1 }[template.kind];
}

/** `Reason` of QuerySmsTemplate when there is no rejection (docs §2). */
export const noTemplateRemarks = '无审批备注';

/** `Reason` of QuerySmsSign when there is no rejection (docs §5). */
export const noSignRemarks = '无审核备注';

/**
 * `AuditDate`: the sandbox says every review ended two hours after the entry was created
 * (Aliyun's stated review time, docs §3); `createdAt` is China time.
 */
export function auditDate(createdAt: string): string {
  const ms = Date.parse(`${createdAt.replace(' ', 'T')}+08:00`) + 2 * 3_600_000;
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** A stand-in work-order number (`OrderId`) derived from a code or name, stable across runs. */
export function orderId(key: string): string {
  let hash = 0;
  for (const char of key) {
    hash = (hash * 31 + char.codePointAt(0)!) % 100_000_000;
  }
  return `20${String(hash).padStart(8, '0')}`;
}
