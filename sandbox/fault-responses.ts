/**
 * How each fault is put on the wire. Faults that replace the answer run before the request is
 * processed (nothing reaches the outbox); `trickle` sends the real answer slowly, and `lost-answer`
 * drops it after the request ran.
 *
 * @module
 */
import { STATUS_CODES } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import type { Fault } from './faults.js';
import type { Timers } from './timers.js';

/** A serialized answer ready for the socket. */
export type WireAnswer = { status: number; headers: Record<string, string>; body: Buffer };

/** Faults that answer instead of the API. */
export type ReplacingFault = Exclude<Fault, { kind: 'delay' } | { kind: 'trickle' } | { kind: 'lost-answer' }>;

/** True for faults that answer instead of the API (everything but `delay`, `trickle` and `lost-answer`, which run it). */
export function replacesAnswer(fault: Fault): fault is ReplacingFault {
  return fault.kind !== 'delay' && fault.kind !== 'trickle' && fault.kind !== 'lost-answer';
}

/** Misbehaves on `response` as `fault` says; `headers` are the usual Date and request-id headers. */
export function misbehave(
  fault: ReplacingFault,
  response: ServerResponse,
  headers: Record<string, string>,
  timers: Timers,
): void {
  const requestId = headers['x-acs-request-id'] ?? '';
  // What a successful SendSms answer looks like (§2); the truncating faults cut it.
  const json = Buffer.from(
    JSON.stringify({ RequestId: requestId, Message: 'OK', BizId: '900619746936498^0', Code: 'OK' }),
  );
  const jsonHeaders = { ...headers, 'Content-Type': 'application/json;charset=utf-8' };
  const half = json.subarray(0, Math.floor(json.length / 2));
  switch (fault.kind) {
    case 'hang':
      return;
    case 'close':
      response.socket?.destroy();
      return;
    case 'http-error': {
      const status = fault.status ?? 503;
      const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
      const page = `<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>Tengine</center></body></html>`;
      response.writeHead(status, { ...headers, 'Content-Type': 'text/html' });
      response.end(page);
      return;
    }
    case 'truncated-json':
      response.writeHead(200, { ...jsonHeaders, 'Content-Length': String(half.length) });
      response.end(half);
      return;
    case 'headers-then-stall':
      response.writeHead(200, { ...jsonHeaders, 'Content-Length': String(json.length) });
      response.flushHeaders();
      return;
    case 'reset-mid-body':
      response.writeHead(200, { ...jsonHeaders, 'Content-Length': String(json.length) });
      response.write(half, () => {
        // Let the partial body reach the peer before the RST discards anything still queued.
        timers.after(20, () => tcpOf(response.socket)?.resetAndDestroy());
      });
      return;
  }
}

/**
 * The TCP socket under a response: over TLS, the one the TLS socket wraps, since only a TCP handle
 * can send a reset (`resetAndDestroy` on the TLS socket throws `ERR_INVALID_HANDLE_TYPE`).
 */
function tcpOf(socket: Socket | null): Socket | undefined {
  if (!socket) {
    return undefined;
  }
  const parent = (socket as Socket & { _parent?: Socket | null })._parent;
  return socket instanceof TLSSocket && parent ? parent : socket;
}

/** Sends `answer` `bytesPerTick` bytes every `tickMs`, Content-Length announced up front. */
export function trickle(
  answer: WireAnswer,
  response: ServerResponse,
  fault: Extract<Fault, { kind: 'trickle' }>,
  timers: Timers,
): void {
  const bytesPerTick = fault.bytesPerTick ?? 1;
  const tickMs = fault.tickMs ?? 100;
  response.writeHead(answer.status, { ...answer.headers, 'Content-Length': String(answer.body.length) });
  response.flushHeaders();
  const sendFrom = (offset: number): void => {
    if (response.destroyed) {
      return;
    }
    const end = Math.min(offset + bytesPerTick, answer.body.length);
    if (end >= answer.body.length) {
      response.end(answer.body.subarray(offset));
      return;
    }
    response.write(answer.body.subarray(offset, end));
    timers.after(tickMs, () => {
      sendFrom(end);
    });
  };
  timers.after(tickMs, () => {
    sendFrom(0);
  });
}
