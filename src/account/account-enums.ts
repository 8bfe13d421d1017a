/**
 * @module account-enums
 * Aliyun's enums for what the read-only answers say: review states, template types per action and
 * field, and `IntlType`. Each table cites the SDK model comment it follows; a value a table does
 * not list reads as "unknown", never as a verdict. Pure; account-records.ts reads answers with it.
 */

/** A review state of a template or signature (§2, §4, §5). */
export type ReviewState = 'approved' | 'reviewing' | 'rejected' | 'cancelled' | 'unknown';

/** What a template is for, by the enum of the action that answered. */
export type TemplateKind = 'code' | 'notification' | 'promotional' | 'international' | 'digital' | 'unknown';

/** What an international template is for (`IntlType`). */
export type IntlKind = 'code' | 'notification' | 'promotional' | 'unknown';

/** The read-only actions whose template answers this module reads. */
export type TemplateAction = 'GetSmsTemplate' | 'QuerySmsTemplate' | 'QuerySmsTemplateList';

/** `TemplateStatus` / `SignStatus` (Get*, Query*): SDK 4.6.0 `GetSmsTemplateResponseBody.ts`, `QuerySmsSignResponseBody.ts`. */
const numericStates: Readonly<Record<string, ReviewState>> = { 0: 'reviewing', 1: 'approved', 2: 'rejected', 10: 'cancelled' };
/** `AuditStatus` of the list actions: SDK 4.6.0 `QuerySmsTemplateListResponseBody.ts` (both cancel spellings), `QuerySmsSignListResponseBody.ts`. */
const listStates: Readonly<Record<string, ReviewState>> = {
  AUDIT_STATE_INIT: 'reviewing',
  AUDIT_STATE_PASS: 'approved',
  AUDIT_STATE_NOT_PASS: 'rejected',
  AUDIT_STATE_CANCEL: 'cancelled',
  AUDIT_SATE_CANCEL: 'cancelled',
};

/** `TemplateType` of GetSmsTemplate and QuerySmsTemplate, `OuterTemplateType` of the list: 0 code, 1 notification, 2 promotional, 3 international. */
const singleTemplateTypes: Readonly<Record<string, TemplateKind>> = { 0: 'code', 1: 'notification', 2: 'promotional', 3: 'international' };

/**
 * Each action's type enums, by field (SDK 4.6.0 model comments): `QuerySmsTemplateList`'s
 * `TemplateType` is another enum (0 notification, 1 promotional, 2 code, 6 international, 7 digital),
 * and `QuerySendStatistics` adds 7 (digital) to the single-template enum.
 */
const templateTypeEnums: Readonly<Record<string, Readonly<Record<string, TemplateKind>>>> = {
  'GetSmsTemplate.TemplateType': singleTemplateTypes,
  'QuerySmsTemplate.TemplateType': singleTemplateTypes,
  'QuerySmsTemplateList.OuterTemplateType': singleTemplateTypes,
  'QuerySmsTemplateList.TemplateType': { 0: 'notification', 1: 'promotional', 2: 'code', 6: 'international', 7: 'digital' },
  'QuerySendStatistics.TemplateType': { ...singleTemplateTypes, 7: 'digital' },
};

/** `IntlType` of an international template (SDK 4.6.0 `GetSmsTemplateResponseBody.ts`): 0 notification, 1 promotional, 2 verification code. */
const intlTypes: Readonly<Record<string, IntlKind>> = { 0: 'notification', 1: 'promotional', 2: 'code' };

/** An enum value as its key: a whole number given as a number or a numeric string; anything else is no key. */
const enumKey = (value: unknown): string | undefined =>
  (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) ? String(Number(value)) : undefined;

const lookupEnum = <T>(table: Readonly<Record<string, T>>, value: unknown): T | undefined => {
  const key = enumKey(value);
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
};

/** What `field` of `action` says a template is for; a value its enum does not list (or an unknown field) is `unknown`. */
export const templateKindOf = (action: string, field: string, value: unknown): TemplateKind => {
  const table = templateTypeEnums[`${action}.${field}`];
  return (table && lookupEnum(table, value)) ?? 'unknown';
};

/** What `IntlType` says an international template is for; an unlisted value is `unknown`. */
export const intlKindOf = (value: unknown): IntlKind => lookupEnum(intlTypes, value) ?? 'unknown';

/** A review state: `TemplateStatus`/`SignStatus` (a number or numeric string), or the lists' `AuditStatus` (`AUDIT_STATE_*`). */
export const reviewStateOf = (field: 'TemplateStatus' | 'SignStatus' | 'AuditStatus', value: unknown): ReviewState =>
  (field === 'AuditStatus'
    ? typeof value === 'string' && Object.hasOwn(listStates, value)
      ? listStates[value]
      : undefined
    : lookupEnum(numericStates, value)) ?? 'unknown';
