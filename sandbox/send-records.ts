/**
 * Send records: what `QuerySendDetails` (and the international `QueryMessage`) report about the
 * messages sent to a number (docs/aliyun-sms-query-api.md §7, §8). They are built from what the
 * outbox really accepted, plus records the registry or the operator injects. Every record has a
 * delivery outcome: `delivered` unless the operator set another for its BizId (or MessageId) or
 * its number, so a test can make a real send fail at the carrier after the fact.
 *
 * @module
 */
import { chinaDay } from './china-time.js';
import type { Outbox, OutboxMessage } from './outbox.js';

/** What the carrier did: `SendStatus` 3, 2 and 1 on the wire. */
export type DeliveryStatus = 'delivered' | 'failed' | 'pending';

/** A delivery outcome; `errCode` is the carrier's status code (docs §7's table for the ones used here). */
export type Outcome = { status: DeliveryStatus; errCode?: string };

/** A record to inject: from the registry's `sendRecords` or `POST /api/send-records`. */
export type RecordSeed = Outcome & {
  phone: string;
  /** Sandbox time of the send, ms. */
  sentAt: number;
  content: string;
  templateCode?: string;
  outId?: string;
  bizId?: string;
};

/** One record as the query APIs report it. */
export type SendRecord = {
  phone: string;
  /** BizId (SendSms) or MessageId (2018-05-01 sends). */
  id: string;
  site: 'china' | 'international';
  content: string;
  templateCode?: string;
  outId?: string;
  sentAt: number;
  /** Absent while pending. */
  receivedAt?: number;
  status: DeliveryStatus;
  /** `DELIVERED` when delivered; absent while pending. */
  errCode?: string;
  /** Where the record comes from: a real send or an injected one. */
  source: 'outbox' | 'injected';
  /** PNVS's (`SendSmsVerifyCode`), which only PNVS's QuerySendDetails lists; absent for SMS sends. */
  service?: 'dypnsapi';
};

/** Selects records: one number (any spelling of it), one China-time day, one id, one site, one product. */
export type RecordFilter = { phone?: string; day?: string; id?: string; site?: SendRecord['site']; service?: 'dysmsapi' | 'dypnsapi' };

/** The carrier's receipt arrives this long after the send in the sandbox. */
export const receiptDelayMs = 2000;

/** Injected records kept at most; older ones are dropped. */
const maxInjected = 10_000;

/** The default failure code when the operator sets `failed` without one: not deliverable (docs §7). */
const defaultFailure = 'UNDELIV';

/** Records and outcomes over an outbox. */
export class SendRecords {
  readonly #outbox: Pick<Outbox, 'list'>;
  readonly #newId: () => string;
  readonly #initial: () => RecordSeed[];
  #injected: SendRecord[] = [];
  readonly #byId = new Map<string, Outcome>();
  readonly #byPhone = new Map<string, Outcome>();

  /**
   * `outbox` lists the messages whose records these are (one account's); `initial` gives the
   * records {@link reset} restores (the registry's, stamped on the current clock).
   */
  constructor(outbox: Pick<Outbox, 'list'>, newId: () => string, initial: () => RecordSeed[] = () => []) {
    this.#outbox = outbox;
    this.#newId = newId;
    this.#initial = initial;
    this.reset();
  }

  /** Adds a record and returns it as the query APIs will report it. */
  inject(seed: RecordSeed): SendRecord {
    const id = seed.bizId ?? `${this.#newId()}^0`;
    const record: SendRecord = {
      phone: normalisePhone(seed.phone),
      id,
      site: 'china',
      content: seed.content,
      ...(seed.templateCode === undefined ? {} : { templateCode: seed.templateCode }),
      ...(seed.outId === undefined ? {} : { outId: seed.outId }),
      sentAt: seed.sentAt,
      source: 'injected',
      ...settle(seed.sentAt, seed),
    };
    this.#injected.push(record);
    if (this.#injected.length > maxInjected) {
      this.#injected = this.#injected.slice(-maxInjected);
    }
    return record;
  }

  /** Every record with this BizId/MessageId, or to this number, reports `outcome` from now on. */
  setOutcome(target: { id: string } | { phone: string }, outcome: Outcome): void {
    if ('id' in target) {
      this.#byId.set(target.id, outcome);
    } else {
      this.#byPhone.set(normalisePhone(target.phone), outcome);
    }
  }

  /** Matching records, newest first. */
  list(filter: RecordFilter = {}): SendRecord[] {
    const phone = filter.phone === undefined ? undefined : normalisePhone(filter.phone);
    const fromOutbox = this.#outbox.list().flatMap((message) => fromMessage(message));
    return [...[...this.#injected].reverse(), ...fromOutbox]
      .filter((record) => filter.site === undefined || record.site === filter.site)
      .filter((record) => filter.service === undefined || (record.service ?? 'dysmsapi') === filter.service)
      .filter((record) => phone === undefined || record.phone === phone)
      .filter((record) => filter.day === undefined || chinaDay(record.sentAt) === filter.day)
      .filter((record) => filter.id === undefined || record.id === filter.id)
      .map((record) => this.#withOutcome(record))
      .sort((a, b) => b.sentAt - a.sentAt);
  }

  /** Forgets outcomes and injected records, then injects the initial ones again. */
  reset(): void {
    this.#injected = [];
    this.#byId.clear();
    this.#byPhone.clear();
    for (const seed of this.#initial()) {
      this.inject(seed);
    }
  }

  #withOutcome(record: SendRecord): SendRecord {
    const outcome = this.#byId.get(record.id) ?? this.#byPhone.get(record.phone);
    if (outcome === undefined) {
      return record;
    }
    const { phone, id, site, content, templateCode, outId, sentAt, source, service } = record;
    const optional = { ...(templateCode === undefined ? {} : { templateCode }), ...(outId === undefined ? {} : { outId }), ...(service === undefined ? {} : { service }) };
    return { phone, id, site, content, ...optional, sentAt, source, ...settle(sentAt, outcome) };
  }
}

/** One number in the form records keep: no `+`/`00`, mainland without `86`. */
export function normalisePhone(phone: string): string {
  const digits = phone.trim().replace(/^(?:\+|00)/, '');
  return /^861[3-9]\d{9}$/.test(digits) ? digits.slice(2) : digits;
}

function settle(sentAt: number, outcome: Outcome): Pick<SendRecord, 'status' | 'errCode' | 'receivedAt'> {
  switch (outcome.status) {
    case 'pending':
      return { status: 'pending' };
    case 'delivered':
      return { status: 'delivered', errCode: 'DELIVERED', receivedAt: sentAt + receiptDelayMs };
    case 'failed':
      return { status: 'failed', errCode: outcome.errCode ?? defaultFailure, receivedAt: sentAt + receiptDelayMs };
  }
}

/** A real send: SendSms and PNVS's SendSmsVerifyCode by BizId, the 2018-05-01 sends by MessageId. */
function fromMessage(message: OutboxMessage): SendRecord[] {
  const id = message.action === 'SendSms' || message.service === 'dypnsapi' ? message.bizId : message.messageId;
  if (id === undefined) {
    return [];
  }
  const sentAt = Date.parse(message.receivedAt);
  return [
    {
      phone: message.phone,
      id,
      site: message.site,
      content: message.text,
      ...(message.templateCode === undefined ? {} : { templateCode: message.templateCode }),
      ...(message.outId === undefined ? {} : { outId: message.outId }),
      sentAt,
      source: 'outbox',
      ...(message.service === 'dypnsapi' ? { service: message.service } : {}),
      ...settle(sentAt, { status: 'delivered' }),
    },
  ];
}
