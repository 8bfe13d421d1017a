/**
 * @module aliyun-client
 * The only module that touches the network: signs an {@link ApiCall}, POSTs it as a form body
 * through one shared keep-alive agent with the configured timeout, and reads Aliyun's answer.
 *
 * Retry policy: none. `SendSms` is not idempotent (fact sheet §2): a retried request can deliver
 * a second code and bill twice, so a failure is reported, never repeated.
 */
import { randomUUID } from 'node:crypto';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

import { got, RequestError, TimeoutError } from 'got';

import { aliyunError, transportError, type TransportFailure } from './errors.js';
import type { ApiCall } from './route.js';
import { canonicalizedQuery, percentEncode, signParameters } from './signature.js';

/** The AccessKey pair that signs requests. */
export type Credentials = { accessKeyId: string; accessKeySecret: string };

/** Sources of the two values that must differ on every request; injectable for known-answer tests. */
export type ClientOptions = { nonce?: () => string; now?: () => Date };

/** A successful answer, as Aliyun sent it. */
export type AliyunAnswer = Readonly<Record<string, unknown>>;

/** One agent per protocol for the whole process, so sends reuse warm TLS connections. */
const agent = {
  http: new HttpAgent({ keepAlive: true }),
  https: new HttpsAgent({ keepAlive: true }),
};

const userAgent = 'connector-aliyun-sms (+https://www.npmjs.com/package/connector-aliyun-sms)';

/** Reads `Code`/`Message` (2017-05-25) or `ResponseCode`/`ResponseDescription` (2018-05-01). */
const outcomeOf = (body: Record<string, unknown>) => {
  const code = body.Code ?? body.ResponseCode;
  const message = body.Message ?? body.ResponseDescription;
  const requestId = body.RequestId;
  return typeof code === 'string'
    ? {
        code,
        message: typeof message === 'string' ? message : '',
        requestId: typeof requestId === 'string' ? requestId : undefined,
      }
    : undefined;
};

const parseObject = (text: string): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
};

const failureOf = (error: unknown, timeout: number): TransportFailure => {
  if (error instanceof TimeoutError) {
    return { kind: 'timeout', timeout };
  }
  if (error instanceof RequestError) {
    return { kind: 'network', errorCode: error.code };
  }
  return { kind: 'network', errorCode: error instanceof Error ? error.name : 'unknown' };
};

/** Sends signed calls; one client serves every send of a connector. */
export const createAliyunClient = ({ nonce = randomUUID, now = () => new Date() }: ClientOptions = {}) => ({
  /** Signs and sends one call; resolves with Aliyun's answer when its code is `OK`, else throws a `ConnectorError`. */
  async send(call: ApiCall, credentials: Credentials, timeout: number): Promise<AliyunAnswer> {
    const signed = signParameters(call.parameters, { method: 'POST', ...credentials, nonce: nonce(), date: now() });
    // The signature is as good as the secret for replaying this request: keep it out of errors,
    // raw and as it appears in the form body.
    const signature = signed.Signature ?? '';
    const secrets = [credentials.accessKeySecret, signature, percentEncode(signature)];
    const response = await got
      .post(`${call.endpoint}/`, {
        body: canonicalizedQuery(signed),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': userAgent },
        agent,
        timeout: { request: timeout },
        retry: { limit: 0 },
        followRedirect: false,
        throwHttpErrors: false,
        responseType: 'text',
      })
      .catch((error: unknown) => {
        throw transportError(failureOf(error, timeout), call.endpoint, call.route, secrets);
      });
    const body = parseObject(response.body);
    const outcome = body && outcomeOf(body);
    if (!body || !outcome) {
      throw transportError(
        { kind: 'not-aliyun', httpStatus: response.statusCode, body: response.body },
        call.endpoint,
        call.route,
        secrets
      );
    }
    if (outcome.code !== 'OK') {
      throw aliyunError({ ...outcome, httpStatus: response.statusCode }, call.route, secrets);
    }
    return body;
  },
});

/** The client type, for wiring. */
export type AliyunClient = ReturnType<typeof createAliyunClient>;
