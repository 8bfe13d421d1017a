/**
 * The PNVS (号码认证服务) part of the registry: the gifted signatures and templates every PNVS
 * account may use with `SendSmsVerifyCode` (docs/aliyun-pnvs-api.md §3). Aliyun rotates the
 * signatures and does not publish the templates' exact wording, so the default registry's are
 * stand-ins (see README, assumptions).
 *
 * @module
 */
import type { Template } from './template.js';

/** Gifted signatures and templates. Templates are mainland code templates with `${code}` first. */
export type PnvsRegistry = { signNames: string[]; templates: Template[] };

/** Reads `pnvs` from a registry file; absent means a sandbox without PNVS gifts. */
export function parsePnvsRegistry(value: unknown, where: string): PnvsRegistry {
  if (value === undefined) {
    return { signNames: [], templates: [] };
  }
  const root = asRecord(value, where);
  const signNames = asList(root.signNames, `${where}.signNames`).map((item, index) =>
    asText(item, `${where}.signNames[${index}]`),
  );
  const templates = asList(root.templates, `${where}.templates`).map((item, index) => {
    const at = `${where}.templates[${index}]`;
    const template = asRecord(item, at);
    const content = asText(template.content, `${at}.content`);
    if (!/^[^$]*\$\{code\}/.test(content)) {
      throw new TypeError(`${at}.content must have \${code} as its first variable`);
    }
    return {
      code: asText(template.code, `${at}.code`),
      name: asText(template.name, `${at}.name`),
      scope: 'mainland' as const,
      kind: 'code' as const,
      content,
    };
  });
  return { signNames, templates };
}

function asRecord(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${where} must be an object`);
  }
  return value as Record<string, unknown>;
}

function asList(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) {
    throw new TypeError(`${where} must be an array`);
  }
  return value as unknown[];
}

function asText(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`${where} must be a non-empty string`);
  }
  return value;
}
