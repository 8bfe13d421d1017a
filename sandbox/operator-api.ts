/**
 * The unsigned JSON API for tests and operators under `/api/`: read and clear the outbox, set
 * faults, move the clock, and (operator-account.ts) set review states, RAM denials, send records
 * and delivery outcomes. Not part of Aliyun's API; the sandbox listens on loopback by default.
 *
 * @module
 */
import type { Account } from './account.js';
import type { FaultSwitch } from './faults.js';
import { accountRoutes } from './operator-account.js';
import type { Outbox } from './outbox.js';
import type { Registry } from './registry.js';
import type { SendRecords } from './send-records.js';

/** What the operator API can touch. */
export type OperatorState = {
  outbox: Outbox;
  account: Account;
  records: SendRecords;
  registry: Registry;
  faults: FaultSwitch;
  clock: { now: () => number; advance: (ms: number) => void; reset: () => void; offsetMs: number };
};

/** A JSON answer; `body` undefined means 204 No Content. */
export type OperatorAnswer = { status: number; body?: unknown };

type Route = (query: URLSearchParams, body: unknown, state: OperatorState) => OperatorAnswer;

const clockState = (state: OperatorState): OperatorAnswer => ({
  status: 200,
  body: { now: new Date(state.clock.now()).toISOString(), offsetMs: state.clock.offsetMs },
});

const routes: Record<string, Partial<Record<string, Route>>> = {
  ...accountRoutes,
  '/api/messages': {
    GET: (query, _body, { outbox }) => {
      const phone = query.get('phone');
      return { status: 200, body: outbox.list(phone === null ? {} : { phone }) };
    },
    DELETE: (_query, _body, { outbox }) => {
      outbox.clear();
      return { status: 204 };
    },
  },
  '/api/faults': {
    POST: (_query, body, { faults }) => {
      const { fault, times } = asRecord(body);
      if (times !== undefined && typeof times !== 'number') {
        throw new TypeError('"times" must be a positive integer');
      }
      faults.set(fault as Parameters<FaultSwitch['set']>[0], times);
      return { status: 204 };
    },
    DELETE: (_query, _body, { faults }) => {
      faults.clear();
      return { status: 204 };
    },
  },
  '/api/clock': {
    GET: (_query, _body, state) => clockState(state),
    POST: (_query, body, state) => {
      const { advanceMs } = asRecord(body);
      if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs)) {
        throw new TypeError('"advanceMs" must be a number of milliseconds');
      }
      state.clock.advance(advanceMs);
      return clockState(state);
    },
    DELETE: (_query, _body, state) => {
      state.clock.reset();
      return clockState(state);
    },
  },
};

/** Answers an `/api/...` request; bad input is 400 with `{ error }`. */
export function answerOperator(
  method: string,
  url: URL,
  rawBody: string,
  state: OperatorState,
): OperatorAnswer {
  const methods = Object.hasOwn(routes, url.pathname) ? routes[url.pathname] : undefined;
  if (methods === undefined) {
    return { status: 404, body: { error: `no such path: ${url.pathname}` } };
  }
  const route = methods[method];
  if (route === undefined) {
    return { status: 405, body: { error: `${method} is not allowed on ${url.pathname}` } };
  }
  try {
    const body: unknown = rawBody.trim() === '' ? {} : JSON.parse(rawBody);
    return route(url.searchParams, body, state);
  } catch (error) {
    if (error instanceof TypeError || error instanceof SyntaxError) {
      return { status: 400, body: { error: error.message } };
    }
    throw error;
  }
}

function asRecord(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new TypeError('the body must be a JSON object');
  }
  return body as Record<string, unknown>;
}
