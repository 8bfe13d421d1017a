/**
 * The guard reports every problem of a configuration in one pass without changing which
 * configurations it accepts: against a frozen copy of the guard from before that change
 * (fixtures/config-guard-frozen, built from commit eada172), every generated configuration gets
 * the same verdict, an accepted one the same parsed configuration, and a refused one at least
 * every issue it got before (same path and code; the wording has changed since).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';

import { configGuard } from '../src/config/config.js';
import { configArbitrary } from './config-arbitrary.js';
import { configGuard as frozenGuard } from './fixtures/config-guard-frozen/config-guard.js';
import { propertyOptions } from './property-runs.js';

/** Each issue as `path (code)`, counted. */
const tally = (issues: readonly z.ZodIssue[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const { path, code } of issues) {
    const key = `${path.join('.')} (${code})`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
};

/**
 * Keys added since the frozen copy, with the default that keeps every configuration behaving as
 * before: a configuration without them parses to that default, and nothing else changes.
 */
const addedKeys: Readonly<Record<string, unknown>> = { disableSendLog: false };

/** A parsed configuration as the frozen guard would have it: an added key gone when it holds its default. */
const asBefore = (data: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(data).filter(([key, value]) => !(Object.hasOwn(addedKeys, key) && value === addedKeys[key])));

const compare = (config: unknown) => {
  const before = frozenGuard.safeParse(config);
  const now = configGuard.safeParse(config);
  return { before, now };
};

describe('the guard accepts exactly what it accepted before reporting every problem in one pass', () => {
  it('the same verdict and parsed configuration, and every issue it reported before', () => {
    fc.assert(
      fc.property(fc.oneof({ arbitrary: configArbitrary, weight: 9 }, { arbitrary: fc.anything(), weight: 1 }), (config) => {
        const { before, now } = compare(config);
        expect(now.success).toBe(before.success);
        if (now.success && before.success) {
          expect(asBefore(now.data)).toEqual(before.data);
          return;
        }
        const had = tally(before.error?.issues ?? []);
        const has = tally(now.error?.issues ?? []);
        for (const [issue, count] of had) {
          expect({ issue, count: Math.min(has.get(issue) ?? 0, count) }).toEqual({ issue, count });
        }
      }),
      propertyOptions({ numRuns: 1000 })
    );
  });

  it('the generated configurations meet every case: accepted, refused as before, and refused with more problems now', () => {
    const outcomes = { accepted: 0, same: 0, more: 0 };
    for (const config of fc.sample(configArbitrary, { numRuns: 1000, seed: 26 })) {
      const { before, now } = compare(config);
      const count = (result: { error?: { issues: unknown[] } }) => result.error?.issues.length ?? 0;
      outcomes[now.success ? 'accepted' : count(now) > count(before) ? 'more' : 'same'] += 1;
    }
    expect(outcomes.accepted).toBeGreaterThan(50);
    expect(outcomes.same).toBeGreaterThan(50);
    expect(outcomes.more).toBeGreaterThan(50);
  });
});
