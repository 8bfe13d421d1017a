/**
 * The operator API's routes for several accounts: which account a request means (`account` in
 * the query or the body, else the owner of a given `accessKeyId`, else the first), each account's
 * balance and state (`/api/accounts`), its bulk daily sends (`/api/daily-sends`), and the run-time
 * switches (`/api/settings`). Input is checked by the registry's own readers, so a bad value gets
 * the same sentence as in a registry file.
 *
 * @module
 */
import { accountStates } from './account-standing.js';
import type { AccountBook, AccountSlot } from './accounts.js';
import { chinaDay, isCalendarDay } from './china-time.js';
import { asObject, asOneOf, asString } from './registry-fields.js';
import { parseBalance, parseDailyTraffic } from './registry-standing.js';
import type { SandboxSettings } from './settings.js';

/** What these routes touch. */
export type AccountsRouteState = { accounts: AccountBook; settings: SandboxSettings; clock: { now: () => number } };

type Answer = { status: number; body?: unknown };
type AccountsRoute = (query: URLSearchParams, body: unknown, state: AccountsRouteState) => Answer;

/** The account a request names: `?account=`, the body's `account`, the owner of its `accessKeyId`, else the first. */
export function selectAccount(query: URLSearchParams, body: unknown, accounts: AccountBook): AccountSlot {
  const input = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const named = query.get('account') ?? (input.account === undefined ? undefined : asString(input.account, 'account'));
  if (named !== undefined) {
    const slot = accounts.byName(named);
    if (slot === undefined) {
      throw new TypeError(`account must be one of ${accounts.list().map(({ name }) => name).join(', ')}`);
    }
    return slot;
  }
  const owner = typeof input.accessKeyId === 'string' ? accounts.byAccessKeyId(input.accessKeyId) : undefined;
  return owner ?? accounts.first();
}

/** An account for people: who it is, its keys (never a secret) and its standing. */
function shown(slot: AccountSlot) {
  return {
    name: slot.name,
    accountId: slot.entry.accountId,
    accessKeyIds: slot.entry.credentials.map(({ accessKeyId }) => accessKeyId),
    ...slot.standing.get(),
  };
}

/** Routes by path and method. */
export const accountsRoutes: Record<string, Partial<Record<string, AccountsRoute>>> = {
  '/api/accounts': {
    GET: (_query, _body, { accounts }) => ({ status: 200, body: accounts.list().map((slot) => shown(slot)) }),
    POST: (query, body, { accounts }) => {
      const input = asObject(body, 'body');
      const slot = selectAccount(query, input, accounts);
      const state = input.state === undefined ? undefined : asOneOf(input.state, accountStates, 'state');
      const balance = input.balance === undefined ? undefined : parseBalance(input.balance, 'balance', slot.standing.get().balance);
      slot.standing.set({ ...(state === undefined ? {} : { state }), ...(balance === undefined ? {} : { balance }) });
      return { status: 200, body: shown(slot) };
    },
    DELETE: (_query, _body, { accounts }) => {
      for (const slot of accounts.list()) {
        slot.standing.reset();
      }
      return { status: 204 };
    },
  },
  '/api/daily-sends': {
    GET: (query, _body, { accounts }) => ({ status: 200, body: selectAccount(query, {}, accounts).dailySends.list() }),
    POST: (query, body, { accounts, clock }) => {
      const input = asObject(body, 'body');
      const slot = selectAccount(query, input, accounts);
      const [firstSign] = slot.entry.signNames;
      const traffic = parseDailyTraffic({ ...(firstSign === undefined ? {} : { signName: firstSign }), ...input }, 'body');
      return { status: 201, body: slot.dailySends.add({ ...traffic, day: dayOf(input, clock.now()) }) };
    },
    DELETE: (query, _body, { accounts }) => {
      selectAccount(query, {}, accounts).dailySends.reset();
      return { status: 204 };
    },
  },
  '/api/settings': {
    GET: (_query, _body, { settings }) => ({ status: 200, body: settings.get() }),
    POST: (_query, body, { settings }) => ({ status: 200, body: settings.set(asObject(body, 'body')) }),
    DELETE: (_query, _body, { settings }) => {
      settings.reset();
      return { status: 204 };
    },
  },
};

/** `date` (`yyyyMMdd`), or `daysAgo` China-time days before today on the sandbox clock (default 0). */
function dayOf(input: Record<string, unknown>, now: number): string {
  if (input.date !== undefined) {
    const date = asString(input.date, 'date');
    if (!isCalendarDay(date)) {
      throw new TypeError('date must be a day written yyyyMMdd, such as 20261204');
    }
    return date;
  }
  const daysAgo = input.daysAgo ?? 0;
  if (typeof daysAgo !== 'number' || !Number.isInteger(daysAgo) || daysAgo < 0) {
    throw new TypeError('daysAgo must be a whole number of days, 0 or more');
  }
  return chinaDay(now - daysAgo * 86_400_000);
}
