/**
 * What every action handler (sms-api.ts, intl-api.ts, pnvs-api.ts and the query APIs) is given. It lives apart from
 * dispatch.ts, which imports the handlers, so that the handlers stand below the dispatcher.
 *
 * @module
 */
import type { Account } from './account.js';
import type { FlowControl } from './flow-control.js';
import type { GatewayContext } from './gateway-errors.js';
import type { Outbox } from './outbox.js';
import type { Registry } from './registry.js';
import type { SendRecords } from './send-records.js';

/** What an action handler gets: the request and the sandbox state it may use. */
export type ActionContext = {
  params: Readonly<Record<string, string>>;
  registry: Registry;
  /** Sandbox time of the request, ms. */
  now: number;
  requestId: string;
  gateway: GatewayContext;
  flow: FlowControl;
  outbox: Outbox;
  /** Live review states and RAM denials (account.ts). */
  account: Account;
  /** What QuerySendDetails and QueryMessage report (send-records.ts). */
  records: SendRecords;
  /** A fresh numeric id (BizId, MessageId). */
  newId: () => string;
};
