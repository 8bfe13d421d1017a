/**
 * @module send-failover
 * A sign-in send with a fallback account: the primary first (or, while the process remembers the
 * primary refusing for an account-wide reason, the fallback first), and the other account only
 * when the first one's failure left nothing sent and was about the account (failover.ts). One
 * deadline, the configuration's `timeout`, covers the whole send: the second account gets what is
 * left of it, so the end user waits no longer than without a fallback.
 *
 * What it resolves with says which account sent ({@link SentBy}) and with which call; Logto
 * discards what `sendMessage` returns, so this is for the send log (index.ts): its line names the
 * account, the primary's code and the route of the account that sent. When both accounts fail, the error names both
 * failures (Logto's audit log keeps `String(error)`); the end user's wording is made from it as
 * for any other error (end-user-error.ts). The Console's Send never comes here.
 */
import { ConnectorError } from '@logto/connector-kit';

import { failureVerdict, refusalVerdict, type FailoverVerdict } from './aliyun/failover.js';
import type { AliyunAnswer, AliyunClient, SendOutcome } from './aliyun/aliyun-client.js';
import { minimumAttemptMs } from './aliyun/retry-policy.js';
import type { AccountConfig, AliyunSmsConfig } from './config/config.js';
import { accountDownMs, primaryKey, type FailoverMemory } from './failover-memory.js';
import { planSend, type ApiCall, type Message } from './plan/route.js';

/** Which account sent a message, and what the primary said when it did not. */
export type SentBy = {
  account: 'primary' | 'fallback';
  /** The primary's code (Aliyun's, or the socket's for a request that never left) when the fallback sent. */
  primaryRefusal?: string;
  /** True when the primary was not tried: it refused for an account-wide reason less than 120 s before. */
  primarySkipped?: boolean;
};

/** One account as this send sees it. */
type Account = { name: SentBy['account']; config: AccountConfig };

/** A failed outcome: refused, or failed without an answer. */
type Failed = Exclude<SendOutcome, { kind: 'sent' }>;

/** What a failed outcome allows (failover.ts). */
export const verdictOf = (outcome: Failed): FailoverVerdict =>
  outcome.kind === 'refused' ? refusalVerdict(outcome.code, outcome.httpStatus) : failureVerdict(outcome.unsent);

/** The code a failed outcome is known by: Aliyun's `Code`, or what happened to the request. */
const codeOf = (outcome: Failed): string => (outcome.kind === 'refused' ? outcome.code : outcome.detail);

const dataOf = (error: ConnectorError): Record<string, unknown> =>
  typeof error.data === 'object' && error.data !== null ? (error.data as Record<string, unknown>) : {};

const descriptionOf = (error: ConnectorError): string => {
  const { errorDescription } = dataOf(error);
  return typeof errorDescription === 'string' ? errorDescription : error.message;
};

/** The same error, its sentence preceded by `lead`, and the account named in its data. */
const told = (error: ConnectorError, account: SentBy['account'], lead: string): ConnectorError =>
  new ConnectorError(error.code, { ...dataOf(error), errorDescription: `${lead}${descriptionOf(error)}`, account });

/** One account's part of the story, for an error that names both. */
type Step = { account: SentBy['account']; error: ConnectorError; sent: boolean };

/**
 * The error when neither account sent: each account's sentence in the order they were tried. Its
 * code and data are those of the last account that made a request (the one whose answer the end
 * user's wording follows), with `accounts` listing each one's code.
 */
const bothFailed = (steps: readonly Step[], why: string): ConnectorError => {
  const base = [...steps].reverse().find((step) => step.sent) ?? steps[0];
  const [first, second] = steps;
  if (!base || !first) {
    throw new TypeError('bothFailed needs the first account’s failure');
  }
  const sentence =
    `The ${first.account} account could not send: ${descriptionOf(first.error)} ` +
    (second ? `The ${second.account} account was tried next and could not send either: ${descriptionOf(second.error)}` : why);
  return new ConnectorError(base.error.code, {
    ...dataOf(base.error),
    errorDescription: sentence,
    account: base.account,
    accounts: steps.map(({ account, error }) => {
      const { code, requestId, failure } = dataOf(error);
      return { account, ...(typeof code === 'string' ? { code } : {}), ...(typeof requestId === 'string' ? { requestId } : {}), ...(failure ? { failure } : {}) };
    }),
  });
};

