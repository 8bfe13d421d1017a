/**
 * @module bounded-map
 * A map that keeps at most `limit` entries and forgets the least recently used one first. What
 * this package remembers lives for the whole Logto process, which serves many tenants and sees a
 * new configuration text for every edit and every Console test: a bound keeps such a process from
 * growing without limit, while the few configurations in daily use stay remembered.
 */

/** A `Map` bounded to `limit` entries, least recently used evicted first. */
export class BoundedMap<K, V> {
  readonly #entries = new Map<K, V>();
  readonly #limit: number;
  /** The most recently used key: getting it again changes no order, so it is not re-inserted. */
  #newest: K | undefined;

  /** `limit`: how many entries to keep, at least 1. */
  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`limit must be a positive whole number, not ${limit}`);
    }
    this.#limit = limit;
  }

  /** The value for `key`, which becomes the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined && key !== this.#newest) {
      this.#newest = key;
      // A Map iterates in insertion order, so re-inserting marks the entry as the newest.
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  /** Stores `value` under `key` as the most recently used, evicting the oldest entry when full. */
  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    this.#newest = key;
    if (this.#entries.size > this.#limit) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) {
        this.#entries.delete(oldest.value);
      }
    }
  }

  /** Forgets `key`; true when it was kept. */
  delete(key: K): boolean {
    if (key === this.#newest) {
      this.#newest = undefined;
    }
    return this.#entries.delete(key);
  }

  /** How many entries are kept. */
  get size(): number {
    return this.#entries.size;
  }
}
