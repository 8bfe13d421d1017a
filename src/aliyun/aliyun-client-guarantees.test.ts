/**
 * The client's promises that a lenient test would let slip: a retry spends what is left of the one
 * deadline, a redirect is never followed, and neither the secret nor a signature survives in what
 * a hostile server echoes, even at the very start of a short message.
 */
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';

import { ConnectorErrorCodes } from '@logto/connector-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAliyunClient } from './aliyun-client.js';
import { useScriptedServer } from '../../test/scripted-server.js';
import type { ApiCall } from '../plan/route.js';

const server = useScriptedServer();

const call = (endpoint = server.endpoint): ApiCall => ({
  endpoint,
  action: 'SendSms',
  version: '2017-05-25',
  parameters: { Action: 'SendSms', Version: '2017-05-25', Format: 'JSON', PhoneNumbers: '13800138000' },
  route: { site: 'china', region: 'mainland', regionCode: '86', api: 'SendSms 2017-05-25', templateCode: 'SMS_1', to: '138****8000' },
});

const secret = 'S3cretCanaryDoNotLeak7f1e';
const credentials = { accessKeyId: 'LTAI5tFakeKeyId', accessKeySecret: secret };
const client = createAliyunClient();
/** What a send may take beyond its timeout: event-loop delay on a busy machine, not a second budget. */
const margin = 250;

/** Everything an error carries that a log or a UI might print. */
const surfaceOf = (error: unknown) => `${(error as Error).message}\n${JSON.stringify(error)}\n${(error as Error).stack ?? ''}`;

describe('one deadline for the whole send', () => {
  /** Connection 1: 600 ms of silence, then bytes that are not TLS (a handshake failure). Later: silence. */
  const connections: Socket[] = [];
  const tcp = createTcpServer((socket) => {
    connections.push(socket);
    if (connections.length === 1) {
      setTimeout(() => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'), 600);
    }
  });
  beforeAll(async () => {
    tcp.listen(0, '127.0.0.1');
    await once(tcp, 'listening');
    // The first send of a process imports got inside its own deadline; keep that out of this test.
    server.answer = (_body, _request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"Code":"OK","Message":"OK","BizId":"1^0","RequestId":"R"}');
    };
    await client.send(call(), credentials, 2000);
  });
  afterAll(async () => {
    for (const socket of connections) {
      socket.destroy();
    }
    tcp.close();
    await once(tcp, 'close');
  });

  it('a retry after a slow, provably unsent failure gets only what is left of the timeout', async () => {
    const endpoint = `https://127.0.0.1:${(tcp.address() as AddressInfo).port}`;
    const started = performance.now();
    const error: unknown = await client.send(call(endpoint), credentials, 1000).catch((error_: unknown) => error_);
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ code: ConnectorErrorCodes.General, data: { failure: { kind: 'timeout', timeout: 1000 }, attempts: 2 } });
    expect(connections).toHaveLength(2);
    // A fresh budget for the second attempt would end near 1600 ms.
    expect(elapsed).toBeLessThan(1000 + margin);
  });
});

describe('redirects are never followed', () => {
  /** A second server a redirect points at; it records every request that reaches it. */
  const elsewhere = useScriptedServer();

  it.each([301, 302, 307, 308])('HTTP %i with a Location to another server: reported, and the other server never called', async (status) => {
    elsewhere.answer = (_body, _request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"Code":"OK","Message":"OK","BizId":"1^0","RequestId":"R"}');
    };
    server.answer = (_body, _request, response) => {
      response.writeHead(status, { location: `${elsewhere.endpoint}/` }).end();
    };
    const error: unknown = await client.send(call(), credentials, 2000).catch((error_: unknown) => error_);
    expect(error).toMatchObject({ code: ConnectorErrorCodes.General, data: { failure: { kind: 'not-aliyun', httpStatus: status }, attempts: 1 } });
    expect(elsewhere.received).toEqual([]);
  });
});

describe('a hostile server echoes the secret and the signature first', () => {
  /** The signature of the last request, as sent in the form body (percent-encoded) and decoded. */
  const lastSignature = (body: string) => {
    const encoded = /(?:^|&)Signature=([^&]*)/.exec(body)?.[1] ?? '';
    return { encoded, raw: decodeURIComponent(encoded) };
  };

  const echo = (status: number, text: (signature: { encoded: string; raw: string }) => string, type: string) =>
    (body: string, _request: IncomingMessage, response: ServerResponse) => {
      response.writeHead(status, { 'content-type': type }).end(text(lastSignature(body)));
    };

  it.each<[string, (body: string, request: IncomingMessage, response: ServerResponse) => void]>([
    [
      "in Aliyun's short Message",
      echo(400, ({ encoded, raw }) => JSON.stringify({ Code: 'SignatureDoesNotMatch', Message: `${secret} ${raw} ${encoded}`, RequestId: 'R' }), 'application/json'),
    ],
    [
      'in an unknown code’s Message',
      echo(200, ({ encoded, raw }) => JSON.stringify({ Code: 'isv.NEW_CODE', Message: `${raw}${secret}${encoded}`, RequestId: 'R' }), 'application/json'),
    ],
    ['in a short non-JSON body', echo(502, ({ encoded, raw }) => `${secret} ${raw} ${encoded} bad gateway`, 'text/plain')],
  ])('%s: neither appears in the error', async (_, answer) => {
    const bodies: string[] = [];
    server.answer = (body, request, response) => {
      bodies.push(body);
      answer(body, request, response);
    };
    const error: unknown = await client.send(call(), credentials, 2000).catch((error_: unknown) => error_);
    expect(error).toMatchObject({ code: ConnectorErrorCodes.General });
    const { encoded, raw } = lastSignature(bodies.at(-1) ?? '');
    expect(raw).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    const surface = surfaceOf(error);
    expect(surface).toContain('[redacted]');
    expect({ secret: surface.includes(secret), raw: surface.includes(raw), encoded: surface.includes(encoded) }).toEqual({
      secret: false,
      raw: false,
      encoded: false,
    });
  });
});
