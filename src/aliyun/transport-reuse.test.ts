/**
 * The socket evidence transport.ts gathers for the retry policy, on pooled keep-alive connections:
 * a TLS or socket failure on a reused connection with nothing of the request written is sent once
 * more; with the request written, never. Each case starts its own server, makes its own pooled
 * connection with a first send, checks that the second send really reused it, and so passes or
 * fails on its own, whatever ran before it.
 */
import { once } from 'node:events';
import { Agent, createServer, type ClientRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { ConnectorErrorCodes } from '@logto/connector-kit';
import { describe, expect, it } from 'vitest';

import { createAliyunClient } from './aliyun-client.js';
import type { ApiCall } from '../plan/route.js';

const credentials = { accessKeyId: 'LTAI5tFakeKeyId', accessKeySecret: 'fakeSecret' };
const client = createAliyunClient();

const ok = (response: ServerResponse) => {
  response.writeHead(200, { 'content-type': 'application/json' }).end('{"Code":"OK","Message":"OK","BizId":"1^0","RequestId":"R"}');
};

/** What the server saw of one request: the socket it came on. */
type Seen = { socket: Socket };

/**
 * A server of this test's own, a first send that leaves a pooled connection to it, then `second`:
 * `answer` serves the requests after the first, and `onReuse` runs when the agent hands the
 * pooled socket to the second send (Node's `Agent.prototype.reuseSocket`, once).
 */
const secondSendOnPooledConnection = async ({
  answer,
  onReuse,
}: {
  answer: (request: IncomingMessage, response: ServerResponse) => void;
  onReuse?: (socket: Socket, request: ClientRequest) => void;
}) => {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    seen.push({ socket: request.socket });
    request.resume();
    request.on('end', () => {
      if (seen.length === 1) {
        ok(response);
      } else {
        answer(request, response);
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const call: ApiCall = {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    action: 'SendSms',
    version: '2017-05-25',
    parameters: { Action: 'SendSms', Version: '2017-05-25', Format: 'JSON', PhoneNumbers: '13800138000' },
    route: { site: 'china', region: 'mainland', regionCode: '86', api: 'SendSms 2017-05-25', templateCode: 'SMS_1', to: '138****8000' },
  };
  const { prototype } = Agent;
  const original = Object.getOwnPropertyDescriptor(prototype, 'reuseSocket')!;
  let reused = 0;
  /** The error codes the second send's first request failed with, as Node raised them. */
  const errors: string[] = [];
  try {
    await expect(client.send(call, credentials, 3000)).resolves.toMatchObject({ Code: 'OK' });
    Object.defineProperty(prototype, 'reuseSocket', {
      ...original,
      value(this: Agent, socket: Socket, request: ClientRequest) {
        Object.defineProperty(prototype, 'reuseSocket', original);
        reused += 1;
        request.once('error', (error: NodeJS.ErrnoException) => errors.push(error.code ?? error.message));
        (original.value as (socket: Socket, request: ClientRequest) => void).call(this, socket, request);
        onReuse?.(socket, request);
      },
    });
    const outcome: unknown = await client.send(call, credentials, 3000).catch((error: unknown) => error);
    return { outcome, reused, errors, requests: seen.length - 1, sameSocket: seen[1]?.socket === seen[0]?.socket };
  } finally {
    Object.defineProperty(prototype, 'reuseSocket', original);
    server.closeAllConnections();
    server.close();
  }
};

const answerOk = (_request: IncomingMessage, response: ServerResponse) => {
  ok(response);
};

/** An error as Node's TLS layer raises it, with OpenSSL's code. */
const tlsError = (code: string) => Object.assign(new Error(`${code.toLowerCase()}: TLS alert`), { code });

describe('reused-socket evidence: a pooled connection that fails', () => {
  it('with nothing written, by a socket failure: sent once more, on a new connection', async () => {
    // The server's close crossing the reuse: the socket is gone before the request is written.
    const result = await secondSendOnPooledConnection({ answer: answerOk, onReuse: (socket) => socket.destroy() });
    expect(result).toMatchObject({ outcome: { Code: 'OK' }, reused: 1, errors: ['ECONNRESET'], requests: 1, sameSocket: false });
  });

  it('with nothing written, by a TLS failure: sent once more, on a new connection', async () => {
    const result = await secondSendOnPooledConnection({
      answer: answerOk,
      // Once the request owns the socket (its error listener is on), before it writes a byte.
      onReuse: (socket, request) => request.once('socket', () => socket.destroy(tlsError('ERR_SSL_SSLV3_ALERT_BAD_RECORD_MAC'))),
    });
    expect(result).toMatchObject({ outcome: { Code: 'OK' }, reused: 1, errors: ['ERR_SSL_SSLV3_ALERT_BAD_RECORD_MAC'], requests: 1, sameSocket: false });
  });

  it('after the request was written, by a socket failure: never sent again', async () => {
    const result = await secondSendOnPooledConnection({ answer: (request) => request.socket.destroy() });
    expect(result).toMatchObject({
      outcome: { code: ConnectorErrorCodes.General, data: { failure: { kind: 'network', errorCode: 'ECONNRESET' }, attempts: 1 } },
      reused: 1,
      errors: ['ECONNRESET'],
      requests: 1,
      sameSocket: true,
    });
  });

  it('after the request was written, by a TLS failure: never sent again', async () => {
    let pooled: Socket | undefined;
    const result = await secondSendOnPooledConnection({
      onReuse: (socket) => (pooled = socket),
      // The server has read the whole request when the client's TLS layer fails.
      answer: () => pooled?.destroy(tlsError('ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC')),
    });
    expect(result).toMatchObject({
      outcome: {
        code: ConnectorErrorCodes.General,
        data: { failure: { kind: 'network', errorCode: 'ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC', duringHandshake: false }, attempts: 1 },
      },
      reused: 1,
      errors: ['ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC'],
      requests: 1,
      sameSocket: true,
    });
  });
});
