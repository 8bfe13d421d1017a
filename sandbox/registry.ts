/**
 * The registry: what the fake Aliyun accounts hold (credentials, sign names, templates with their
 * reviews, sender IDs, earlier send records, balance and standing), loaded from JSON and checked so
 * a typo in a config file fails loudly at start-up. The top level is the first (default) account;
 * `accounts` lists the others, each with the same fields, so a registry written for one account
 * stays valid.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { parsePnvsRegistry } from './pnvs-registry.js';
import type { PnvsRegistry } from './pnvs-registry.js';
import { parseDenial, parseActionNames, parseReview, parseSendRecords, parseSignatures } from './registry-account.js';
import { parseReadings } from './readings.js';
import type { Readings } from './readings.js';
import type { RamDenial, RegistrySendRecord } from './registry-account.js';
import { asArray, asObject, asOneOf, asString, asStrings } from './registry-fields.js';
import { parseDailySends, parseIdentity, parseStanding } from './registry-standing.js';
import type { AccountIdentity } from './registry-standing.js';
import type { Standing } from './account-standing.js';
import type { RegistryDailySend } from './daily-sends.js';
import { templateVariables } from './template-params.js';
import type { ReviewedTemplate, Signature } from './template.js';

export type { ReviewedTemplate, Signature, Template, UsageType } from './template.js';
export type { RamDenial, RamDenialStyle, RegistrySendRecord } from './registry-account.js';
export type { AccountIdentity } from './registry-standing.js';

/**
 * An AccessKey pair the sandbox accepts (§1.1), the RAM actions it may not call, and the RAM user
 * it belongs to (STS `GetCallerIdentity`); without `ramUser` it is the account's own key.
 */
export type Credential = { accessKeyId: string; accessKeySecret: string; denied?: RamDenial; ramUser?: string };

/** Everything one fake account has: who it is, its keys, what it has approved, what it sent, how it stands. */
export type AccountRegistry = AccountIdentity & Standing & {
  /** AccessKey pairs; the first one is the sandbox's advertised pair. */
  credentials: Credential[];
  /** China site: approved `SignName` values for SendSms (§2), as the file lists them. */
  signNames: string[];
  /** Every signature with its review: `signNames` approved, then the file's `signatures`. */
  signatures: Signature[];
  /** International site: signatures allowed as `From` of SendMessageWithTemplate (§3). */
  intlSignNames: string[];
  /** International site: sender IDs allowed as `From` of SendMessageToGlobe (§3). */
  senderIds: string[];
  /** Templates with their reviews; only approved ones of this account can send. */
  templates: ReviewedTemplate[];
  /** Messages sent before the sandbox started, for QuerySendDetails. */
  sendRecords: RegistrySendRecord[];
  /** PNVS: gifted signatures and templates for `SendSmsVerifyCode` (pnvs-registry.ts). */
  pnvs: PnvsRegistry;
  /** Older readings of disputed facts to answer with (readings.ts); the current ones otherwise. */
  readings?: Partial<Readings>;
  /** Actions the account may not call at all, answered `ForbiddenAction` (ram-denial.ts). */
  forbiddenActions?: string[];
  /** Actions this endpoint answers as unknown (`InvalidAction.NotFound`), as one serving only the older actions would. */
  unknownActions?: string[];
  /** Bulk traffic per China-time day, for QuerySendStatistics (daily-sends.ts). */
  dailySends: RegistryDailySend[];
};

/** The first (default) account at the top level, and the others in `accounts`. */
export type Registry = AccountRegistry & { accounts: AccountRegistry[] };

/** Every account of a registry, the first (top-level) one first. */
export function registryAccounts(registry: Registry): AccountRegistry[] {
  return [registry, ...registry.accounts];
}

const defaultRegistryUrl = new URL('registry.default.json', import.meta.url);

/** Reads and checks a registry file; throws a TypeError naming the offending field. */
export async function loadRegistry(path: string | URL = defaultRegistryUrl): Promise<Registry> {
  const text = await readFile(path, 'utf8');
  return parseRegistry(JSON.parse(text) as unknown, String(path));
}

