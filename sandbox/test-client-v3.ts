/**
 * Test support: a request signed with signature V3 (`ACS3-HMAC-SHA256`) the way Aliyun's current
 * SDKs send it: POST `/`, the action's parameters in the query, `x-acs-*` headers, no body (or a
 * form body), and an `Authorization` header. Every knob breaks one thing for the rejection tests.
 *
 * It shares the signature stages with the verifier (signature-v3.ts); the published vector in
 * signature-v3.test.ts pins those stages, so sharing cannot hide a canonicalization bug.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import { percentEncode } from './signature-v1.js';
import { canonicalRequest, hashedRequestPayload, signatureV3, signedHeaders, stringToSignV3 } from './signature-v3.js';
import { formatTimestamp, rawRequest } from './test-client.js';
import type { Reply, SandboxTarget } from './test-client.js';

/** Knobs for one V3 call; defaults make a valid SendSms-shaped request. */
export type V3CallOptions = {
  /** `x-acs-action`; default `'SendSms'`. */
  action?: string;
  /** `x-acs-version`; default `'2017-05-25'`. */
  version?: string;
  method?: 'GET' | 'POST';
  /** Parameters in the query. */
  query?: Record<string, string>;
  /** Parameters as an `application/x-www-form-urlencoded` body instead of the query. */
  form?: Record<string, string>;
  algorithm?: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  /** `x-acs-date`; default: the sandbox clock. */
  date?: string;
  nonce?: string;
  /** Headers to leave out after signing (e.g. `['x-acs-date']`), or `Credential`/`Signature`. */
  omit?: string[];
  /** Header names left out of `SignedHeaders` (still sent). */
  leaveUnsigned?: string[];
  /** Query parameters changed after signing. */
  tamperQuery?: Record<string, string>;
  /** Body sent instead of the one signed. */
  tamperBody?: string;
};

const encodeForm = (params: Record<string, string>): string =>
  Object.entries(params)
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
    .join('&');

/** Signs and sends one V3 request to the sandbox. */
export async function callSandboxV3(target: SandboxTarget, options: V3CallOptions = {}): Promise<Reply> {
  const method = options.method ?? 'POST';
  const query = options.query ?? {};
  const body = options.form === undefined ? '' : encodeForm(options.form);
  const host = new URL(target.endpoint).host;
  const headers: Record<string, string> = {
    host,
    'x-acs-action': options.action ?? 'SendSms',
    'x-acs-version': options.version ?? '2017-05-25',
    'x-acs-date': options.date ?? formatTimestamp(target.clock?.now() ?? Date.now()),
    'x-acs-signature-nonce': options.nonce ?? randomUUID(),
    'x-acs-content-sha256': hashedRequestPayload(body),
    ...(options.form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
  };
  const leaveUnsigned = new Set(options.leaveUnsigned);
  const names = Object.keys(headers).filter((name) => !leaveUnsigned.has(name));
  const toSign = stringToSignV3(
    canonicalRequest({ method, path: '/', query, headers, signedHeaderNames: names, payloadHash: hashedRequestPayload(body) }),
  );
  const omitted = new Set(options.omit);
  const fields = [
    omitted.has('Credential') ? undefined : `Credential=${options.accessKeyId ?? target.accessKeyId}`,
    `SignedHeaders=${signedHeaders(names)}`,
    omitted.has('Signature') ? undefined : `Signature=${signatureV3(options.accessKeySecret ?? target.accessKeySecret, toSign)}`,
  ].filter((field) => field !== undefined);
  const sent = Object.fromEntries(Object.entries(headers).filter(([name]) => !omitted.has(name)));
  const search = encodeForm({ ...query, ...options.tamperQuery });
  return rawRequest(`${target.endpoint}/${search === '' ? '' : `?${search}`}`, {
    method,
    headers: { ...sent, authorization: `${options.algorithm ?? 'ACS3-HMAC-SHA256'} ${fields.join(',')}` },
    body: options.tamperBody ?? body,
  });
}
