/**
 * @module aliyun-client
 * Sends an {@link ApiCall}: signs it, POSTs it as a form body through the transport, and reads
 * Aliyun's answer. One deadline covers the whole send, retry included, so a send never outlasts
 * its `timeout`.
 *
 * Retries, at most one per send, each with a fresh nonce, timestamp and signature: when the
 * first request provably never reached Aliyun (see retry-policy), and after
 * `InvalidTimeStamp.Expired`, signing with the clock from Aliyun's `Date` header (Aliyun refused
 * the first request, so nothing was sent).
 */
import { randomUUID } from 'node:crypto';

import type { ConnectorError } from '@logto/connector-kit';

import { isAccepted, readAnswer, type AliyunOutcome, type AnswerReading } from './aliyun-answer.js';
import { BoundedMap } from '../bounded-map.js';
import { aliyunError, transportError, type TransportFailure } from './errors.js';
import { minimumAttemptMs } from './retry-policy.js';
import type { ApiCall } from '../plan/route.js';
import { percentEncode, signRequest } from './signature.js';
import { exchange, loadTransport, type Failed, type Transport } from './transport.js';

/** The AccessKey pair that signs requests. */
export type Credentials = { accessKeyId: string; accessKeySecret: string };

/** Sources of the values that differ on every request, and where warnings go; injectable for tests. */
export type ClientOptions = { nonce?: () => string; now?: () => Date; warn?: (message: string) => void };

/** A successful answer, as Aliyun sent it. */
export type AliyunAnswer = Readonly<Record<string, unknown>>;

/** Aliyun's answer to one request; `receivedAt` is this host's clock when it arrived. */
type Answered = { kind: 'answer'; httpStatus: number; body: Record<string, unknown>; outcome: AliyunOutcome; serverDate?: number; receivedAt: number };

/** What one request ended with. */
type Attempt = Answered | Failed;

/**
 * How one send ended: accepted, with Aliyun's answer; refused by an answer of Aliyun's, with its
 * code and HTTP status; or failed without one, with whether the request provably never reached the
 * server (`unsent`) and what happened (`detail`: the socket's error code, `timeout` or `not-aliyun`).
 * A refusal or failure carries the `ConnectorError` that reports it.
 */
export type SendOutcome =
  | { kind: 'sent'; body: AliyunAnswer }
  | { kind: 'refused'; code: string; httpStatus: number; error: ConnectorError }
  | { kind: 'failed'; unsent: boolean; detail: string; error: ConnectorError };

/** A read-only call: where it goes and its own (unsigned) parameters, `Action` and `Version` included. */
export type QueryCall = Pick<ApiCall, 'endpoint' | 'parameters'>;

/**
 * What a read-only call ended with, never thrown: Aliyun's answer, whatever its `Code`, or the
 * transport failure. `serverDate` (Aliyun's `Date`) and `receivedAt` (this host's clock then) let
 * an operator command report the clock offset; `secrets` are what must never be printed.
 */
export type QueryResult = (Answered | { kind: 'failure'; failure: TransportFailure }) & {
  attempts: number;
  clockOffsetMs: number;
  secrets: readonly string[];
};

/** How many (endpoint, AccessKey) clock corrections a client keeps. */
const clockCorrectionLimit = 256;

/**
 * Where a clock correction applies: the API host that sent the `Date`, for the AccessKey whose
 * request it refused. Aliyun's clock is one per host, but a tenant may point `endpoint` at a host
 * of its own; keying by AccessKey too means no tenant's answer ever moves another tenant's
 * timestamps, at the price of one refused request per AccessKey when the host clock is off.
 */
const clockKey = (endpoint: string, { accessKeyId }: Credentials) => `${endpoint} ${accessKeyId}`;

/**
 * Sends signed calls. Logto builds a connector for every send, so one client serves the whole
 * process (see index): what it learns, the clock corrections, outlives every connector instance.
 */
