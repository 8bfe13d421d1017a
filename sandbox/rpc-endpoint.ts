/**
 * The RPC endpoint at `/`: records the request, applies the active fault, runs the gateway checks
 * and the action (see dispatch.ts), and writes the answer as JSON or XML with Aliyun's headers.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerFormat, renderAnswer } from './answer.js';
import { answerRpc } from './dispatch.js';
import type { RpcState } from './dispatch.js';
import { misbehave, replacesAnswer, trickle } from './fault-responses.js';
import type { FaultSwitch } from './faults.js';
import { gatewayError } from './gateway-errors.js';
import { isSignedV3, v3ActionAndVersion } from './verify-v3.js';
import type { OperatorState } from './operator-api.js';
import type { RequestLog } from './request-log.js';
import type { Timers } from './timers.js';

/** Everything the server serves from. */
export type ServerState = Omit<RpcState, 'now' | 'requestId' | 'gateway'> &
  OperatorState & { requests: RequestLog; faults: FaultSwitch; timers: Timers; log?: (line: string) => void };

/** One request as read by the server. */
export type Incoming = {
  url: URL;
  method: string;
  body: Buffer;
  requestId: string;
  /** `Date` (sandbox clock, at call time) and `x-acs-request-id`. */
  headersNow: () => Record<string, string>;
};

/** Answers one RPC request (or misbehaves, when a fault says so). */
export async function answerRpcRequest(
  request: IncomingMessage,
  response: ServerResponse,
  incoming: Incoming,
  state: ServerState,
): Promise<void> {
  const { url, method, requestId, headersNow } = incoming;
  const v3 = isSignedV3(request.headers);
  const query = Object.fromEntries(url.searchParams);
  // A V3 request names its action in headers (signature-v3.ts); the log and the handlers see them as parameters.
  const params: Record<string, string> = { ...rpcParams(request, query, incoming.body), ...(v3 ? v3ActionAndVersion(request.headers) : {}) };
  state.requests.add({
    receivedAt: new Date(state.clock.now()).toISOString(),
    method,
    path: url.pathname,
    params,
    headers: request.headers,
  });
  const logLine = (outcome: string): void =>
    state.log?.(`${method} ${url.pathname} ${params.Action ?? '-'} ${outcome}`);
  const fault = state.faults.take();
  if (fault !== undefined && replacesAnswer(fault)) {
    logLine(`fault ${fault.kind}`);
    misbehave(fault, response, headersNow(), state.timers);
    return;
  }
  if (fault?.kind === 'delay') {
    await state.timers.sleep(fault.ms);
  }
  const now = state.clock.now();
  const gateway = { requestId, hostId: request.headers.host ?? 'dysmsapi.aliyuncs.com' };
  // Only `/` is an RPC endpoint; other paths get the "api not found" a wrong Action gets.
  const answer =
    url.pathname === '/'
      ? answerRpc(
          { method, path: url.pathname, query, params, headers: request.headers, body: incoming.body },
          { ...state, now, requestId, gateway },
        )
      : gatewayError('InvalidAction.NotFound', gateway);
  const { contentType, text } = renderAnswer(answer, answerFormat(params.Format, v3));
  const wire = {
    status: answer.status,
    headers: { ...headersNow(), 'Content-Type': contentType },
    body: Buffer.from(text, 'utf8'),
  };
  const code = answer.body.Code ?? answer.body.ResponseCode;
  logLine(`${answer.status} ${typeof code === 'string' ? code : ''}`);
  if (fault?.kind === 'lost-answer') {
    // The request ran (a send reached the outbox); the connection dies before the answer leaves.
    response.socket?.destroy();
    return;
  }
  if (fault?.kind === 'trickle') {
    trickle(wire, response, fault, state.timers);
    return;
  }
  response.writeHead(wire.status, { ...wire.headers, 'Content-Length': String(wire.body.length) });
  response.end(wire.body);
}

/** Query parameters merged with a form body (body wins), decoded, like Aliyun's gateway (§1.2). */
function rpcParams(request: IncomingMessage, query: Record<string, string>, body: Buffer): Record<string, string> {
  const params = { ...query };
  const type = request.headers['content-type'] ?? '';
  if (request.method === 'POST' && type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
  }
  return params;
}
