/**
 * The HTTP(S) server: reads requests, routes them (inbox page, operator API, RPC endpoint) and
 * tracks sockets so close() can end them all, hanging ones included.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { inboxPage } from './inbox-page.js';
import { answerOperator } from './operator-api.js';
import { answerRpcRequest } from './rpc-endpoint.js';
import type { ServerState } from './rpc-endpoint.js';
import { isSignedV3 } from './verify-v3.js';

export type { ServerState };

/** Where and how to listen. */
export type ListenOptions = {
  host: string;
  port: number;
  tls?: { key: string | Buffer; cert: string | Buffer };
};

/** A listening server. */
export type RunningServer = {
  endpoint: string;
  stats: () => { connectionsAccepted: number; openConnections: number; peakOpenConnections: number };
  close: () => Promise<void>;
};

/** Bodies above this are refused; SendSms parameters are a few KB at most. */
const maxBodyBytes = 1024 * 1024;

/** Starts listening; resolves once the port is bound. */
export async function listen(options: ListenOptions, state: ServerState): Promise<RunningServer> {
  const handler = (request: IncomingMessage, response: ServerResponse): void => {
    handle(request, response, state).catch((error: unknown) => {
      state.log?.(`internal error: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) {
        response.writeHead(500, { 'Content-Type': 'application/json;charset=utf-8' });
      }
      response.end(JSON.stringify({ Code: 'InternalError', Message: 'The request processing has failed due to some unknown error.' }));
    });
  };
  const server: Server = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, handler)
    : createHttpServer(handler);
  const sockets = new Set<Socket>();
  const counts = { connectionsAccepted: 0, peakOpenConnections: 0 };
  server.on('connection', (socket: Socket) => {
    counts.connectionsAccepted += 1;
    sockets.add(socket);
    counts.peakOpenConnections = Math.max(counts.peakOpenConnections, sockets.size);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | undefined;
  return {
    endpoint: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
    stats: () => ({ ...counts, openConnections: sockets.size }),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        state.timers.stop();
        server.close(() => {
          resolve();
        });
        for (const socket of sockets) {
          socket.destroy();
        }
      });
      return closing;
    },
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, state: ServerState): Promise<void> {
  const requestId = randomUUID().toUpperCase();
  const headersNow = (): Record<string, string> => ({
    Date: new Date(state.clock.now()).toUTCString(),
    'x-acs-request-id': requestId,
  });
  const url = new URL(request.url ?? '/', 'http://sandbox.invalid');
  const method = request.method ?? 'GET';
  const body = await readBody(request);
  if (body === undefined) {
    response.writeHead(413, { ...headersNow(), 'Content-Type': 'text/plain' }).end('Request body too large');
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    const answer = answerOperator(method, url, body.toString('utf8'), state);
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    const type = { 'Content-Type': 'application/json;charset=utf-8', 'Cache-Control': 'no-store' };
    response.writeHead(answer.status, { ...headersNow(), ...type }).end(text);
    return;
  }
  // A V3-signed GET names its action in a header (verify-v3.ts), so only an unsigned GET is the inbox.
  if (url.pathname === '/' && method === 'GET' && !url.searchParams.has('Action') && !isSignedV3(request.headers)) {
    const type = { 'Content-Type': 'text/html;charset=utf-8', 'Cache-Control': 'no-store' };
    response.writeHead(200, { ...headersNow(), ...type }).end(inboxPage());
    return;
  }
  if (url.pathname === '/favicon.ico') {
    response.writeHead(204, headersNow()).end();
    return;
  }
  await answerRpcRequest(request, response, { url, method, body, requestId, headersNow }, state);
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) {
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
