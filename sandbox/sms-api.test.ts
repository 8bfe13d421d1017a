/**
 * SendSms (2017-05-25) over real HTTP: every business error as HTTP 200 + `Code` (fact sheet §2,
 * §5), the success answer, and what lands in the outbox.
 *
 * @module
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.js';
import type { Sandbox } from './index.js';
import { sendSms } from './test-client.js';

const signIn = {
  PhoneNumbers: '13800138000',
  SignName: 'Logto沙箱',
  TemplateCode: 'SMS_460100001',
  TemplateParam: '{"code":"123456"}',
};
const intlTemplate = { ...signIn, PhoneNumbers: '85291234567', TemplateCode: 'SMS_460200001' };

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ flowControl: false });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.outbox.clear();
});

describe('SendSms refusals', () => {
  it.each([
    { why: 'no PhoneNumbers (gateway check)', params: { ...signIn, PhoneNumbers: '' }, status: 400, code: 'MissingPhoneNumbers' },
    { why: 'no SignName (gateway check)', params: { ...signIn, SignName: '' }, status: 400, code: 'MissingSignName' },
    { why: 'no TemplateCode (gateway check)', params: { ...signIn, TemplateCode: '' }, status: 400, code: 'MissingTemplateCode' },
    { why: 'unknown sign name', params: { ...signIn, SignName: '阿里云短信测试' }, status: 200, code: 'isv.SMS_SIGNATURE_ILLEGAL' },
    { why: 'sign name in the wrong case', params: { ...signIn, SignName: 'logtosandbox' }, status: 200, code: 'isv.SMS_SIGNATURE_ILLEGAL' },
    { why: 'unknown template code', params: { ...signIn, TemplateCode: 'SMS_000000000' }, status: 200, code: 'isv.SMS_TEMPLATE_ILLEGAL' },
    { why: 'a variable the template lacks', params: { ...signIn, TemplateParam: '{"code":"123456","name":"x"}' }, status: 200, code: 'isv.SMS_TEMPLATE_ILLEGAL' },
    { why: 'no TemplateParam for ${code}', params: { ...signIn, TemplateParam: '' }, status: 200, code: 'isv.TEMPLATE_MISSING_PARAMETERS' },
    { why: 'misspelt key leaves ${code} empty', params: { ...signIn, TemplateParam: '{"Code":"123456"}' }, status: 200, code: 'isv.TEMPLATE_MISSING_PARAMETERS' },
    { why: 'empty value', params: { ...signIn, TemplateParam: '{"code":""}' }, status: 200, code: 'isv.TEMPLATE_MISSING_PARAMETERS' },
    { why: 'TemplateParam not JSON', params: { ...signIn, TemplateParam: 'code=123456' }, status: 200, code: 'isv.INVALID_JSON_PARAM' },
    { why: 'TemplateParam a JSON array', params: { ...signIn, TemplateParam: '["123456"]' }, status: 200, code: 'isv.INVALID_JSON_PARAM' },
    { why: 'number value (§2: {"code":123})', params: { ...signIn, TemplateParam: '{"code":123456}' }, status: 200, code: 'isv.INVALID_JSON_PARAM' },
    { why: 'code longer than 6', params: { ...signIn, TemplateParam: '{"code":"12345678"}' }, status: 200, code: 'isv.TEMPLATE_PARAMS_ILLEGAL' },
    { why: 'mainland number too short', params: { ...signIn, PhoneNumbers: '1380013800' }, status: 200, code: 'isv.MOBILE_NUMBER_ILLEGAL' },
    { why: 'mainland number with spaces inside', params: { ...signIn, PhoneNumbers: '138 0013 8000' }, status: 200, code: 'isv.MOBILE_NUMBER_ILLEGAL' },
    { why: '[assumption A1] mainland template to a HK number', params: { ...signIn, PhoneNumbers: '85291234567' }, status: 200, code: 'isv.MOBILE_NUMBER_ILLEGAL' },
    { why: '[assumption A10] one bad number in a list', params: { ...signIn, PhoneNumbers: '13800138000,12345' }, status: 200, code: 'isv.MOBILE_NUMBER_ILLEGAL' },
    { why: '1001 numbers', params: { ...signIn, PhoneNumbers: Array.from({ length: 1001 }, () => '13800138000').join(',') }, status: 200, code: 'isv.MOBILE_COUNT_OVER_LIMIT' },
    { why: 'international template to 86 + mainland', params: { ...intlTemplate, PhoneNumbers: '8613800138000' }, status: 200, code: 'isv.DOMESTIC_NUMBER_NOT_SUPPORTED' },
    { why: 'international template to +86 mainland', params: { ...intlTemplate, PhoneNumbers: '+8613800138000' }, status: 200, code: 'isv.DOMESTIC_NUMBER_NOT_SUPPORTED' },
    { why: 'international template to a number with no country code', params: { ...intlTemplate, PhoneNumbers: '2812345678' }, status: 200, code: 'isv.MOBILE_NUMBER_ILLEGAL' },
    { why: 'international template to a Taiwan number with trunk 0', params: { ...intlTemplate, PhoneNumbers: '8860912345678' }, status: 200, code: 'isv.MOBILE_NUMBER_ILLEGAL' },
  ])('$why → HTTP $status $code', async ({ params, status, code }) => {
    const reply = await sendSms(sandbox, params);
    const body = reply.json as Record<string, string>;
    expect({ status: reply.status, code: body.Code }).toEqual({ status, code });
    if (status === 200) {
      expect(Object.keys(body).sort()).toEqual(['Code', 'Message', 'RequestId']);
    }
    expect(sandbox.outbox.list()).toEqual([]);
  });
});

describe('SendSms accepted', () => {
  it.each([
    { why: 'bare national number', phones: '13800138000', stored: ['13800138000'] },
    { why: '+86 prefix', phones: '+8613800138000', stored: ['13800138000'] },
    { why: '0086 prefix', phones: '008613800138000', stored: ['13800138000'] },
    { why: 'two numbers, comma-separated', phones: '13800138000,13900139000', stored: ['13900139000', '13800138000'] },
  ])('mainland template, $why', async ({ phones, stored }) => {
    const reply = await sendSms(sandbox, { ...signIn, PhoneNumbers: phones });
    const body = reply.json as Record<string, string>;
    expect(reply.status).toBe(200);
    expect(body).toEqual({ RequestId: reply.headers['x-acs-request-id'], Code: 'OK', Message: 'OK', BizId: expect.stringMatching(/^\d{16}\^0$/) as unknown });
    expect(sandbox.outbox.list().map(({ phone }) => phone)).toEqual(stored);
  });

  it('stores the message as the phone shows it', async () => {
    const reply = await sendSms(sandbox, signIn);
    expect(sandbox.outbox.list()).toEqual([
      {
        id: expect.any(String) as unknown,
        receivedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) as unknown,
        site: 'china',
        action: 'SendSms',
        phone: '13800138000',
        region: 'mainland',
        signName: 'Logto沙箱',
        templateCode: 'SMS_460100001',
        templateParam: { code: '123456' },
        text: '【Logto沙箱】您的登录验证码为123456，5分钟内有效，请勿泄露给他人。',
        code: '123456',
        bizId: (reply.json as Record<string, string>).BizId,
        account: 'primary',
      },
    ]);
  });

  it('international template to a Hong Kong number', async () => {
    await sendSms(sandbox, intlTemplate);
    expect(sandbox.outbox.list()[0]).toMatchObject({
      phone: '85291234567',
      region: 'overseas',
      text: '【Logto沙箱】Your sign-in code is 123456. It expires in 5 minutes.',
      code: '123456',
    });
  });

  it('notification template: no code', async () => {
    await sendSms(sandbox, {
      ...signIn,
      TemplateCode: 'SMS_460100010',
      TemplateParam: JSON.stringify({ account: 'alice', time: '09:30' }),
    });
    const [message] = sandbox.outbox.list();
    expect(message?.text).toBe('【Logto沙箱】您的账号alice于09:30登录了新设备，如非本人操作请及时修改密码。');
    expect(message).not.toHaveProperty('code');
  });

  it('answers XML with a SendSmsResponse root when Format is not JSON', async () => {
    const reply = await sendSms(sandbox, signIn, { format: 'XML', method: 'GET' });
    expect(reply.text).toMatch(
      /^<\?xml version='1.0' encoding='UTF-8'\?><SendSmsResponse><RequestId>[0-9A-F-]{36}<\/RequestId><Code>OK<\/Code><Message>OK<\/Message><BizId>\d{16}\^0<\/BizId><\/SendSmsResponse>$/,
    );
  });
});
