/**
 * Daily sends: an account's traffic on a China-time day in bulk (so many delivered, failed,
 * awaiting a receipt), without a record per message. `QuerySendStatistics` counts them beside the
 * send records (send-statistics.ts), so a test or a demo can give a day 100 sends with 20 failures
 * without sending 100 messages; `QuerySendDetails` does not list them, as they have no numbers.
 * They start from the registry's `dailySends` (days counted back from the sandbox clock) and the
 * operator API adds more.
 *
 * @module
 */

/** Where the messages went: mainland China (`IsGlobe` 1) or elsewhere (2, 国际/港澳台). */
export type SendScope = 'mainland' | 'international';

/** Receipts of a day's messages: `RespondedSuccessCount`, `RespondedFailCount`, `NoRespondedCount`. */
export type DeliveryCounts = { delivered: number; failed: number; pending: number };

/** One day's bulk traffic under one signature and template. */
export type DailySend = DeliveryCounts & {
  /** China-time day, `yyyyMMdd`. */
  day: string;
  scope: SendScope;
  signName?: string;
  templateCode?: string;
};

/** A registry entry: `daysAgo` China-time days before the sandbox clock's day. */
export type RegistryDailySend = Omit<DailySend, 'day'> & { daysAgo: number };

/** Entries kept at most; older ones are dropped. */
const maxEntries = 10_000;

/** An account's daily sends. */
export class DailySends {
  readonly #initial: () => DailySend[];
  #entries: DailySend[] = [];

  /** `initial` gives the entries {@link reset} restores (the registry's, dated on the current clock). */
  constructor(initial: () => DailySend[] = () => []) {
    this.#initial = initial;
    this.reset();
  }

  /** Adds a day's traffic and returns it. */
  add(entry: DailySend): DailySend {
    this.#entries.push({ ...entry });
    if (this.#entries.length > maxEntries) {
      this.#entries = this.#entries.slice(-maxEntries);
    }
    return { ...entry };
  }

  /** Every entry, in the order added. */
  list(): DailySend[] {
    return this.#entries.map((entry) => ({ ...entry }));
  }

  /** Forgets added entries and restores the initial ones. */
  reset(): void {
    this.#entries = [];
    for (const entry of this.#initial()) {
      this.add(entry);
    }
  }
}
