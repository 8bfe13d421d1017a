/**
 * Field readers for registry files: each throws a TypeError naming the offending field, so a typo
 * in a registry fails loudly at start-up (registry.ts, registry-account.ts).
 *
 * @module
 */

/** A JSON object. */
export function asObject(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${where} must be an object`);
  }
  return value as Record<string, unknown>;
}

/** A JSON array. */
export function asArray(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) {
    throw new TypeError(`${where} must be an array`);
  }
  return value as unknown[];
}

/** A non-empty string. */
export function asString(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`${where} must be a non-empty string`);
  }
  return value;
}

/** An array of non-empty strings. */
export function asStrings(value: unknown, where: string): string[] {
  return asArray(value, where).map((item, index) => asString(item, `${where}[${index}]`));
}

/** One of `allowed`. */
export function asOneOf<T extends string>(value: unknown, allowed: readonly T[], where: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new TypeError(`${where} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** `yyyy-MM-dd HH:mm:ss`, Aliyun's `CreateDate` form. */
export function asDateTime(value: unknown, where: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) {
    throw new TypeError(`${where} must be a date and time such as "2026-11-02 10:00:00"`);
  }
  return value;
}
