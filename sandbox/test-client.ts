/**
 * Test support: a small signed RPC client for the sandbox's own tests and the browser test.
 *
 * It shares the signature stages with the verifier ({@link ./signature-v1.ts}); the published
 * §1.3 vectors pin those stages, so sharing cannot hide a canonicalization bug. `src/` is never
 * imported: the connector is checked against the sandbox, not the other way round.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { percentEncode, signature, stringToSign } from './signature-v1.js';
import type { SignedMethod } from './signature-v1.js';

/** What the client needs to know about a sandbox. */
export type SandboxTarget = {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  clock?: { now(): number };
};

/** Knobs for one signed call; defaults make a valid request. */
export type CallOptions = {
  method?: SignedMethod;
  /** Method to sign with when it should differ from the one sent (a signing bug). */
  signAs?: SignedMethod;
  /** `Format`; default `'JSON'`. */
  format?: string;
  accessKeyId?: string;
  /** Secret to sign with (a wrong one yields SignatureDoesNotMatch). */
  accessKeySecret?: string;
  /** `Timestamp`; default: the sandbox clock, without milliseconds. */
  timestamp?: string;
  nonce?: string;
  /** Parameters to leave out, `Signature` included (e.g. `['SignatureNonce']`). */
  omit?: string[];
  /** Parameters changed after signing, to tamper with a signed request. */
  tamper?: Record<string, string>;
};

/** A raw HTTP reply; `json` is set when the body parses as JSON. */
export type Reply = { status: number; headers: IncomingHttpHeaders; text: string; json: unknown };

/** `yyyy-MM-ddTHH:mm:ssZ` (§1.1). */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Adds the common parameters and `Signature` (§1.1, §1.2) to action parameters. */
export function signParams(
  target: SandboxTarget,
  params: Record<string, string>,
  options: CallOptions = {},
): Record<string, string> {
  const all: Record<string, string> = {
    AccessKeyId: options.accessKeyId ?? target.accessKeyId,
    Format: options.format ?? 'JSON',
    RegionId: 'cn-hangzhou',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: options.nonce ?? randomUUID(),
    SignatureVersion: '1.0',
    Timestamp: options.timestamp ?? formatTimestamp(target.clock?.now() ?? Date.now()),
    ...params,
  };
  const omitted = new Set(options.omit);
  const kept = Object.fromEntries(Object.entries(all).filter(([name]) => !omitted.has(name)));
  const toSign = stringToSign(options.signAs ?? options.method ?? 'POST', kept);
  const signed: Record<string, string> = {
    ...kept,
    Signature: signature(options.accessKeySecret ?? target.accessKeySecret, toSign),
    ...options.tamper,
  };
  if (omitted.has('Signature')) {
    delete signed.Signature;
  }
  return signed;
}

/** Signs `params` and sends them: POST as a form body (default) or GET as a query. */
export async function callSandbox(
  target: SandboxTarget,
  params: Record<string, string>,
  options: CallOptions = {},
): Promise<Reply> {
  const method = options.method ?? 'POST';
  const signed = signParams(target, params, options);
  const encoded = Object.entries(signed)
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
    .join('&');
  return method === 'GET'
    ? rawRequest(`${target.endpoint}/?${encoded}`)
    : rawRequest(`${target.endpoint}/`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: encoded,
      });
}

/** SendSms (2017-05-25) with the given action parameters. */
export function sendSms(
  target: SandboxTarget,
  params: Record<string, string>,
  options?: CallOptions,
): Promise<Reply> {
  return callSandbox(target, { Action: 'SendSms', Version: '2017-05-25', ...params }, options);
}

/** One HTTP request with no connection reuse; resolves with the whole reply. */
export function rawRequest(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      { method: init.method ?? 'GET', headers: init.headers, agent: false, rejectUnauthorized: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: parseJson(text) });
        });
      },
    );
    request.on('error', reject);
    request.end(init.body);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
