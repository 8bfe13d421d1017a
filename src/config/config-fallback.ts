/**
 * @module config-fallback
 * The optional fallback account: `fallback` holds the configuration's own keys for a second Aliyun
 * account (or for PNVS on the same one), and each key it leaves out is the primary's (a shallow
 * merge: `templates` given replaces the primary's list whole). Its secret lives in the top-level
 * `fallbackAccessKeySecret`, so the Console can mask it like the first one. The keys that belong
 * to the connector rather than to an account (which numbers are allowed, how a number is read)
 * are refused inside `fallback`, so both accounts always serve the same numbers the same way. The
 * merged fallback configuration is checked by the same rules as the primary's, and its problems
 * are reported under `fallback.` paths.
 */
import { z } from 'zod';

import { inOperatorWords } from './config-issues.js';
import { accountIssues, type AccountRuleKeys } from './config-rules.js';

/** A value the stored configuration would not have: Logto's `cleanDeep` drops nulls and empty strings on Save. */
const absentWhenNull = (value: unknown): unknown => (value === null ? undefined : value);

/** A key refused inside `fallback`, with the sentence that says where it goes instead. */
const refused = (sentence: string) => z.undefined({ errorMap: () => ({ message: sentence }) });

const secretSentence =
  'fallback must not hold a secret: put the fallback AccessKey\'s secret in the top-level key fallbackAccessKeySecret (the Console masks it there), and keep fallback.accessKeyId in fallback';

/** Keys of the connector, not of an account, and the secrets: refused inside `fallback`. */
const refusedKeys = {
  accessKeySecret: refused(secretSentence),
  fallbackAccessKeySecret: refused(secretSentence),
  allowedRegionCodes: refused(
    'allowedRegionCodes belongs to the connector, not to one account: set it at the top level, where it guards both accounts, and remove it from fallback'
  ),
  strictPhoneRegionNumberCheck: refused(
    'strictPhoneRegionNumberCheck belongs to the connector, not to one account (a number must be read the same whichever account sends it): set it at the top level and remove it from fallback'
  ),
  fallback: refused('a fallback has no fallback of its own: remove fallback from inside fallback'),
};

/**
 * The guard of `fallback`: every account key with its own checks and no default (a key left out
 * is the primary's), the refused keys, and an object that sets nothing read as no fallback.
 */
export const fallbackGuard = (accountKeys: Readonly<Record<string, z.ZodTypeAny>>): z.ZodType<Record<string, unknown> | undefined> =>
  z
    .object(
      {
        ...inOperatorWords(
          Object.fromEntries(Object.entries(accountKeys).map(([key, schema]) => [key, z.preprocess(absentWhenNull, schema.optional())]))
        ),
        ...inOperatorWords(refusedKeys),
      },
      {
        invalid_type_error:
          'fallback must be a JSON object with the keys of the fallback account that differ from the primary\'s, e.g. {"accessKeyId": "LTAI5t...", "signName": "...", "templates": [...]}, or {} for none',
      }
    )
    .transform((keys) => {
      const given = Object.fromEntries(Object.entries(keys).filter(([, value]) => value !== undefined));
      return Object.keys(given).length > 0 ? given : undefined;
    });

/** One refusal of the rules across keys: the key's path and the sentence. */
type Issue = { path: Array<string | number>; message: string };

/** The top-level keys that hold the fallback, as the guard read them. */
export type FallbackKeys = { fallback?: Record<string, unknown>; fallbackAccessKeySecret?: string };

/**
 * The fallback account's configuration: the primary's keys (as written, before the PNVS shape is
 * read) with the fallback's over them, and the fallback's secret where it has a key of its own.
 */
export const mergedFallback = <Primary extends { accessKeySecret: string }>(primary: Primary, { fallback, fallbackAccessKeySecret }: FallbackKeys): Primary | undefined => {
  if (fallback === undefined) {
    return undefined;
  }
  const ownKey = fallback.accessKeyId !== undefined;
  return { ...primary, ...fallback, accessKeySecret: ownKey ? (fallbackAccessKeySecret ?? '') : primary.accessKeySecret };
};

/** Where a problem of the merged configuration is reported: under `fallback`, the secret at its own key. */
const fallbackPath = (path: ReadonlyArray<string | number>): Array<string | number> =>
  path[0] === 'accessKeySecret' ? ['fallbackAccessKeySecret', ...path.slice(1)] : ['fallback', ...path];

/**
 * The refusals about the fallback: its secret given without its key or the other way round, and
 * every rule the merged configuration breaks that the primary does not (the primary's own
 * problems are reported once, at its own keys).
 */
export const fallbackIssues = (primary: AccountRuleKeys & { accessKeySecret: string }, keys: FallbackKeys): Issue[] => {
  const issues: Issue[] = [];
  const ownKey = keys.fallback?.accessKeyId !== undefined;
  if (ownKey && keys.fallbackAccessKeySecret === undefined) {
    issues.push({
      path: ['fallbackAccessKeySecret'],
      message: "fallbackAccessKeySecret is required when fallback.accessKeyId is set: paste the secret of the fallback's AccessKey",
    });
  }
  if (!ownKey && keys.fallbackAccessKeySecret !== undefined) {
    issues.push({
      path: ['fallbackAccessKeySecret'],
      message: "fallbackAccessKeySecret is set but fallback has no accessKeyId: add the fallback AccessKey's ID as fallback.accessKeyId, or clear fallbackAccessKeySecret",
    });
  }
  const merged = mergedFallback(primary, keys);
  if (merged === undefined) {
    return issues;
  }
  const said = new Set(accountIssues(primary).map(({ path, message }) => `${path.join('.')} ${message}`));
  for (const { path, message } of accountIssues(merged)) {
    if (!said.has(`${path.join('.')} ${message}`)) {
      issues.push({ path: fallbackPath(path), message });
    }
  }
  return issues;
};

/**
 * The fallback account as a configuration of its own, from the configuration as written (the
 * operator commands check and send with it as they do with the primary's): the primary's keys,
 * the fallback's over them, its secret in `accessKeySecret`, and no fallback keys. A value the
 * stored configuration would not keep (null) is the primary's, as the guard reads it.
 */
export const fallbackAsConfig = (raw: Readonly<Record<string, unknown>>): Record<string, unknown> | undefined => {
  const { fallback, fallbackAccessKeySecret, ...primary } = raw;
  if (typeof fallback !== 'object' || fallback === null || Array.isArray(fallback)) {
    return undefined;
  }
  const given = Object.entries(fallback as Record<string, unknown>).filter(([, value]) => value !== null && value !== undefined);
  if (given.length === 0) {
    return undefined;
  }
  const ownKey = given.some(([key]) => key === 'accessKeyId');
  return { ...primary, ...Object.fromEntries(given), accessKeySecret: ownKey ? fallbackAccessKeySecret : primary.accessKeySecret };
};
