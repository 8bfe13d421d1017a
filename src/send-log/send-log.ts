/**
 * @module send-log
 * The send log: one line on Logto's standard output for every send the connector accepts or
 * refuses, so an operator can find a user's message with `grep` (docs/send-log.md, which documents
 * each field and keeps them stable). Logto keeps nothing of an accepted send (it drops what
 * `sendMessage` returns), and its audit log keeps a refusal only on some routes; this line is where
 * the BizId or MessageId that `status` looks up is kept.
 *
 * Pure: the facts of one send in, one line out ({@link sendLogLine}). What a line may hold is fixed
 * here: the message type, the number masked, the route, the template, the time in China time,
 * Aliyun's ids and, for a refusal, Aliyun's code. Never the message text, the verification code, a
 * secret or Aliyun's `Message` (a `SignatureDoesNotMatch` message echoes the string to sign).
 */
import { ConnectorError, ConnectorErrorCodes } from '@logto/connector-kit';

import type { TransportFailure } from '../aliyun/errors.js';
import { withoutSecrets } from '../aliyun/errors.js';
import { maskNumber } from '../plan/phone.js';
import type { ApiCall } from '../plan/route.js';
import { formatLogLine, type LogFields } from './log-line.js';

/** The first field of every line, to grep for: `event=aliyun-sms.send`. */
export const sendLogEvent = 'aliyun-sms.send';

/** How far a send got before it ended: its message read, its configuration read, its call planned, its request made. */
export type SendStage = 'message' | 'config' | 'plan' | 'send';

/** What is known of one send when it ends. */
export type SendFacts = {
  startedAt: Date;
  endedAt: Date;
  /** The Console's Send (a send with the form's configuration), not a user's. */
  test: boolean;
  /** Logto's `data.type` and `data.to`, as given. */
  type: unknown;
  to: unknown;
  stage: SendStage;
  /** The planned call, once there is one. */
  call?: ApiCall;
  /** The accepted answer's receipt; absent when the send failed. */
  receipt?: Readonly<Record<string, unknown>>;
  /** Why the send failed; absent when it was accepted. */
  error?: unknown;
  /** Values that must never be written (the AccessKey secrets). */
  secrets: readonly string[];
  /** The configuration has a fallback account, so every line names the account. */
  fallback?: boolean;
};

/** China Standard Time is UTC+8 all year (no daylight saving since 1991). */
const chinaOffsetMs = 8 * 3_600_000;

/** `2026-12-05T16:17:07.123+08:00`: the instant in China time, the clock Aliyun's records and `status --date` use. */
export const chinaTimestamp = (date: Date): string => `${new Date(date.getTime() + chinaOffsetMs).toISOString().slice(0, 23)}+08:00`;

/** The number as every other output of this package shows it; below 7 characters nothing of it is shown. */
const maskedNumber = (to: unknown): string | undefined => {
  if (typeof to !== 'string') {
    return undefined;
  }
  const trimmed = to.trim();
  return trimmed.length >= 7 ? maskNumber(trimmed) : '*'.repeat(trimmed.length);
};

const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** A transport failure as one word: `timeout`, the socket's error code, or `http-<status>` for a body not Aliyun's. */
const failureWord = (failure: TransportFailure): string => {
  switch (failure.kind) {
    case 'timeout': {
      return 'timeout';
    }
    case 'network': {
      return failure.errorCode;
    }
    case 'not-aliyun': {
      return `http-${failure.httpStatus}`;
    }
  }
};

/** Why the connector refused before anything was sent, by the stage it stopped at and its error. */
const reasonOf = (stage: SendStage, error: ConnectorError): string => {
  if (stage === 'message' || stage === 'config') {
    return stage;
  }
  const data = error.data as { refusal?: unknown } | undefined;
  if (typeof data === 'object' && data !== null && typeof data.refusal === 'string') {
    return data.refusal;
  }
  return error.code === ConnectorErrorCodes.InvalidRequestParameters ? 'number' : error.code === ConnectorErrorCodes.TemplateNotFound ? 'template' : 'other';
};

