/**
 * @module account-records
 * Reads the bodies of Aliyun's read-only answers into records: a template's or signature's review
 * state, a template's type and variables, a number's send records. Pure. The same field name means
 * different things per action (`TemplateType`), so every enum is read by the action that answered;
 * a value an enum does not list reads as "unknown", never as "approved" or as a type
 * (docs/aliyun-sms-query-api.md §11; the enums: account-enums.ts).
 */
import { intlKindOf, reviewStateOf, templateKindOf, type IntlKind, type ReviewState, type TemplateAction, type TemplateKind } from './account-enums.js';

export type { IntlKind, ReviewState, TemplateAction, TemplateKind } from './account-enums.js';

/** A template as the account holds it. */
export type TemplateRecord = {
  code: string;
  state: ReviewState;
  /** The raw status when `state` is `unknown`, for the sentence. */
  rawState?: string;
  kind: TemplateKind;
  /** Aliyun's own type value as it came, e.g. `TemplateType "3"`, shown beside the reading. */
  rawType?: string;
  /** What an international template is for (`IntlType`), when Aliyun says. */
  intlKind?: IntlKind;
  /** Aliyun's own `IntlType` as it came, shown beside the reading. */
  rawIntlType?: string;
  reason?: string;
  /** `yyyy-MM-dd`, China time, as Aliyun wrote it. */
  createdOn?: string;
  content?: string;
  /** The `${name}` variables of the content, in order of first use. */
  variables: string[];
};

/** A signature as the account holds it. */
export type SignRecord = { name: string; state: ReviewState; rawState?: string; reason?: string; createdOn?: string };

/** Whether an answer carries a value for a field (an empty string is none). */
const given = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

/** The review state and, when unknown, the raw value: the single item's status first, else the list's `AuditStatus`. */
const stateOf = (body: Readonly<Record<string, unknown>>, statusField: 'TemplateStatus' | 'SignStatus'): { state: ReviewState; rawState?: string } => {
  const fields = ([statusField, 'AuditStatus'] as const).filter((name) => given(body[name]));
  const known = fields.map((name) => reviewStateOf(name, body[name])).find((state) => state !== 'unknown');
  if (known) {
    return { state: known };
  }
  return { state: 'unknown', rawState: fields.length === 0 ? 'none given' : fields.map((name) => `${name} ${JSON.stringify(body[name])}`).join(', ') };
};

/** Aliyun's "no review remarks" placeholders, which are not reasons. */
const noRemarks = new Set(['', '无审批备注', '无审核备注']);

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value.trim() : undefined);
const field = (body: Readonly<Record<string, unknown>>, key: string): unknown => body[key];
const nested = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

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

/** The type fields each action answers, in the order they are read. */
const typeFields: Readonly<Record<TemplateAction, readonly string[]>> = {
  GetSmsTemplate: ['TemplateType'],
  QuerySmsTemplate: ['TemplateType'],
  // The list carries both enums; `OuterTemplateType` is the single-template one.
  QuerySmsTemplateList: ['OuterTemplateType', 'TemplateType'],
};

/** A template's type by its action's enums, with Aliyun's raw value beside it. */
const kindOf = (action: TemplateAction, body: Readonly<Record<string, unknown>>): Pick<TemplateRecord, 'kind' | 'rawType'> => {
  const fields = typeFields[action].filter((name) => given(field(body, name)));
  const raw = fields.map((name) => `${name} ${JSON.stringify(field(body, name))}`).join(', ');
  const kind = fields.map((name) => templateKindOf(action, name, field(body, name))).find((read) => read !== 'unknown') ?? 'unknown';
  return { kind, ...(raw === '' ? {} : { rawType: raw }) };
};

/**
 * A `GetSmsTemplate`, `QuerySmsTemplate` or `QuerySmsTemplateList` entry as a record, read by the
 * enums of `action` (the one that answered). `IntlType` is read only for an international template,
 * as the SDK documents it ("when TemplateType is 3").
 */
export const readTemplate = (code: string, body: Readonly<Record<string, unknown>>, action: TemplateAction): TemplateRecord => {
  const content = text(field(body, 'TemplateContent'));
  const { kind, rawType } = kindOf(action, body);
  const intlType = field(body, 'IntlType');
  const intl = kind === 'international' && given(intlType) ? { intlKind: intlKindOf(intlType), rawIntlType: JSON.stringify(intlType) } : {};
  const reason = reasonOf(body);
  const createdOn = createdOnOf(body);
  return {
    code,
    ...stateOf(body, 'TemplateStatus'),
    kind,
    ...(rawType === undefined ? {} : { rawType }),
    ...intl,
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
    ...stateOf(body, 'SignStatus'),
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
