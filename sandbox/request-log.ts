/**
 * Every API request the sandbox received, so tests can check what a client actually put on the
 * wire (method, decoded parameters, headers). Keeps the newest entries only but counts them all.
 *
 * @module
 */
import type { IncomingHttpHeaders } from 'node:http';

/** One RPC request as received. */
export type RecordedRequest = {
  /** ISO time on the sandbox clock. */
  receivedAt: string;
  method: string;
  path: string;
  /** Query and form-body parameters merged and decoded (body wins on a clash). */
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
};

/** Bounded, oldest-first log of API requests. */
export class RequestLog {
  #entries: RecordedRequest[] = [];
  #count = 0;
  readonly #limit: number;

  /** Keeps the newest `limit` requests. */
  constructor(limit = 1000) {
    this.#limit = limit;
  }

  /** Records one request. */
  add(entry: RecordedRequest): void {
    this.#count += 1;
    this.#entries.push(entry);
    if (this.#entries.length > this.#limit) {
      this.#entries.shift();
    }
  }

  /** Kept requests, oldest first. */
  list(): RecordedRequest[] {
    return [...this.#entries];
  }

  /** Forgets every request and zeroes the count. */
  clear(): void {
    this.#entries = [];
    this.#count = 0;
  }

  /** How many requests arrived since start (or the last clear), kept or not. */
  get count(): number {
    return this.#count;
  }
}
