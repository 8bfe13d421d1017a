/**
 * Aliyun signature V3 (`ACS3-HMAC-SHA256`), the scheme Aliyun's current SDKs sign with, written
 * from the published description independently of any SDK: "V3 request structure and signature"
 * (https://help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature, the same
 * steps in https://help.aliyun.com/zh/functioncompute/fc/developer-reference/signature-mechanism).
 *
 * Each stage carries the name the documentation gives it (CanonicalRequest, HashedRequestPayload,
 * CanonicalHeaders, SignedHeaders, StringToSign), so a failing known-answer test points at the
 * stage that broke.
 *
 * @module
 */
import { createHash, createHmac } from 'node:crypto';
import { percentEncode } from './signature-v1.js';

/** The only V3 algorithm the sandbox verifies; the SDKs also know `ACS3-HMAC-SM3` and `ACS3-RSA-SHA256`. */
export const v3Algorithm = 'ACS3-HMAC-SHA256';

/** Lower-case hex SHA-256 (the spec's `HexEncode(Hash(…))`). */
export function hexSha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** `HashedRequestPayload`: hex SHA-256 of the raw body; an absent body hashes as the empty string. */
export function hashedRequestPayload(body: string | Buffer): string {
  return hexSha256(body);
}

/**
 * `CanonicalURI`: each `/`-separated segment RFC 3986-encoded. RPC-style APIs always use `/`.
 * The segments arrive decoded, so a literal `/` inside one cannot occur.
 */
export function canonicalUri(path: string): string {
  return path.split('/').map(percentEncode).join('/');
}

/**
 * `CanonicalQueryString`: query parameters sorted by name in code-point order, name and value
 * each RFC 3986-encoded, joined as `name=value` with `&`; a parameter without a value gets `=`.
 */
export function canonicalQueryString(query: Readonly<Record<string, string | undefined>>): string {
  return Object.keys(query)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${percentEncode(name)}=${percentEncode(query[name] ?? '')}`)
    .join('&');
}

/** True for the headers the spec requires to be signed: `host`, `content-type` and every `x-acs-*`. */
export function mustBeSigned(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'host' || lower === 'content-type' || lower.startsWith('x-acs-');
}

/**
 * `CanonicalHeaders` for the named headers: lower-case name, `:`, the value trimmed, `\n`, in
 * name order. `headers` is keyed by lower-case name (as Node delivers them).
 */
export function canonicalHeaders(
  signedHeaderNames: readonly string[],
  headers: Readonly<Record<string, string | undefined>>,
): string {
  return [...signedHeaderNames]
    .map((name) => name.toLowerCase())
    .sort()
    .map((name) => `${name}:${(headers[name] ?? '').trim()}\n`)
    .join('');
}

/** `SignedHeaders`: the lower-case header names, sorted, joined with `;`. */
export function signedHeaders(names: readonly string[]): string {
  return names
    .map((name) => name.toLowerCase())
    .sort()
    .join(';');
}

/** What a canonical request is built from. */
export type V3Request = {
  /** The real HTTP method, upper case. */
  method: string;
  /** The decoded path, `/` for RPC. */
  path: string;
  /** Decoded query parameters (not the form body: that is covered by the payload hash). */
  query: Readonly<Record<string, string | undefined>>;
  /** Request headers keyed by lower-case name. */
  headers: Readonly<Record<string, string | undefined>>;
  /** Header names that take part in the signature, as listed in `SignedHeaders`. */
  signedHeaderNames: readonly string[];
  /** `HashedRequestPayload` of the body. */
  payloadHash: string;
};

/** `CanonicalRequest`: method, URI, query, headers, signed header names and payload hash, one per line. */
export function canonicalRequest(request: V3Request): string {
  return [
    request.method,
    canonicalUri(request.path),
    canonicalQueryString(request.query),
    canonicalHeaders(request.signedHeaderNames, request.headers),
    signedHeaders(request.signedHeaderNames),
    request.payloadHash,
  ].join('\n');
}

/** `StringToSign`: the algorithm name, a newline, and the hex SHA-256 of the canonical request. */
export function stringToSignV3(canonical: string): string {
  return `${v3Algorithm}\n${hexSha256(canonical)}`;
}

/** `Signature`: lower-case hex HMAC-SHA256 of the string to sign, keyed with the AccessKey secret itself (no `&`, unlike V1). */
export function signatureV3(accessKeySecret: string, toSign: string): string {
  return createHmac('sha256', accessKeySecret).update(toSign, 'utf8').digest('hex');
}

/** The parts of an `Authorization: <algorithm> Credential=…,SignedHeaders=…,Signature=…` header. */
export type V3Authorization = {
  algorithm: string;
  credential?: string;
  signedHeaders?: string;
  signature?: string;
};

/** Splits an `Authorization` header into its parts; undefined when it is not a V3 (`ACS3-…`) one. */
export function parseAuthorization(header: string | undefined): V3Authorization | undefined {
  const match = /^(ACS3-[A-Z0-9-]+) +(.*)$/.exec(header?.trim() ?? '');
  if (match === null) {
    return undefined;
  }
  const [, algorithm = '', rest = ''] = match;
  const fields = new Map(
    rest.split(',').map((part) => {
      const equals = part.indexOf('=');
      return equals < 0 ? [part.trim(), ''] : [part.slice(0, equals).trim(), part.slice(equals + 1).trim()];
    }),
  );
  const field = (name: string): string | undefined => {
    const value = fields.get(name);
    return value === undefined || value === '' ? undefined : value;
  };
  const credential = field('Credential');
  const signedHeaderList = field('SignedHeaders');
  const signature = field('Signature');
  return {
    algorithm,
    ...(credential === undefined ? {} : { credential }),
    ...(signedHeaderList === undefined ? {} : { signedHeaders: signedHeaderList }),
    ...(signature === undefined ? {} : { signature }),
  };
}
