/**
 * @module config-fallback
 * The optional fallback account: `fallback` holds the configuration's own keys for a second Aliyun
 * account (or for PNVS on the same one), and each key it leaves out is the primary's (a shallow
 * merge: `templates` given replaces the primary's list whole). Its secret lives in the top-level
 * `fallbackAccessKeySecret`, so the Console can mask it like the first one. The keys that belong
 * to the connector rather than to an account (which numbers are allowed, how a number is read,
 * whether sends are logged) are refused inside `fallback`, so both accounts always serve the same numbers the same way. The
 * merged fallback configuration is checked by the same rules across keys as the primary's
 * (config-rules.ts), and its problems are reported under `fallback.` paths.
 */
import { z } from 'zod';

import { inOperatorWords, said, unreadable, type GuardProblem, type Readable } from './config-issues.js';
import { crossKeyProblems, type RuleKeys } from './config-rules.js';

/** A value the stored configuration would not have: Logto's `cleanDeep` drops nulls and empty strings on Save. */
const absentWhenNull = (value: unknown): unknown => (value === null ? undefined : value);

/** A key refused inside `fallback`, with the sentence that says where it goes instead. */
const refused = (summary: string, fix: string) => {
  const message = said(summary, fix);
  return z.undefined({ errorMap: () => ({ message }) });
};

const secretFix = "put the fallback AccessKey's secret in the top-level key fallbackAccessKeySecret (the Console masks it there), and keep fallback.accessKeyId in fallback";

/** Keys of the connector, not of an account, and the secrets: refused inside `fallback`. */
const refusedKeys = {
  accessKeySecret: refused('fallback must not hold a secret', secretFix),
  fallbackAccessKeySecret: refused('fallback must not hold a secret', secretFix),
  allowedRegionCodes: refused(
    'allowedRegionCodes belongs to the connector, not to one account',
    'set it at the top level, where it guards both accounts, and remove it from fallback'
  ),
  strictPhoneRegionNumberCheck: refused(
    'strictPhoneRegionNumberCheck belongs to the connector, not to one account (a number must be read the same whichever account sends it)',
    'set it at the top level and remove it from fallback'
  ),
  disableSendLog: refused(
    'disableSendLog belongs to the connector, not to one account (one send log covers both accounts)',
    'set it at the top level and remove it from fallback'
  ),
  fallback: refused('a fallback has no fallback of its own', 'remove fallback from inside fallback'),
};

const notAnObject = said(
  'fallback must be a JSON object',
  'give the keys of the fallback account that differ from the primary\'s, e.g. {"accessKeyId": "LTAI5t...", "signName": "...", "templates": [...]}, or {} for none'
);

/** The keys `fallback` gives, as parsed; `unreadable` where a key failed its own check (only while the guard reports it). */
export type FallbackKeys = Record<string, unknown>;

