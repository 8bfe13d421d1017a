/**
 * The registry: what the fake Aliyun account holds (credentials, sign names, templates with their
 * reviews, sender IDs, earlier send records), loaded from JSON and checked so a typo in a config
 * file fails loudly at start-up.
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
import { templateVariables } from './template-params.js';
import type { ReviewedTemplate, Signature } from './template.js';

export type { ReviewedTemplate, Signature, Template, UsageType } from './template.js';
export type { RamDenial, RamDenialStyle, RegistrySendRecord } from './registry-account.js';

/** An AccessKey pair the sandbox accepts (§1.1), and the RAM actions it may not call. */
export type Credential = { accessKeyId: string; accessKeySecret: string; denied?: RamDenial };

/** Everything the fake account has approved. */
export type Registry = {
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
};

const defaultRegistryUrl = new URL('registry.default.json', import.meta.url);

/** Reads and checks a registry file; throws a TypeError naming the offending field. */
export async function loadRegistry(path: string | URL = defaultRegistryUrl): Promise<Registry> {
  const text = await readFile(path, 'utf8');
  return parseRegistry(JSON.parse(text) as unknown, String(path));
}

/** Checks an already-parsed registry value; `source` names it in error messages. */
export function parseRegistry(value: unknown, source = 'registry'): Registry {
  const root = asObject(value, source);
  const credentials = asArray(root.credentials, `${source}.credentials`).map((item, index) => {
    const where = `${source}.credentials[${index}]`;
    const credential = asObject(item, where);
    const denied = parseDenial(credential, where);
    return {
      accessKeyId: asString(credential.accessKeyId, `${where}.accessKeyId`),
      accessKeySecret: asString(credential.accessKeySecret, `${where}.accessKeySecret`),
      ...(denied === undefined ? {} : { denied }),
    };
  });
  if (credentials.length === 0) {
    throw new TypeError(`${source}.credentials must hold at least one AccessKey pair`);
  }
  const templates = asArray(root.templates, `${source}.templates`).map((item, index) =>
    parseTemplate(item, `${source}.templates[${index}]`),
  );
  const duplicate = templates.find((template, index) =>
    templates.slice(0, index).some((earlier) => earlier.code === template.code),
  );
  if (duplicate !== undefined) {
    throw new TypeError(`${source}.templates has two templates with code ${duplicate.code}`);
  }
  const signNames = asStrings(root.signNames, `${source}.signNames`);
  return {
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