export const createAliyunClient = ({
  nonce = randomUUID,
  now = () => new Date(),
  warn = (message: string) => {
    console.warn(message);
  },
}: ClientOptions = {}) => {
  /** Aliyun's clock minus ours, learned from a refused timestamp; applied to every later signature. */
  const clockOffsets = new BoundedMap<string, number>(clockCorrectionLimit);

  const attempt = async (
    transport: Transport,
    call: QueryCall,
    credentials: Credentials,
    budget: number,
    secrets: string[],
    reading: AnswerReading
  ): Promise<Attempt> => {
    const date = new Date(now().getTime() + (clockOffsets.get(clockKey(call.endpoint, credentials)) ?? 0));
    const { accessKeyId, accessKeySecret } = credentials;
    const { body: form, signature } = signRequest(call.parameters, { method: 'POST', accessKeyId, accessKeySecret, nonce: nonce(), date });
    // A signature replays this exact request: keep it out of errors, raw and form-encoded.
    secrets.push(signature, percentEncode(signature));
    const response = await exchange(transport, `${call.endpoint}/`, form, budget);
    if (response.kind === 'failure') {
      return response;
    }
    const answer = readAnswer(response.body, reading);
    if (!answer) {
      return {
        kind: 'failure',
        failure: { kind: 'not-aliyun', httpStatus: response.statusCode, body: response.body },
        unsent: false,
      };
    }
    const serverDate = Date.parse(response.date ?? '');
    return {
      kind: 'answer',
      httpStatus: response.statusCode,
      ...answer,
      ...(Number.isNaN(serverDate) ? {} : { serverDate }),
      receivedAt: now().getTime(),
    };
  };

  /**
   * Learns Aliyun's clock from an answer refusing our timestamp (its `Date` header), so the next
   * signature, and every later one, uses it. True when there is a correction to retry with.
   */
  const learnClock = (answer: Attempt, key: string): boolean => {
    if (answer.kind !== 'answer' || answer.outcome.code !== 'InvalidTimeStamp.Expired' || answer.serverDate === undefined) {
      return false;
    }
    const clockOffsetMs = answer.serverDate - now().getTime();
    clockOffsets.set(key, clockOffsetMs);
    warn(
      `connector-aliyun-sms: this host's clock is ${Math.round(clockOffsetMs / 1000)} s off Aliyun's; signing with Aliyun's time. Synchronise the clock (NTP).`
    );
    return true;
  };

  /**
   * Signs and makes one call under one deadline, with at most one retry (see the module comment).
   * Resolves with the last attempt and how the call went; never rejects but for a missing got.
   */
  const call = async (request: QueryCall, credentials: Credentials, timeout: number, reading: AnswerReading = {}) => {
    const secrets = [credentials.accessKeySecret];
    const deadline = performance.now() + timeout;
    let attempts = 1;
    const loaded = await loadTransport();
    let result = await attempt(loaded, request, credentials, Math.max(Math.floor(deadline - performance.now()), 1), secrets, reading);
    const key = clockKey(request.endpoint, credentials);
    const corrected = learnClock(result, key);
    const unsent = result.kind === 'failure' && result.unsent;
    const remaining = deadline - performance.now();
    if (remaining >= minimumAttemptMs && (unsent || corrected)) {
      attempts = 2;
      result = await attempt(loaded, request, credentials, Math.floor(remaining), secrets, reading);
    }
    const context = { attempts, clockOffsetMs: clockOffsets.get(key) ?? 0 };
    if (result.kind === 'failure') {
      // A retried attempt ran on what was left of the budget; the operator set `timeout`.
      const failure: TransportFailure = result.failure.kind === 'timeout' ? { kind: 'timeout', timeout } : result.failure;
      return { result: { kind: 'failure' as const, failure, unsent: result.unsent }, secrets, context };
    }
    return { result, secrets, context };
  };

  /** Signs and sends one call; says whether Aliyun accepted it, refused it (which code), or no answer came (and whether the request provably never left). */
  const trySend = async (request: ApiCall, credentials: Credentials, timeout: number): Promise<SendOutcome> => {
    const { result, secrets, context } = await call(request, credentials, timeout);
    if (result.kind === 'failure') {
      const detail = result.failure.kind === 'network' ? result.failure.errorCode : result.failure.kind;
      return { kind: 'failed', unsent: result.unsent, detail, error: transportError(result.failure, request.endpoint, request.route, secrets, context) };
    }
    if (!isAccepted(result.outcome)) {
      const refusal = { ...result.outcome, httpStatus: result.httpStatus };
      return { kind: 'refused', code: refusal.code, httpStatus: refusal.httpStatus, error: aliyunError(refusal, request.route, secrets, context) };
    }
    return { kind: 'sent', body: result.body };
  };

  return {
    trySend,

    /** Signs and sends one call; resolves with Aliyun's answer when its code is `OK`, else throws a `ConnectorError`. */
    async send(request: ApiCall, credentials: Credentials, timeout: number): Promise<AliyunAnswer> {
      const outcome = await trySend(request, credentials, timeout);
      if (outcome.kind !== 'sent') {
        throw outcome.error;
      }
      return outcome.body;
    },

    /**
     * Makes one read-only call (the operator commands, and the Console's Send explaining a
     * refusal): the same signing, deadline and retry as a send, but every answer comes back as it
     * is, refusals included, for the caller to read; `reading` says how an answer is read
     * (aliyun-answer.ts).
     */
    async query(request: QueryCall, credentials: Credentials, timeout: number, reading: AnswerReading = {}): Promise<QueryResult> {
      const { result, secrets, context } = await call(request, credentials, timeout, reading);
      return { ...result, ...context, secrets };
    },
  };
};

/** The client type, for wiring. */
export type AliyunClient = ReturnType<typeof createAliyunClient>;
