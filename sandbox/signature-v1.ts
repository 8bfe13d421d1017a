/**
 * Aliyun RPC signature V1 (HMAC-SHA1), written from the fact sheet §1.2 independently of `src/`.
 *
 * Each stage carries the name Aliyun's documentation gives it, so a failing known-answer test
 * (§1.3) points at the stage that broke.
 *
 * @module
 */
import { createHmac } from 'node:crypto';

/** The HTTP methods an RPC call may be signed with (§1.2 step 5: the real method, uppercase). */
export type SignedMethod = 'GET' | 'POST';

/**
 * RFC 3986 percent-encoding of UTF-8 as Aliyun wants it (§1.2 step 3): only `A–Z a–z 0–9 - _ . ~`
 * stay literal; `encodeURIComponent` also leaves `! ' ( ) *` alone, so those are encoded here.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Sorted `name=value` pairs joined with `&` (§1.2 steps 1–4). Sorts the parameter *names* in
 * code-point order, not the joined strings, so `Foo` still precedes `Foo.1`.
 */
export function canonicalizedQuery(params: Readonly<Record<string, string | undefined>>): string {
  return Object.keys(params)
    .filter((name) => name !== 'Signature' && params[name] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name] ?? '')}`)
    .join('&');
}

/** `METHOD&%2F&enc(CanonicalizedQueryString)` (§1.2 step 5): the canonical string is encoded twice. */
export function stringToSign(
  method: SignedMethod,
  params: Readonly<Record<string, string | undefined>>,
): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalizedQuery(params))}`;
}

/** Base64 HMAC-SHA1 of the string to sign, keyed with `AccessKeySecret + "&"` (§1.2 step 6). */
export function signature(accessKeySecret: string, toSign: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(toSign, 'utf8').digest('base64');
}
