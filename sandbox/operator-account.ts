/**
 * The operator API's account routes (`/api/templates`, `/api/signatures`, `/api/ram`,
 * `/api/readings`, `/api/forbidden-actions`, `/api/unknown-actions`, `/api/send-records`, `/api/delivery-outcomes`): read
 * and change review states, RAM denials, the readings of disputed facts, actions the account may
 * not call or the endpoint does not know, send records and delivery outcomes while the sandbox runs. Input is checked by the registry's
 * own readers, so a bad value gets the same sentence as in a registry file.
 *
 * @module
 */
import type { Account, ActionList } from './account.js';
import { parseDenial, parseActionNames, parseReview } from './registry-account.js';
import { parseReadings } from './readings.js';
import { parseTemplate } from './registry.js';
import type { AccountRegistry } from './registry.js';
import { asObject, asOneOf, asString } from './registry-fields.js';
import { chinaDay } from './china-time.js';
import type { Outcome, SendRecord, SendRecords } from './send-records.js';

/** What the account routes touch: one account's state (the one the request names: operator-accounts.ts). */
export type AccountRouteState = { account: Account; records: SendRecords; registry: AccountRegistry; clock: { now: () => number } };

type Answer = { status: number; body?: unknown };

/** One route of one account. */
export type AccountRoute = (query: URLSearchParams, body: unknown, state: AccountRouteState) => Answer;

/** Read, replace and reset one of the account's action lists. */
function actionListRoutes(list: ActionList): Partial<Record<string, AccountRoute>> {
  return {
    GET: (_query, _body, { account }) => ({ status: 200, body: account.actionList(list) }),
    POST: (_query, body, { account }) => {
      account.setActionList(list, parseActionNames(asObject(body, 'body').actions, 'actions'));
      return { status: 200, body: account.actionList(list) };
    },
    DELETE: (_query, _body, { account }) => {
      account.resetActionList(list);
      return { status: 204 };
    },
  };
}

