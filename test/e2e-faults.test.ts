/**
 * End to end: each sandbox fault switch ends in a clear `General` error within the configured
 * timeout, through Logto's loader and the built package, and no request is repeated.
 */
import { ConnectorError, ConnectorErrorCodes, TemplateType } from '@logto/connector-kit';
import { beforeEach, describe, expect, it } from 'vitest';

import { connectorConfig } from '../sandbox/connector-config.js';
import type { Fault } from '../sandbox/index.js';
import { useSandboxAndConnector } from './harness.js';
import { useScriptedServer } from './scripted-server.js';

/** The smallest timeout the config allows, so slow faults end quickly. */
const timeout = 1000;
/** What a send may take beyond its timeout: event-loop delay on a busy machine, never a second budget (2000 ms). */
const margin = 250;

const harness = useSandboxAndConnector({ flowControl: false });

beforeEach(() => {
  harness.sandbox.faults.clear();
});

const send = () =>
  harness.connector.sendMessage(
    { to: '8613800138000', type: TemplateType.SignIn, payload: { code: '123456' } },
    { ...connectorConfig(harness.sandbox), timeout }
  );

describe('fault switches', () => {
  it.each<[string, Fault, object, string]>([
    ['an answer later than the timeout', { kind: 'delay', ms: 3000 }, { kind: 'timeout', timeout }, 'within 1000 ms (timeout)'],
    ['no answer at all', { kind: 'hang' }, { kind: 'timeout', timeout }, 'within 1000 ms (timeout)'],
    ['headers, then nothing', { kind: 'headers-then-stall' }, { kind: 'timeout', timeout }, 'within 1000 ms (timeout)'],
    ['a body trickling in', { kind: 'trickle', bytesPerTick: 1, tickMs: 200 }, { kind: 'timeout', timeout }, 'within 1000 ms (timeout)'],
    ['the connection closed unanswered', { kind: 'close' }, { kind: 'network', errorCode: 'ECONNRESET' }, 'failed before Aliyun answered (ECONNRESET)'],
    ['a reset in the middle of the body', { kind: 'reset-mid-body' }, { kind: 'network' }, 'The message may have been sent'],
    ['an HTML 503 from a load balancer', { kind: 'http-error', status: 503 }, { kind: 'not-aliyun', httpStatus: 503 }, "answered HTTP 503 with a body that is not Aliyun's JSON"],
    ['a truncated JSON body', { kind: 'truncated-json' }, { kind: 'not-aliyun', httpStatus: 200 }, "answered HTTP 200 with a body that is not Aliyun's JSON"],
  ])('%s', async (_, fault, failure, says) => {
    harness.sandbox.faults.set(fault);
    const before = harness.sandbox.requests.count;
    const started = performance.now();
    const error: unknown = await send().catch((error_: unknown) => error_);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: ConnectorErrorCodes.General, data: { failure } });
    expect((error as ConnectorError & { data: { errorDescription: string } }).data.errorDescription).toContain(says);
    expect(elapsed).toBeLessThan(timeout + margin);
    expect(harness.sandbox.requests.count - before).toBe(1);
  });

  it('a delay within the timeout still delivers', async () => {
    harness.sandbox.faults.set({ kind: 'delay', ms: 200 }, 1);
    await expect(send()).resolves.toMatchObject({ BizId: expect.any(String) });
  });
});

describe('a redirect is never followed', () => {
  // Beside src/aliyun/aliyun-client-guarantees.test.ts (the client): here the built package through
  // Logto's loader, redirected to the sandbox itself, which would accept the reposted form.
  const redirector = useScriptedServer();

  it.each([301, 302, 303, 307, 308])('HTTP %i to the sandbox: reported with its status, and the sandbox never called', async (status) => {
    redirector.answer = (_body, _request, response) => {
      response.writeHead(status, { location: `${harness.sandbox.endpoint}/` }).end();
    };
    const before = { sandbox: harness.sandbox.requests.count, redirector: redirector.received.length };
    const error: unknown = await harness.connector
      .sendMessage({ to: '8613800138000', type: TemplateType.SignIn, payload: { code: '123456' } }, { ...connectorConfig(harness.sandbox), endpoint: redirector.endpoint })
      .catch((error_: unknown) => error_);
    expect(error).toMatchObject({ code: ConnectorErrorCodes.General, data: { failure: { kind: 'not-aliyun', httpStatus: status }, attempts: 1 } });
    expect({ sandbox: harness.sandbox.requests.count - before.sandbox, redirector: redirector.received.length - before.redirector }).toEqual({ sandbox: 0, redirector: 1 });
  });
});
