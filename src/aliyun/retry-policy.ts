/**
 * @module retry-policy
 * When a failed `SendSms` may be sent again. `SendSms` is not idempotent (fact sheet §2): a request
 * that reached Aliyun may have delivered a code and been billed even if its answer was lost. So a
 * send is repeated once, and only when the first request provably never reached Aliyun's
 * application: the connection was refused, the host did not resolve, TLS failed on a socket whose
 * handshake never completed, or a reused keep-alive socket failed before one byte of the request
 * was written. A timeout, or a reset or TLS error after the request may have gone out, is reported
 * and never repeated. (`InvalidTimeStamp.Expired` is the other retry: Aliyun refused the request,
 * see aliyun-client.)
 */

/** Errors raised before a connection existed: nothing can have been sent. */
const beforeConnecting = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Error codes Node's `tls` and OpenSSL give TLS failures: certificate checks, alerts, bad records.
 * A record error met while the request is being written surfaces as `EPROTO` (`write EPROTO …
 * ssl3_get_record:wrong version number`), as seen from a server that answers a ClientHello in clear.
 */
const tlsCodes = /^(?:EPROTO$|ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH)/;

/** True for a TLS failure; one definition for the retry decision and the error text (errors.ts). */
export const isTlsFailure = (errorCode: string): boolean => tlsCodes.test(errorCode);

/** Errors of a socket that died under the request. */
const socketDied = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/** What the transport saw of the socket a failed request used. */
export type SocketEvidence = {
  /** The agent handed out an idle keep-alive socket rather than a new connection. */
  reusedSocket: boolean;
  /** Bytes written on that socket while this request owned it (queued bytes count as written). */
  bytesWritten: number;
  /**
   * A TLS session was established on that socket before the failure (a reused socket's was, by an
   * earlier request). Node writes a request on a TLS socket only once its handshake completes.
   */
  tlsEstablished: boolean;
};

/** A reused socket that failed before this request wrote anything to it. */
const staleBeforeWriting = (socket: SocketEvidence): boolean => socket.reusedSocket && socket.bytesWritten === 0;

/**
 * True when a TLS failure provably came before the request went out: on a new socket whose
 * handshake never completed, or on a reused socket with nothing of this request written. On a
 * reused or established connection a TLS error (a bad record, an alert) can follow the request.
 */
export const tlsFailedUnsent = (socket: SocketEvidence | undefined): boolean =>
  socket !== undefined && ((!socket.reusedSocket && !socket.tlsEstablished) || staleBeforeWriting(socket));

/** True when the failed request cannot have reached Aliyun, so one more attempt cannot send a second message. */
export const provablyUnsent = (errorCode: string, socket: SocketEvidence | undefined): boolean =>
  beforeConnecting.has(errorCode) ||
  (isTlsFailure(errorCode) && tlsFailedUnsent(socket)) ||
  (socketDied.has(errorCode) && socket !== undefined && staleBeforeWriting(socket));

/** How much of the send's time an attempt needs at least to be worth starting. */
export const minimumAttemptMs = 200;
