/**
 * End to end through Logto's loader and the built package: a configuration with the sandbox's
 * `backup` account as its fallback, sign-in sends reading it as Logto's stored configuration, and
 * the sandbox's outbox and request log as the witnesses of what each account sent. The 120 s
 * memory lives in the loaded module, as in Logto's process; the clock it reads is moved with
 * vitest's fake Date (only Date: timers and the network run for real).
 */
import { ConnectorError, ConnectorErrorCodes, TemplateType, type SmsConnector } from '@logto/connector-kit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { connectorPerSend, loadFactory, pressSend, withSendLog } from '../demo/logto-host.js';
import { accountAccess, connectorConfig, withFallback } from '../sandbox/connector-config.js';
import { useSandboxAndConnector } from './harness.js';
import { readLogLine } from './send-log-reader.js';

const harness = useSandboxAndConnector();
let stored: object = {};
let signInConnector: SmsConnector;
let warnings: string[] = [];
/** The send log of the sign-in sends. */
const sendLog: string[] = [];
const lastLine = () => readLogLine(sendLog.at(-1) ?? '');

beforeAll(async () => {
  signInConnector = await connectorPerSend(await withSendLog(await loadFactory(), (line) => sendLog.push(line)), async () => Promise.resolve(stored));
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
});

afterAll(() => {
  vi.useRealTimers();
});

beforeEach(() => {
  // Past the memory of the test before, whatever it learned.
  vi.setSystemTime(Date.now() + 121_000);
  const { sandbox } = harness;
  sandbox.clock.reset();
  sandbox.accounts.reset();
  sandbox.outbox.clear();
  sandbox.requests.clear();
  sandbox.faults.clear();
  stored = withFallback(connectorConfig(sandbox), accountAccess(sandbox, 'backup'));
  warnings = [];
  sendLog.length = 0;
  vi.spyOn(console, 'warn').mockImplementation((message: string) => {
    warnings.push(message);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

const signIn = async (to = '8613800138000') =>
  signInConnector.sendMessage({ to, type: TemplateType.SignIn, payload: { code: '123456', locale: 'en' } }) as Promise<Record<string, unknown>>;

const failure = async (sending: Promise<unknown>): Promise<ConnectorError> => {
  const error = await sending.then(() => 'sent', (error_: unknown) => error_);
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
};

/** Requests each account's key made, and the messages each account delivered. */
const witness = () => {
  const { sandbox } = harness;
  const by = (keyId: string) => sandbox.requests.list().filter(({ params }) => params.AccessKeyId === keyId).length;
  return {
    requests: { primary: by('LTAI5tSandboxDemoKeyId'), backup: by('LTAI5tSandboxBackupKeyId') },
    delivered: sandbox.outbox.list().map(({ account, phone }) => `${account ?? ''} ${phone}`),
  };
};

const outOfBalance = () => harness.sandbox.accounts.byName('primary')?.standing.set({ balance: { availableAmount: '0.00' } });

describe('sign-in sends with a fallback account', () => {
  it('primary out of balance: the fallback sends exactly one message and the log says why', async () => {
    outOfBalance();
    expect(await signIn()).toMatchObject({ account: 'fallback', primaryRefusal: 'isv.AMOUNT_NOT_ENOUGH' });
    expect(witness()).toEqual({ requests: { primary: 1, backup: 1 }, delivered: ['backup 13800138000'] });
    expect(warnings).toEqual([expect.stringContaining('the primary account could not send (isv.AMOUNT_NOT_ENOUGH); the fallback account sent the message')]);
    // The send log names the account, the primary's code, and the route and ids of the fallback's send.
    expect(sendLog).toHaveLength(1);
    expect(lastLine()).toMatchObject({
      outcome: 'accepted',
      account: 'fallback',
      primaryCode: 'isv.AMOUNT_NOT_ENOUGH',
      action: 'SendSms',
      template: harness.sandbox.outbox.list()[0]?.templateCode,
      bizId: harness.sandbox.outbox.list()[0]?.bizId,
    });
    expect(lastLine().primarySkipped).toBeUndefined();
  });

  it('primary per-number flow control: refused, nothing sent through the fallback', async () => {
    await signIn();
    const error = await failure(signIn());
    expect(error.code).toBe(ConnectorErrorCodes.RateLimitExceeded);
    expect(String(error)).toContain('isv.BUSINESS_LIMIT_CONTROL');
    expect(witness()).toEqual({ requests: { primary: 2, backup: 0 }, delivered: ['primary 13800138000'] });
    expect(sendLog.map((line) => readLogLine(line)).map(({ outcome, account, code, primaryCode }) => [outcome, account, code, primaryCode])).toEqual([
      ['accepted', 'primary', undefined, undefined],
      ['refused', 'primary', 'isv.BUSINESS_LIMIT_CONTROL', undefined],
    ]);
  });

  it('primary times out: refused, nothing sent through the fallback', async () => {
    stored = { ...stored, timeout: 1000 };
    harness.sandbox.faults.set({ kind: 'hang' }, 1);
    const error = await failure(signIn());
    expect(String(error)).toContain('within 1000 ms (timeout). The message may have been sent');
    // The primary's own error, as without a fallback: nothing was tried after it.
    expect(String(error)).not.toContain('fallback');
    expect(witness()).toEqual({ requests: { primary: 1, backup: 0 }, delivered: [] });
  });

  it('a SendSms whose answer is lost never reaches the fallback: exactly one message, from the primary', async () => {
    harness.sandbox.faults.set({ kind: 'lost-answer' }, 1);
    const error = await failure(signIn());
    expect(String(error)).toContain('The message may have been sent');
    expect(witness()).toEqual({ requests: { primary: 1, backup: 0 }, delivered: ['primary 13800138000'] });
  });

  it('during an outage the second send goes straight to the fallback; after 120 s the primary is tried again', async () => {
    outOfBalance();
    await signIn('8613800138000');
    expect(await signIn('8613900139000')).toMatchObject({ account: 'fallback', primaryRefusal: 'isv.AMOUNT_NOT_ENOUGH', primarySkipped: true });
    expect(witness().requests).toEqual({ primary: 1, backup: 2 });
    expect(lastLine()).toMatchObject({ outcome: 'accepted', account: 'fallback', primaryCode: 'isv.AMOUNT_NOT_ENOUGH', primarySkipped: 'true' });

    vi.setSystemTime(Date.now() + 120_000);
    harness.sandbox.accounts.reset();
    expect(await signIn('8613700137000')).toMatchObject({ account: 'primary' });
    expect(witness()).toEqual({
      requests: { primary: 2, backup: 2 },
      delivered: ['primary 13700137000', 'backup 13900139000', 'backup 13800138000'],
    });
  });

  it("the Console's Send never fails over: it tests the primary and says what a sign-in would do", async () => {
    outOfBalance();
    const error = await failure(pressSend(harness.connector, '8613800138000', stored));
    expect((error.data as { errorDescription: string }).errorDescription).toContain(
      'During sign-in the fallback account would have been tried next'
    );
    expect(witness()).toEqual({ requests: { primary: 1, backup: 0 }, delivered: [] });
  });
});
