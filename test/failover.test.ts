/**
 * Sign-in sends with a fallback account, against the sandbox's two accounts (`primary`, `backup`)
 * and a few loopback servers, with the connector's clock injected: which failures fail over, the
 * 120 s memory, one deadline for both accounts, what is reported when both fail, and the Console's
 * Send, which tests the primary only and never touches the memory.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { ConnectorError, TemplateType } from '@logto/connector-kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { accountAccess, connectorConfig, withFallback } from '../sandbox/connector-config.js';
import { startSandbox, type Sandbox } from '../sandbox/index.js';
import { createAliyunSmsConnector } from '../src/index.js';

let sandbox: Sandbox;
let clock = 0;
let warnings: string[] = [];
/** Each test's own process state (client, memory), as a fresh Logto process would have. */
let options: Parameters<typeof createAliyunSmsConnector>[0] = {};

beforeAll(async () => {
  sandbox = await startSandbox();
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(() => {
  sandbox.clock.reset();
  sandbox.accounts.reset();
  sandbox.outbox.clear();
  sandbox.requests.clear();
  sandbox.faults.clear();
  sandbox.account.resetDenials();
  clock = Date.now();
  warnings = [];
  options = { now: () => new Date(clock), warn: (message) => warnings.push(message) };
});

const primaryKeyId = 'LTAI5tSandboxDemoKeyId';
const backupKeyId = 'LTAI5tSandboxBackupKeyId';

const withBackup = (change: (config: ReturnType<typeof connectorConfig>) => object = (config) => config) =>
  withFallback(change(connectorConfig(sandbox)) as ReturnType<typeof connectorConfig>, accountAccess(sandbox, 'backup'));

/** Requests that reached the sandbox, per AccessKey ID. */
const requests = () => {
  const by = (keyId: string) => sandbox.requests.list().filter(({ params }) => params.AccessKeyId === keyId).length;
  return { primary: by(primaryKeyId), backup: by(backupKeyId) };
};

type StandingChange = Parameters<NonNullable<ReturnType<Sandbox['accounts']['byName']>>['standing']['set']>[0];

const standing = (name: string, change: StandingChange) => {
  sandbox.accounts.byName(name)?.standing.set(change);
};

/** A sign-in send with the stored configuration `config`, as Logto makes one. */
const signIn = async (config: object, to = '8613800138000') =>
  (await createAliyunSmsConnector(options)({ getConfig: async () => Promise.resolve(config) })).sendMessage({
    to,
    type: TemplateType.SignIn,
    payload: { code: '123456', locale: 'en' },
  }) as Promise<Record<string, unknown>>;

/** The Console's Send with the form's configuration `config`. */
const consoleSend = async (config: object) =>
  (await createAliyunSmsConnector(options)({ getConfig: async () => Promise.reject(new Error('not read')) })).sendMessage(
    { to: '8613800138000', type: TemplateType.Generic, payload: { code: '000000' } },
    config
  );

const failure = async (sending: Promise<unknown>): Promise<ConnectorError> => {
  const error = await sending.then(() => 'sent', (error_: unknown) => error_);
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
};

const senders = () => sandbox.outbox.list().map(({ account }) => account);

describe('the primary out of balance', () => {
  it('the fallback sends once, says which account and why; the next sends go to the fallback first for 120 s, then the primary again', async () => {
    const config = withBackup();
    standing('primary', { balance: { availableAmount: '0.00' } });
    expect(await signIn(config)).toMatchObject({ account: 'fallback', primaryRefusal: 'isv.AMOUNT_NOT_ENOUGH', BizId: expect.any(String) });
    expect(senders()).toEqual(['backup']);
    expect(requests()).toEqual({ primary: 1, backup: 1 });
    expect(warnings).toEqual([
      'connector-aliyun-sms: the primary account could not send (isv.AMOUNT_NOT_ENOUGH); the fallback account sent the message; for the next 120 s sign-in sends go to the fallback account first.',
    ]);

    clock += 119_999;
    expect(await signIn(config, '8613900139000')).toMatchObject({ account: 'fallback', primaryRefusal: 'isv.AMOUNT_NOT_ENOUGH', primarySkipped: true });
    expect(requests()).toEqual({ primary: 1, backup: 2 });
    expect(warnings).toHaveLength(1);

    standing('primary', { balance: { availableAmount: '100.00' } });
    clock += 1;
    const receipt = await signIn(config, '8613700137000');
    expect(receipt).toMatchObject({ account: 'primary' });
    expect(receipt).not.toHaveProperty('primaryRefusal');
    expect(requests()).toEqual({ primary: 2, backup: 2 });
    await signIn(config, '8613600136000');
    expect(requests()).toEqual({ primary: 3, backup: 2 });
  });
});

describe('every account-wide refusal the sandbox gives fails over and is remembered', () => {
  it.each<[string, () => object, string]>([
    ['in arrears', () => (standing('primary', { state: 'arrears' }), withBackup()), 'isv.OUT_OF_SERVICE'],
    ['flagged', () => (standing('primary', { state: 'abnormal' }), withBackup()), 'isv.ACCOUNT_ABNORMAL'],
    ['a wrong secret', () => withBackup((config) => ({ ...config, accessKeySecret: 'not-the-secret' })), 'SignatureDoesNotMatch'],
    ['an unknown AccessKey', () => withBackup((config) => ({ ...config, accessKeyId: 'LTAI5tNoSuchKey' })), 'InvalidAccessKeyId.NotFound'],
    ['RAM denies SendSms', () => (sandbox.account.setDenial(primaryKeyId, { actions: ['dysms:SendSms'], style: 'Forbidden.RAM' }), withBackup()), 'Forbidden.RAM'],
  ])('%s (%s)', async (_, arrange, code) => {
    const config = arrange();
    expect(await signIn(config)).toMatchObject({ account: 'fallback', primaryRefusal: code });
    expect(await signIn(config, '8613900139000')).toMatchObject({ account: 'fallback', primarySkipped: true });
    expect(senders()).toEqual(['backup', 'backup']);
  });
});

describe('a signature or template refusal', () => {
  it('fails over for that send and leaves the order: the next send tries the primary first', async () => {
    const config = withBackup((primary) => ({
      ...primary,
      templates: primary.templates.map((template) => (template.usageType === 'SignIn' ? { ...template, templateCode: 'SMS_000000000' } : template)),
    }));
    expect(await signIn(config)).toMatchObject({ account: 'fallback', primaryRefusal: 'isv.SMS_TEMPLATE_ILLEGAL' });
    expect(await signIn(config, '8613900139000')).toMatchObject({ account: 'fallback', primaryRefusal: 'isv.SMS_TEMPLATE_ILLEGAL' });
    expect(requests()).toEqual({ primary: 2, backup: 2 });
    expect(warnings[0]).toBe('connector-aliyun-sms: the primary account could not send (isv.SMS_TEMPLATE_ILLEGAL); the fallback account sent the message.');
  });
});

/** A loopback server answering every request with `answer` (or never, for `undefined`); its endpoint and a counter. */
const loopback = async (answer?: { status: number; body: object }) => {
  let count = 0;
  const server = http.createServer((request, response) => {
    count += 1;
    request.resume();
    if (answer) {
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get count() {
      return count;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
};

/** The primary on `endpoint`, the sandbox's backup account (on the sandbox) as its fallback. */
const primaryOn = (endpoint: string, timeout = 1000) => {
  const config = withBackup();
  return { ...config, endpoint, timeout, fallback: { ...config.fallback, endpoint: sandbox.endpoint } };
};

describe('never fails over where a message may have left, or where the number is at fault', () => {
  it('per-number flow control on the primary: refused, nothing through the fallback', async () => {
    const config = withBackup();
    await signIn(config);
    const error = await failure(signIn(config));
    expect(String(error)).toContain('isv.BUSINESS_LIMIT_CONTROL');
    expect(requests()).toEqual({ primary: 2, backup: 0 });
    expect(senders()).toEqual(['primary']);
  });

  it.each<[string, Parameters<Sandbox['faults']['set']>[0], string[]]>([
    ['the primary never answers (timeout)', { kind: 'hang' }, []],
    ['the answer is lost after the send ran', { kind: 'lost-answer' }, ['primary']],
    ['an HTML 503 from a proxy', { kind: 'http-error', status: 503 }, []],
    ['a connection reset mid-answer', { kind: 'reset-mid-body' }, []],
  ])('%s: refused, nothing through the fallback', async (_, fault, sent) => {
    sandbox.faults.set(fault, 1);
    const error = await failure(signIn({ ...withBackup(), timeout: 1000 }));
    // The primary's own error, as without a fallback.
    expect(String(error)).not.toContain('fallback');
    expect(requests()).toEqual({ primary: 1, backup: 0 });
    expect(senders()).toEqual(sent);
  });

  it.each<[string, object]>([
    ['PNVS-style OK with Success: false', { Code: 'OK', Message: 'OK', Success: false, RequestId: 'R1' }],
    ['isp.SYSTEM_ERROR', { Code: 'isp.SYSTEM_ERROR', Message: 'system error', RequestId: 'R2' }],
    ['a 5xx answer in Aliyun’s shape, even with a failover code', { Code: 'isv.AMOUNT_NOT_ENOUGH', Message: 'x', RequestId: 'R3' }],
  ])('%s: refused, nothing through the fallback', async (name, body) => {
    const server = await loopback({ status: name.startsWith('a 5xx') ? 503 : 200, body });
    await failure(signIn(primaryOn(server.endpoint)));
    expect([server.count, requests().backup]).toEqual([1, 0]);
    await server.close();
  });

  it('an OK without a BizId is a send: nothing through the fallback', async () => {
    const server = await loopback({ status: 200, body: { Code: 'OK', Message: 'OK', RequestId: 'R4' } });
    expect(await signIn(primaryOn(server.endpoint))).toMatchObject({ account: 'primary', RequestId: 'R4' });
    expect(requests().backup).toBe(0);
    await server.close();
  });
});

describe('a timeout of the fallback, tried first during an outage', () => {
  it('never goes on to the primary, even with time left: the fallback may have delivered', async () => {
    const hanging = await loopback();
    const config = withBackup();
    const stored = { ...config, timeout: 3000, fallback: { ...config.fallback, endpoint: hanging.endpoint, timeout: 1000 } };
    standing('primary', { balance: { availableAmount: '0.00' } });
    await failure(signIn(stored));
    standing('primary', { balance: { availableAmount: '100.00' } });
    const error = await failure(signIn(stored, '8613900139000'));
    expect(String(error)).toContain('The fallback account sent this message, because the primary refused (isv.AMOUNT_NOT_ENOUGH) less than 120 s ago, and could not send: No complete answer');
    expect(requests().primary).toBe(1);
    expect(hanging.count).toBe(2);
    await hanging.close();
  });
});

describe('a request that provably never left', () => {
  it('connection refused: the fallback sends, for that send only', async () => {
    const server = await loopback();
    await server.close();
    const config = primaryOn(server.endpoint, 3000);
    expect(await signIn(config)).toMatchObject({ account: 'fallback', primaryRefusal: 'ECONNREFUSED' });
    const again = await signIn(config, '8613900139000');
    expect(again).toMatchObject({ account: 'fallback', primaryRefusal: 'ECONNREFUSED' });
    expect(again).not.toHaveProperty('primarySkipped');
  });
});

describe('one deadline for the whole send', () => {
  it('the fallback gets what is left of timeout, never a timeout of its own on top', async () => {
    const hanging = await loopback();
    const config = withBackup();
    standing('primary', { balance: { availableAmount: '0.00' } });
    sandbox.faults.set({ kind: 'delay', ms: 700 }, 1);
    const started = performance.now();
    const error = await failure(signIn({ ...config, timeout: 1500, fallback: { ...config.fallback, endpoint: hanging.endpoint } }));
    const elapsed = performance.now() - started;
    const fallbackBudget = Number(/within (\d+) ms/.exec(String(error))?.[1]);
    expect(fallbackBudget).toBeGreaterThan(200);
    expect(fallbackBudget).toBeLessThanOrEqual(800);
    // The promise of docs/security.md: the whole send ends within timeout and a small margin.
    expect(elapsed).toBeLessThan(1500 + 250);
    await hanging.close();
  });
});

describe('both accounts refuse', () => {
  it('the audit log’s copy names both refusals; the end user reads one short sentence and no code', async () => {
    standing('primary', { balance: { availableAmount: '0.00' } });
    standing('backup', { state: 'arrears' });
    const error = await failure(signIn(withBackup()));
    const audit = String(error);
    expect(audit).toContain('The primary account could not send: The Aliyun account balance is too low to send SMS; top up the account. (Aliyun isv.AMOUNT_NOT_ENOUGH');
    expect(audit).toContain('The fallback account was tried next and could not send either: Aliyun has suspended SMS for this account');
    expect(audit).toContain('isv.OUT_OF_SERVICE');
    expect(Object.keys(error.data as object).sort()).toEqual(['errorDescription', 'requestId']);
    expect((error.data as { errorDescription: string }).errorDescription).toBe(
      'The verification code could not be sent by SMS. Please try again later, or contact support if this keeps happening.'
    );
    expect(senders()).toEqual([]);
  });
});

describe('secrets', () => {
  it('neither secret nor any signature appears in the error when both fail, even from a proxy that echoes the request', async () => {
    const echo = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      // The signature first, raw and form-encoded, so the excerpt of the answer the error keeps holds it.
      const signature = () => new URLSearchParams(body).get('Signature') ?? '';
      request.on('end', () => response.writeHead(502, { 'content-type': 'text/html' }).end(`<html>${signature()} ${encodeURIComponent(signature())} ${body}</html>`));
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    const { port } = echo.address() as AddressInfo;
    standing('primary', { balance: { availableAmount: '0.00' } });
    const config = withBackup();
    const error = await failure(signIn({ ...config, fallback: { ...config.fallback, endpoint: `http://127.0.0.1:${port}` } }));
    const everything = `${String(error)} ${JSON.stringify(error.data)} ${error.stack ?? ''}`;
    expect(everything).toContain('[redacted]');
    for (const secret of [config.accessKeySecret, config.fallbackAccessKeySecret]) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).toContain('<html>[redacted] [redacted] AccessKeyId=LTAI5tSandboxBackupKeyId');
    echo.closeAllConnections();
    await new Promise((resolve) => echo.close(resolve));
  });
});

describe("the Console's Send tests the primary only", () => {
  it('never fails over, says a sign-in would have, and neither writes nor reads the memory', async () => {
    const config = withBackup();
    standing('primary', { balance: { availableAmount: '0.00' } });
    const error = await failure(consoleSend(config));
    expect((error.data as { errorDescription: string }).errorDescription).toMatch(
      / During sign-in the fallback account would have been tried next \(the account cannot pay: .*\); Send tests the primary account only, and doctor --send tests both\.$/
    );
    expect(requests()).toEqual({ primary: 1, backup: 0 });
    // Not written: a sign-in still tries the primary first, and only then learns.
    await signIn(config);
    expect(requests()).toEqual({ primary: 2, backup: 1 });
    // Not read: with the primary remembered as down, Send still tests the primary.
    await failure(consoleSend(config));
    expect(requests()).toEqual({ primary: 3, backup: 1 });
    expect(senders()).toEqual(['backup']);
  });

  it('says nothing of a fallback for a refusal that would not fail over, or without one', async () => {
    standing('primary', { balance: { availableAmount: '0.00' } });
    expect(String(await failure(consoleSend(connectorConfig(sandbox))))).not.toContain('fallback');
    sandbox.faults.set({ kind: 'http-error' }, 1);
    expect(String(await failure(consoleSend(withBackup())))).not.toContain('fallback');
  });
});

describe('the validated-configuration cache (src/index.ts) keeps the fallback in its key', () => {
  it('an edit to the fallback alone is seen by the very next send', async () => {
    standing('primary', { balance: { availableAmount: '0.00' } });
    const config = withBackup();
    await failure(signIn({ ...config, fallbackAccessKeySecret: 'not-the-backup-secret' }));
    expect(await signIn(config, '8613900139000')).toMatchObject({ account: 'fallback', primarySkipped: true });
    expect(senders()).toEqual(['backup']);
  });
});
