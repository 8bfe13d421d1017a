import { describe, expect, it } from 'vitest';

import { isTlsFailure, provablyUnsent, type SocketEvidence } from './retry-policy.js';

/** A new connection whose TLS handshake never completed (or plain TCP that failed at once). */
const fresh: SocketEvidence = { reusedSocket: false, bytesWritten: 0, tlsEstablished: false };
/** A new connection whose handshake completed: Node then writes the request on it. */
const freshEstablished: SocketEvidence = { reusedSocket: false, bytesWritten: 412, tlsEstablished: true };
const reusedUnwritten: SocketEvidence = { reusedSocket: true, bytesWritten: 0, tlsEstablished: true };
const reusedWritten: SocketEvidence = { reusedSocket: true, bytesWritten: 412, tlsEstablished: true };

describe('provablyUnsent', () => {
  it.each<[string, string, SocketEvidence | undefined, boolean]>([
    ['refused: no connection was made', 'ECONNREFUSED', undefined, true],
    ['DNS failure', 'ENOTFOUND', undefined, true],
    ['DNS temporary failure', 'EAI_AGAIN', undefined, true],
    ['self-signed certificate, handshake never completed', 'DEPTH_ZERO_SELF_SIGNED_CERT', fresh, true],
    ['unknown issuer, handshake never completed', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', fresh, true],
    ['host name mismatch, handshake never completed', 'ERR_TLS_CERT_ALTNAME_INVALID', fresh, true],
    ['TLS alert on a reused socket before this request wrote a byte', 'ERR_SSL_SSLV3_ALERT_BAD_RECORD_MAC', reusedUnwritten, true],
    ['TLS error on a reused socket after the request was written: it may have been read', 'ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC', reusedWritten, false],
    ['TLS error after a completed handshake on a new socket: the request went out', 'ERR_SSL_WRONG_VERSION_NUMBER', freshEstablished, false],
    ['a server answering TLS in clear text: write EPROTO before the handshake completed', 'EPROTO', { ...fresh, bytesWritten: 535 }, true],
    ['EPROTO after the handshake completed', 'EPROTO', freshEstablished, false],
    ['TLS error with no socket evidence', 'ERR_SSL_WRONG_VERSION_NUMBER', undefined, false],
    ['certificate error with no socket evidence', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', undefined, false],
    ['stale keep-alive socket, nothing written', 'ECONNRESET', reusedUnwritten, true],
    ['stale keep-alive socket, EPIPE before writing', 'EPIPE', reusedUnwritten, true],
    ['stale keep-alive socket, request already written: may have been read', 'ECONNRESET', reusedWritten, false],
    ['reset on a new connection: the request may have been read', 'ECONNRESET', fresh, false],
    ['reset with no socket evidence', 'ECONNRESET', undefined, false],
    ['timeout: Aliyun may be processing it', 'ETIMEDOUT', fresh, false],
    ['got timeout', 'ERR_GOT_REQUEST_ERROR', reusedUnwritten, false],
    ['unknown code', 'EWHATEVER', reusedUnwritten, false],
  ])('%s (%s) → %s', (_, code, socket, expected) => {
    expect(provablyUnsent(code, socket)).toBe(expected);
  });
});

describe('isTlsFailure', () => {
  it.each<[string, boolean]>([
    ['ERR_TLS_CERT_ALTNAME_INVALID', true],
    ['ERR_SSL_WRONG_VERSION_NUMBER', true],
    ['CERT_HAS_EXPIRED', true],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', true],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', true],
    ['SELF_SIGNED_CERT_IN_CHAIN', true],
    ['HOSTNAME_MISMATCH', true],
    ['EPROTO', true],
    ['ECONNRESET', false],
    ['ERR_GOT_REQUEST_ERROR', false],
    ['ERR_SOCKET_CLOSED', false],
  ])('%s → %s', (code, expected) => {
    expect(isTlsFailure(code)).toBe(expected);
  });
});
