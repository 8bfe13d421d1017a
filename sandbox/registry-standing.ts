/**
 * The parts of a registry entry that say who the account is and how it stands with billing: its
 * `name` (how the operator API and the outbox refer to it), `accountId` (what STS
 * `GetCallerIdentity` answers), `state`, `balance` (what `QueryAccountBalance` answers) and
 * `dailySends` (bulk traffic for `QuerySendStatistics`). All optional: a registry written before
 * accounts existed is one account in good standing with money on it.
 *
 * @module
 */
import { accountStates, amountPattern, currencies } from './account-standing.js';
import type { Balance, Standing } from './account-standing.js';
import type { RegistryDailySend } from './daily-sends.js';
import { asArray, asObject, asOneOf, asString } from './registry-fields.js';

/** Who an account is: its name in the sandbox and its 16-digit Aliyun account ID. */
export type AccountIdentity = { name: string; accountId: string };

/** The balance of an entry that gives none: enough to send, in yuan. */
export const defaultBalance: Balance = {
  availableAmount: '10,000.00',
  availableCashAmount: '10,000.00',
  creditAmount: '0.00',
  mybankCreditAmount: '0.00',
  currency: 'CNY',
  quotaLimit: '0.00',
};

/**
 * `name` and `accountId` of the `index`-th account (0 is the registry's top level): defaults
 * `primary` / `account-2`… and `1000000000000001`, `1000000000000002`….
 */
export function parseIdentity(entry: Record<string, unknown>, where: string, index: number): AccountIdentity {
  const name = entry.name === undefined ? (index === 0 ? 'primary' : `account-${index + 1}`) : asString(entry.name, `${where}.name`);
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/.test(name)) {
    throw new TypeError(`${where}.name must be 1-32 letters, digits, "-" or "_", starting with a letter or digit`);
  }
  const accountId = entry.accountId === undefined ? String(1_000_000_000_000_001 + index) : asString(entry.accountId, `${where}.accountId`);
  if (!/^\d{16}$/.test(accountId)) {
    throw new TypeError(`${where}.accountId must be 16 digits, like an Aliyun account ID`);
  }
  return { name, accountId };
}

/** `state` (default `normal`) and `balance` (each field optional; cash defaults to the available amount). */
export function parseStanding(entry: Record<string, unknown>, where: string): Standing {
  const state = entry.state === undefined ? 'normal' : asOneOf(entry.state, accountStates, `${where}.state`);
  return { state, balance: parseBalance(entry.balance ?? {}, `${where}.balance`, defaultBalance) };
}

/** A `balance` object over `base`: the fields given replace base's. Also reads the operator API's input. */
export function parseBalance(value: unknown, where: string, base: Balance): Balance {
  const input = asObject(value, where);
  const amount = (name: Exclude<keyof Balance, 'currency'>, fallback: string): string => {
    if (input[name] === undefined) {
      return fallback;
    }
    const text = asString(input[name], `${where}.${name}`);
    if (!amountPattern.test(text)) {
      throw new TypeError(`${where}.${name} must be an amount such as "1,234.56", "10000.00" or "-12.30"`);
    }
    return text;
  };
  const availableAmount = amount('availableAmount', base.availableAmount);
  return {
    availableAmount,
    availableCashAmount: amount('availableCashAmount', input.availableAmount === undefined ? base.availableCashAmount : availableAmount),
    creditAmount: amount('creditAmount', base.creditAmount),
    mybankCreditAmount: amount('mybankCreditAmount', base.mybankCreditAmount),
    currency: input.currency === undefined ? base.currency : asOneOf(input.currency, currencies, `${where}.currency`),
    quotaLimit: amount('quotaLimit', base.quotaLimit),
  };
}

/** The `dailySends` list. */
export function parseDailySends(value: unknown, where: string): RegistryDailySend[] {
  return asArray(value ?? [], where).map((item, index) => {
    const at = `${where}[${index}]`;
    const entry = asObject(item, at);
    return { daysAgo: count(entry.daysAgo, `${at}.daysAgo`), ...parseDailyTraffic(entry, at) };
  });
}

/** A day's traffic without its day: `scope` (default mainland), `signName`, `templateCode`, the three counts (default 0). */
export function parseDailyTraffic(entry: Record<string, unknown>, where: string): Omit<RegistryDailySend, 'daysAgo'> {
  const optional = (name: 'signName' | 'templateCode') =>
    entry[name] === undefined ? {} : { [name]: asString(entry[name], `${where}.${name}`) };
  return {
    scope: entry.scope === undefined ? 'mainland' : asOneOf(entry.scope, ['mainland', 'international'] as const, `${where}.scope`),
    ...optional('signName'),
    ...optional('templateCode'),
    delivered: count(entry.delivered ?? 0, `${where}.delivered`),
    failed: count(entry.failed ?? 0, `${where}.failed`),
    pending: count(entry.pending ?? 0, `${where}.pending`),
  };
}

function count(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 10_000_000) {
    throw new TypeError(`${where} must be a whole number from 0 to 10000000`);
  }
  return value;
}
