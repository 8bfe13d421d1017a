/**
 * @module failover-memory
 * What a Logto process remembers about a primary account that refused for an account-wide reason
 * (failover.ts: billing, the account, the product, the key, RAM): for the next
 * {@link accountDownMs}, sign-in sends go to the fallback first, so end users do not pay a
 * refused round trip each during an outage; then the primary is tried again. Logto gives
 * connectors no shared store, so each process (each Logto instance) learns for itself.
 *
 * An entry is keyed by the host the primary's send goes to, its AccessKey ID and a hash of its
 * secret, so a configuration with another secret (a mistyped one in the Console's form, or another
 * tenant's key) never shares an entry with it, and the secret itself is never kept. The map is
 * bounded, like everything this package keeps for the process (bounded-map.ts).
 */
import { createHash } from 'node:crypto';

import { BoundedMap } from './bounded-map.js';

/** How long the primary is passed over after an account-wide refusal. */
export const accountDownMs = 120_000;

/** How many primary accounts a process remembers: far more than the tenants sending at once. */
export const failoverMemoryLimit = 256;

/** What is remembered of a primary: the code it refused with, and until when it is passed over. */
export type PrimaryDown = { code: string; until: number };

/** The key of one primary account's entry: host, AccessKey ID and a hash of the secret (never the secret). */
export const primaryKey = (endpoint: string, { accessKeyId, accessKeySecret }: { accessKeyId: string; accessKeySecret: string }): string =>
  `${endpoint} ${accessKeyId} ${createHash('sha256').update(accessKeySecret).digest('base64url')}`;

/** The memory of one process; `now` is its clock (injected in tests), `limit` its bound. */
export const createFailoverMemory = ({ now, limit = failoverMemoryLimit }: { now: () => number; limit?: number }) => {
  const down = new BoundedMap<string, PrimaryDown>(limit);
  return {
    /** The refusal that passes the primary over now, if any; an entry past its time is forgotten. */
    downFor(key: string): PrimaryDown | undefined {
      const entry = down.get(key);
      if (entry !== undefined && entry.until <= now()) {
        down.delete(key);
        return undefined;
      }
      return entry;
    },
    /** The primary refused for an account-wide reason: pass it over for {@link accountDownMs}. */
    remember(key: string, code: string): void {
      down.set(key, { code, until: now() + accountDownMs });
    },
    /** The primary sent: try it first again. */
    forget(key: string): void {
      down.delete(key);
    },
    /** How many primaries are remembered. */
    get size(): number {
      return down.size;
    },
  };
};

/** A process's memory, for wiring. */
export type FailoverMemory = ReturnType<typeof createFailoverMemory>;
