/**
 * One deadline for the whole send, retry included: the second angle beside
 * aliyun-client-guarantees.test.ts (a slow TLS failure, then silence, at the client). Here the
 * retry has the other cause, Aliyun refusing the timestamp, and the send goes through the
 * connector as Logto calls it, with `timeout` read from the configuration.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { ConnectorErrorCodes, TemplateType } from '@logto/connector-kit';
import { beforeAll, describe, expect, it } from 'vitest';

import { useScriptedServer } from '../../test/scripted-server.js';
import { createAliyunSmsConnector } from '../index.js';
import { loadTransport } from './transport.js';

const server = useScriptedServer();
/** What a send may take beyond its timeout: event-loop delay on a busy machine, not a second budget. */
const margin = 250;

beforeAll(async () => {
  // The first send of a process imports got inside its deadline; keep that out of the timing.
  await loadTransport();
});

/** Aliyun with its clock 20 minutes ahead, answering the first request after 600 ms and never the second. */
const slowRefusalThenSilence = () => {
  let requests = 0;
  return (_body: string, _request: IncomingMessage, response: ServerResponse) => {
    requests += 1;
    if (requests === 1) {
      setTimeout(() => {
        response
          .writeHead(400, { 'content-type': 'application/json', date: new Date(Date.now() + 20 * 60 * 1000).toUTCString() })
          .end(JSON.stringify({ Code: 'InvalidTimeStamp.Expired', Message: 'Specified time stamp or date value is expired.', RequestId: 'R' }));
      }, 600);
    }
  };
};

describe('a retry spends what is left of the one deadline', () => {
  it('after a refused timestamp that took 600 ms, the corrected request gets only the rest of timeout 1000', async () => {
    server.answer = slowRefusalThenSilence();
    const { sendMessage } = await createAliyunSmsConnector({ warn: () => undefined })({ getConfig: () => Promise.reject(new Error('unused')) });
    const config = {
      accessKeyId: 'LTAI5tFakeKeyId',
      accessKeySecret: 'fakeSecret',
      signName: '登录验证',
      templates: [
        { usageType: 'SignIn', templateCode: 'SMS_1' },
        { usageType: 'Register', templateCode: 'SMS_2' },
        { usageType: 'ForgotPassword', templateCode: 'SMS_3' },
        { usageType: 'Generic', templateCode: 'SMS_4' },
      ],
      endpoint: server.endpoint,
      timeout: 1000,
    };
    const before = server.received.length;
    const started = performance.now();
    const error: unknown = await sendMessage({ to: '8613800138000', type: TemplateType.SignIn, payload: { code: '123456' } }, config).catch(
      (error_: unknown) => error_
    );
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ code: ConnectorErrorCodes.General, data: { failure: { kind: 'timeout', timeout: 1000 }, attempts: 2 } });
    expect(server.received.length - before).toBe(2);
    // A fresh budget for the second request would end near 1600 ms.
    expect(elapsed).toBeLessThan(1000 + margin);
  });
});
