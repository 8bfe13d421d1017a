import { once } from 'node:events';
import { Agent, createServer, type ClientRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { ConnectorErrorCodes } from '@logto/connector-kit';
import { describe, expect, it } from 'vitest';

import { createAliyunClient } from './aliyun-client.js';
import { useScriptedServer } from '../../test/scripted-server.js';
import type { ApiCall } from '../plan/route.js';
import { idleSocketMs } from './transport.js';

/** A loopback server whose answer each test chooses. */
const server = useScriptedServer();

const call = (): ApiCall => ({
  endpoint: server.endpoint,
  action: 'SendSms',
  version: '2017-05-25',
  parameters: { Action: 'SendSms', Version: '2017-05-25', Format: 'JSON', PhoneNumbers: '13800138000' },
  route: { site: 'china', region: 'mainland', regionCode: '86', api: 'SendSms 2017-05-25', templateCode: 'SMS_1', to: '138****8000' },
});

/** What a send may take beyond its timeout: event-loop delay on a busy machine, not a second budget. */
const margin = 250;

const credentials = { accessKeyId: 'LTAI5tFakeKeyId', accessKeySecret: 'fakeSecret' };
const client = createAliyunClient();

const json = (status: number, body: unknown) => (_body: string, _request: IncomingMessage, response: ServerResponse) => {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

describe('aliyun client over loopback', () => {
  it('resolves with the answer when Code is OK', async () => {
    server.answer = json(200, { Code: 'OK', Message: 'OK', BizId: '1^0', RequestId: 'R' });
    await expect(client.send(call(), credentials, 2000)).resolves.toEqual({ Code: 'OK', Message: 'OK', BizId: '1^0', RequestId: 'R' });
  });

  it('branches on Code, not HTTP status: a business error comes with 200', async () => {
    server.answer = json(200, { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控Permits:1', RequestId: 'R' });
    await expect(client.send(call(), credentials, 2000)).rejects.toMatchObject({
      code: ConnectorErrorCodes.RateLimitExceeded,
      data: { code: 'isv.BUSINESS_LIMIT_CONTROL', message: '触发分钟级流控Permits:1', requestId: 'R', httpStatus: 200 },
    });
  });

  it('reads a gateway error body with its 4xx status', async () => {
    server.answer = json(404, { RequestId: 'R', HostId: 'dysmsapi.aliyuncs.com', Code: 'InvalidAccessKeyId.NotFound', Message: 'Specified access key is not found.', Recommend: 'https://api.aliyun.com' });
    await expect(client.send(call(), credentials, 2000)).rejects.toMatchObject({
      code: ConnectorErrorCodes.General,
      data: { code: 'InvalidAccessKeyId.NotFound', httpStatus: 404 },
    });
  });

  it('reports an HTML 503 with its status and a trimmed body', async () => {
    server.answer = (_echoed, _request, response) => {
      response.writeHead(503, { 'content-type': 'text/html' }).end(`<html><body>Service Unavailable ${'x'.repeat(400)}</body></html>`);
    };
    const error: unknown = await client.send(call(), credentials, 2000).catch((error_: unknown) => error_);
    expect(error).toMatchObject({ code: ConnectorErrorCodes.General, data: { failure: { kind: 'not-aliyun', httpStatus: 503 } } });
    const { body } = (error as { data: { failure: { body: string } } }).data.failure;
    expect(body).toBe(`<html><body>Service Unavailable ${'x'.repeat(268)}…`);
  });

  it('reports a timeout within the configured bound and does not retry', async () => {
    const before = server.received.length;
    server.answer = () => undefined;
    const started = Date.now();
    await expect(client.send(call(), credentials, 1000)).rejects.toMatchObject({
      code: ConnectorErrorCodes.General,
      data: { failure: { kind: 'timeout', timeout: 1000 } },
    });
    // The README's bound: timeout plus a small margin (a doubled deadline would take 2000 ms).
    expect(Date.now() - started).toBeLessThan(1000 + margin);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.received.length - before).toBe(1);
  });

  it('reports a refused connection by name', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    const error: unknown = await client.send({ ...call(), endpoint: `http://127.0.0.1:${port}` }, credentials, 2000).catch((error_: unknown) => error_);
    expect(error).toMatchObject({ data: { failure: { kind: 'network', errorCode: 'ECONNREFUSED' }, attempts: 2 } });
    expect((error as { data: { errorDescription: string } }).data.errorDescription).toContain(
      'connection refused (ECONNREFUSED); check endpoint and any firewall or proxy on the way. This was the second attempt; the first never reached Aliyun.'
    );
  });

  it('sends once more when a reused keep-alive socket turns out closed before anything was written', async () => {
    server.answer = json(200, { Code: 'OK', Message: 'OK', BizId: '1^0', RequestId: 'R' });
    await client.send(call(), credentials, 2000);
    // The next send gets the idle socket back, already dead, as when the server's close crosses it.
    const { prototype } = Agent;
    const descriptor = Object.getOwnPropertyDescriptor(prototype, 'reuseSocket')!;
    Object.defineProperty(prototype, 'reuseSocket', {
      ...descriptor,
      value(this: Agent, socket: Socket, request: ClientRequest) {
        Object.defineProperty(prototype, 'reuseSocket', descriptor);
        (descriptor.value as (socket: Socket, request: ClientRequest) => void).call(this, socket, request);
        socket.destroy();
      },
    });
    const before = server.received.length;
    await expect(client.send(call(), credentials, 2000)).resolves.toMatchObject({ Code: 'OK' });
    expect(server.received.length - before).toBe(1);
  });

  it(`closes a keep-alive connection idle for ${idleSocketMs} ms itself, before a server would (the reuse race)`, async () => {
    server.answer = json(200, { Code: 'OK', Message: 'OK', BizId: '1^0', RequestId: 'R' });
    let socket: Socket | undefined;
    const previous = server.answer;
    server.answer = (body, request, response) => {
      socket = request.socket;
      previous(body, request, response);
    };
    await client.send(call(), credentials, 2000);
    const idleFrom = performance.now();
    // The scripted server keeps idle connections for 5 s (Node's default): only the client can close it sooner.
    await once(socket!, 'close');
    const idle = performance.now() - idleFrom;
    expect(idle).toBeGreaterThanOrEqual(idleSocketMs - 50);
    expect(idle).toBeLessThan(idleSocketMs + 800);
  });

  it(`waits on a busy connection longer than ${idleSocketMs} ms: the idle limit is for pooled connections only`, async () => {
    server.answer = (body, request, response) => {
      setTimeout(() => {
        json(200, { Code: 'OK', Message: 'OK', BizId: '1^0', RequestId: 'slow' })(body, request, response);
      }, idleSocketMs + 500);
    };
    await expect(client.send(call(), credentials, idleSocketMs + 3000)).resolves.toMatchObject({ RequestId: 'slow' });
  });

  it('never repeats a request whose connection closed after it was sent', async () => {
    const before = server.received.length;
    server.answer = (_body, request) => {
      request.socket.destroy();
    };
    await expect(client.send(call(), credentials, 2000)).rejects.toMatchObject({
      data: { failure: { kind: 'network', errorCode: 'ECONNRESET' }, attempts: 1 },
    });
    expect(server.received.length - before).toBe(1);
  });
});

describe('clock skew', () => {
  const skew = 20 * 60 * 1000;
  const timestamps: string[] = [];

  /** Answers like Aliyun with its clock 20 minutes ahead of ours. */
  const aheadOfUs = (body: string, _request: IncomingMessage, response: ServerResponse) => {
    const timestamp = new URLSearchParams(body).get('Timestamp') ?? '';
    timestamps.push(timestamp);
    const serverNow = Date.now() + skew;
    const headers = { 'content-type': 'application/json', date: new Date(serverNow).toUTCString() };
    if (Math.abs(Date.parse(timestamp) - serverNow) > 15 * 60 * 1000) {
      response.writeHead(400, headers).end(JSON.stringify({ Code: 'InvalidTimeStamp.Expired', Message: 'Specified time stamp or date value is expired.', RequestId: 'R' }));
      return;
    }
    response.writeHead(200, headers).end(JSON.stringify({ Code: 'OK', Message: 'OK', BizId: '1^0', RequestId: 'R' }));
  };

  it("retries once, signed with the server's clock from its Date header, and keeps the correction", async () => {
    const warnings: string[] = [];
    const skewed = createAliyunClient({ warn: (message) => warnings.push(message) });
    server.answer = aheadOfUs;
    timestamps.length = 0;
    await expect(skewed.send(call(), credentials, 2000)).resolves.toMatchObject({ Code: 'OK' });
    expect(timestamps).toHaveLength(2);
    expect(Date.parse(timestamps[1]!) - Date.parse(timestamps[0]!)).toBeGreaterThan(skew - 5000);
    expect(warnings).toEqual([expect.stringMatching(/this host's clock is 1[12]\d\d s off Aliyun's/)]);
    await skewed.send(call(), credentials, 2000);
    expect(timestamps).toHaveLength(3);
  });

  it('says the host clock is off when the corrected request is refused too', async () => {
    server.answer = (_body, _request, response) => {
      response
        .writeHead(400, { 'content-type': 'application/json', date: new Date(Date.now() + skew).toUTCString() })
        .end(JSON.stringify({ Code: 'InvalidTimeStamp.Expired', Message: 'Specified time stamp or date value is expired.', RequestId: 'R' }));
    };
    const error: unknown = await createAliyunClient({ warn: () => undefined }).send(call(), credentials, 2000).catch((error_: unknown) => error_);
    expect(error).toMatchObject({ code: ConnectorErrorCodes.General, data: { code: 'InvalidTimeStamp.Expired', attempts: 2 } });
    expect((error as { data: { errorDescription: string } }).data.errorDescription).toContain(
      "It was refused again when signed with Aliyun's own clock: this host's clock is 20 minutes off, so fix the clock (NTP)."
    );
  });
});
