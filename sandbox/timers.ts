/**
 * Timers the sandbox owns (fault delays, trickled bodies), cancelled together on close so a test
 * process never waits on a sandbox that is gone.
 *
 * @module
 */

/** A set of pending timers that can all be cancelled at once. */
export class Timers {
  readonly #pending = new Set<NodeJS.Timeout>();

  /** Runs `callback` after `ms` unless {@link Timers.stop} is called first. */
  after(ms: number, callback: () => void): void {
    const timer = setTimeout(() => {
      this.#pending.delete(timer);
      callback();
    }, ms);
    this.#pending.add(timer);
  }

  /** Resolves after `ms`; never resolves if stopped first. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.after(ms, resolve);
    });
  }

  /** Cancels every pending timer. */
  stop(): void {
    for (const timer of this.#pending) {
      clearTimeout(timer);
    }
    this.#pending.clear();
  }
}
