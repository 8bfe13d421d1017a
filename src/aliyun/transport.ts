/**
 * @module transport
 * The only module that touches the network: one `got` instance over a keep-alive agent per
 * protocol for the whole process, which POSTs a form body and reads the answer as text under one
 * deadline. A failure comes back classified (timeout, network error, TLS during the handshake or
 * after it) with whether the request provably never reached the server (retry-policy), from what
 * the socket showed.
 */
import http, { type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import https from 'node:https';

import type { Got, Request as GotRequest, RequestError as GotRequestError, TimeoutError as GotTimeoutError } from 'got';

import { dependencyError, type TransportFailure } from './errors.js';
import { isTlsFailure, provablyUnsent, tlsFailedUnsent, type SocketEvidence } from './retry-policy.js';

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
export type Transport = { http: PostStream; RequestError: typeof GotRequestError; TimeoutError: typeof GotTimeoutError };

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
 * change are normalised once: no retry of got's own (aliyun-client applies the retry policy), no
 * redirects (Aliyun sends none; following one would repost the form), and every status reaches
 * the code that reads Aliyun's `Code`.
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
 * when it starts, and got is most of this one's import time. A failed import is reported as a
 * missing dependency and tried again by the next send.
 */
export const loadTransport = async (): Promise<Transport> =>
  (transport ??= import('got')
    .then(createTransport)
    .catch((error: unknown) => {
      transport = undefined;
      throw dependencyError('got', error);
    }));

/** A failed exchange, classified, and whether its request provably never reached the server. */
export type Failed = { kind: 'failure'; failure: TransportFailure; unsent: boolean };

const failureOf = (
  { RequestError, TimeoutError }: Transport,
  error: unknown,
  timeout: number,
  socket: SocketEvidence | undefined
): Failed => {
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

/** What came back for one request: the status, `Date` header and body text, or the classified failure. */
export type Exchange = { kind: 'response'; statusCode: number; date: string | undefined; body: string } | Failed;

/**
 * POSTs one form body and reads the whole answer as text, through got's stream interface: the
 * promise interface wraps every request in a cancelable promise and collects the body through an
 * async iterator, which cost about a quarter of got's CPU per send here (see bench/). Never
 * rejects: a failure comes back classified, with what the socket showed.
 */
export const exchange = (transport: Transport, url: string, form: string, budget: number): Promise<Exchange> =>
  new Promise((resolve) => {
    let socketEvidence: () => SocketEvidence | undefined = () => undefined;
    const stream = transport.http(url, { body: form, timeout: { request: budget } });
    stream.on('request', (request: ClientRequest) => {
      socketEvidence = watchSocket(request);
    });
    stream.on('error', (error: unknown) => {
      resolve(failureOf(transport, error, budget, socketEvidence()));
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
