/**
 * Aliyun's per-account API call rate for the APIs where it matters to a client: QuerySendStatistics
 * allows 20 calls a second (fact sheet §2, "Operations"; help.aliyun.com/document_detail/438433.html).
 * A call over the rate is refused by the gateway with `Throttling.User` (assumption A35) and is not
 * counted. Sends (5000 a second) are not limited here.
 *
 * @module
 */

/** Calls a second per account, by action. */
const perSecond: Readonly<Record<string, number>> = { QuerySendStatistics: 20 };

/**
 * The calls of the last second per account and action, on the sandbox clock. Its keys are bounded
 * by the registry's accounts times the limited actions, so nothing needs evicting.
 */
export class QueryRate {
  readonly #calls = new Map<string, number[]>();

  /** Whether `account` may call `action` at `now`; an admitted call is counted. */
  admits(account: string, action: string, now: number): boolean {
    const limit = Object.hasOwn(perSecond, action) ? perSecond[action] : undefined;
    if (limit === undefined) {
      return true;
    }
    const key = `${account}\n${action}`;
    // Calls stamped after `now` (the clock was moved back) still count: they happened.
    const recent = (this.#calls.get(key) ?? []).filter((at) => at > now - 1000);
    if (recent.length >= limit) {
      return false;
    }
    recent.push(now);
    this.#calls.set(key, recent);
    return true;
  }

  /** Forgets every call (the clock was reset). */
  clear(): void {
    this.#calls.clear();
  }
}
