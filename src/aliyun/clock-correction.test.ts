/**
 * The clock correction learned from `InvalidTimeStamp.Expired` belongs to one endpoint and one
 * AccessKey (aliyun-client's `clockKey`). The client-level angle, beside the end-to-end suite
 * (test/e2e-clock.test.ts): one client, two loopback servers, each test learning and checking
 * within itself, with the `Timestamp` of every request read off the wire.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { describe, expect, it } from 'vitest';

import { useScriptedServer } from '../../test/scripted-server.js';
import { createAliyunClient, type Credentials } from './aliyun-client.js';
import type { ApiCall } from '../plan/route.js';

const skew = 20 * 60 * 1000;
const skewed = useScriptedServer();
const onTime = useScriptedServer();

/** Answers like Aliyun with its clock `offset` ms ahead of ours; records each request's timestamp offset. */
const aliyunWithClock = (offset: number, seen: number[]) => (body: string, _request: IncomingMessage, response: ServerResponse) => {
  const serverNow = Date.now() + offset;
  const timestamp = Date.parse(new URLSearchParams(body).get('Timestamp') ?? '');
  // Whole minutes, and 0 rather than -0 for a timestamp a few ms behind.
  seen.push(Math.round((timestamp - Date.now()) / 60_000) || 0);
  const headers = { 'content-type': 'application/json', date: new Date(serverNow).toUTCString() };
  if (Math.abs(timestamp - serverNow) > 15 * 60 * 1000) {
    response.writeHead(400, headers).end(JSON.stringify({ Code: 'InvalidTimeStamp.Expired', Message: 'Specified time stamp or date value is expired.', RequestId: 'R' }));
    return;
  }
  response.writeHead(200, headers).end(JSON.stringify({ Code: 'OK', Message: 'OK', BizId: '1^0', RequestId: 'R' }));
};

const call = (endpoint: string): ApiCall => ({
  endpoint,
  action: 'SendSms',
  version: '2017-05-25',
  parameters: { Action: 'SendSms', Version: '2017-05-25', Format: 'JSON', PhoneNumbers: '13800138000' },
  route: { site: 'china', region: 'mainland', regionCode: '86', api: 'SendSms 2017-05-25', templateCode: 'SMS_1', to: '138****8000' },
});

const firstTenant: Credentials = { accessKeyId: 'LTAI5tFirstTenantKey', accessKeySecret: 'fakeSecretOne' };
const secondTenant: Credentials = { accessKeyId: 'LTAI5tSecondTenantKey', accessKeySecret: 'fakeSecretTwo' };

/** Minutes each request's timestamp was ahead of our clock, per send. */
const sendAndRead = async (client: ReturnType<typeof createAliyunClient>, endpoint: string, credentials: Credentials, seen: number[]) => {
  const from = seen.length;
  await client.send(call(endpoint), credentials, 3000);
  return seen.slice(from);
};

describe('the clock correction is kept per endpoint and AccessKey', () => {
  it('another AccessKey on the same endpoint is not moved by the first one\'s correction: it learns for itself', async () => {
    const client = createAliyunClient({ warn: () => undefined });
    const seen: number[] = [];
    skewed.answer = aliyunWithClock(skew, seen);
    // First tenant: refused on our clock, then sent on Aliyun's; later sends go straight on Aliyun's.
    expect(await sendAndRead(client, skewed.endpoint, firstTenant, seen)).toEqual([0, 20]);
    expect(await sendAndRead(client, skewed.endpoint, firstTenant, seen)).toEqual([20]);
    // Second tenant, same endpoint: starts on our clock.
    expect(await sendAndRead(client, skewed.endpoint, secondTenant, seen)).toEqual([0, 20]);
    expect(await sendAndRead(client, skewed.endpoint, secondTenant, seen)).toEqual([20]);
  });

  it('the same AccessKey on another endpoint is not moved either', async () => {
    const client = createAliyunClient({ warn: () => undefined });
    const seen: number[] = [];
    skewed.answer = aliyunWithClock(skew, seen);
    onTime.answer = aliyunWithClock(0, seen);
    expect(await sendAndRead(client, skewed.endpoint, firstTenant, seen)).toEqual([0, 20]);
    expect(await sendAndRead(client, onTime.endpoint, firstTenant, seen)).toEqual([0]);
    expect(await sendAndRead(client, skewed.endpoint, firstTenant, seen)).toEqual([20]);
  });
});
