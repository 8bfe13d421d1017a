/**
 * The unsigned test API (`/api/...`), the inbox page, the outbox and the request log.
 *
 * @module
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.js';
import type { OutboxMessage, Sandbox } from './index.js';
import { Outbox } from './outbox.js';
import { RequestLog } from './request-log.js';
import { callSandbox, rawRequest, sendSms } from './test-client.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ flowControl: false });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.outbox.clear();
  sandbox.faults.clear();
  sandbox.clock.reset();
  sandbox.requests.clear();
});

const api = (path: string, method = 'GET', body?: unknown) =>
  rawRequest(`${sandbox.endpoint}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });

const sendCode = (phone: string, code: string) =>
  sendSms(sandbox, { PhoneNumbers: phone, SignName: 'Logto沙箱', TemplateCode: 'SMS_460100004', TemplateParam: JSON.stringify({ code }) });

const sendGlobe = (to: string, text: string) =>
  callSandbox(sandbox, { Action: 'SendMessageToGlobe', Version: '2018-05-01', To: to, Message: text });

describe('GET /api/messages', () => {
  beforeEach(async () => {
    await sendCode('13800138000', '1111');
    await sendGlobe('85291234567', 'Code 2222');
    await sendCode('+8613800138000', '3333');
  });

  it('lists newest first', async () => {
    const reply = await api('/api/messages');
    expect(reply.status).toBe(200);
    expect((reply.json as OutboxMessage[]).map(({ code }) => code)).toEqual(['3333', '2222', '1111']);
  });

  it.each([
    ['13800138000', ['3333', '1111']],
    ['8613800138000', ['3333', '1111']],
    ['+8613800138000', ['3333', '1111']],
    ['85291234567', ['2222']],
    ['+85291234567', ['2222']],
    ['13900139000', []],
  ])('?phone=%s matches the normalised number or its 86 form', async (phone, codes) => {
    const reply = await api(`/api/messages?phone=${encodeURIComponent(phone)}`);
    expect((reply.json as OutboxMessage[]).map(({ code }) => code)).toEqual(codes);
    expect(sandbox.outbox.list({ phone }).map(({ code }) => code)).toEqual(codes);
  });

  it('DELETE clears the outbox', async () => {
    expect((await api('/api/messages', 'DELETE')).status).toBe(204);
    expect(sandbox.outbox.list()).toEqual([]);
  });
});

describe('POST/DELETE /api/faults', () => {
  it('sets a fault for the next requests and clears it', async () => {
    expect((await api('/api/faults', 'POST', { fault: { kind: 'http-error', status: 502 }, times: 1 })).status).toBe(204);
    expect((await sendCode('13800138000', '1234')).status).toBe(502);
    expect((await sendCode('13800138000', '1234')).status).toBe(200);
    await api('/api/faults', 'POST', { fault: { kind: 'http-error' } });
    expect((await api('/api/faults', 'DELETE')).status).toBe(204);
    expect((await sendCode('13800138000', '1234')).status).toBe(200);
  });

  it.each([
    ['not JSON', '{fault', /JSON/],
    ['no fault', '{}', /"fault" must be an object/],
    ['unknown kind', '{"fault":{"kind":"boom"}}', /"kind" must be one of/],
    ['times 0', '{"fault":{"kind":"hang"},"times":0}', /"times" must be a positive integer/],
  ])('400 for %s', async (_why, body, message) => {
    const reply = await rawRequest(`${sandbox.endpoint}/api/faults`, { method: 'POST', body });
    expect(reply.status).toBe(400);
    expect((reply.json as { error: string }).error).toMatch(message);
  });

  it('does not apply faults to the test API or the inbox page', async () => {
    sandbox.faults.set({ kind: 'close' });
    expect((await api('/api/messages')).status).toBe(200);
    expect((await rawRequest(`${sandbox.endpoint}/`)).status).toBe(200);
  });
});

describe('POST/DELETE /api/clock', () => {
  it('advances and resets the sandbox clock', async () => {
    const advanced = await api('/api/clock', 'POST', { advanceMs: 3_600_000 });
    expect(advanced.json).toMatchObject({ offsetMs: 3_600_000 });
    expect(sandbox.clock.now() - Date.now()).toBeGreaterThan(3_590_000);
    const reset = await api('/api/clock', 'DELETE');
    expect(reset.json).toMatchObject({ offsetMs: 0 });
    expect(Math.abs(Date.parse((reset.json as { now: string }).now) - Date.now())).toBeLessThan(2000);
  });

  it('400 without a numeric advanceMs', async () => {
    expect((await api('/api/clock', 'POST', { advanceMs: '1h' })).status).toBe(400);
  });
});

describe('test API routing', () => {
  it.each([
    ['/api/nothing', 'GET', 404],
    ['/api/messages', 'PUT', 405],
  ])('%s %s → %i', async (path, method, status) => {
    expect((await api(path, method)).status).toBe(status);
  });
});

describe('GET / (inbox page)', () => {
  it('serves a self-contained HTML page with stable test ids', async () => {
    const reply = await rawRequest(`${sandbox.endpoint}/`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html;charset=utf-8');
    for (const id of ['inbox', 'clear', 'status']) {
      expect(reply.text).toContain(`data-testid="${id}"`);
    }
    // Rendered by the page script: set with setAttribute('data-testid', …).
    for (const id of ['phone-group', 'phone', 'message', 'code', 'text', 'empty']) {
      expect(reply.text).toContain(`'${id}')`);
    }
    expect(reply.text).not.toMatch(/(?:src|href)=["']?(?:https?:)?\/\//);
    expect(reply.text).toContain("fetch('/api/messages'");
  });

  it('treats GET / with an Action as an API call', async () => {
    const reply = await rawRequest(`${sandbox.endpoint}/?Action=SendSms&Format=JSON`);
    expect(reply.json).toMatchObject({ Code: 'MissingVersion' });
  });
});

describe('request log', () => {
  it('records method, decoded parameters and headers of API calls only', async () => {
    await sendCode('13800138000', '1234');
    await api('/api/messages');
    expect(sandbox.requests.count).toBe(1);
    const [recorded] = sandbox.requests.list();
    expect(recorded).toMatchObject({
      method: 'POST',
      path: '/',
      params: { Action: 'SendSms', SignName: 'Logto沙箱', TemplateParam: '{"code":"1234"}' },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  });

  it('keeps the newest entries but counts all', () => {
    const log = new RequestLog(3);
    for (let index = 0; index < 5; index += 1) {
      log.add({ receivedAt: '', method: 'GET', path: `/${index}`, params: {}, headers: {} });
    }
    expect(log.list().map(({ path }) => path)).toEqual(['/2', '/3', '/4']);
    expect(log.count).toBe(5);
  });
});

describe('outbox bound', () => {
  it('keeps at most outboxLimit newest messages', () => {
    const outbox = new Outbox(2);
    for (const phone of ['13800000001', '13800000002', '13800000003']) {
      outbox.add({ site: 'china', action: 'SendSms', phone, region: 'mainland', text: 'x' }, 0);
    }
    expect(outbox.list().map(({ phone }) => phone)).toEqual(['13800000003', '13800000002']);
  });
});
