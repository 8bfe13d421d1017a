/**
 * @module account-records
 * Reads the bodies of Aliyun's read-only answers into records: a template's or signature's review
 * state, a template's type and variables, a number's send records. Pure. Every uncertain field is
 * read the way docs/aliyun-sms-query-api.md §11 advises, so a wrong guess shows up as "unknown",
 * never as "approved" or "delivered".
 */

/** A review state of a template or signature (§2, §4, §5). */
export type ReviewState = 'approved' | 'reviewing' | 'rejected' | 'cancelled' | 'unknown';

/** What §2's `TemplateType` says a template is for. */
export type TemplateKind = 'code' | 'notification' | 'promotional' | 'international' | 'digital' | 'unknown';

/** A template as the account holds it. */
export type TemplateRecord = {
  code: string;
  state: ReviewState;
  /** The raw status when `state` is `unknown`, for the sentence. */
  rawState?: string;
  kind: TemplateKind;
  /** What an international template is for (`IntlType`: code, notification or promotional), when Aliyun says. */
  intlKind?: TemplateKind;
  reason?: string;
  /** `yyyy-MM-dd`, China time, as Aliyun wrote it. */
  createdOn?: string;
  content?: string;
  /** The `${name}` variables of the content, in order of first use. */
  variables: string[];
};

/** A signature as the account holds it. */
export type SignRecord = { name: string; state: ReviewState; rawState?: string; reason?: string; createdOn?: string };

const numericStates: Record<number, ReviewState> = { 0: 'reviewing', 1: 'approved', 2: 'rejected', 10: 'cancelled' };
const listStates: Record<string, ReviewState> = {
  AUDIT_STATE_INIT: 'reviewing',
  AUDIT_STATE_PASS: 'approved',
  AUDIT_STATE_NOT_PASS: 'rejected',
  AUDIT_STATE_CANCEL: 'cancelled',
  AUDIT_SATE_CANCEL: 'cancelled',
};
const kinds: Record<number, TemplateKind> = { 0: 'code', 1: 'notification', 2: 'promotional', 3: 'international', 7: 'digital' };

/** Aliyun's "no review remarks" placeholders, which are not reasons. */
const noRemarks = new Set(['', '无审批备注', '无审核备注']);

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value.trim() : undefined);
const field = (body: Readonly<Record<string, unknown>>, key: string): unknown => body[key];
const nested = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

/** A status given as a number (`Query*`), a numeric string (`Get*`) or an `AUDIT_STATE_*` string (lists). */
const reviewStateOf = (status: unknown, auditStatus: unknown): { state: ReviewState; rawState?: string } => {
  const raw = status ?? auditStatus;
  if ((typeof raw === 'number' || (typeof raw === 'string' && /^\d+$/.test(raw))) && numericStates[Number(raw)]) {
    return { state: numericStates[Number(raw)] ?? 'unknown' };
  }
  const listed = typeof raw === 'string' ? listStates[raw] : undefined;
  return listed ? { state: listed } : { state: 'unknown', rawState: raw === undefined ? 'none given' : JSON.stringify(raw) };
};

/** The rejection reason: `AuditInfo.RejectInfo` (Get), `Reason` as text (Query), `Reason.RejectInfo` (lists). */
const reasonOf = (body: Readonly<Record<string, unknown>>): string | undefined => {
  const candidates = [nested(field(body, 'AuditInfo'), 'RejectInfo'), field(body, 'Reason'), nested(field(body, 'Reason'), 'RejectInfo')];
  return candidates.map(text).find((reason) => reason !== undefined && !noRemarks.has(reason));
};

/** The date part of `CreateDate` (`yyyy-MM-dd HH:mm:ss`, sometimes with a leading space). */
const createdOnOf = (body: Readonly<Record<string, unknown>>): string | undefined =>
  /^\d{4}-\d{2}-\d{2}/.exec(text(field(body, 'CreateDate')) ?? '')?.[0];

const variablePattern = /\$\{(\w+)\}/g;

/** The `${name}` variables of a template's content, each once, in order. */
export const templateVariables = (content: string): string[] => [
  ...new Set([...content.matchAll(variablePattern)].map((match) => match[1] ?? '')),
];

/** A `GetSmsTemplate` or `QuerySmsTemplate` answer as a record. */
export const readTemplate = (code: string, body: Readonly<Record<string, unknown>>): TemplateRecord => {
  const content = text(field(body, 'TemplateContent'));
  const type = field(body, 'OuterTemplateType') ?? field(body, 'TemplateType');
  const intlType = field(body, 'IntlType');
  const reason = reasonOf(body);
  const createdOn = createdOnOf(body);
  return {
    code,
    ...reviewStateOf(field(body, 'TemplateStatus'), field(body, 'AuditStatus')),
    kind: (type !== undefined && type !== '' && kinds[Number(type)]) || 'unknown',
    ...(typeof intlType === 'number' || typeof intlType === 'string' ? { intlKind: kinds[Number(intlType)] ?? 'unknown' } : {}),
    ...(reason === undefined ? {} : { reason }),
    ...(createdOn === undefined ? {} : { createdOn }),
    ...(content === undefined ? {} : { content }),
    variables: content === undefined ? [] : templateVariables(content),
  };
};

/** A `GetSmsSign` or `QuerySmsSign` answer as a record. */
export const readSign = (name: string, body: Readonly<Record<string, unknown>>): SignRecord => {
  const reason = reasonOf(body);
  const createdOn = createdOnOf(body);
  return {
    name,
    ...reviewStateOf(field(body, 'SignStatus'), field(body, 'AuditStatus')),
    ...(reason === undefined ? {} : { reason }),
    ...(createdOn === undefined ? {} : { createdOn }),
  };
};

/** The codes that say a template or signature is not in this account (§6). */
export const notInAccountCodes: ReadonlySet<string> = new Set([
  'TemplateNotFound',
  'SignatureNotFound',
  'isv.SMS_TEMPLATE_ILLEGAL',
  'isv.SMS_SIGNATURE_ILLEGAL',
  'isv.SMS_SIGN_ILLEGAL',
]);