/** Checks an already-parsed registry value; `source` names it in error messages. */
export function parseRegistry(value: unknown, source = 'registry'): Registry {
  const root = asObject(value, source);
  const first = parseAccount(root, source, 0);
  const others = asArray(root.accounts ?? [], `${source}.accounts`).map((item, index) =>
    parseAccount(asObject(item, `${source}.accounts[${index}]`), `${source}.accounts[${index}]`, index + 1),
  );
  const all = [first, ...others];
  const clash = (key: (account: AccountRegistry) => string[], what: string) => {
    const seen = new Set<string>();
    for (const value of all.flatMap(key)) {
      if (seen.has(value)) {
        throw new TypeError(`${source}: two accounts have ${what} ${value}`);
      }
      seen.add(value);
    }
  };
  clash(({ name }) => [name], 'the name');
  clash(({ accountId }) => [accountId], 'the accountId');
  clash(({ credentials }) => credentials.map(({ accessKeyId }) => accessKeyId), 'the accessKeyId');
  return { ...first, accounts: others };
}

/** One account: the registry's top level (`index` 0) or an entry of `accounts`. */
function parseAccount(root: Record<string, unknown>, source: string, index: number): AccountRegistry {
  const credentials = asArray(root.credentials, `${source}.credentials`).map((item, at) => {
    const where = `${source}.credentials[${at}]`;
    const credential = asObject(item, where);
    const denied = parseDenial(credential, where);
    return {
      accessKeyId: asString(credential.accessKeyId, `${where}.accessKeyId`),
      accessKeySecret: asString(credential.accessKeySecret, `${where}.accessKeySecret`),
      ...(denied === undefined ? {} : { denied }),
      ...(credential.ramUser === undefined ? {} : { ramUser: asString(credential.ramUser, `${where}.ramUser`) }),
    };
  });
  if (credentials.length === 0) {
    throw new TypeError(`${source}.credentials must hold at least one AccessKey pair`);
  }
  const templates = asArray(root.templates, `${source}.templates`).map((item, at) =>
    parseTemplate(item, `${source}.templates[${at}]`),
  );
  const duplicate = templates.find((template, at) =>
    templates.slice(0, at).some((earlier) => earlier.code === template.code),
  );
  if (duplicate !== undefined) {
    throw new TypeError(`${source}.templates has two templates with code ${duplicate.code}`);
  }
  const signNames = asStrings(root.signNames, `${source}.signNames`);
  return {
    ...parseIdentity(root, source, index),
    ...parseStanding(root, source),
    credentials,
    signNames,
    signatures: parseSignatures(root.signatures, signNames, `${source}.signatures`),
    intlSignNames: asStrings(root.intlSignNames ?? [], `${source}.intlSignNames`),
    senderIds: asStrings(root.senderIds ?? [], `${source}.senderIds`),
    templates,
    sendRecords: parseSendRecords(root.sendRecords, `${source}.sendRecords`),
    pnvs: parsePnvsRegistry(root.pnvs, `${source}.pnvs`),
    ...(root.readings === undefined ? {} : { readings: parseReadings(root.readings, `${source}.readings`) }),
    ...(root.forbiddenActions === undefined ? {} : { forbiddenActions: parseActionNames(root.forbiddenActions, `${source}.forbiddenActions`) }),
    ...(root.unknownActions === undefined ? {} : { unknownActions: parseActionNames(root.unknownActions, `${source}.unknownActions`) }),
    dailySends: parseDailySends(root.dailySends, `${source}.dailySends`),
  };
}

/** Reads one template entry (registry file or operator API) with its review. */
export function parseTemplate(value: unknown, where: string): ReviewedTemplate {
  const template = asObject(value, where);
  const scope = asOneOf(template.scope, ['mainland', 'international'] as const, `${where}.scope`);
  const kind = asOneOf(template.kind, ['code', 'notification', 'marketing'] as const, `${where}.kind`);
  const usageType =
    template.usageType === undefined
      ? undefined
      : asOneOf(
          template.usageType,
          ['SignIn', 'Register', 'ForgotPassword', 'Generic'] as const,
          `${where}.usageType`,
        );
  const content = asString(template.content, `${where}.content`);
  // §2: a verification-code template has exactly one variable.
  if (kind === 'code' && templateVariables(content).length !== 1) {
    throw new TypeError(`${where}.content must have exactly one \${variable} for a code template`);
  }
  return {
    code: asString(template.code, `${where}.code`),
    name: asString(template.name, `${where}.name`),
    scope,
    kind,
    content,
    ...(usageType === undefined ? {} : { usageType }),
    ...parseReview(template, where),
  };
}
