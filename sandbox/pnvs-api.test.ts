/**
 * PNVS `SendSmsVerifyCode` (2017-05-25) over real HTTP: refusals as HTTP 400 + `Code` and
 * `Success: false` (the API reference's code table), `FUNCTION_NOT_OPENED` without gifts, the `Interval` model, the success answer with `Model`, per-number flow control and the outbox.
 *
 * @module
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.js';
import type { Sandbox } from './index.js';
import { callSandbox } from './test-client.js';
import type { CallOptions } from './test-client.js';

const signIn = {
  PhoneNumber: '13800138000',
  SignName: '速通互联验证码',
  TemplateCode: '100001',
  TemplateParam: '{"code":"123456","min":"10"}',
};

let sandbox: Sandbox;
let limited: Sandbox;
beforeAll(async () => {
  [sandbox, limited] = await Promise.all([startSandbox({ flowControl: false }), startSandbox()]);
});
afterAll(() => Promise.all([sandbox.close(), limited.close()]));
beforeEach(() => {
  sandbox.outbox.clear();
});

const send = (target: Sandbox, params: Record<string, string>, options?: CallOptions) =>
  callSandbox(target, { Action: 'SendSmsVerifyCode', Version: '2017-05-25', ...params }, options);

describe('SendSmsVerifyCode refusals (codes: assumption A11; HTTP 400: docs §5; body: assumption A14)', () => {
  it.each([
    { why: 'no PhoneNumber (gateway check)', params: { ...signIn, PhoneNumber: '' }, status: 400, code: 'MissingPhoneNumber' },
    { why: 'no SignName (gateway check)', params: { ...signIn, SignName: '' }, status: 400, code: 'MissingSignName' },
    { why: 'no TemplateCode (gateway check)', params: { ...signIn, TemplateCode: '' }, status: 400, code: 'MissingTemplateCode' },
    { why: 'an own SendSms signature, not a gifted one', params: { ...signIn, SignName: 'Logto沙箱' }, status: 400, code: 'INVALID_PARAMETERS' },
    { why: 'an own SendSms template, not a gifted one', params: { ...signIn, TemplateCode: 'SMS_460100001' }, status: 400, code: 'INVALID_PARAMETERS' },
    { why: 'no min for the gifted template', params: { ...signIn, TemplateParam: '{"code":"123456"}' }, status: 400, code: 'INVALID_PARAMETERS' },
    { why: 'a scheme name over 20 characters', params: { ...signIn, SchemeName: 'x'.repeat(21) }, status: 400, code: 'INVALID_PARAMETERS' },
    { why: 'an Interval that is not a whole number of seconds', params: { ...signIn, Interval: '0.5' }, status: 400, code: 'INVALID_PARAMETERS' },
    { why: 'a Hong Kong number', params: { ...signIn, PhoneNumber: '85291234567' }, status: 400, code: 'MOBILE_NUMBER_ILLEGAL' },
    { why: 'CountryCode 852', params: { ...signIn, CountryCode: '852' }, status: 400, code: 'MOBILE_NUMBER_ILLEGAL' },
    { why: 'a short mainland number', params: { ...signIn, PhoneNumber: '1380013800' }, status: 400, code: 'MOBILE_NUMBER_ILLEGAL' },
  ])('$why → HTTP $status $code', async ({ params, status, code }) => {
    const reply = await send(sandbox, params);
    const body = reply.json as Record<string, unknown>;
    expect({ status: reply.status, code: body.Code }).toEqual({ status, code });
    if (!code.startsWith('Missing')) {
      expect(body).toEqual({ RequestId: reply.headers['x-acs-request-id'], Code: code, Message: expect.any(String) as unknown, Success: false });
    }
    expect(sandbox.outbox.list()).toEqual([]);
  });

  it('a sandbox without gifted signatures has not opened PNVS: HTTP 400 FUNCTION_NOT_OPENED', async () => {
    const closed = await startSandbox({ registry: { ...sandbox.registry, pnvs: { signNames: [], templates: [] } } });
    try {
      const reply = await send(closed, signIn);
      expect([reply.status, reply.json]).toEqual([
        400,
        { RequestId: reply.headers['x-acs-request-id'], Code: 'FUNCTION_NOT_OPENED', Message: 'You have not opened this function.', Success: false },
      ]);
    } finally {
      await closed.close();
    }
  });

  it('checks the V1 signature like every other action', async () => {
    const reply = await send(sandbox, signIn, { accessKeySecret: 'wrong' });
    expect([reply.status, (reply.json as Record<string, unknown>).Code]).toEqual([400, 'SignatureDoesNotMatch']);
  });
});

describe('SendSmsVerifyCode accepted', () => {
  it('answers with Success and Model.BizId, and stores the message with its service', async () => {
    const reply = await send(sandbox, { ...signIn, CountryCode: '86', SchemeName: '默认方案', OutId: 'o-1' });
    const body = reply.json as { Model: { BizId: string } };
    expect(body).toEqual({
      RequestId: reply.headers['x-acs-request-id'],
      Code: 'OK',
      Message: '成功',
      Success: true,
      Model: { BizId: expect.stringMatching(/^\d{16}\^0$/) as unknown, RequestId: expect.any(String) as unknown, OutId: 'o-1' },
    });
    expect(sandbox.outbox.list()).toEqual([
      {
        id: expect.any(String) as unknown,
        receivedAt: expect.any(String) as unknown,
        site: 'china',
        service: 'dypnsapi',
        action: 'SendSmsVerifyCode',
        phone: '13800138000',
        region: 'mainland',
        signName: '速通互联验证码',
        templateCode: '100001',
        templateParam: { code: '123456', min: '10' },
        text: '【速通互联验证码】验证码123456，您正在登录或注册，10分钟内有效，请勿告诉他人。',
        code: '123456',
        bizId: body.Model.BizId,
        account: 'primary',
      },
    ]);
  });

  it('makes the code for ##code## and returns it only when asked', async () => {
    const reply = await send(sandbox, { ...signIn, TemplateParam: '{"code":"##code##","min":"5"}', CodeLength: '6', ReturnVerifyCode: 'true' });
    const { Model } = reply.json as { Model: { VerifyCode: string } };
    expect(Model.VerifyCode).toMatch(/^\d{6}$/);
    expect(sandbox.outbox.list()[0]?.code).toBe(Model.VerifyCode);
  });
});

describe('SendSmsVerifyCode flow control', () => {
  const codeOf = async (params: Record<string, string>) => {
    const reply = await send(limited, params);
    return `${reply.status} ${String((reply.json as Record<string, unknown>).Code)}`;
  };

  it('[assumption A12] without Interval, one code per 60 s per number (FREQUENCY_FAIL, HTTP 400), whatever the gifted signature', async () => {
    const phone = { ...signIn, PhoneNumber: '13900139000' };
    const seen = [await codeOf(phone), await codeOf({ ...phone, SignName: '沙箱赠送签名' })];
    // Logto's sign-in page unlocks Resend after 59 s: a tap then is still inside Aliyun's default.
    limited.clock.advance(59_000);
    seen.push(await codeOf(phone));
    limited.clock.advance(1000);
    seen.push(await codeOf(phone));
    expect(seen).toEqual(['200 OK', '400 FREQUENCY_FAIL', '400 FREQUENCY_FAIL', '200 OK']);
  });

  it("[assumption A12] the request's Interval sets the time between codes", async () => {
    const phone = { ...signIn, PhoneNumber: '13900139001', Interval: '30' };
    const seen = [await codeOf(phone)];
    limited.clock.advance(29_000);
    seen.push(await codeOf(phone));
    limited.clock.advance(1000);
    seen.push(await codeOf(phone));
    expect(seen).toEqual(['200 OK', '400 FREQUENCY_FAIL', '200 OK']);
  });

  it('[assumption A12, A13] the sixth code in an hour is BUSINESS_LIMIT_CONTROL', async () => {
    const seen = [];
    for (let index = 0; index < 6; index += 1) {
      seen.push(((await send(limited, { ...signIn, PhoneNumber: '13700137000' })).json as Record<string, unknown>).Code);
      limited.clock.advance(61_000);
    }
    expect(seen).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', 'BUSINESS_LIMIT_CONTROL']);
  });
});
