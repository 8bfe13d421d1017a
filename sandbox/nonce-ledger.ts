/**
 * Remembers `SignatureNonce` values so a replayed request is refused with `SignatureNonceUsed`
 * (fact sheet §1.4). Aliyun's memory window is undocumented (a forum answer says 31 min); the
 * sandbox remembers a nonce as long as a timestamp can be accepted, 15 minutes of sandbox time.
 *
 * @module
 */

/** How long a nonce is remembered, in ms: the timestamp tolerance of §1.4. */
export const nonceWindowMs = 15 * 60_000;

/** Bounds memory under load: past this many live nonces the oldest are forgotten. */
const maxNonces = 200_000;

/** Nonces seen in the last {@link nonceWindowMs}, per AccessKeyId. */
export class NonceLedger {
  /** Insertion order is arrival order, so expired entries usually sit at the front. */
  readonly #seen = new Map<string, number>();

  /** True when the nonce was already used with this AccessKeyId inside the window. */
  used(accessKeyId: string, nonce: string, now: number): boolean {
    this.#expire(now);
    const seenAt = this.#seen.get(`${accessKeyId}\n${nonce}`);
    // Checked per entry too: after the clock moved back, arrival order is not time order.
    return seenAt !== undefined && seenAt > now - nonceWindowMs;
  }

  /** Marks a nonce as used at `now`. */
  remember(accessKeyId: string, nonce: string, now: number): void {
    const key = `${accessKeyId}\n${nonce}`;
    this.#seen.delete(key);
    this.#seen.set(key, now);
    if (this.#seen.size > maxNonces) {
      const oldest = this.#seen.keys().next().value;
      if (oldest !== undefined) {
        this.#seen.delete(oldest);
      }
    }
  }

  /** How many nonces are remembered (for tests of the memory bound). */
  get size(): number {
    return this.#seen.size;
  }

  #expire(now: number): void {
    for (const [key, seenAt] of this.#seen) {
      if (seenAt > now - nonceWindowMs) {
        break;
      }
      this.#seen.delete(key);
    }
  }
}
