/**
 * The unsigned JSON API for tests and operators under `/api/`: read and clear the outbox, set
 * faults, move the clock, (operator-account.ts) set review states, RAM denials, send records and
 * delivery outcomes of one account, and (operator-accounts.ts) set each account's balance, state
 * and daily sends, and the run-time switches. Not part of Aliyun's API; the sandbox listens on
 * loopback by default.
 *
 * @module
 */
import type { AccountBook } from './accounts.js';
import type { FaultSwitch } from './faults.js';
import { accountRoutes } from './operator-account.js';
import type { AccountRoute } from './operator-account.js';
import { accountsRoutes, selectAccount } from './operator-accounts.js';
import type { Outbox } from './outbox.js';
import type { Registry } from './registry.js';
import type { SandboxSettings } from './settings.js';

/** What the operator API can touch. */
export type OperatorState = {
  outbox: Outbox;
  accounts: AccountBook;
  registry: Registry;
  faults: FaultSwitch;
  settings: SandboxSettings;
  clock: { now: () => number; advance: (ms: number) => void; reset: () => void; offsetMs: number };
};

/** A JSON answer; `body` undefined means 204 No Content. */
export type OperatorAnswer = { status: number; body?: unknown };

type Route = (query: URLSearchParams, body: unknown, state: OperatorState) => OperatorAnswer;

const clockState = (state: OperatorState): OperatorAnswer => ({
  status: 200,
  body: { now: new Date(state.clock.now()).toISOString(), offsetMs: state.clock.offsetMs },
});

/** An account route, for the account the request names (operator-accounts.ts). */
const forAccount = (route: AccountRoute): Route => (query, body, state) => {
  const slot = selectAccount(query, body, state.accounts);
  return route(query, body, { account: slot.live, records: slot.records, registry: slot.entry, clock: state.clock });
};

const routes: Record<string, Partial<Record<string, Route>>> = {
  ...Object.fromEntries(
    Object.entries(accountRoutes).map(([path, methods]) => [
      path,
      Object.fromEntries(Object.entries(methods).map(([method, route]) => [method, route === undefined ? undefined : forAccount(route)])),
    ]),
  ),
  ...accountsRoutes,
  '/api/messages': {
    GET: (query, _body, { outbox }) => {
      const phone = query.get('phone');
      const account = query.get('account');
      return { status: 200, body: outbox.list({ ...(phone === null ? {} : { phone }), ...(account === null ? {} : { account }) }) };
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
