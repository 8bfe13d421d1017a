/**
 * Aliyun RPC signature V1 (HMAC-SHA1), written from the fact sheet §1.2 independently of `src/`
 * and by another technique: `src/aliyun/signature.ts` patches `encodeURIComponent`, this file walks the
 * UTF-8 bytes against RFC 3986's unreserved set and compares names byte by byte, so a mistake
 * in one technique is not repeated in the other.
 *
 * Each stage carries the name Aliyun's documentation gives it, so a failing known-answer test
 * points at the stage that broke.
 *
 * @module
 */
import { createHmac } from 'node:crypto';

/** The HTTP methods an RPC call may be signed with (§1.2 step 5: the real method, uppercase). */
export type SignedMethod = 'GET' | 'POST';

/** RFC 3986 §2.3 unreserved bytes: ALPHA, DIGIT, `-`, `.`, `_`, `~`. Everything else is `%XY`. */
const unreserved = new Set(Buffer.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~', 'ascii'));

const utf8 = new TextEncoder();

/** `%XY` with uppercase hex digits (§1.2 step 3). */
const escapeByte = (byte: number): string => `%${byte < 16 ? '0' : ''}${byte.toString(16).toUpperCase()}`;

/**
 * RFC 3986 percent-encoding of the UTF-8 bytes of `value` (§1.2 step 3): unreserved bytes stay,
 * every other byte, space included, becomes `%XY`.
 */
export function percentEncode(value: string): string {
  let encoded = '';
  for (const byte of utf8.encode(value)) {
    encoded += unreserved.has(byte) ? String.fromCharCode(byte) : escapeByte(byte);
  }
  return encoded;
}

/** Orders parameter names by their UTF-8 bytes (§1.2 step 2: `Foo` before `Foo.1`, `B` before `a`). */
const byBytes = (a: string, b: string): number => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/**
 * Sorted `name=value` pairs joined with `&` (§1.2 steps 1–4): `Signature` and undefined values
 * left out, names sorted on their own (not as joined pairs).
 */
export function canonicalizedQuery(params: Readonly<Record<string, string | undefined>>): string {
  const names = Object.keys(params).filter((name) => name !== 'Signature' && params[name] !== undefined);
  return names
    .sort(byBytes)
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name] ?? '')}`)
    .join('&');
}

/** `METHOD&%2F&enc(CanonicalizedQueryString)` (§1.2 step 5): the canonical string is encoded twice. */
export function stringToSign(method: SignedMethod, params: Readonly<Record<string, string | undefined>>): string {
  return [method, percentEncode('/'), percentEncode(canonicalizedQuery(params))].join('&');
}

/** Base64 HMAC-SHA1 of the string to sign, keyed with `AccessKeySecret + "&"` (§1.2 step 6). */
export function signature(accessKeySecret: string, toSign: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(toSign, 'utf8').digest('base64');
}