/** What an error's `data` may say about the send. */
type ErrorData = { code?: unknown; requestId?: unknown; failure?: TransportFailure; attempts?: unknown; account?: unknown; accounts?: unknown };

const dataOf = (error: unknown): ErrorData =>
  error instanceof ConnectorError && typeof error.data === 'object' && error.data !== null ? error.data : {};

/** How a failed send ended: refused by Aliyun (its code), refused by the connector (why), or no usable answer. */
const failureFields = (stage: SendStage, error: unknown): LogFields => {
  if (!(error instanceof ConnectorError)) {
    return [['outcome', 'failed'], ['error', 'internal']];
  }
  const data = dataOf(error);
  if (stage === 'send' && typeof data.code === 'string') {
    return [['outcome', 'refused'], ['by', 'aliyun'], ['code', data.code], ['error', error.code]];
  }
  if (stage === 'send' && data.failure !== undefined) {
    return [['outcome', 'failed'], ['failure', failureWord(data.failure)], ['error', error.code]];
  }
  return [['outcome', 'refused'], ['by', 'connector'], ['reason', reasonOf(stage, error)], ['error', error.code]];
};

/** The route of a planned call: site, region, API host, action and version, template. */
const routeFields = (call: ApiCall | undefined): LogFields =>
  call === undefined
    ? []
    : [
        ['site', call.route.site],
        ['region', call.route.region],
        ['regionCode', call.route.regionCode],
        ['host', new URL(call.endpoint).host],
        ['action', call.action],
        ['version', call.version],
        ['template', call.route.templateCode],
      ];

/**
 * With a fallback account (send-failover.ts): which account sent or failed last, the primary's code
 * when the fallback was tried, and whether the primary was passed over (it refused for an
 * account-wide reason less than 120 s before). Nothing without a fallback.
 */
const accountFields = (receipt: SendFacts['receipt'], data: ErrorData, fallback: boolean): LogFields => {
  // Without a word from the failover, the primary alone was tried (or the Console's Send, which tests it only).
  const alone = fallback ? 'primary' : undefined;
  if (receipt !== undefined) {
    return [['account', textOf(receipt.account) ?? alone], ['primaryCode', textOf(receipt.primaryRefusal)], ['primarySkipped', receipt.primarySkipped === true ? true : undefined]];
  }
  const accounts = Array.isArray(data.accounts) ? (data.accounts as unknown[]) : [];
  const primary = accounts.find((entry): entry is { code?: unknown } => typeof entry === 'object' && entry !== null && (entry as { account?: unknown }).account === 'primary');
  return [['account', textOf(data.account) ?? alone], ['primaryCode', data.account === 'fallback' ? textOf(primary?.code) : undefined]];
};

/** The one line for a send that ended, accepted or not. */
export const sendLogLine = ({ startedAt, endedAt, test, type, to, stage, call, receipt, error, secrets, fallback = false }: SendFacts): string => {
  const data = dataOf(error);
  const fields: LogFields = [
    ['event', sendLogEvent],
    ...(receipt === undefined ? failureFields(stage, error) : [['outcome', 'accepted'] as const]),
    ['test', test],
    ['time', chinaTimestamp(startedAt)],
    ['date', chinaTimestamp(startedAt).slice(0, 10)],
    ['type', textOf(type)],
    ['to', maskedNumber(to)],
    ...routeFields(call),
    ...accountFields(receipt, data, fallback),
    ['bizId', textOf(receipt?.BizId)],
    ['messageId', textOf(receipt?.MessageId)],
    ['requestId', textOf(receipt === undefined ? data.requestId : receipt.RequestId)],
    ['attempts', typeof data.attempts === 'number' && data.attempts > 1 ? data.attempts : undefined],
    ['ms', Math.max(endedAt.getTime() - startedAt.getTime(), 0)],
  ];
  // Values that came off the wire or from Logto pass the secret filter before they are written.
  return formatLogLine(fields.map(([key, value]) => [key, typeof value === 'string' ? withoutSecrets(value, secrets) : value] as const));
};
