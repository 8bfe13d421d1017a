/**
 * @module retry-policy
 * When a failed `SendSms` may be sent again. `SendSms` is not idempotent (fact sheet §2): a request
 * that reached Aliyun may have delivered a code and been billed even if its answer was lost. So a
 * send is repeated once, and only when the first request provably never reached Aliyun's
 * application: the connection was refused, the host did not resolve, TLS failed before any HTTP
 * was spoken, or a reused keep-alive socket was already closed before one byte of the request was
 * written. A timeout, or a reset after the request went out, is reported and never repeated.
 * (`InvalidTimeStamp.Expired` is the other retry: Aliyun refused the request, see aliyun-client.)
 */

/** Errors raised before a connection existed: nothing can have been sent. */
const beforeConnecting = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** TLS handshake failures: the HTTP request is only written after the handshake succeeds. */
const tlsFailure = /^(?:ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH)/;

/** Errors of a socket that died under the request. */
const socketDied = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/** What the transport saw of the socket a failed request used. */
export type SocketEvidence = {
  /** The agent handed out an idle keep-alive socket rather than a new connection. */
  reusedSocket: boolean;
  /** Bytes written on that socket while this request owned it (queued bytes count as written). */
  bytesWritten: number;
};

/** True when the failed request cannot have reached Aliyun, so one more attempt cannot send a second message. */
export const provablyUnsent = (errorCode: string, socket: SocketEvidence | undefined): boolean =>
  beforeConnecting.has(errorCode) ||
  tlsFailure.test(errorCode) ||
  (socketDied.has(errorCode) && socket !== undefined && socket.reusedSocket && socket.bytesWritten === 0);

/** How much of the send's time an attempt needs at least to be worth starting. */
export const minimumAttemptMs = 200;
