/**
 * QuerySmsTemplate and GetSmsTemplate over real HTTP (docs/aliyun-sms-query-api.md §2, §3, §6):
 * every review state and template type of the default registry, a template held by another
 * account, exact answers, V1 and V3 signing, a bad signature, and sends following the review.
 *
 * @module
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.js';
import type { Sandbox } from './index.js';
import { callSandbox, sendSms } from './test-client.js';
import type { CallOptions } from './test-client.js';
import { callSandboxV3 } from './test-client-v3.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ flowControl: false });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.account.reset();
});

const query = (action: 'QuerySmsTemplate' | 'GetSmsTemplate', code: string, options?: CallOptions) =>
  callSandbox(sandbox, { Action: action, Version: '2017-05-25', TemplateCode: code }, options);

const body = (reply: { json: unknown }) => reply.json as Record<string, unknown>;

describe('QuerySmsTemplate', () => {
  it('answers an approved code template in full', async () => {
    const reply = await query('QuerySmsTemplate', 'SMS_460100001');
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      RequestId: reply.headers['x-acs-request-id'],
      Code: 'OK',
      Message: 'OK',
      TemplateCode: 'SMS_460100001',
      TemplateName: '登录验证码',
      TemplateContent: '您的登录验证码为${code}，5分钟内有效，请勿泄露给他人。',
      TemplateType: 0,
      TemplateStatus: 1,
      CreateDate: '2026-11-02 10:00:00',
      Reason: '无审批备注',
    });
  });

  it.each([
    { why: 'notification', code: 'SMS_460100010', type: 1, status: 1, reason: '无审批备注' },
    { why: 'marketing (推广)', code: 'SMS_460300004', type: 2, status: 1, reason: '无审批备注' },
    { why: 'international code', code: 'SMS_460200001', type: 3, status: 1, reason: '无审批备注' },
    { why: 'international marketing', code: 'SMS_460300005', type: 3, status: 1, reason: '无审批备注' },
    { why: 'under review', code: 'SMS_460300001', type: 0, status: 0, reason: '无审批备注' },
    { why: 'rejected, with the reason', code: 'SMS_460300002', type: 0, status: 2, reason: '模板内容中包含错别字，请修改后重新提交。' },
    { why: 'a ${product} variable beside ${code}', code: 'SMS_460300006', type: 1, status: 1, reason: '无审批备注' },
  ])('$why: TemplateType $type, TemplateStatus $status', async ({ code, type, status, reason }) => {
    const answer = body(await query('QuerySmsTemplate', code));
    expect(answer).toMatchObject({ Code: 'OK', TemplateCode: code, TemplateType: type, TemplateStatus: status, Reason: reason });
  });

  it.each([
    { why: '[assumption A15] another account’s template', code: 'SMS_460300003' },
    { why: '[assumption A15] an unknown code', code: 'SMS_000000000' },
  ])('$why → HTTP 200 isv.SMS_TEMPLATE_ILLEGAL', async ({ code }) => {
    const reply = await query('QuerySmsTemplate', code);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ RequestId: reply.headers['x-acs-request-id'], Code: 'isv.SMS_TEMPLATE_ILLEGAL', Message: '该账号下找不到对应模板' });
  });

  it('answers XML with a QuerySmsTemplateResponse root when Format is not JSON', async () => {
    const reply = await query('QuerySmsTemplate', 'SMS_460300002', { format: 'XML', method: 'GET' });
    expect(reply.text).toMatch(
      /^<\?xml version='1.0' encoding='UTF-8'\?><QuerySmsTemplateResponse><RequestId>[0-9A-F-]{36}<\/RequestId><Code>OK<\/Code><Message>OK<\/Message><TemplateCode>SMS_460300002<\/TemplateCode>.*<TemplateStatus>2<\/TemplateStatus><CreateDate>2026-11-28 10:05:00<\/CreateDate><Reason>模板内容中包含错别字，请修改后重新提交。<\/Reason><\/QuerySmsTemplateResponse>$/,
    );
  });
});

describe('GetSmsTemplate', () => {
  it('answers a rejected template in full: strings for status and type, AuditInfo', async () => {
    const reply = await query('GetSmsTemplate', 'SMS_460300002');
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      RequestId: reply.headers['x-acs-request-id'],
      Code: 'OK',
      Message: 'OK',
      TemplateCode: 'SMS_460300002',
      TemplateName: '注册验证码（新）',
      TemplateContent: '您正在注测账号，验证码为${code}。',
      TemplateType: '0',
      TemplateStatus: '2',
      TemplateTag: 2,
      OrderId: expect.stringMatching(/^20\d{8}$/) as unknown,
      VariableAttribute: '{"code":"characterWithNumber"}',
      CreateDate: '2026-11-28 10:05:00',
      AuditInfo: { RejectInfo: '模板内容中包含错别字，请修改后重新提交。', AuditDate: '2026-11-28 12:05:00' },
    });
  });

  it.each([
    { why: 'approved code', code: 'SMS_460100001', fields: { TemplateType: '0', TemplateStatus: '1', AuditInfo: { AuditDate: '2026-11-02 12:00:00' } } },
    { why: 'under review: empty AuditInfo', code: 'SMS_460300001', fields: { TemplateType: '0', TemplateStatus: '0', AuditInfo: {} } },
    // SDK 4.6.0: IntlType 0 notification, 1 promotional, 2 verification code (every value: test/aliyun-facts-sandbox.test.ts).
    { why: 'international code: IntlType 2', code: 'SMS_460200001', fields: { TemplateType: '3', IntlType: 2, TemplateStatus: '1' } },
    { why: 'international marketing: IntlType 1', code: 'SMS_460300005', fields: { TemplateType: '3', IntlType: 1, VariableAttribute: '{"name":"others"}' } },
    { why: 'two variables', code: 'SMS_460300006', fields: { TemplateType: '1', VariableAttribute: '{"product":"others","code":"others"}' } },
  ])('$why', async ({ code, fields }) => {
    const answer = body(await query('GetSmsTemplate', code));
    expect(answer).toMatchObject({ Code: 'OK', TemplateCode: code, ...fields });
    if (fields.TemplateType !== '3') {
      expect(answer).not.toHaveProperty('IntlType');
    }
  });

  it.each([
    { why: 'another account’s template', code: 'SMS_460300003' },
    { why: 'an unknown code', code: 'SMS_000000000' },
  ])('[assumption A20] $why → HTTP 404 TemplateNotFound', async ({ code }) => {
    const reply = await query('GetSmsTemplate', code);
    const requestId = reply.headers['x-acs-request-id'] as string;
    expect(reply.status).toBe(404);
    expect(reply.json).toEqual({
      RequestId: requestId,
      HostId: new URL(sandbox.endpoint).host,
      Code: 'TemplateNotFound',
      Message: 'The template does not exist.',
      Recommend: `https://api.aliyun.com/troubleshoot?q=TemplateNotFound&product=Dysmsapi&requestId=${requestId}`,
    });
  });
});

describe('template queries on the wire', () => {
  it.each(['QuerySmsTemplate', 'GetSmsTemplate'] as const)('[assumption A16] %s: no TemplateCode → HTTP 400 MissingTemplateCode', async (action) => {
    const reply = await callSandbox(sandbox, { Action: action, Version: '2017-05-25' });
    expect({ status: reply.status, code: body(reply).Code }).toEqual({ status: 400, code: 'MissingTemplateCode' });
  });

  it.each(['QuerySmsTemplate', 'GetSmsTemplate'] as const)('%s: a wrong secret → HTTP 400 SignatureDoesNotMatch', async (action) => {
    const reply = await query(action, 'SMS_460100001', { accessKeySecret: 'not-the-secret' });
    expect({ status: reply.status, code: body(reply).Code }).toEqual({ status: 400, code: 'SignatureDoesNotMatch' });
  });

  it.each(['QuerySmsTemplate', 'GetSmsTemplate'] as const)('%s: a V3-signed request (the SDK shape) is answered', async (action) => {
    const reply = await callSandboxV3(sandbox, { action, query: { TemplateCode: 'SMS_460300001' } });
    expect(reply.status).toBe(200);
    expect(body(reply)).toMatchObject({ Code: 'OK', TemplateCode: 'SMS_460300001' });
  });

  it('a V3 request with a wrong secret → HTTP 400 SignatureDoesNotMatch', async () => {
    const reply = await callSandboxV3(sandbox, { action: 'GetSmsTemplate', query: { TemplateCode: 'SMS_460300001' }, accessKeySecret: 'not-the-secret' });
    expect({ status: reply.status, code: body(reply).Code }).toEqual({ status: 400, code: 'SignatureDoesNotMatch' });
  });
});

describe('sends follow the review', () => {
  const send = (code: string, param: Record<string, string> = { code: '123456' }) =>
    sendSms(sandbox, { PhoneNumbers: '13800138000', SignName: 'Logto沙箱', TemplateCode: code, TemplateParam: JSON.stringify(param) });

  it.each([
    { why: 'under review', code: 'SMS_460300001' },
    { why: 'rejected', code: 'SMS_460300002' },
    { why: 'another account’s', code: 'SMS_460300003' },
  ])('a template $why cannot send: isv.SMS_TEMPLATE_ILLEGAL', async ({ code }) => {
    expect(body(await send(code)).Code).toBe('isv.SMS_TEMPLATE_ILLEGAL');
  });

  it('the approved ${product} template sends once params fill it', async () => {
    expect(body(await send('SMS_460300006')).Code).toBe('isv.TEMPLATE_MISSING_PARAMETERS');
    expect(body(await send('SMS_460300006', { product: 'Logto', code: '123456' })).Code).toBe('OK');
  });
});
