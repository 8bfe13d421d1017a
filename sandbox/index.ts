/**
 * A local stand-in for Aliyun's SMS API (`dysmsapi`): verifies signature V1 like the real gateway,
 * answers SendSms (2017-05-25) and the international 2018-05-01 actions with Aliyun's codes,
 * applies the default flow control, and keeps what it accepted in an outbox with a web inbox.
 * It holds one or more accounts (accounts.ts), each with its keys, balance and standing, and also
 * answers the billing API's balance and STS's GetCallerIdentity.
 *
 * Uses Node built-ins only and nothing from `src/`, so it can check the connector independently.
 *
 * @module
 */
import type { Account } from './account.js';
import { AccountBook } from './accounts.js';
import type { AccountSlot } from './accounts.js';
import { SandboxClock } from './clock.js';
import { FaultSwitch } from './faults.js';
import type { Fault } from './faults.js';
import { NonceLedger } from './nonce-ledger.js';
import { Outbox } from './outbox.js';
import type { OutboxFilter, OutboxMessage } from './outbox.js';
import { QueryRate } from './query-rate.js';
import { loadRegistry } from './registry.js';
import type { Registry } from './registry.js';
import { RequestLog } from './request-log.js';
import type { SendRecord, SendRecords } from './send-records.js';
import type { RecordedRequest } from './request-log.js';
import { listen } from './server.js';
import { SandboxSettings } from './settings.js';
import type { SettingsValues } from './settings.js';
import { Timers } from './timers.js';

export type { Account, AccountBook, AccountSlot, Fault, OutboxMessage, RecordedRequest, Registry, SandboxSettings, SendRecord, SendRecords, SettingsValues };
export type { AccountRegistry, Credential, ReviewedTemplate, Signature, Template, UsageType } from './registry.js';
export { loadRegistry, parseRegistry, registryAccounts } from './registry.js';

/** How to start a sandbox; every field is optional. */
export type SandboxOptions = {
  /** Interface to bind. Default `'127.0.0.1'`. */
  host?: string;
  /** Port to bind. Default `0` (an ephemeral port). */
  port?: number;
  /**
   * Port of the PNVS host (`dypnsapi.aliyuncs.com` at Aliyun): its own `SendSmsVerifyCode` and
   * `QuerySendDetails`. Default `port + 1`, or an ephemeral port when `port` is `0`.
   */
  pnvsPort?: number;
  /** Approved credentials, signs and templates. Default: `sandbox/registry.default.json`. */
  registry?: Registry;
  /** Base clock in ms. Default `Date.now`; `sandbox.clock.advance()` adds an offset on top. */
  now?: () => number;
  /** Per-number flow control (§6). Default `true`; `false` never answers BUSINESS_LIMIT_CONTROL. */
  flowControl?: boolean;
  /** Keep at most this many newest messages. Default `10_000`. */
  outboxLimit?: number;
  /** Serve https with this key and certificate instead of http. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Request log, one line per request; never receives the AccessKeySecret or a Signature. */
  log?: (line: string) => void;
  /** Run-time switches (settings.ts): the call rate, what QuerySendStatistics counts and spans. */
  settings?: Partial<SettingsValues>;
};

/** A running sandbox. */
export type Sandbox = {
  /** Base URL, e.g. `http://127.0.0.1:41234` (https with tls), no trailing slash. */
  endpoint: string;
  /** Base URL of the PNVS host, which answers PNVS's own actions (the SMS endpoint also takes `SendSmsVerifyCode`). */
  pnvsEndpoint: string;
  /** The registry's first credential (of the first account). */
  accessKeyId: string;
  accessKeySecret: string;
  registry: Registry;
  outbox: { list(filter?: OutboxFilter): OutboxMessage[]; clear(): void };
  /** Every API request received; keeps the newest 1000 (oldest first), counts all. */
  requests: { list(): RecordedRequest[]; clear(): void; readonly count: number };
  /** Sandbox time; `reset()` also forgets flow-control history stamped on the moved clock. */
  clock: { now(): number; advance(ms: number): void; reset(): void };
  /** Applies to the next `times` API requests (default: every one until cleared). */
  faults: { set(fault: Fault, times?: number): void; clear(): void };
  /** The first account's live template and signature reviews and RAM denials; `reset()` returns to the registry. */
  account: Account;
  /** What QuerySendDetails reports for the first account: real sends plus injected records, with settable outcomes. */
  records: SendRecords;
  /** Every account (the first is `account` and `records` above): balance, state, daily sends; `reset()` returns all to the registry. */
  accounts: AccountBook;
  /** Run-time switches; `reset()` returns to the options'. */
  settings: SandboxSettings;
  stats(): { connectionsAccepted: number; openConnections: number; peakOpenConnections: number };
  /** Closes the server and destroys every open socket. */
  close(): Promise<void>;
};

/** Starts a sandbox and resolves once it listens. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const registry = options.registry ?? (await loadRegistry());
  const [credential] = registry.credentials;
  if (credential === undefined) {
    throw new TypeError('the registry needs at least one credential');
  }
  const baseClock = new SandboxClock(options.now);
  const rate = new QueryRate();
  const clock = {
    now: () => baseClock.now(),
    advance: (ms: number) => {
      baseClock.advance(ms);
    },
    reset: () => {
      baseClock.reset();
      accounts.clearFlow();
      rate.clear();
    },
    get offsetMs() {
      return baseClock.offsetMs;
    },
  };
  const outbox = new Outbox(options.outboxLimit ?? 10_000);
  const requests = new RequestLog(1000);
  const faults = new FaultSwitch();
  const settings = new SandboxSettings(options.settings);
  let sequence = 0;
  // 16 digits like Aliyun's BizId (§2): ms timestamp + a 3-digit sequence.
  const newId = () => `${clock.now()}${String((sequence = (sequence + 1) % 1000)).padStart(3, '0')}`;
  const accounts = new AccountBook(registry, { outbox, flowControl: options.flowControl ?? true, newId, now: clock.now });
  const state = {
    registry,
    clock,
    outbox,
    requests,
    faults,
    nonces: new NonceLedger(),
    timers: new Timers(),
    accounts,
    rate,
    settings,
    newId,
    ...(options.log ? { log: options.log } : {}),
  };
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;
  const tls = options.tls ? { tls: options.tls } : {};
  const server = await listen({ host, port, ...tls }, state);
  // Aliyun serves PNVS on a host of its own, where QuerySendDetails is PNVS's (pnvs-query-api.ts).
  const pnvsServer = await listen({ host, port: options.pnvsPort ?? (port === 0 ? 0 : port + 1), ...tls }, { ...state, service: 'dypnsapi' }).catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  return {
    endpoint: server.endpoint,
    pnvsEndpoint: pnvsServer.endpoint,
    accessKeyId: credential.accessKeyId,
    accessKeySecret: credential.accessKeySecret,
    registry,
    outbox,
    requests,
    clock,
    faults,
    account: accounts.first().live,
    records: accounts.first().records,
    accounts,
    settings,
    stats: () => {
      const [sms, pnvs] = [server.stats(), pnvsServer.stats()];
      return {
        connectionsAccepted: sms.connectionsAccepted + pnvs.connectionsAccepted,
        openConnections: sms.openConnections + pnvs.openConnections,
        peakOpenConnections: Math.max(sms.peakOpenConnections, pnvs.peakOpenConnections),
      };
    },
    close: async () => {
      await Promise.all([server.close(), pnvsServer.close()]);
    },
  };
}
