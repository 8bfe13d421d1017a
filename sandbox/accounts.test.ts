/**
 * Several accounts over real HTTP: each send API refuses for an account out of balance, in arrears,
 * suspended or abnormal with Aliyun's code in that API's form, and delivers nothing; the standing
 * flips at run time through the operator API; each account sends only with its own signatures and
 * templates, counts flow control for itself, keeps its own send records, and the outbox names the
 * account that sent.
 *
 * @module
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.js';
import type { Sandbox } from './index.js';
import { callSandbox, rawRequest, sendSms } from './test-client.js';
import type { CallOptions } from './test-client.js';

const now = Date.parse('2026-12-05T02:00:00Z');
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ now: () => now });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.outbox.clear();
  sandbox.accounts.reset();
  sandbox.clock.reset();
});

const api = (path: string, method: string, payload?: unknown) =>
  rawRequest(`${sandbox.endpoint}${path}`, { method, ...(payload === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) }) });
const backupKey = { accessKeyId: 'LTAI5tSandboxBackupKeyId', accessKeySecret: 'SandboxBackupSecretNotARealKey0' };
const code = (reply: { json: unknown }) => {
  const body = reply.json as { Code?: string; ResponseCode?: string };
  return body.Code ?? body.ResponseCode;
};

/** One valid send per API, for the first account. */
const sends = {
  SendSms: (options?: CallOptions) =>
    sendSms(sandbox, { PhoneNumbers: '13800138000', SignName: 'Logto沙箱', TemplateCode: 'SMS_460100001', TemplateParam: '{"code":"123456"}' }, options),
  SendMessageWithTemplate: (options?: CallOptions) =>
    callSandbox(sandbox, { Action: 'SendMessageWithTemplate', Version: '2018-05-01', To: '8613800138000', From: 'Logto沙箱', TemplateCode: 'SMS_460100001', TemplateParam: '{"code":"123456"}' }, options),
  SendMessageToGlobe: (options?: CallOptions) =>
    callSandbox(sandbox, { Action: 'SendMessageToGlobe', Version: '2018-05-01', To: '85291234567', Message: 'Your code is 123456' }, options),
  SendSmsVerifyCode: (options?: CallOptions) =>
    callSandbox(sandbox, { Action: 'SendSmsVerifyCode', Version: '2017-05-25', PhoneNumber: '13800138000', SignName: '速通互联验证码', TemplateCode: '100001', TemplateParam: '{"code":"1234","min":"5"}' }, options),
};

/** What each API answers for each standing, with its source. */
const refusals = [
  // help.aliyun.com/document_detail/101347.htm (SendSms error codes), HTTP 200 (fact sheet §2).
  { api: 'SendSms', standing: 'out of balance (0.00)', change: { balance: { availableAmount: '0.00' } }, status: 200, code: 'isv.AMOUNT_NOT_ENOUGH', message: '账户余额不足' },
  { api: 'SendSms', standing: 'arrears', change: { state: 'arrears' }, status: 200, code: 'isv.OUT_OF_SERVICE', message: '业务停机' },
  { api: 'SendSms', standing: 'suspended', change: { state: 'suspended' }, status: 200, code: 'isv.OUT_OF_SERVICE', message: '业务停机' },
  { api: 'SendSms', standing: 'abnormal', change: { state: 'abnormal' }, status: 200, code: 'isv.ACCOUNT_ABNORMAL', message: '账户异常' },
  // Fact sheet §3's ResponseCode list; ACCOUNT_ILLEGAL for an abnormal account is assumption A40.
  { api: 'SendMessageWithTemplate', standing: 'out of balance (0.00)', change: { balance: { availableAmount: '0.00' } }, status: 200, code: 'AMOUNT_NOT_ENOUGH' },
  { api: 'SendMessageWithTemplate', standing: 'arrears', change: { state: 'arrears' }, status: 200, code: 'OUT_OF_SERVICE' },
  { api: 'SendMessageToGlobe', standing: 'suspended', change: { state: 'suspended' }, status: 200, code: 'OUT_OF_SERVICE' },
  { api: 'SendMessageToGlobe', standing: 'abnormal', change: { state: 'abnormal' }, status: 200, code: 'ACCOUNT_ILLEGAL' },
  // alibabacloud.com/help/en/pnvs/developer-reference/api-error-code; docs/aliyun-pnvs-api.md §5; assumption A41.
  { api: 'SendSmsVerifyCode', standing: 'out of balance (-0.01)', change: { balance: { availableAmount: '-0.01' } }, status: 400, code: 'RESOURCE_NOT_ENOUGH' },
  { api: 'SendSmsVerifyCode', standing: 'arrears', change: { state: 'arrears' }, status: 400, code: 'isv.OUT_OF_SERVICE', message: '业务停机' },
  { api: 'SendSmsVerifyCode', standing: 'abnormal', change: { state: 'abnormal' }, status: 400, code: 'isv.ACCOUNT_ABNORMAL', message: '账户异常' },
] as const;

