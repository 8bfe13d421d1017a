/**
 * QuerySmsSign and GetSmsSign over real HTTP (docs/aliyun-sms-query-api.md §5, §6): approved,
 * under review, rejected with a reason, another account's and unknown signatures, exact answers,
 * V1 and V3 signing, a bad signature, and SendSms following the review.
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

const query = (action: 'QuerySmsSign' | 'GetSmsSign', name: string, options?: CallOptions) =>
  callSandbox(sandbox, { Action: action, Version: '2017-05-25', SignName: name }, options);

const body = (reply: { json: unknown }) => reply.json as Record<string, unknown>;

const rejection = '通过资质信息，不能判断是否可以申请此签名，请补充营业执照或商标证明。';

describe('QuerySmsSign', () => {
  it('answers an approved signature in full', async () => {
    const reply = await query('QuerySmsSign', 'Logto沙箱');
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      RequestId: reply.headers['x-acs-request-id'],
      Code: 'OK',
      Message: 'OK',
      SignName: 'Logto沙箱',
      SignStatus: 1,
      CreateDate: '2026-11-02 10:00:00',
      Reason: '无审核备注',
    });
  });

  it.each([
    { why: 'under review', name: '沙箱审核中', status: 0, reason: '无审核备注', created: '2026-12-01 15:00:00' },
    { why: 'rejected, with the reason', name: '沙箱驳回', status: 2, reason: rejection, created: '2026-11-28 09:30:00' },
  ])('$why: SignStatus $status', async ({ name, status, reason, created }) => {
    expect(body(await query('QuerySmsSign', name))).toMatchObject({ Code: 'OK', SignName: name, SignStatus: status, Reason: reason, CreateDate: created });
  });

  it.each([
    { why: '[assumption A15] another account’s signature', name: '其他账号签名' },
    { why: '[assumption A15] an unknown signature', name: '阿里云短信测试' },
  ])('$why → HTTP 200 isv.SMS_SIGNATURE_ILLEGAL', async ({ name }) => {
    const reply = await query('QuerySmsSign', name);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ RequestId: reply.headers['x-acs-request-id'], Code: 'isv.SMS_SIGNATURE_ILLEGAL', Message: '该账号下找不到对应签名' });
  });
});

describe('GetSmsSign', () => {
  it('answers a rejected signature in full', async () => {
    const reply = await query('GetSmsSign', '沙箱驳回');
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      RequestId: reply.headers['x-acs-request-id'],
      Code: 'OK',
      Message: 'OK',
      SignName: '沙箱驳回',
      SignStatus: 2,
      CreateDate: '2026-11-28 09:30:00',
      OrderId: expect.stringMatching(/^20\d{8}$/) as unknown,
      SignCode: expect.stringMatching(/^SIGN_20\d{8}$/) as unknown,
      SignTag: '2',
      ThirdParty: false,
      AuditInfo: { RejectInfo: rejection, AuditDate: '2026-11-28 11:30:00' },
    });
  });

  it.each([
    { why: 'approved', name: 'LogtoSandbox', fields: { SignStatus: 1, AuditInfo: { AuditDate: '2026-11-02 12:00:00' } } },
    { why: 'under review: empty AuditInfo', name: '沙箱审核中', fields: { SignStatus: 0, AuditInfo: {} } },
  ])('$why', async ({ name, fields }) => {
    expect(body(await query('GetSmsSign', name))).toMatchObject({ Code: 'OK', SignName: name, ...fields });
  });

  it.each([
    { why: 'another account’s signature', name: '其他账号签名' },
    { why: 'an unknown signature', name: '阿里云短信测试' },
  ])('[assumption A20] $why → HTTP 404 SignatureNotFound', async ({ name }) => {
    const reply = await query('GetSmsSign', name);
    expect(reply.status).toBe(404);
    expect(body(reply)).toMatchObject({ Code: 'SignatureNotFound', Message: 'The signature does not exist.', RequestId: reply.headers['x-acs-request-id'] });
  });
});

describe('signature queries on the wire', () => {
  it.each(['QuerySmsSign', 'GetSmsSign'] as const)('[assumption A16] %s: no SignName → HTTP 400 MissingSignName', async (action) => {
    const reply = await callSandbox(sandbox, { Action: action, Version: '2017-05-25' });
    expect({ status: reply.status, code: body(reply).Code }).toEqual({ status: 400, code: 'MissingSignName' });
  });

  it.each(['QuerySmsSign', 'GetSmsSign'] as const)('%s: a wrong secret → HTTP 400 SignatureDoesNotMatch', async (action) => {
    const reply = await query(action, 'Logto沙箱', { accessKeySecret: 'not-the-secret' });
    expect({ status: reply.status, code: body(reply).Code }).toEqual({ status: 400, code: 'SignatureDoesNotMatch' });
  });

  it.each(['QuerySmsSign', 'GetSmsSign'] as const)('%s: a V3-signed GET (Chinese name in the query) is answered', async (action) => {
    const reply = await callSandboxV3(sandbox, { action, method: 'GET', query: { SignName: '沙箱驳回' } });
    expect(reply.status).toBe(200);
    expect(body(reply)).toMatchObject({ Code: 'OK', SignName: '沙箱驳回', SignStatus: 2 });
  });

  it('the XML answer of GetSmsSign nests AuditInfo', async () => {
    const reply = await query('GetSmsSign', '沙箱驳回', { format: 'XML' });
    expect(reply.text).toContain(`<AuditInfo><RejectInfo>${rejection}</RejectInfo><AuditDate>2026-11-28 11:30:00</AuditDate></AuditInfo></GetSmsSignResponse>`);
  });
});

describe('SendSms follows the signature review', () => {
  it.each(['沙箱审核中', '沙箱驳回', '其他账号签名'])('%s cannot send: isv.SMS_SIGNATURE_ILLEGAL', async (name) => {
    const reply = await sendSms(sandbox, { PhoneNumbers: '13800138000', SignName: name, TemplateCode: 'SMS_460100001', TemplateParam: '{"code":"123456"}' });
    expect(body(reply).Code).toBe('isv.SMS_SIGNATURE_ILLEGAL');
  });
});
