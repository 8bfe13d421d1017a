import { describe, expect, it } from 'vitest';

import { provablyUnsent, type SocketEvidence } from './retry-policy.js';

const fresh: SocketEvidence = { reusedSocket: false, bytesWritten: 0 };
const reusedUnwritten: SocketEvidence = { reusedSocket: true, bytesWritten: 0 };
const reusedWritten: SocketEvidence = { reusedSocket: true, bytesWritten: 412 };

describe('provablyUnsent', () => {
  it.each<[string, string, SocketEvidence | undefined, boolean]>([
    ['refused: no connection was made', 'ECONNREFUSED', undefined, true],
    ['DNS failure', 'ENOTFOUND', undefined, true],
    ['DNS temporary failure', 'EAI_AGAIN', undefined, true],
    ['self-signed certificate', 'DEPTH_ZERO_SELF_SIGNED_CERT', fresh, true],
    ['unknown issuer', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', fresh, true],
    ['host name mismatch', 'ERR_TLS_CERT_ALTNAME_INVALID', fresh, true],
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