describe('an account that may not send', () => {
  it.each(refusals)('[assumption A39] $api by an account $standing → HTTP $status $code, nothing delivered', async ({ api: action, change, status, code: expected, ...rest }) => {
    expect((await api('/api/accounts', 'POST', change)).status).toBe(200);
    const reply = await sends[action]();
    expect({ status: reply.status, code: code(reply) }).toEqual({ status, code: expected });
    expect(reply.json).toMatchObject({
      RequestId: reply.headers['x-acs-request-id'],
      ...('message' in rest ? { Message: rest.message } : {}),
      ...(action === 'SendSmsVerifyCode' ? { Success: false } : {}),
    });
    expect(sandbox.outbox.list()).toEqual([]);
  });

  it.each([
    { why: 'abnormal wins over an empty balance', change: { state: 'abnormal', balance: { availableAmount: '0.00' } }, expected: 'isv.ACCOUNT_ABNORMAL' },
    { why: 'arrears refuses with money on the account', change: { state: 'arrears', balance: { availableAmount: '500.00' } }, expected: 'isv.OUT_OF_SERVICE' },
    { why: 'a negative balance in a normal account', change: { balance: { availableAmount: '-1,024.00' } }, expected: 'isv.AMOUNT_NOT_ENOUGH' },
    { why: 'one cent is enough', change: { balance: { availableAmount: '0.01' } }, expected: 'OK' },
  ])('$why → $expected', async ({ change, expected }) => {
    await api('/api/accounts', 'POST', change);
    expect(code(await sends.SendSms())).toBe(expected);
  });

  it('[assumption A39] the account is checked before the send’s own checks', async () => {
    await api('/api/accounts', 'POST', { state: 'arrears' });
    const reply = await sendSms(sandbox, { PhoneNumbers: '13800138000', SignName: 'Logto沙箱', TemplateCode: 'SMS_999999999' });
    expect(code(reply)).toBe('isv.OUT_OF_SERVICE');
  });

  it('queries still answer for an account in arrears', async () => {
    await api('/api/accounts', 'POST', { state: 'arrears' });
    expect(code(await callSandbox(sandbox, { Action: 'QuerySmsTemplate', Version: '2017-05-25', TemplateCode: 'SMS_460100001' }))).toBe('OK');
  });
});

