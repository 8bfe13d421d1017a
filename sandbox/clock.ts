/**
 * The sandbox clock: a base clock plus an offset tests can move, so timestamp skew (§1.4), nonce
 * expiry and flow-control windows (§6) can be exercised without waiting.
 *
 * @module
 */

/** The clock every time-dependent rule of the sandbox reads. */
export class SandboxClock {
  #offsetMs = 0;
  readonly #base: () => number;

  /** `base` is the underlying clock in ms (default `Date.now`). */
  constructor(base: () => number = Date.now) {
    this.#base = base;
  }

  /** Current sandbox time in ms since the epoch. */
  now(): number {
    return this.#base() + this.#offsetMs;
  }

  /** Moves the sandbox time by `ms` (negative goes back). */
  advance(ms: number): void {
    if (!Number.isFinite(ms)) {
      throw new TypeError('"ms" must be a finite number of milliseconds');
    }
    this.#offsetMs += ms;
  }

  /** Drops every offset: back to the base clock. */
  reset(): void {
    this.#offsetMs = 0;
  }

  /** The offset added to the base clock, in ms. */
  get offsetMs(): number {
    return this.#offsetMs;
  }
}
