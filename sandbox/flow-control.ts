/**
 * Aliyun's default per-number flow control for mainland numbers (fact sheet §6), on the sandbox
 * clock: code templates 1/minute, 5/hour, 10/rolling day per signature + number; notification
 * templates 50/rolling day per signature + template + number. Only successful sends count (§6).
 * PNVS (`pnvs`): per number alone, whatever the gifted signature: one code a minute (the default
 * `Interval` of 60 s), 5 an hour, 10 a day (assumed to mirror SendSms; docs/aliyun-pnvs-api.md §6).
 *
 * @module
 */

/** One limit: at most `permits` sends inside any `windowMs`. */
type Tier = { windowMs: number; permits: number; label: string };

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

const tiers: Record<FlowKind, Tier[]> = {
  code: [
    { windowMs: minute, permits: 1, label: '分钟级' },
    { windowMs: hour, permits: 5, label: '小时级' },
    { windowMs: day, permits: 10, label: '天级' },
  ],
  notification: [{ windowMs: day, permits: 50, label: '天级' }],
  pnvs: [
    { windowMs: minute, permits: 1, label: '分钟级' },
    { windowMs: hour, permits: 5, label: '小时级' },
    { windowMs: day, permits: 10, label: '天级' },
  ],
};

/** Which limits apply: SendSms code or notification templates, or PNVS. */
export type FlowKind = 'code' | 'notification' | 'pnvs';

/** §6: a template's limits by its kind; marketing templates share the notification limits. */
export function flowKind(kind: 'code' | 'notification' | 'marketing'): FlowKind {
  return kind === 'code' ? 'code' : 'notification';
}

/** What a send is counted against. */
export type FlowKey = {
  kind: FlowKind;
  signName: string;
  templateCode: string;
  phone: string;
};

/** Bounds memory: past this many tracked keys the least recently used ones are forgotten. */
const maxKeys = 100_000;

/** Per-number send history and the tier check. */
export class FlowControl {
  readonly #sends = new Map<string, number[]>();
  readonly #enabled: boolean;

  /** `enabled: false` never blocks (SandboxOptions.flowControl, for load tests). */
  constructor(enabled: boolean) {
    this.#enabled = enabled;
  }

  /** The `isv.BUSINESS_LIMIT_CONTROL` message (§5, e.g. `触发分钟级流控Permits:1`) if `key` is over a tier. */
  blocked(key: FlowKey, now: number): string | undefined {
    if (!this.#enabled) {
      return undefined;
    }
    const sends = this.#sends.get(keyOf(key)) ?? [];
    // Sends stamped after `now` (the clock was reset) still count: they happened.
    const tier = tiers[key.kind].find(
      ({ windowMs, permits }) => sends.filter((at) => at > now - windowMs).length >= permits,
    );
    return tier === undefined ? undefined : `触发${tier.label}流控Permits:${tier.permits}`;
  }

  /** Counts one successful send. */
  record(key: FlowKey, now: number): void {
    if (!this.#enabled) {
      return;
    }
    const id = keyOf(key);
    const sends = (this.#sends.get(id) ?? []).filter((at) => at > now - day);
    sends.push(now);
    this.#sends.delete(id);
    this.#sends.set(id, sends);
    if (this.#sends.size > maxKeys) {
      const oldest = this.#sends.keys().next().value;
      if (oldest !== undefined) {
        this.#sends.delete(oldest);
      }
    }
  }

  /** Forgets every send (the clock was reset, or a test starts over). */
  clear(): void {
    this.#sends.clear();
  }
}

function keyOf({ kind, signName, templateCode, phone }: FlowKey): string {
  // §6: code limits are per signature + number; notification limits also per template.
  if (kind === 'pnvs') {
    return `pnvs\n${phone}`;
  }
  return kind === 'code' ? `code\n${signName}\n${phone}` : `notification\n${signName}\n${templateCode}\n${phone}`;
}
