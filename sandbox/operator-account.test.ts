/**
 * The operator API's review routes (`/api/templates`, `/api/signatures`): a state changed through
 * them is what the next query answers and what the next send obeys; bad input is a 400 with the
 * registry's sentence; DELETE returns to the registry.
 *
 * @module
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.js';
import type { Sandbox } from './index.js';
import { callSandbox, rawRequest, sendSms } from './test-client.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ flowControl: false });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await api('/api/templates', 'DELETE');
  await api('/api/signatures', 'DELETE');
});

const api = (path: string, method: string, payload?: unknown) =>
  rawRequest(`${sandbox.endpoint}${path}`, { method, ...(payload === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) }) });
const body = (reply: { json: unknown }) => reply.json as Record<string, unknown>;
const template = async (code: string) => body(await callSandbox(sandbox, { Action: 'QuerySmsTemplate', Version: '2017-05-25', TemplateCode: code }));
const signature = async (name: string) => body(await callSandbox(sandbox, { Action: 'QuerySmsSign', Version: '2017-05-25', SignName: name }));
const send = (signName: string, code: string) =>
  sendSms(sandbox, { PhoneNumbers: '13800138000', SignName: signName, TemplateCode: code, TemplateParam: '{"code":"123456"}' });

describe('/api/templates', () => {
  it('GET lists every template with its review, other accounts’ included', async () => {
    const reply = await api('/api/templates', 'GET');
    expect(reply.json).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: 'SMS_460300002', status: 'rejected', reason: '模板内容中包含错别字，请修改后重新提交。', owner: 'this' }),
      expect.objectContaining({ code: 'SMS_460300003', status: 'approved', owner: 'other' }),
    ]));
  });

  it('rejecting an approved template: the query says so and SendSms refuses it', async () => {
    const reply = await api('/api/templates', 'POST', { code: 'SMS_460100001', status: 'rejected', reason: '签名与模板内容不符。' });
    expect(reply.status).toBe(200);
    expect(await template('SMS_460100001')).toMatchObject({ TemplateStatus: 2, Reason: '签名与模板内容不符。' });
    expect(body(await send('Logto沙箱', 'SMS_460100001')).Code).toBe('isv.SMS_TEMPLATE_ILLEGAL');
  });

  it('approving a rejected template drops its reason and lets it send', async () => {
    await api('/api/templates', 'POST', { code: 'SMS_460300002', status: 'approved' });
    expect(await template('SMS_460300002')).toMatchObject({ TemplateStatus: 1, Reason: '无审批备注' });
    expect(body(await send('Logto沙箱', 'SMS_460300002')).Code).toBe('OK');
  });

  it('moving a template to another account makes it not found', async () => {
    await api('/api/templates', 'POST', { code: 'SMS_460100004', owner: 'other' });
    expect((await template('SMS_460100004')).Code).toBe('isv.SMS_TEMPLATE_ILLEGAL');
  });

  it('a new template needs its fields and is then queried as given', async () => {
    const created = { code: 'SMS_470000001', name: '审核中的通知', scope: 'mainland', kind: 'notification', content: '您的订单${order}已发货。', status: 'reviewing', createdAt: '2026-12-04 08:00:00' };
    expect((await api('/api/templates', 'POST', created)).status).toBe(200);
    expect(await template('SMS_470000001')).toMatchObject({ Code: 'OK', TemplateType: 1, TemplateStatus: 0, CreateDate: '2026-12-04 08:00:00', TemplateContent: '您的订单${order}已发货。' });
  });

  it('DELETE restores the registry', async () => {
    await api('/api/templates', 'POST', { code: 'SMS_460300001', status: 'approved' });
    expect((await api('/api/templates', 'DELETE')).status).toBe(204);
    expect((await template('SMS_460300001')).TemplateStatus).toBe(0);
  });

  it.each([
    { why: 'no code', payload: { status: 'approved' }, error: 'code must be a non-empty string' },
    { why: 'a new code without content', payload: { code: 'SMS_470000002', name: 'n', scope: 'mainland', kind: 'code' }, error: 'template.content must be a non-empty string' },
    { why: 'an unknown status', payload: { code: 'SMS_460100001', status: 'pending' }, error: 'template.status must be one of reviewing, approved, rejected, cancelled' },
    { why: 'rejected without a reason', payload: { code: 'SMS_460100001', status: 'rejected' }, error: 'template.reason must be a non-empty string' },
    { why: 'a reason on an approved one', payload: { code: 'SMS_460100001', reason: 'x' }, error: 'template.reason is only for a rejected entry (status "rejected")' },
    { why: 'a malformed date', payload: { code: 'SMS_460100001', createdAt: '2026-12-04' }, error: 'template.createdAt must be a date and time such as "2026-11-02 10:00:00"' },
  ])('$why → 400 with the sentence', async ({ payload, error }) => {
    const reply = await api('/api/templates', 'POST', payload);
    expect({ status: reply.status, json: reply.json }).toEqual({ status: 400, json: { error } });
  });
});

describe('/api/signatures', () => {
  it('putting an approved signature under review: the query says so and SendSms refuses it', async () => {
    await api('/api/signatures', 'POST', { name: 'LogtoSandbox', status: 'reviewing' });
    expect(await signature('LogtoSandbox')).toMatchObject({ SignStatus: 0, Reason: '无审核备注' });
    expect(body(await send('LogtoSandbox', 'SMS_460100001')).Code).toBe('isv.SMS_SIGNATURE_ILLEGAL');
  });

  it('a new rejected signature, then DELETE forgets it', async () => {
    await api('/api/signatures', 'POST', { name: '新签名', status: 'rejected', reason: '签名与企业名称不符。' });
    expect(await signature('新签名')).toMatchObject({ SignStatus: 2, Reason: '签名与企业名称不符。', CreateDate: '2026-11-02 10:00:00' });
    await api('/api/signatures', 'DELETE');
    expect((await signature('新签名')).Code).toBe('isv.SMS_SIGNATURE_ILLEGAL');
  });

  it('GET lists them', async () => {
    const reply = await api('/api/signatures', 'GET');
    expect(reply.json).toEqual(expect.arrayContaining([{ name: '沙箱审核中', status: 'reviewing', createdAt: '2026-12-01 15:00:00', owner: 'this' }]));
  });
});