describe('failing over to the second account', () => {
  const backupSend = (phone = '13800138000') =>
    sendSms(sandbox, { PhoneNumbers: phone, SignName: 'Logto备用', TemplateCode: 'SMS_560100001', TemplateParam: '{"code":"654321"}' }, backupKey);

  it('primary flipped into arrears mid-run; the backup sends with its own signature; the outbox names who sent', async () => {
    expect(code(await sends.SendSms())).toBe('OK');
    await api('/api/accounts', 'POST', { account: 'primary', state: 'arrears' });
    sandbox.clock.advance(61_000);
    expect(code(await sends.SendSms())).toBe('isv.OUT_OF_SERVICE');
    expect(code(await backupSend())).toBe('OK');
    expect(sandbox.outbox.list().map(({ account, signName, text }) => [account, signName, text])).toEqual([
      ['backup', 'Logto备用', '【Logto备用】您的登录验证码是654321，5分钟内有效，请勿告诉他人。'],
      ['primary', 'Logto沙箱', '【Logto沙箱】您的登录验证码为123456，5分钟内有效，请勿泄露给他人。'],
    ]);
    expect((await api('/api/messages?account=backup', 'GET')).json).toEqual([expect.objectContaining({ account: 'backup', code: '654321' })]);
  });

  it.each([
    { why: 'the backup with the primary’s signature', run: () => sendSms(sandbox, { PhoneNumbers: '13800138000', SignName: 'Logto沙箱', TemplateCode: 'SMS_560100001', TemplateParam: '{"code":"1234"}' }, backupKey), expected: 'isv.SMS_SIGNATURE_ILLEGAL' },
    { why: 'the primary with the backup’s template', run: () => sendSms(sandbox, { PhoneNumbers: '13800138000', SignName: 'Logto沙箱', TemplateCode: 'SMS_560100001', TemplateParam: '{"code":"1234"}' }), expected: 'isv.SMS_TEMPLATE_ILLEGAL' },
    { why: 'the backup through PNVS (the same gifted signatures)', run: () => sends.SendSmsVerifyCode(backupKey), expected: 'OK' },
  ])('$why → $expected', async ({ run, expected }) => {
    expect(code(await run())).toBe(expected);
  });

  it('[assumption A42] per-number flow control counts per account, even under one signature name', async () => {
    // The backup account registers the primary's signature name too: limits are per signature of an account.
    expect((await api('/api/signatures', 'POST', { account: 'backup', name: 'Logto沙箱' })).status).toBe(200);
    const backupSameSignature = () =>
      sendSms(sandbox, { PhoneNumbers: '13800138000', SignName: 'Logto沙箱', TemplateCode: 'SMS_560100001', TemplateParam: '{"code":"654321"}' }, backupKey);
    expect(code(await sends.SendSms())).toBe('OK');
    expect(code(await sends.SendSms())).toBe('isv.BUSINESS_LIMIT_CONTROL');
    expect(code(await backupSameSignature())).toBe('OK');
    expect(code(await backupSameSignature())).toBe('isv.BUSINESS_LIMIT_CONTROL');
    expect(sandbox.outbox.list().map(({ account }) => account)).toEqual(['backup', 'primary']);
  });

  it('each account’s QuerySendDetails lists its own sends', async () => {
    await sends.SendSms();
    await backupSend();
    const details = (options?: CallOptions) =>
      callSandbox(sandbox, { Action: 'QuerySendDetails', Version: '2017-05-25', PhoneNumber: '13800138000', SendDate: '20261205', PageSize: '10', CurrentPage: '1' }, options);
    const contents = (reply: { json: unknown }) =>
      (reply.json as { SmsSendDetailDTOs: { SmsSendDetailDTO: Array<{ Content: string }> } }).SmsSendDetailDTOs.SmsSendDetailDTO.map(({ Content }) => /^【[^】]+】/.exec(Content)?.[0]);
    expect(contents(await details())).toEqual(['【Logto沙箱】']);
    expect(contents(await details(backupKey))).toEqual(['【Logto备用】']);
  });

  it('a template rejected in the backup account stops only the backup’s sends', async () => {
    const rejected = await api('/api/templates', 'POST', { account: 'backup', code: 'SMS_560100001', status: 'rejected', reason: '内容不规范' });
    expect(rejected.status).toBe(200);
    expect(code(await backupSend())).toBe('isv.SMS_TEMPLATE_ILLEGAL');
    expect(code(await sends.SendSms())).toBe('OK');
    expect((await api('/api/templates?account=backup', 'GET')).json).toContainEqual(expect.objectContaining({ code: 'SMS_560100001', status: 'rejected' }));
    expect((await api('/api/templates', 'GET')).json).not.toContainEqual(expect.objectContaining({ code: 'SMS_560100001' }));
  });
});

describe('GET /api/accounts', () => {
  it('lists every account with its keys and standing, never a secret', async () => {
    await api('/api/accounts', 'POST', { account: 'backup', state: 'suspended' });
    const reply = await api('/api/accounts', 'GET');
    expect((reply.json as Array<Record<string, unknown>>).map(({ name, accountId, state, accessKeyIds }) => ({ name, accountId, state, accessKeyIds }))).toEqual([
      { name: 'primary', accountId: '1000000000000001', state: 'normal', accessKeyIds: ['LTAI5tSandboxDemoKeyId', 'LTAI5tSandboxSendOnlyKey', 'LTAI5tSandboxLegacyDenyKey'] },
      { name: 'backup', accountId: '1000000000000002', state: 'suspended', accessKeyIds: ['LTAI5tSandboxBackupKeyId', 'LTAI5tSandboxBackupOwnerKey'] },
    ]);
    expect(reply.text).not.toMatch(/Secret/);
  });
});
