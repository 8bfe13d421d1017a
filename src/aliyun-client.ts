/**
 * @module aliyun-client
 * The only module that touches the network: signs an {@link ApiCall}, POSTs it as a form body
 * through one shared keep-alive agent, and reads Aliyun's answer. One deadline covers the whole
 * send, retry included, so a send never outlasts its `timeout`.
 *
 * Retries, at most one per send, each with a fresh nonce, timestamp and signature: when the
 * first request provably never reached Aliyun (see retry-policy), and after
 * `InvalidTimeStamp.Expired`, signing with the clock from Aliyun's `Date` header (Aliyun refused
 * the first request, so nothing was sent).
 */
import { randomUUID } from 'node:crypto';
import http, { type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import https from 'node:https';

import type { Got, Request as GotRequest, RequestError as GotRequestError, TimeoutError as GotTimeoutError } from 'got';

import { isAccepted, readAnswer, type AliyunOutcome } from './aliyun-answer.js';
import { BoundedMap } from './bounded-map.js';
import { aliyunError, dependencyError, transportError, type TransportFailure } from './errors.js';
import { isTlsFailure, minimumAttemptMs, provablyUnsent, tlsFailedUnsent, type SocketEvidence } from './retry-policy.js';
import type { ApiCall } from './route.js';
import { percentEncode, signRequest } from './signature.js';

/** The AccessKey pair that signs requests. */
export type Credentials = { accessKeyId: string; accessKeySecret: string };

/** Sources of the values that differ on every request, and where warnings go; injectable for tests. */
export type ClientOptions = { nonce?: () => string; now?: () => Date; warn?: (message: string) => void };

/** A successful answer, as Aliyun sent it. */
export type AliyunAnswer = Readonly<Record<string, unknown>>;

/**
 * How long a keep-alive connection may sit idle before the connector closes it itself. A server
 * closes idle connections too (Node's default is 5 s; Aliyun's limit is not documented), and a
 * request written to a connection the server is closing at that moment fails after it was
 * written, which the retry policy must not repeat. Closing ours first avoids that race. Node's
 * agent applies a shorter `Keep-Alive: timeout=` hint from the server only when `timeout` is set
 * (`Agent.prototype.keepSocketAlive`), so this also turns that hint on.
 */
export const idleSocketMs = 4000;

/** One agent per protocol for the whole process, so sends reuse warm connections. */
const agent = {
  http: new http.Agent({ keepAlive: true, timeout: idleSocketMs }),
  https: new https.Agent({ keepAlive: true, timeout: idleSocketMs }),
};

/**
 * got's request function, minus the options got leaves undefined: got hands node every option it
 * knows, most of them undefined, and node's agent and TLS code walk them all on every request.
 * Called through the module objects, so nock, which patches them, still sees every request.
 */
const requestWithDefinedOptions = (
  url: URL,
  options: RequestOptions,
  callback?: (response: IncomingMessage) => void
): ClientRequest => {
  const given = options as Record<string, unknown>;
  const defined: Record<string, unknown> = {};
  for (const key in given) {
    if (given[key] !== undefined) {
      defined[key] = given[key];
    }
  }
  return (url.protocol === 'https:' ? https : http).request(url, defined, callback);
};

/** A got instance whose defaults fix the method (POST) and the stream interface: a request adds only its body and deadline. */
type PostStream = (url: string, options: { body: string; timeout: { request: number } }) => GotRequest;

/** got and the error classes its failures are told apart by. */
type Transport = { http: PostStream; RequestError: typeof GotRequestError; TimeoutError: typeof GotTimeoutError };

let transport: Promise<Transport> | undefined;

/**
 * `instance` with the keys of its default `cacheOptions` removed. They are all undefined and only
 * matter with got's `cache`, which no send uses. got builds node's request options for every
 * request with an object literal that starts by spreading `cacheOptions` and then adds some thirty
 * keys (`Options.createNativeRequestOptions`); on Node 20 (V8 11.3) such a literal costs about
 * 90 µs when the spread object has keys, and about 6 µs when it has none, which is most of got's
 * CPU per send there (bench/README.md). Node 22 builds either in about 2 µs.
 */
export const withoutCacheOptions = <Instance extends { defaults: { options: { cacheOptions: object } } }>(instance: Instance): Instance => {
  const cacheOptions = instance.defaults.options.cacheOptions as Record<string, unknown>;
  for (const key of Object.keys(cacheOptions)) {
    if (cacheOptions[key] === undefined) {
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- an unused option, removed on purpose (see above)
      delete cacheOptions[key];
    }
  }
  return instance;
};

/**
 * The transport over the got module. One instance serves every send, so the options that never
 * change are normalised once: no retry of got's own (the policy is below), no redirects (Aliyun
 * sends none; following one would repost the form), and every status reaches the code that reads
 * Aliyun's `Code`.
 */
export const createTransport = ({
  got,
  RequestError,
  TimeoutError,
}: {
  got: Got;
  RequestError: typeof GotRequestError;
  TimeoutError: typeof GotTimeoutError;
}): Transport => ({
  http: withoutCacheOptions(
    got.extend({
      // Every send is a POST stream: fixed here, so a request merges only its body and deadline
      // (got.stream.post spreads two more options into every request).
      method: 'POST',
      isStream: true,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': 'connector-aliyun-sms (+https://www.npmjs.com/package/connector-aliyun-sms)',
      },
      agent,
      request: requestWithDefinedOptions,
      retry: { limit: 0 },
      followRedirect: false,
      throwHttpErrors: false,
      // Aliyun answers a few hundred bytes of JSON: no accept-encoding, no decompression stream.
      decompress: false,
      // Lets withoutCacheOptions empty the defaults' cacheOptions; nothing else changes them.
      mutableDefaults: true,
    })
  ) as unknown as PostStream, // got's types pick the stream overload only for an `isStream` given per request
  RequestError,
  TimeoutError,
});

/**
 * got, imported on the first send rather than at start-up: Logto imports every installed connector
 * when it starts, and got is most of this one's import time.
 */
const loadTransport = async (): Promise<Transport> => (transport ??= import('got').then(createTransport));

/** What one request ended with. */
type Attempt =
  | { kind: 'answer'; httpStatus: number; body: Record<string, unknown>; outcome: AliyunOutcome; serverDate?: number }
  | { kind: 'failure'; failure: TransportFailure; unsent: boolean };

const failureOf = (
  { RequestError, TimeoutError }: Transport,
  error: unknown,
  timeout: number,
  socket: SocketEvidence | undefined
): Attempt => {
  if (error instanceof TimeoutError) {
    return { kind: 'failure', failure: { kind: 'timeout', timeout }, unsent: false };
  }
  const errorCode = error instanceof RequestError ? error.code : 'unknown';
  const tls = isTlsFailure(errorCode) ? { duringHandshake: tlsFailedUnsent(socket) } : {};
  return { kind: 'failure', failure: { kind: 'network', errorCode, ...tls }, unsent: provablyUnsent(errorCode, socket) };
};

/**
 * Watches which socket a request gets, how much of it is written while the request owns it, and
 * whether its TLS handshake completed (`secureConnect`; a reused socket completed it earlier).
 */
const watchSocket = (request: ClientRequest) => {
  let evidence: (() => SocketEvidence) | undefined;
  request.once('socket', (socket) => {
    const before = socket.bytesWritten;
    const reusedSocket = request.reusedSocket;
    let tlsEstablished = reusedSocket;
    if (!reusedSocket) {
      socket.once('secureConnect', () => (tlsEstablished = true));
    }
    evidence = () => ({ reusedSocket, bytesWritten: socket.bytesWritten - before, tlsEstablished });
  });
  return () => evidence?.();
};

/** What came back for one request: the status, `Date` header and body text, or the error and socket evidence. */
type Exchange =
  | { kind: 'response'; statusCode: number; date: string | undefined; body: string }
  | { kind: 'error'; error: unknown; socket: SocketEvidence | undefined };

/**
 * POSTs one form body and reads the whole answer as text, through got's stream interface: the
 * promise interface wraps every request in a cancelable promise and collects the body through an
 * async iterator, which cost about a quarter of got's CPU per send here (see bench/). Never
 * rejects: a failure comes back with the socket evidence the retry policy needs.
 */
const exchange = (transport: Transport, url: string, form: string, budget: number): Promise<Exchange> =>
  new Promise((resolve) => {
    let socketEvidence: () => SocketEvidence | undefined = () => undefined;
    const stream = transport.http(url, { body: form, timeout: { request: budget } });
    stream.on('request', (request: ClientRequest) => {
      socketEvidence = watchSocket(request);
    });
    stream.on('error', (error: unknown) => {
      resolve({ kind: 'error', error, socket: socketEvidence() });
    });
    stream.on('response', (response: IncomingMessage) => {
      let body = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        body += chunk;
      });
      stream.on('end', () => {
        resolve({ kind: 'response', statusCode: response.statusCode ?? 0, date: response.headers.date, body });
      });
    });
  });

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
    call: ApiCall,
    credentials: Credentials,
    budget: number,
    secrets: string[]
  ): Promise<Attempt> => {
    const date = new Date(now().getTime() + (clockOffsets.get(clockKey(call.endpoint, credentials)) ?? 0));
    const { accessKeyId, accessKeySecret } = credentials;
    const { body: form, signature } = signRequest(call.parameters, { method: 'POST', accessKeyId, accessKeySecret, nonce: nonce(), date });
    // A signature replays this exact request: keep it out of errors, raw and form-encoded.
    secrets.push(signature, percentEncode(signature));
    const response = await exchange(transport, `${call.endpoint}/`, form, budget);
    if (response.kind === 'error') {
      return failureOf(transport, response.error, budget, response.socket);
    }
    const answer = readAnswer(response.body);
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

  return {
    /** Signs and sends one call; resolves with Aliyun's answer when its code is `OK`, else throws a `ConnectorError`. */
    async send(call: ApiCall, credentials: Credentials, timeout: number): Promise<AliyunAnswer> {
      const secrets = [credentials.accessKeySecret];
      const deadline = performance.now() + timeout;
      let attempts = 1;
      const loaded = await loadTransport().catch((error: unknown) => {
        transport = undefined;
        throw dependencyError('got', error);
      });
      let result = await attempt(loaded, call, credentials, Math.max(Math.floor(deadline - performance.now()), 1), secrets);
      const key = clockKey(call.endpoint, credentials);
      const corrected = learnClock(result, key);
      const unsent = result.kind === 'failure' && result.unsent;
      const remaining = deadline - performance.now();
      if (remaining >= minimumAttemptMs && (unsent || corrected)) {
        attempts = 2;
        result = await attempt(loaded, call, credentials, Math.floor(remaining), secrets);
      }
      const context = { attempts, clockOffsetMs: clockOffsets.get(key) ?? 0 };
      if (result.kind === 'failure') {
        // A retried attempt ran on what was left of the budget; the operator set `timeout`.
        const failure: TransportFailure = result.failure.kind === 'timeout' ? { kind: 'timeout', timeout } : result.failure;
        throw transportError(failure, call.endpoint, call.route, secrets, context);
      }
      if (!isAccepted(result.outcome)) {
        throw aliyunError({ ...result.outcome, httpStatus: result.httpStatus }, call.route, secrets, context);
      }
      return result.body;
    },
  };
};

/** The client type, for wiring. */
export type AliyunClient = ReturnType<typeof createAliyunClient>;
