/**
 * The registry: what the fake Aliyun account has approved (credentials, sign names, templates,
 * sender IDs), loaded from JSON and checked so a typo in a config file fails loudly at start-up.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { parsePnvsRegistry } from './pnvs-registry.js';
import type { PnvsRegistry } from './pnvs-registry.js';
import { templateVariables } from './template-params.js';
import type { Template } from './template.js';

export type { Template, UsageType } from './template.js';

/** An AccessKey pair the sandbox accepts (§1.1). */
export type Credential = { accessKeyId: string; accessKeySecret: string };

/** Everything the fake account has approved. */
export type Registry = {
  /** AccessKey pairs; the first one is the sandbox's advertised pair. */
  credentials: Credential[];
  /** China site: approved `SignName` values for SendSms (§2). */
  signNames: string[];
  /** International site: signatures allowed as `From` of SendMessageWithTemplate (§3). */
  intlSignNames: string[];
  /** International site: sender IDs allowed as `From` of SendMessageToGlobe (§3). */
  senderIds: string[];
  templates: Template[];
  /** PNVS: gifted signatures and templates for `SendSmsVerifyCode` (pnvs-registry.ts). */
  pnvs: PnvsRegistry;
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
    return {
      accessKeyId: asString(credential.accessKeyId, `${where}.accessKeyId`),
      accessKeySecret: asString(credential.accessKeySecret, `${where}.accessKeySecret`),
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
  return {
    credentials,
    signNames: asStrings(root.signNames, `${source}.signNames`),
    intlSignNames: asStrings(root.intlSignNames ?? [], `${source}.intlSignNames`),
    senderIds: asStrings(root.senderIds ?? [], `${source}.senderIds`),
    templates,
    pnvs: parsePnvsRegistry(root.pnvs, `${source}.pnvs`),
  };
}

function parseTemplate(value: unknown, where: string): Template {
  const template = asObject(value, where);
  const scope = asOneOf(template.scope, ['mainland', 'international'] as const, `${where}.scope`);
  const kind = asOneOf(template.kind, ['code', 'notification'] as const, `${where}.kind`);
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
  };
}

function asObject(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${where} must be an object`);
  }
  return value as Record<string, unknown>;
}

function asArray(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) {
    throw new TypeError(`${where} must be an array`);
  }
  return value as unknown[];
}

function asString(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`${where} must be a non-empty string`);
  }
  return value;
}

function asStrings(value: unknown, where: string): string[] {
  return asArray(value, where).map((item, index) => asString(item, `${where}[${index}]`));
}

function asOneOf<T extends string>(value: unknown, allowed: readonly T[], where: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new TypeError(`${where} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}
