/**
 * Fault switches: make the next API requests misbehave the way networks, load balancers and
 * overloaded gateways do, so a client's timeouts and error handling can be tested.
 *
 * @module
 */

/** One way to misbehave. */
export type Fault =
  /** Wait `ms`, then answer normally. */
  | { kind: 'delay'; ms: number }
  /** Read the request, never answer. */
  | { kind: 'hang' }
  /** Destroy the socket without answering. */
  | { kind: 'close' }
  /** An HTML error page with this status (default 503), as a proxy or load balancer sends. */
  | { kind: 'http-error'; status?: number }
  /** HTTP 200, application/json, body cut in the middle of the JSON. */
  | { kind: 'truncated-json' }
  /** Status and headers, then never the body. */
  | { kind: 'headers-then-stall' }
  /** The real answer, `bytesPerTick` bytes (default 1) every `tickMs` (default 100). */
  | { kind: 'trickle'; bytesPerTick?: number; tickMs?: number }
  /** Headers and part of the body, then a TCP reset. */
  | { kind: 'reset-mid-body' }
  /** Run the request (a send is delivered and recorded), then destroy the socket without answering: the answer is lost. */
  | { kind: 'lost-answer' };

/** Holds the active fault and how many more requests it applies to. */
export class FaultSwitch {
  #fault: Fault | undefined;
  #remaining = Infinity;

  /** Applies `fault` to the next `times` API requests (default: every one until cleared). */
  set(fault: Fault, times = Infinity): void {
    const checked = parseFault(fault);
    if (!(times === Infinity || (Number.isInteger(times) && times > 0))) {
      throw new TypeError('"times" must be a positive integer');
    }
    this.#fault = checked;
    this.#remaining = times;
  }

  /** Back to normal answers. */
  clear(): void {
    this.#fault = undefined;
    this.#remaining = Infinity;
  }

  /** The fault for the request now arriving, if any; counts it against `times`. */
  take(): Fault | undefined {
    const fault = this.#fault;
    if (fault !== undefined) {
      this.#remaining -= 1;
      if (this.#remaining <= 0) {
        this.clear();
      }
    }
    return fault;
  }
}

/** Checks an untrusted fault description (the HTTP test API); throws a TypeError naming the problem. */
export function parseFault(value: unknown): Fault {
  if (typeof value !== 'object' || value === null) {
    throw new TypeError('"fault" must be an object with a "kind"');
  }
  const fault = value as Record<string, unknown>;
  const count = (name: string, min: number): number | undefined => {
    const field = fault[name];
    if (field === undefined) {
      return undefined;
    }
    if (typeof field !== 'number' || !Number.isInteger(field) || field < min) {
      throw new TypeError(`"${name}" must be an integer >= ${min}`);
    }
    return field;
  };
  switch (fault.kind) {
    case 'delay': {
      const ms = count('ms', 0);
      if (ms === undefined) {
        throw new TypeError('"ms" is required for a delay');
      }
      return { kind: 'delay', ms };
    }
    case 'http-error': {
      const status = count('status', 400);
      if (status !== undefined && status > 599) {
        throw new TypeError('"status" must be an HTTP error status (400-599)');
      }
      return status === undefined ? { kind: 'http-error' } : { kind: 'http-error', status };
    }
    case 'trickle': {
      const bytesPerTick = count('bytesPerTick', 1);
      const tickMs = count('tickMs', 0);
      return {
        kind: 'trickle',
        ...(bytesPerTick === undefined ? {} : { bytesPerTick }),
        ...(tickMs === undefined ? {} : { tickMs }),
      };
    }
    case 'hang':
    case 'close':
    case 'truncated-json':
    case 'headers-then-stall':
    case 'reset-mid-body':
    case 'lost-answer':
      return { kind: fault.kind };
    default:
      throw new TypeError(
        '"kind" must be one of delay, hang, close, http-error, truncated-json, headers-then-stall, trickle, reset-mid-body, lost-answer',
      );
  }
}
