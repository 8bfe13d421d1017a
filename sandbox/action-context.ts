/**
 * What every action handler (sms-api.ts, intl-api.ts, pnvs-api.ts and the query APIs) is given. It lives apart from
 * dispatch.ts, which imports the handlers, so that the handlers stand below the dispatcher.
 *
 * @module
 */
import type { Account } from './account.js';
import type { AccountStanding } from './account-standing.js';
import type { DailySends } from './daily-sends.js';
import type { FlowControl } from './flow-control.js';
import type { GatewayContext } from './gateway-errors.js';
import type { OutboxWriter } from './outbox.js';
import type { AccountRegistry, Credential } from './registry.js';
import type { SendRecords } from './send-records.js';
import type { SandboxSettings } from './settings.js';

/**
 * What an action handler gets: the request and the sandbox state it may use. Everything about an
 * account is the account of the AccessKey that signed the request (accounts.ts).
 */
export type ActionContext = {
  params: Readonly<Record<string, string>>;
  /** The calling account's registry entry. */
  registry: AccountRegistry;
  /** The AccessKey that signed the request. */
  credential: Credential;
  /** Sandbox time of the request, ms. */
  now: number;
  requestId: string;
  gateway: GatewayContext;
  flow: FlowControl;
  outbox: OutboxWriter;
  /** Live review states and RAM denials (account.ts). */
  account: Account;
  /** Balance and state (account-standing.ts). */
  standing: AccountStanding;
  /** What QuerySendDetails and QueryMessage report (send-records.ts). */
  records: SendRecords;
  /** Bulk traffic per day, for QuerySendStatistics (daily-sends.ts). */
  dailySends: DailySends;
  /** Run-time switches (settings.ts). */
  settings: SandboxSettings;
  /** A fresh numeric id (BizId, MessageId). */
  newId: () => string;
};

/** The parts of {@link ActionContext} that belong to the calling account. */
export type AccountScoped = 'registry' | 'credential' | 'flow' | 'outbox' | 'account' | 'standing' | 'records' | 'dailySends';
