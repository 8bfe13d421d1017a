/**
 * The gateway's checks on a signed RPC request, in Aliyun's order (fact sheet §1): mandatory
 * common parameters, signature method and version, AccessKeyId, timestamp format and skew,
 * signature, nonce reuse. Each failure is the gateway error Aliyun answers (§1.4, §5).
 *
 * @module
 */
import { timingSafeEqual } from 'node:crypto';
import type { RpcAnswer } from './answer.js';
import { gatewayError, missingParameter } from './gateway-errors.js';
import type { GatewayContext } from './gateway-errors.js';
import type { NonceLedger } from './nonce-ledger.js';
import type { Credential } from './registry.js';
import { signature, stringToSign } from './signature-v1.js';
import type { SignedMethod } from './signature-v1.js';

/** Common parameters every RPC call must carry (§1.1); `Format` and `RegionId` are optional. */
const mandatoryParams = [
  'Action',
  'Version',
  'AccessKeyId',
  'Signature',
  'SignatureMethod',
  'SignatureNonce',
  'SignatureVersion',
  'Timestamp',
] as const;

/** §1.4: a timestamp more than 15 minutes away from server time is refused. */
const timestampToleranceMs = 15 * 60_000;

/** `Missing<Name>` for the first absent or empty mandatory common parameter, if any. */
export function missingCommonParameter(
  params: Readonly<Record<string, string>>,
  context: GatewayContext,
): RpcAnswer | undefined {
  const missing = mandatoryParams.find((name) => (params[name] ?? '') === '');
  return missing === undefined ? undefined : missingParameter(missing, context);
}

/** What the signature check needs besides the request. */
export type VerifyState = {
  credentials: readonly Credential[];
  nonces: NonceLedger;
  now: number;
  context: GatewayContext;
};

/**
 * Checks method, version, key, time, signature and nonce of a request whose mandatory
 * parameters are present; remembers the nonce when everything passes.
 */
export function verifySignedRequest(
  method: SignedMethod,
  params: Readonly<Record<string, string>>,
  state: VerifyState,
): RpcAnswer | undefined {
  const { context } = state;
  const get = (name: (typeof mandatoryParams)[number]): string => params[name] ?? '';
  if (get('SignatureMethod') !== 'HMAC-SHA1') {
    return gatewayError('InvalidSignatureMethod', context);
  }
  if (get('SignatureVersion') !== '1.0') {
    return gatewayError('InvalidSignatureVersion', context);
  }
  const credential = state.credentials.find(({ accessKeyId }) => accessKeyId === get('AccessKeyId'));
  if (credential === undefined) {
    return gatewayError('InvalidAccessKeyId.NotFound', context);
  }
  const timestampRejected = checkTimestamp(get('Timestamp'), state.now, context);
  if (timestampRejected !== undefined) {
    return timestampRejected;
  }
  // §1.2 step 5: the server re-canonicalizes the decoded parameters with the real HTTP method.
  const toSign = stringToSign(method, params);
  if (!sameSignature(signature(credential.accessKeySecret, toSign), get('Signature'))) {
    return gatewayError('SignatureDoesNotMatch', context, toSign);
  }
  if (state.nonces.used(credential.accessKeyId, get('SignatureNonce'), state.now)) {
    return gatewayError('SignatureNonceUsed', context);
  }
  state.nonces.remember(credential.accessKeyId, get('SignatureNonce'), state.now);
  return undefined;
}

/** `InvalidTimeStamp.Format` or `.Expired` for a timestamp the gateway refuses (§1.1, §1.4), else undefined. */
export function checkTimestamp(text: string, now: number, context: GatewayContext): RpcAnswer | undefined {
  const timestamp = parseTimestamp(text);
  if (timestamp === undefined) {
    return gatewayError('InvalidTimeStamp.Format', context);
  }
  if (Math.abs(timestamp - now) > timestampToleranceMs) {
    return gatewayError('InvalidTimeStamp.Expired', context);
  }
  return undefined;
}

/**
 * Milliseconds since the epoch for `yyyy-MM-ddTHH:mm:ssZ` (§1.1), optionally with a fraction of
 * up to 3 digits (accepted by the sandbox; Aliyun's stance is unknown, §1.1 [L]); else undefined.
 */
export function parseTimestamp(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z$/.exec(text);
  if (match === null) {
    return undefined;
  }
  const [year, month, day, hours, minutes, seconds] = match.slice(1, 7).map(Number) as [
    number, number, number, number, number, number,
  ];
  const ms = Number((match[7] ?? '0').padEnd(3, '0'));
  const time = Date.UTC(year, month - 1, day, hours, minutes, seconds, ms);
  const date = new Date(time);
  // Date.UTC rolls 2024-02-30 over to March; a real calendar date round-trips.
  const roundTrips =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hours &&
    date.getUTCMinutes() === minutes &&
    date.getUTCSeconds() === seconds;
  return roundTrips ? time : undefined;
}

/** Constant-time comparison of a computed and a received signature. */
export function sameSignature(expected: string, received: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}
