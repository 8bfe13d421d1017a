/**
 * A loopback HTTP server whose answer each test scripts. It reads the whole request, records the
 * body, then hands both to `answer`; it listens before the file's tests and closes every
 * connection after them.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll } from 'vitest';

/** What a test scripts and reads. */
export type ScriptedServer = {
  /** `http://127.0.0.1:<port>`, set once the server listens. */
  endpoint: string;
  /** Every request body received, oldest first. */
  received: string[];
  /** How to answer the next requests; by default, never. */
  answer: (body: string, request: IncomingMessage, response: ServerResponse) => void;
};

/** Registers the hooks that start and stop a scripted server for this file. */
export const useScriptedServer = (): ScriptedServer => {
  const scripted: ScriptedServer = { endpoint: '', received: [], answer: () => undefined };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      scripted.received.push(body);
      scripted.answer(body, request, response);
    });
  });
  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    scripted.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  });
  return scripted;
};