/** Routes by path and method. */
export const accountRoutes: Record<string, Partial<Record<string, AccountRoute>>> = {
  '/api/templates': {
    GET: (_query, _body, { account }) => ({ status: 200, body: account.templates() }),
    POST: (_query, body, { account }) => {
      const input = asObject(body, 'body');
      const code = asString(input.code, 'code');
      const existing = account.templates().find((template) => template.code === code);
      const template = parseTemplate({ ...withoutStaleReason(existing, input), ...input }, 'template');
      account.putTemplate(template);
      return { status: 200, body: template };
    },
    DELETE: (_query, _body, { account }) => {
      account.resetTemplates();
      return { status: 204 };
    },
  },
  '/api/signatures': {
    GET: (_query, _body, { account }) => ({ status: 200, body: account.signatures() }),
    POST: (_query, body, { account }) => {
      const input = asObject(body, 'body');
      const name = asString(input.name, 'name');
      const existing = account.signatures().find((signature) => signature.name === name);
      const signature = { name, ...parseReview({ ...withoutStaleReason(existing, input), ...input }, 'signature') };
      account.putSignature(signature);
      return { status: 200, body: signature };
    },
    DELETE: (_query, _body, { account }) => {
      account.resetSignatures();
      return { status: 204 };
    },
  },
  '/api/ram': {
    GET: (_query, _body, { account }) => ({ status: 200, body: account.denials() }),
    POST: (_query, body, { account, registry }) => {
      const input = asObject(body, 'body');
      const accessKeyId = input.accessKeyId === undefined ? registry.credentials[0]?.accessKeyId : asString(input.accessKeyId, 'accessKeyId');
      if (accessKeyId === undefined || !registry.credentials.some((credential) => credential.accessKeyId === accessKeyId)) {
        throw new TypeError(`accessKeyId must be one of the registry's: ${registry.credentials.map((credential) => credential.accessKeyId).join(', ')}`);
      }
      const denial = parseDenial({ deniedActions: input.deny ?? [], ramDenial: input.style }, 'body') ?? { actions: [], style: 'site' as const };
      account.setDenial(accessKeyId, denial);
      return { status: 200, body: account.denials() };
    },
    DELETE: (_query, _body, { account }) => {
      account.resetDenials();
      return { status: 204 };
    },
  },
  '/api/readings': {
    GET: (_query, _body, { account }) => ({ status: 200, body: account.readings() }),
    POST: (_query, body, { account }) => {
      // `account` names the account (operator-accounts.ts); the rest are readings.
      const readings = Object.fromEntries(Object.entries(asObject(body, 'body')).filter(([key]) => key !== 'account'));
      account.setReadings(parseReadings(readings, 'body'));
      return { status: 200, body: account.readings() };
    },
    DELETE: (_query, _body, { account }) => {
      account.resetReadings();
      return { status: 204 };
    },
  },
  '/api/forbidden-actions': actionListRoutes('forbidden'),
  '/api/unknown-actions': actionListRoutes('unknown'),
  '/api/send-records': {
    GET: (query, _body, { records }) => {
      const phone = query.get('phone');
      const date = query.get('date');
      const list = records.list({ ...(phone === null ? {} : { phone }), ...(date === null ? {} : { day: date }) });
      return { status: 200, body: list.map((record) => shown(record)) };
    },
    POST: (_query, body, { records, clock }) => {
      const input = asObject(body, 'body');
      const minutesAgo = input.minutesAgo ?? 0;
      if (typeof minutesAgo !== 'number' || !Number.isFinite(minutesAgo) || minutesAgo < 0) {
        throw new TypeError('"minutesAgo" must be a number of minutes, 0 or more');
      }
      const optional = (name: 'templateCode' | 'outId' | 'bizId') =>
        input[name] === undefined ? {} : { [name]: asString(input[name], name) };
      const record = records.inject({
        phone: asString(input.phone, 'phone'),
        content: asString(input.content, 'content'),
        sentAt: clock.now() - minutesAgo * 60_000,
        ...readOutcome(input.status === undefined ? { ...input, status: 'delivered' } : input),
        ...optional('templateCode'),
        ...optional('outId'),
        ...optional('bizId'),
      });
      return { status: 201, body: shown(record) };
    },
    DELETE: (_query, _body, { records }) => {
      records.reset();
      return { status: 204 };
    },
  },
  '/api/delivery-outcomes': {
    POST: (_query, body, { records }) => {
      const input = asObject(body, 'body');
      const outcome = readOutcome(input);
      if (input.bizId !== undefined) {
        records.setOutcome({ id: asString(input.bizId, 'bizId') }, outcome);
      } else {
        records.setOutcome({ phone: asString(input.phone, 'phone (or bizId)') }, outcome);
      }
      return { status: 204 };
    },
  },
};

function readOutcome(input: Record<string, unknown>): Outcome {
  const status = asOneOf(input.status, ['delivered', 'failed', 'pending'] as const, 'status');
  if (input.errCode !== undefined && status !== 'failed') {
    throw new TypeError('errCode is only for status "failed"');
  }
  return { status, ...(input.errCode === undefined ? {} : { errCode: asString(input.errCode, 'errCode') }) };
}

/** A changed status drops a rejection reason the entry had, unless a new one is given. */
function withoutStaleReason<T extends { reason?: string }>(existing: T | undefined, input: Record<string, unknown>): Partial<T> {
  if (existing === undefined) {
    return {};
  }
  if (input.status !== undefined && input.reason === undefined) {
    const rest: Partial<T> = { ...existing };
    delete rest.reason;
    return rest;
  }
  return existing;
}

/** A record for people: ISO times beside Aliyun's China-time day. */
function shown(record: SendRecord) {
  return {
    ...record,
    sentAt: new Date(record.sentAt).toISOString(),
    ...(record.receivedAt === undefined ? {} : { receivedAt: new Date(record.receivedAt).toISOString() }),
    sendDate: chinaDay(record.sentAt),
  };
}
