/**
 * @module doctor-fallback
 * `doctor` for a configuration with a fallback account: the fallback account is checked as the
 * primary is (its own credentials, clock, RAM, signature and template rows, each id prefixed
 * `fallback.`), `--send` sends one test message through it too, and one more row says whether the
 * two accounts would fail together. Two keys fail together when they are the same AccessKey or
 * belong to one Aliyun account, which STS `GetCallerIdentity` tells (it needs no RAM permission,
 * and two keys of one account answer the same `AccountId`): such accounts share one balance, one
 * pair of daily and monthly caps and one set of signatures, so an outage of the account stops both.
 */
import { queryAccount, type QueryAnswer, type QueryTarget } from '../account/account-queries.js';
import type { AliyunClient } from '../aliyun/aliyun-client.js';
import { fallbackAsConfig } from '../config/config-fallback.js';
import type { AccountConfig, AliyunSmsConfig } from '../config/config.js';
import { isLoopbackHost } from '../plan/endpoint.js';
import type { Check } from './doctor-checks.js';
import { maskAccessKeyId } from './secret-mask.js';

/** Aliyun's STS host: https://help.aliyun.com/en/ram/developer-reference/api-sts-2015-04-01-getcalleridentity. */
export const stsEndpoint = 'https://sts.aliyuncs.com';

/** Where an account's `GetCallerIdentity` goes: STS, or the local sandbox, which serves every API on one port. */
const stsEndpointFor = (endpoint: string): string => (isLoopbackHost(new URL(endpoint).hostname) ? endpoint : stsEndpoint);

/** Who an AccessKey belongs to: the Aliyun account's ID, or the sentence saying why it could not be read. */
const callerOf = async (client: AliyunClient, account: AccountConfig): Promise<{ accountId: string } | { problem: string }> => {
  const target: QueryTarget = { ...account, endpoint: stsEndpointFor(account.endpoint) };
  // STS answers a success without a Code (Aliyun's STS SDK, sts20150401 GetCallerIdentityResponseBody.ts).
  const answer: QueryAnswer = await queryAccount(client, target, 'GetCallerIdentity', {}, '2015-04-01', { codelessIsOk: true });
  if (answer.kind === 'ok' && typeof answer.body.AccountId === 'string') {
    return { accountId: answer.body.AccountId };
  }
  return { problem: answer.kind === 'unreachable' ? answer.sentence : answer.kind === 'refused' ? `Aliyun ${answer.code}` : 'the answer had no AccountId' };
};

/** An Aliyun account ID as shown: its last four digits. */
const shownAccount = (accountId: string) => `…${accountId.slice(-4)}`;

const sharedFix = "give the fallback an AccessKey of another Aliyun account (fallback.accessKeyId and fallbackAccessKeySecret), with that account's own signature and templates";

/** Whether the primary and the fallback would fail together. */
export const independenceCheck = async (client: AliyunClient, config: AliyunSmsConfig & { fallback: AccountConfig }): Promise<Check> => {
  const id = 'fallback.independence';
  const { fallback } = config;
  if (fallback.accessKeyId === config.accessKeyId) {
    return {
      id,
      status: 'warn',
      summary: `the fallback uses the primary's AccessKey ${maskAccessKeyId(config.accessKeyId)}: it helps when a signature or template is refused, but both fail together when the account runs out of balance, is suspended or flagged, or the key or its RAM policy is refused`,
      fix: sharedFix,
    };
  }
  const [primary, second] = await Promise.all([callerOf(client, config), callerOf(client, fallback)]);
  if ('problem' in primary || 'problem' in second) {
    const problem = 'problem' in primary ? `the primary's: ${primary.problem}` : 'problem' in second ? `the fallback's: ${second.problem}` : '';
    return { id, status: 'skip', summary: `whether the two AccessKeys belong to one Aliyun account could not be read (STS GetCallerIdentity, ${problem})` };
  }
  if (primary.accountId === second.accountId) {
    return {
      id,
      status: 'warn',
      summary: `both AccessKeys belong to one Aliyun account (${shownAccount(primary.accountId)}): they share its balance, daily and monthly caps and signatures, so both fail together when it runs out of balance or is suspended`,
      fix: sharedFix,
    };
  }
  return {
    id,
    status: 'pass',
    summary: `the fallback's AccessKey belongs to another Aliyun account (${shownAccount(second.accountId)}) than the primary's (${shownAccount(primary.accountId)}): an outage of one does not stop the other`,
  };
};

/** How one account's checks are run: doctor's own, for a configuration without a fallback. */
export type AccountDoctor = (raw: unknown, options: { send?: string }) => Promise<Check[]>;

/** The fallback account's checks, prefixed `fallback.`, and whether the two accounts fail together. */
export const fallbackChecks = async (
  raw: unknown,
  config: AliyunSmsConfig & { fallback: AccountConfig },
  { client, send }: { client: AliyunClient; send?: string },
  runAccount: AccountDoctor
): Promise<Check[]> => {
  const own = fallbackAsConfig(raw as Record<string, unknown>);
  const [checks, independence] = await Promise.all([
    own === undefined ? Promise.resolve([]) : runAccount(own, send === undefined ? {} : { send }),
    independenceCheck(client, config),
  ]);
  return [...checks.map((check) => ({ ...check, id: `fallback.${check.id}` })), independence];
};
