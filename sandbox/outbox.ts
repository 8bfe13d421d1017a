/**
 * The outbox: every message the sandbox accepted, as the recipient's phone would show it.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';

/** One delivered SMS. */
export type OutboxMessage = {
  id: string;
  /** ISO time on the sandbox clock. */
  receivedAt: string;
  site: 'china' | 'international';
  action: 'SendSms' | 'SendMessageWithTemplate' | 'SendMessageToGlobe' | 'SendSmsVerifyCode';
  /** The product that sent it, when not Short Message Service: `dypnsapi` for PNVS. */
  service?: 'dypnsapi';
  /** Mainland: 11 national digits; elsewhere: country code + national number. */
  phone: string;
  region: 'mainland' | 'overseas';
  signName?: string;
  senderId?: string;
  templateCode?: string;
  templateParam?: Record<string, string>;
  /** `【signName】` + filled template, or the Globe `Message` as sent. */
  text: string;
  /** The verification code, when the message carries one. */
  code?: string;
  bizId?: string;
  messageId?: string;
  /** SendSms's `OutId`, echoed by QuerySendDetails. */
  outId?: string;
  /** The name of the sandbox account that sent it (the registry's `name`; the first is `primary`). */
  account?: string;
};

/** A message before the outbox stamps it. */
export type Delivery = Omit<OutboxMessage, 'id' | 'receivedAt'>;

/** Filter for {@link Outbox.list}: one number, one sending account. */
export type OutboxFilter = { phone?: string; account?: string };

/** What a send handler may do with the outbox: add a message (accounts.ts names the sender). */
export type OutboxWriter = { add(delivery: Delivery, now: number): OutboxMessage };

/** Newest-last store with a size bound; lists newest first. */
export class Outbox {
  #messages: OutboxMessage[] = [];
  readonly #limit: number;

  /** Keeps at most `limit` newest messages. */
  constructor(limit: number) {
    this.#limit = Math.max(1, limit);
  }

  /** Stores a delivered message and returns it. */
  add(delivery: Delivery, now: number): OutboxMessage {
    const message = { id: randomUUID(), receivedAt: new Date(now).toISOString(), ...delivery };
    this.#messages.push(message);
    if (this.#messages.length > this.#limit) {
      this.#messages = this.#messages.slice(-this.#limit);
    }
    return message;
  }

  /** Newest first; `phone` matches the normalised number or, for mainland, its `86` form. */
  list(filter: OutboxFilter = {}): OutboxMessage[] {
    const wanted = filter.phone === undefined ? undefined : normaliseFilter(filter.phone);
    return this.#messages
      .filter((message) => wanted === undefined || matches(message, wanted))
      .filter((message) => filter.account === undefined || message.account === filter.account)
      .reverse();
  }

  /** Deletes every message. */
  clear(): void {
    this.#messages = [];
  }
}

function normaliseFilter(phone: string): string {
  return phone.trim().replace(/^(?:\+|00)/, '');
}

function matches(message: OutboxMessage, phone: string): boolean {
  return message.phone === phone || (message.region === 'mainland' && `86${message.phone}` === phone);
}
