/**
 * The parts of a registry file that describe the account beyond what it may send: each
 * template's and signature's review (approved, under review, rejected with a reason, or held by
 * another account), AccessKeys denied RAM actions, and send records with delivery outcomes
 * (docs/aliyun-sms-query-api.md). All optional: a registry without them is an account where
 * everything listed is approved and nothing was sent before the sandbox started.
 *
 * @module
 */
import { asArray, asDateTime, asObject, asOneOf, asString, asStrings } from './registry-fields.js';
import type { DeliveryStatus } from './send-records.js';
import type { Review, ReviewStatus, Signature } from './template.js';

/**
 * How a denied RAM action is answered (docs §10). `site` (the default): the code the action's own
 * API documents, in its own body (2017-05-25 `isp.RAM_PERMISSION_DENY`, 2018-05-01 bare
 * `RAM_PERMISSION_DENY`, PNVS `isv.RAM_PERMISSION_DENY`); `Forbidden.RAM` / `Forbidden.NoPermission`:
 * the gateway's 403 with `AccessDeniedDetail`; any other: exactly that code, in the action's body.
 */
export const ramDenialStyles = [
  'site',
  'Forbidden.RAM',
  'Forbidden.NoPermission',
  'isp.RAM_PERMISSION_DENY',
  'isv.RAM_PERMISSION_DENY',
  'RAM_PERMISSION_DENY',
  'isv.RAM_CHECK_FAILED',
  'RAM_CHECK_FAILED',
] as const;

/** One of {@link ramDenialStyles}. */
export type RamDenialStyle = (typeof ramDenialStyles)[number];

/** The RAM actions an AccessKey may not call, e.g. `dysms:QuerySendDetails`. */
export type RamDenial = { actions: string[]; style: RamDenialStyle };

/** A send record in a registry file; `minutesAgo` is counted back from the sandbox clock at start. */
export type RegistrySendRecord = {
  phone: string;
  minutesAgo: number;
  content: string;
  templateCode?: string;
  outId?: string;
  status: DeliveryStatus;
  errCode?: string;
};

/** `CreateDate` of entries that give none. */
export const defaultCreatedAt = '2026-11-02 10:00:00';

const statuses: readonly ReviewStatus[] = ['reviewing', 'approved', 'rejected', 'cancelled'];

/** Reads `status`, `reason`, `createdAt`, `owner` of a template or signature entry. */
export function parseReview(entry: Record<string, unknown>, where: string): Review {
  const status = entry.status === undefined ? 'approved' : asOneOf(entry.status, statuses, `${where}.status`);
  if (entry.reason !== undefined && status !== 'rejected') {
    throw new TypeError(`${where}.reason is only for a rejected entry (status "rejected")`);
  }
  const reason = status === 'rejected' ? asString(entry.reason, `${where}.reason`) : undefined;
  return {
    status,
    ...(reason === undefined ? {} : { reason }),
    createdAt: entry.createdAt === undefined ? defaultCreatedAt : asDateTime(entry.createdAt, `${where}.createdAt`),
    owner: entry.owner === undefined ? 'this' : asOneOf(entry.owner, ['this', 'other'] as const, `${where}.owner`),
  };
}

/** Every signature: `signNames` as approved ones of this account, then the `signatures` entries. */
export function parseSignatures(value: unknown, signNames: string[], where: string): Signature[] {
  const listed = asArray(value ?? [], where).map((item, index) => {
    const at = `${where}[${index}]`;
    const entry = asObject(item, at);
    return { name: asString(entry.name, `${at}.name`), ...parseReview(entry, at) };
  });
  const all = [
    ...signNames.map((name) => ({ name, status: 'approved' as const, createdAt: defaultCreatedAt, owner: 'this' as const })),
    ...listed,
  ];
  const twice = all.find((signature, index) => all.slice(0, index).some(({ name }) => name === signature.name));
  if (twice !== undefined) {
    throw new TypeError(`${where} names ${twice.name} twice (or also in signNames)`);
  }
  return all;
}

/** A credential's `deniedActions` and `ramDenial`; undefined when it may call everything. */
export function parseDenial(credential: Record<string, unknown>, where: string): RamDenial | undefined {
  if (credential.deniedActions === undefined) {
    return undefined;
  }
  const actions = asStrings(credential.deniedActions, `${where}.deniedActions`);
  // RAM service codes of SMS, PNVS and billing (bss and bssapi, help.aliyun.com/document_detail/472928.html).
  const bad = actions.find((action) => !/^(?:dysms|dypns|bss|bssapi):[A-Za-z]+$/.test(action));
  if (bad !== undefined) {
    throw new TypeError(`${where}.deniedActions: ${bad} is not a RAM action such as dysms:QuerySendDetails`);
  }
  const style = credential.ramDenial === undefined ? 'site' : asOneOf(credential.ramDenial, ramDenialStyles, `${where}.ramDenial`);
  return { actions, style };
}

/** The `sendRecords` list. */
export function parseSendRecords(value: unknown, where: string): RegistrySendRecord[] {
  return asArray(value ?? [], where).map((item, index) => {
    const at = `${where}[${index}]`;
    const entry = asObject(item, at);
    const minutesAgo = entry.minutesAgo;
    if (typeof minutesAgo !== 'number' || !Number.isFinite(minutesAgo) || minutesAgo < 0) {
      throw new TypeError(`${at}.minutesAgo must be a number of minutes, 0 or more`);
    }
    const status = asOneOf(entry.status, ['delivered', 'failed', 'pending'] as const, `${at}.status`);
    const optional = (name: 'templateCode' | 'outId' | 'errCode') =>
      entry[name] === undefined ? {} : { [name]: asString(entry[name], `${at}.${name}`) };
    return {
      phone: asString(entry.phone, `${at}.phone`),
      minutesAgo,
      content: asString(entry.content, `${at}.content`),
      status,
      ...optional('templateCode'),
      ...optional('outId'),
      ...optional('errCode'),
    };
  });
}

/** `forbiddenActions` or `unknownActions`: a list of API action names, e.g. `GetSmsTemplate`. */
export function parseActionNames(value: unknown, where: string): string[] {
  const actions = asStrings(value ?? [], where);
  const bad = actions.find((action) => !/^[A-Z][A-Za-z]+$/.test(action));
  if (bad !== undefined) {
    throw new TypeError(`${where}: ${bad} is not an API action such as GetSmsTemplate`);
  }
  return actions;
}
