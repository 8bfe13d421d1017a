/**
 * @module wire-recorder
 * A loopback HTTP relay in front of the sandbox that keeps every exchange as it crossed the wire:
 * the request's decoded parameters (query and form body; a V3 request's `x-acs-action` and
 * `x-acs-version` as `Action` and `Version`) and the answer's status and raw body text, before any
 * client parses it. One relay stands for one Aliyun host (`dysmsapi`, `dypnsapi`), so an exchange
 * says which product it went to. Headers pass through unchanged (a V3 signature covers `host`).
 *
 * It can also play a host that no longer serves an action (`withdraw`): it then answers the
 * gateway's `InvalidAction.NotFound` itself, as Aliyun does for an action it does not know.
 */
import { once } from 'node:events';
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request and its answer. */
export type Exchange = { service: string; params: Record<string, string>; status: number; body: string };

/** A running relay. */
export type WireRecorder = {
  /** `http://127.0.0.1:<port>`. */
  endpoint: string;
  /** `127.0.0.1:<port>`, the form an SDK's `endpoint` takes. */
  host: string;
  exchanges: Exchange[];
  /** Actions this host answers with `InvalidAction.NotFound`. */
  withdrawn: Set<string>;
  close(): Promise<void>;
};

const readAll = async (stream: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
};

const paramsOf = (request: IncomingMessage, body: Buffer): Record<string, string> => {
  const params = Object.fromEntries(new URL(request.url ?? '/', 'http://relay.invalid').searchParams);
  if ((request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
  }
  const header = (name: string) => request.headers[name];
  const action = header('x-acs-action');
  const version = header('x-acs-version');
  return {
    ...params,
    ...(typeof action === 'string' ? { Action: action } : {}),
    ...(typeof version === 'string' ? { Version: version } : {}),
  };
};

/** Starts a relay for `service` in front of `target` (the sandbox's endpoint). */
export const startWireRecorder = async (target: string, service: string): Promise<WireRecorder> => {
  const upstream = new URL(target);
  const exchanges: Exchange[] = [];
  const withdrawn = new Set<string>();
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readAll(request);
      const params = paramsOf(request, body);
      if (withdrawn.has(params.Action ?? '')) {
        const text = JSON.stringify({ RequestId: 'RELAY-404', Code: 'InvalidAction.NotFound', Message: 'Specified api is not found, please check your url and method.' });
        exchanges.push({ service, params, status: 404, body: text });
        response.writeHead(404, { 'Content-Type': 'application/json;charset=utf-8', Date: new Date().toUTCString() }).end(text);
        return;
      }
      const forwarded = httpRequest({ host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: request.headers });
      forwarded.end(body);
      const [answer] = (await once(forwarded, 'response')) as [IncomingMessage];
      const answerBody = await readAll(answer);
      exchanges.push({ service, params, status: answer.statusCode ?? 0, body: answerBody.toString('utf8') });
      response.writeHead(answer.statusCode ?? 502, answer.headers).end(answerBody);
    })().catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    exchanges,
    withdrawn,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
};