const given = (keys: Record<string, unknown>): FallbackKeys | undefined => {
  const present = Object.fromEntries(Object.entries(keys).filter(([, value]) => value !== undefined));
  return Object.keys(present).length > 0 ? present : undefined;
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The guard of `fallback`, and what the rules across keys can still read of it when it is refused.
 * `accountKeys` are the account's keys with their own checks (config.ts); inside `fallback` none
 * has a default (a key left out is the primary's), and `readable` names, per key, what the rules
 * can read of a refused one, as for the primary. An object that sets nothing is no fallback.
 */
export const fallbackGuards = (accountKeys: Readonly<Record<string, z.ZodTypeAny>>, readable: Readonly<Record<string, z.ZodTypeAny>>) => {
  const optional = Object.fromEntries(Object.entries(accountKeys).map(([key, schema]) => [key, z.preprocess(absentWhenNull, schema.optional())]));
  const guard = z
    .object({ ...inOperatorWords(optional), ...inOperatorWords(refusedKeys) }, { invalid_type_error: notAnObject })
    .transform(given);
  /** Each key `fallback` gives: its value, the part the rules read of it, or `unreadable`. */
  const ruleFields = z.any().transform((value: unknown): FallbackKeys | typeof z.NEVER => {
    if (!isObject(value)) {
      return z.NEVER;
    }
    const read = (key: string, schema: z.ZodTypeAny | undefined): unknown => {
      const whole = schema?.safeParse(value[key]);
      const part = whole?.success ? whole : readable[key]?.safeParse(value[key]);
      return part?.success ? part.data : unreadable;
    };
    return given(Object.fromEntries(Object.keys(optional).map((key) => [key, absentWhenNull(value[key]) === undefined ? undefined : read(key, accountKeys[key])]))) ?? {};
  });
  return { guard, ruleFields };
};

/**
 * The fallback account's configuration: the primary's keys (as written, before the PNVS shape is
 * read) with the fallback's over them, and the fallback's secret where it has a key of its own.
 */
export const mergedFallback = <Primary extends { accessKeySecret: string }>(
  primary: Primary,
  fallback: FallbackKeys | undefined,
  fallbackAccessKeySecret: string | undefined
): Primary | undefined => {
  if (fallback === undefined) {
    return undefined;
  }
  const ownKey = fallback.accessKeyId !== undefined;
  return { ...primary, ...fallback, accessKeySecret: ownKey ? (fallbackAccessKeySecret ?? '') : primary.accessKeySecret };
};

/** Where a problem of the merged configuration is reported: under `fallback`, the secret at its own key. */
const fallbackPath = (path: ReadonlyArray<string | number>): Array<string | number> =>
  path[0] === 'accessKeySecret' ? ['fallbackAccessKeySecret', ...path.slice(1)] : ['fallback', ...path];

const ruleKeyNames = ['site', 'mainlandService', 'signName', 'pnvsSignName', 'templates'] as const;

/**
 * The rules about the fallback, run on whatever of it is readable: its secret given without its
 * key or the other way round, and every rule across keys the merged configuration breaks that the
 * primary does not (the primary's own problems are reported once, at its own keys).
 */
export const fallbackProblems = (primary: RuleKeys, fallback: Readable<FallbackKeys | undefined>, secret: Readable<string | undefined>): GuardProblem[] => {
  if (fallback === unreadable) {
    return [];
  }
  const problems: GuardProblem[] = [];
  const ownKey = fallback?.accessKeyId !== undefined;
  if (ownKey && secret === undefined) {
    problems.push({ path: ['fallbackAccessKeySecret'], summary: 'fallbackAccessKeySecret is required when fallback.accessKeyId is set', fix: "paste the secret of the fallback's AccessKey" });
  }
  if (!ownKey && secret !== undefined) {
    problems.push({
      path: ['fallbackAccessKeySecret'],
      summary: 'fallbackAccessKeySecret is set but fallback has no accessKeyId',
      fix: "add the fallback AccessKey's ID as fallback.accessKeyId, or clear fallbackAccessKeySecret",
    });
  }
  if (fallback === undefined) {
    return problems;
  }
  const merged = { ...primary, ...Object.fromEntries(ruleKeyNames.filter((key) => key in fallback).map((key) => [key, fallback[key]])) };
  const primaryProblems = new Set(crossKeyProblems(primary).map(({ path, summary }) => `${path.join('.')} ${summary}`));
  for (const { path, summary, fix } of crossKeyProblems(merged)) {
    if (!primaryProblems.has(`${path.join('.')} ${summary}`)) {
      problems.push({ path: fallbackPath(path), summary, fix });
    }
  }
  return problems;
};

/**
 * The fallback account as a configuration of its own, from the configuration as written (the
 * operator commands check and send with it as they do with the primary's): the primary's keys,
 * the fallback's over them, its secret in `accessKeySecret`, and no fallback keys. A value the
 * stored configuration would not keep (null) is the primary's, as the guard reads it.
 */
export const fallbackAsConfig = (raw: Readonly<Record<string, unknown>>): Record<string, unknown> | undefined => {
  const { fallback, fallbackAccessKeySecret, ...primary } = raw;
  if (!isObject(fallback)) {
    return undefined;
  }
  const keys = Object.entries(fallback).filter(([, value]) => value !== null && value !== undefined);
  if (keys.length === 0) {
    return undefined;
  }
  const ownKey = keys.some(([key]) => key === 'accessKeyId');
  return { ...primary, ...Object.fromEntries(keys), accessKeySecret: ownKey ? fallbackAccessKeySecret : primary.accessKeySecret };
};