/** What the failover needs from the process: the client, the memory, and where a failover is told. */
export type FailoverContext = { client: AliyunClient; memory: FailoverMemory; warn: (message: string) => void };

/** The planned call for an account, or the error that says why it cannot send this message. */
const plan = (account: Account, message: Message): ApiCall | ConnectorError => {
  try {
    return planSend(account.config, message);
  } catch (error: unknown) {
    if (error instanceof ConnectorError) {
      return error;
    }
    throw error;
  }
};

/**
 * Sends `message` with `config`'s primary account, and with its fallback when the primary's
 * failure allows it; see the module comment. `primaryCall` is the primary's planned call.
 */
export const sendWithFailover = async (
  { client, memory, warn }: FailoverContext,
  config: AliyunSmsConfig & { fallback: AccountConfig },
  primaryCall: ApiCall,
  message: Message
): Promise<{ answer: AliyunAnswer; sentBy: SentBy; call: ApiCall }> => {
  const deadline = performance.now() + config.timeout;
  const key = primaryKey(primaryCall.endpoint, config);
  const down = memory.downFor(key);
  const primary: Account = { name: 'primary', config };
  const fallback: Account = { name: 'fallback', config: config.fallback };
  const order = down ? [fallback, primary] : [primary, fallback];
  const steps: Step[] = [];
  let primaryRefusal = down?.code;
  let remembered = false;

  for (const account of order) {
    const call = account === primary ? primaryCall : plan(account, message);
    if (call instanceof ConnectorError) {
      // This account cannot send this message (a region it does not serve): the other one may.
      steps.push({ account: account.name, error: call, sent: false });
      continue;
    }
    const left = Math.floor(deadline - performance.now());
    if (steps.length > 0 && left < minimumAttemptMs) {
      throw bothFailed(steps, `No time was left of timeout (${config.timeout} ms) to try the ${account.name} account.`);
    }
    // The first request gets the whole timeout (its error then names the operator's number); the
    // second, what is left of it.
    const budget = Math.min(account.config.timeout, steps.length === 0 ? config.timeout : left);
    const outcome = await client.trySend(call, account.config, budget);
    if (outcome.kind === 'sent') {
      if (account === primary) {
        memory.forget(key);
        return { answer: outcome.body, sentBy: { account: 'primary' }, call };
      }
      if (!down) {
        const next = remembered ? `; for the next ${accountDownMs / 1000} s sign-in sends go to the fallback account first` : '';
        warn(`connector-aliyun-sms: the primary account could not send (${primaryRefusal ?? ''}); the fallback account sent the message${next}.`);
      }
      return { answer: outcome.body, sentBy: { account: 'fallback', ...(primaryRefusal === undefined ? {} : { primaryRefusal }), ...(down ? { primarySkipped: true } : {}) }, call };
    }
    const verdict = verdictOf(outcome);
    if (account === primary) {
      primaryRefusal = codeOf(outcome);
      if (verdict.kind === 'account') {
        memory.remember(key, primaryRefusal);
        remembered = true;
      }
    }
    steps.push({ account: account.name, error: outcome.error, sent: true });
    if (verdict.kind === 'never') {
      break;
    }
  }
  const [only] = steps;
  if (steps.length === 1 && only) {
    if (only.account === 'primary') {
      throw only.error;
    }
    const lead = down ? `The fallback account sent this message, because the primary refused (${down.code}) less than ${accountDownMs / 1000} s ago, and could not send: ` : '';
    throw told(only.error, 'fallback', lead);
  }
  throw bothFailed(steps, '');
};

/**
 * What the Console's Send adds to a refusal when the configuration has a fallback: Send tests the
 * primary account only and never fails over (nor reads or writes the process's memory, so a
 * mistyped secret in the form cannot divert sign-ins), but says when a sign-in would have gone on
 * to the fallback.
 */
export const consoleFailoverNote =
  (config: AliyunSmsConfig) =>
  (outcome: Failed): string => {
    if (config.fallback === undefined) {
      return '';
    }
    const verdict = verdictOf(outcome);
    return verdict.kind === 'never'
      ? ''
      : ` During sign-in the fallback account would have been tried next (${verdict.reason}); Send tests the primary account only, and doctor --send tests both.`;
  };
