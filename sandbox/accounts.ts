/**
 * The sandbox's Aliyun accounts, each with its own live state: reviews and RAM denials
 * (account.ts), balance and standing (account-standing.ts), per-number flow control (Aliyun counts
 * its limits per signature within an account, fact sheet §6), send records and daily sends. They
 * share one outbox, whose messages name the account that sent them, so the inbox shows every
 * phone's messages whichever account sent them. The gateway finds the account by AccessKeyId.
 *
 * @module
 */
import { Account } from './account.js';
import { AccountStanding } from './account-standing.js';
import { chinaDay } from './china-time.js';
import { DailySends } from './daily-sends.js';
import { FlowControl } from './flow-control.js';
import type { Outbox, OutboxWriter } from './outbox.js';
import { registryAccounts } from './registry.js';
import type { AccountRegistry, Credential, Registry } from './registry.js';
import { SendRecords } from './send-records.js';

/** One account and its live state. */
export type AccountSlot = {
  /** The registry's `name` (`primary` for the top-level account unless it names itself). */
  name: string;
  /** What the registry says about it; never modified. */
  entry: AccountRegistry;
  /** Reviews and RAM denials. */
  live: Account;
  standing: AccountStanding;
  flow: FlowControl;
  /** What QuerySendDetails and QueryMessage report for this account. */
  records: SendRecords;
  dailySends: DailySends;
  /** Adds to the shared outbox, naming this account as the sender. */
  outbox: OutboxWriter;
};

/** What the accounts share. */
export type AccountBookDeps = { outbox: Outbox; flowControl: boolean; newId: () => string; now: () => number };

const dayMs = 86_400_000;

/** Every account of a registry, by name and by AccessKeyId. */
export class AccountBook {
  readonly #slots: AccountSlot[];

  /** One slot per account of `registry`, first the top-level one. */
  constructor(registry: Registry, { outbox, flowControl, newId, now }: AccountBookDeps) {
    this.#slots = registryAccounts(registry).map((entry) => {
      const name = entry.name;
      const mine = { list: () => outbox.list({ account: name }) };
      return {
        name,
        entry,
        live: new Account(entry),
        standing: new AccountStanding({ state: entry.state, balance: entry.balance }),
        flow: new FlowControl(flowControl),
        records: new SendRecords(mine, newId, () =>
          entry.sendRecords.map(({ minutesAgo, ...record }) => ({ ...record, sentAt: now() - minutesAgo * 60_000 })),
        ),
        dailySends: new DailySends(() =>
          entry.dailySends.map(({ daysAgo, ...traffic }) => ({ ...traffic, day: chinaDay(now() - daysAgo * dayMs) })),
        ),
        outbox: { add: (delivery, at) => outbox.add({ ...delivery, account: name }, at) },
      };
    });
  }

  /** Every account, the first one first. */
  list(): AccountSlot[] {
    return [...this.#slots];
  }

  /** The first (top-level, default) account. */
  first(): AccountSlot {
    return this.#slots[0]!;
  }

  /** The account with this name. */
  byName(name: string): AccountSlot | undefined {
    return this.#slots.find((slot) => slot.name === name);
  }

  /** The account that owns this AccessKeyId. */
  byAccessKeyId(accessKeyId: string): AccountSlot | undefined {
    return this.#slots.find((slot) => slot.entry.credentials.some((credential) => credential.accessKeyId === accessKeyId));
  }

  /** Every account's AccessKey pairs: the gateway accepts any of them. */
  credentials(): Credential[] {
    return this.#slots.flatMap((slot) => slot.entry.credentials);
  }

  /** Forgets every account's flow-control history (the clock was reset). */
  clearFlow(): void {
    for (const slot of this.#slots) {
      slot.flow.clear();
    }
  }

  /** Every account back to the registry: reviews, denials, standing, records, daily sends. */
  reset(): void {
    for (const slot of this.#slots) {
      slot.live.reset();
      slot.standing.reset();
      slot.records.reset();
      slot.dailySends.reset();
    }
  }
}
