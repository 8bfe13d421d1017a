/**
 * The gateway's checks on a request signed with signature V3 (`ACS3-HMAC-SHA256`, see
 * signature-v3.ts), as Aliyun's current SDKs send it: `Action` and `Version` in the `x-acs-action`
 * and `x-acs-version` headers, the action's parameters in the query (or a form body), and an
 * `Authorization: ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…` header.
 *
 * The checks and their order are those of V1 (verify.ts), answered with the same gateway error
 * codes; only where each value is read from differs.
 *
 * @module
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { RpcAnswer } from './answer.js';
import { gatewayError, missingParameter } from './gateway-errors.js';
import type { GatewayContext } from './gateway-errors.js';
import {
  canonicalRequest,
  hashedRequestPayload,
  mustBeSigned,
  parseAuthorization,
  signatureV3,
  stringToSignV3,
  v3Algorithm,
} from './signature-v3.js';
import { checkTimestamp, sameSignature } from './verify.js';
import type { VerifyState } from './verify.js';

/** A request as the V3 checks need it. */
export type V3Incoming = {
  method: string;
  /** Decoded path. */
  path: string;
  /** Decoded query parameters only. */
  query: Readonly<Record<string, string>>;
  headers: IncomingHttpHeaders;
  body: Buffer;
};

/** True when the request carries a V3 (`ACS3-…`) `Authorization` header; it is then checked by V3 rules only. */
export function isSignedV3(headers: IncomingHttpHeaders): boolean {
  return parseAuthorization(headers.authorization) !== undefined;
}

/** The AccessKeyId of a V3 request (`Credential` in `Authorization`), `''` when absent. */
export function v3AccessKeyId(headers: IncomingHttpHeaders): string {
  return parseAuthorization(headers.authorization)?.credential ?? '';
}

/** `Action` and `Version` of a V3 request, from its headers. */
export function v3ActionAndVersion(headers: IncomingHttpHeaders): { Action?: string; Version?: string } {
  const action = header(headers, 'x-acs-action');
  const version = header(headers, 'x-acs-version');
  return { ...(action === '' ? {} : { Action: action }), ...(version === '' ? {} : { Version: version }) };
}

/**
 * `Missing<Name>` for the first absent V3 value, in V1's order (verify.ts): action, version,
 * AccessKeyId (`Credential`), `Signature`, nonce, timestamp. The message names the header.
 */
export function missingV3Value(headers: IncomingHttpHeaders, context: GatewayContext): RpcAnswer | undefined {
  const authorization = parseAuthorization(headers.authorization);
  const required: Array<[name: string, label: string, value: string | undefined]> = [
    ['Action', 'x-acs-action', header(headers, 'x-acs-action')],
    ['Version', 'x-acs-version', header(headers, 'x-acs-version')],
    ['AccessKeyId', 'Credential in Authorization', authorization?.credential],
    ['Signature', 'Signature in Authorization', authorization?.signature],
    ['SignatureNonce', 'x-acs-signature-nonce', header(headers, 'x-acs-signature-nonce')],
    ['Timestamp', 'x-acs-date', header(headers, 'x-acs-date')],
  ];
  const missing = required.find(([, , value]) => (value ?? '') === '');
  return missing === undefined ? undefined : missingParameter(missing[0], context, missing[1]);
}

/**
 * Checks algorithm, key, time, signature and nonce of a V3 request whose mandatory values are
 * present; remembers the nonce when everything passes.
 */
export function verifyV3Request(request: V3Incoming, state: VerifyState): RpcAnswer | undefined {
  const { context } = state;
  const authorization = parseAuthorization(request.headers.authorization);
  if (authorization?.algorithm !== v3Algorithm) {
    return gatewayError('InvalidSignatureMethod', context);
  }
  const credential = state.credentials.find(({ accessKeyId }) => accessKeyId === authorization.credential);
  if (credential === undefined) {
    return gatewayError('InvalidAccessKeyId.NotFound', context);
  }
  const timestampRejected = checkTimestamp(header(request.headers, 'x-acs-date'), state.now, context);
  if (timestampRejected !== undefined) {
    return timestampRejected;
  }
  const signedHeaderNames = (authorization.signedHeaders ?? '')
    .split(';')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  const flatHeaders = Object.fromEntries(Object.keys(request.headers).map((name) => [name, header(request.headers, name)]));
  // The server hashes the body it received: a body changed after signing cannot match.
  const toSign = stringToSignV3(
    canonicalRequest({
      method: request.method,
      path: request.path,
      query: request.query,
      headers: flatHeaders,
      signedHeaderNames,
      payloadHash: hashedRequestPayload(request.body),
    }),
  );
  // The spec requires host, content-type and every x-acs-* header to be signed; one left out is a mismatch.
  const unsigned = Object.keys(flatHeaders).some((name) => mustBeSigned(name) && !signedHeaderNames.includes(name));
  if (unsigned || !sameSignature(signatureV3(credential.accessKeySecret, toSign), authorization.signature ?? '')) {
    return gatewayError('SignatureDoesNotMatch', context, toSign);
  }
  const nonce = header(request.headers, 'x-acs-signature-nonce');
  if (state.nonces.used(credential.accessKeyId, nonce, state.now)) {
    return gatewayError('SignatureNonceUsed', context);
  }
  state.nonces.remember(credential.accessKeyId, nonce, state.now);
  return undefined;
}

/** One header's value as a string (repeated headers joined with `,`, as HTTP allows), `''` when absent. */
function header(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}
