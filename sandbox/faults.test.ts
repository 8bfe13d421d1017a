/**
 * Every fault kind as a raw `node:http` client sees it, plus the `times` counter.
 *
 * @module
 */
import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.js';
import type { Fault, Sandbox } from './index.js';
import { percentEncode } from './signature-v1.js';
import { sendSms, signParams } from './test-client.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ flowControl: false });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.outbox.clear();
});

const signIn = { PhoneNumbers: '13800138000', SignName: 'Logto沙箱', TemplateCode: 'SMS_460100001', TemplateParam: '{"code":"123456"}' };

/** What a client saw within `waitMs`. */
type Observation = { status?: number; contentType?: string; body: string; ended: boolean; error?: string; timedOut: boolean; elapsedMs: number };

function observe(waitMs: number): Promise<Observation> {
  const params = signParams(sandbox, { Action: 'SendSms', Version: '2017-05-25', ...signIn });
  const form = Object.entries(params).map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&');
  const started = Date.now();
  const seen: Observation = { body: '', ended: false, timedOut: false, elapsedMs: 0 };
  return new Promise((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      seen.elapsedMs = Date.now() - started;
      resolve(seen);
    };
    const outgoing = request(`${sandbox.endpoint}/`, {
      method: 'POST',
      agent: false,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    const timer = setTimeout(() => {
      seen.timedOut = true;
      outgoing.destroy();
      finish();
    }, waitMs);
    outgoing.on('response', (response) => {
      seen.status = response.statusCode;
      seen.contentType = response.headers['content-type'];
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (seen.body += chunk));
      response.on('end', () => {
        seen.ended = true;
        finish();
      });
      response.on('error', (error: NodeJS.ErrnoException) => {
        seen.error = error.code ?? error.message;
        finish();
      });
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (!seen.timedOut) {
        seen.error = error.code ?? error.message;
        finish();
      }
    });
    outgoing.end(form);
  });
}

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('faults that replace the answer deliver nothing', () => {
  it.each([
    { kind: 'hang', fault: { kind: 'hang' }, expected: { timedOut: true, body: '' } },
    { kind: 'close', fault: { kind: 'close' }, expected: { error: 'ECONNRESET', timedOut: false } },
    { kind: 'http-error (default 503)', fault: { kind: 'http-error' }, expected: { status: 503, contentType: 'text/html', ended: true } },
    { kind: 'http-error 502', fault: { kind: 'http-error', status: 502 }, expected: { status: 502, contentType: 'text/html', ended: true } },
    { kind: 'truncated-json', fault: { kind: 'truncated-json' }, expected: { status: 200, contentType: 'application/json;charset=utf-8', ended: true } },
    { kind: 'headers-then-stall', fault: { kind: 'headers-then-stall' }, expected: { status: 200, body: '', ended: false, timedOut: true } },
    { kind: 'reset-mid-body', fault: { kind: 'reset-mid-body' }, expected: { status: 200, ended: false, error: 'ECONNRESET', timedOut: false } },
  ] as Array<{ kind: string; fault: Fault; expected: Partial<Observation> }>)('$kind', async ({ fault, expected }) => {
    sandbox.faults.set(fault);
    const seen = await observe(400);
    expect(seen).toMatchObject(expected);
    expect(seen.status).toBe(expected.status);
    expect(sandbox.outbox.list()).toEqual([]);
    if (fault.kind === 'truncated-json' || fault.kind === 'reset-mid-body') {
      expect(seen.body.length).toBeGreaterThan(10);
      expect(seen.body.startsWith('{"RequestId":')).toBe(true);
      expect(parses(seen.body)).toBe(false);
    }
    if (fault.kind === 'http-error') {
      expect(seen.body).toMatch(/^<html>.*<h1>50\d [A-Za-z ]+<\/h1>/);
    }
  });
});

describe('faults that still answer deliver the message', () => {
  it('delay: waits, then answers normally', async () => {
    sandbox.faults.set({ kind: 'delay', ms: 300 });
    const seen = await observe(3000);
    expect(seen).toMatchObject({ status: 200, ended: true, timedOut: false });
    expect(seen.elapsedMs).toBeGreaterThanOrEqual(290);
    expect(JSON.parse(seen.body)).toMatchObject({ Code: 'OK' });
    expect(sandbox.outbox.list()).toHaveLength(1);
  });

  it('trickle: the real answer, a few bytes per tick', async () => {
    sandbox.faults.set({ kind: 'trickle', bytesPerTick: 16, tickMs: 20 });
    const seen = await observe(5000);
    expect(seen).toMatchObject({ status: 200, ended: true });
    expect(JSON.parse(seen.body)).toMatchObject({ Code: 'OK' });
    expect(seen.elapsedMs).toBeGreaterThanOrEqual(Math.floor(seen.body.length / 16) * 20 - 20);
    expect(sandbox.outbox.list()).toHaveLength(1);
  });

  it('lost-answer: the message is delivered, then the connection dies before the answer', async () => {
    sandbox.faults.set({ kind: 'lost-answer' });
    const seen = await observe(3000);
    expect(seen).toMatchObject({ error: 'ECONNRESET', timedOut: false, body: '' });
    expect(sandbox.outbox.list()).toHaveLength(1);
  });

  it('trickle stalls a client that gives up first', async () => {
    sandbox.faults.set({ kind: 'trickle' });
    const seen = await observe(300);
    expect(seen).toMatchObject({ status: 200, ended: false, timedOut: true });
  });
});

describe('fault lifetime', () => {
  it('applies to the next `times` requests only', async () => {
    sandbox.faults.set({ kind: 'http-error', status: 500 }, 2);
    const statuses = [];
    for (let index = 0; index < 3; index += 1) {
      statuses.push((await sendSms(sandbox, signIn)).status);
    }
    expect(statuses).toEqual([500, 500, 200]);
  });

  it('applies to every request until cleared by default', async () => {
    sandbox.faults.set({ kind: 'http-error' });
    expect((await sendSms(sandbox, signIn)).status).toBe(503);
    expect((await sendSms(sandbox, signIn)).status).toBe(503);
    sandbox.faults.clear();
    expect((await sendSms(sandbox, signIn)).status).toBe(200);
  });

  it.each([
    { why: 'unknown kind', fault: { kind: 'explode' } },
    { why: 'delay without ms', fault: { kind: 'delay' } },
    { why: 'a success status', fault: { kind: 'http-error', status: 200 } },
    { why: 'zero bytes per tick', fault: { kind: 'trickle', bytesPerTick: 0 } },
  ])('refuses a malformed fault: $why', ({ fault }) => {
    expect(() => {
      sandbox.faults.set(fault as unknown as Fault);
    }).toThrow(TypeError);
  });

  it('refuses times that are not positive integers', () => {
    expect(() => {
      sandbox.faults.set({ kind: 'hang' }, 0);
    }).toThrow('"times" must be a positive integer');
  });
});
