/**
 * The international site's 2018-05-01 actions over real HTTP (fact sheet §3): `ResponseCode` for
 * every business error, the accepted answer and the outbox entry.
 *
 * @module
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.js';
import type { Sandbox } from './index.js';
import { callSandbox } from './test-client.js';

const withTemplate = {
  Action: 'SendMessageWithTemplate',
  Version: '2018-05-01',
  To: '8613800138000',
  From: 'LogtoSandbox',
  TemplateCode: 'SMS_460100004',
  TemplateParam: '{"code":"2468"}',
};
const toGlobe = {
  Action: 'SendMessageToGlobe',
  Version: '2018-05-01',
  To: '85291234567',
  Message: 'Your Logto verification code is 735194. It expires in 5 minutes.',
};

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ flowControl: false });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.outbox.clear();
});

describe('2018-05-01 refusals (HTTP 200, ResponseCode)', () => {
  it.each([
    { why: '[assumption A5] WithTemplate: no To', params: { ...withTemplate, To: '' }, code: 'INVALID_PARAMETERS' },
    { why: 'WithTemplate: no From', params: { ...withTemplate, From: '' }, code: 'INVALID_PARAMETERS' },
    { why: 'WithTemplate: no TemplateCode', params: { ...withTemplate, TemplateCode: '' }, code: 'INVALID_PARAMETERS' },
    { why: 'WithTemplate: letters in To', params: { ...withTemplate, To: '86138abc' }, code: 'MOBILE_NUMBER_ILLEGAL' },
    { why: 'WithTemplate: 86 + landline', params: { ...withTemplate, To: '861012345678' }, code: 'MOBILE_NUMBER_ILLEGAL' },
    { why: '[assumption A2] WithTemplate: Hong Kong number', params: { ...withTemplate, To: '85291234567' }, code: 'NOT_SUPPORTED_COUNTRY' },
    { why: '[assumption A2] WithTemplate: bare mainland digits read as +1 (§8)', params: { ...withTemplate, To: '13800138000' }, code: 'NOT_SUPPORTED_COUNTRY' },
    { why: 'WithTemplate: unapproved From', params: { ...withTemplate, From: 'SomeoneElse' }, code: 'SMS_SIGN_NAME_ILLEGAL' },
    { why: '[assumption A4] WithTemplate: unknown TemplateCode', params: { ...withTemplate, TemplateCode: 'SMS_1' }, code: 'SMS_CONTENT_CODE_ILLEGAL' },
    { why: '[assumption A4] WithTemplate: international template', params: { ...withTemplate, TemplateCode: 'SMS_460200004' }, code: 'SMS_CONTENT_CODE_ILLEGAL' },
    { why: 'WithTemplate: no value for ${code}', params: { ...withTemplate, TemplateParam: '{}' }, code: 'CONTENT_MISSING_PARAMETERS' },
    { why: 'WithTemplate: TemplateParam not JSON', params: { ...withTemplate, TemplateParam: '{code:1}' }, code: 'INVALID_JSON_PARAM' },
    { why: 'WithTemplate: number value', params: { ...withTemplate, TemplateParam: '{"code":2468}' }, code: 'INVALID_JSON_PARAM' },
    { why: 'WithTemplate: extra variable', params: { ...withTemplate, TemplateParam: '{"code":"2468","x":"y"}' }, code: 'INVALID_PARAMETERS' },
    { why: 'Globe: no To', params: { ...toGlobe, To: '' }, code: 'INVALID_PARAMETERS' },
    { why: 'Globe: no Message', params: { ...toGlobe, Message: '' }, code: 'INVALID_PARAMETERS' },
    { why: 'Globe: unknown Type', params: { ...toGlobe, Type: 'SMS' }, code: 'INVALID_PARAMETERS' },
    { why: 'Globe: mainland number', params: { ...toGlobe, To: '8613800138000' }, code: 'NOT_SUPPORTED_COUNTRY' },
    { why: 'Globe: + and 00 tolerated, but still mainland', params: { ...toGlobe, To: '008613800138000' }, code: 'NOT_SUPPORTED_COUNTRY' },
    { why: 'Globe: no country code', params: { ...toGlobe, To: '2812345678' }, code: 'MOBILE_NUMBER_ILLEGAL' },
    { why: 'Globe: too long', params: { ...toGlobe, To: '4412345678901234' }, code: 'MOBILE_NUMBER_ILLEGAL' },
    { why: 'Globe: unapproved sender ID', params: { ...toGlobe, From: 'Spoofed' }, code: 'INVALID_SENDERID' },
  ])('$why → $code', async ({ params, code }) => {
    const reply = await callSandbox(sandbox, params);
    const body = reply.json as Record<string, string>;
    expect({ status: reply.status, code: body.ResponseCode }).toEqual({ status: 200, code });
    expect(body.RequestId).toBe(reply.headers['x-acs-request-id']);
    expect(typeof body.ResponseDescription).toBe('string');
    expect(sandbox.outbox.list()).toEqual([]);
  });
});

describe('2018-05-01 accepted', () => {
  it('SendMessageWithTemplate answers §3 and delivers with the sign name', async () => {
    const reply = await callSandbox(sandbox, withTemplate);
    expect(reply.json).toEqual({
      RequestId: reply.headers['x-acs-request-id'],
      ResponseCode: 'OK',
      ResponseDescription: 'The SMS Send Request was accepted',
      MessageId: expect.stringMatching(/^\d+$/) as unknown,
      Segments: '1',
      To: '8613800138000',
      NumberDetail: { Carrier: 'Sandbox Mobile', Region: 'CN', Country: 'China' },
    });
    expect(sandbox.outbox.list()).toEqual([
      expect.objectContaining({
        site: 'international',
        action: 'SendMessageWithTemplate',
        phone: '13800138000',
        region: 'mainland',
        signName: 'LogtoSandbox',
        text: '【LogtoSandbox】您的验证码为2468，5分钟内有效。',
        code: '2468',
        messageId: (reply.json as Record<string, string>).MessageId,
      }),
    ]);
  });

  it('SendMessageToGlobe answers §3 with From and delivers the text as sent', async () => {
    const reply = await callSandbox(sandbox, { ...toGlobe, To: '+85291234567', From: 'Logto', Type: 'OTP' });
    expect(reply.json).toEqual({
      RequestId: reply.headers['x-acs-request-id'],
      ResponseCode: 'OK',
      ResponseDescription: 'The SMS Send Request was accepted',
      MessageId: expect.stringMatching(/^\d+$/) as unknown,
      Segments: '1',
      To: '+85291234567',
      From: 'Logto',
      NumberDetail: { Carrier: 'Sandbox Mobile', Region: 'HK', Country: 'Hong Kong SAR China' },
    });
    expect(sandbox.outbox.list()).toEqual([
      expect.objectContaining({
        site: 'international',
        action: 'SendMessageToGlobe',
        phone: '85291234567',
        region: 'overseas',
        senderId: 'Logto',
        text: toGlobe.Message,
        code: '735194',
      }),
    ]);
  });

  it.each([
    { why: '160 GSM characters: one part', message: 'a'.repeat(160), segments: '1' },
    { why: '161 GSM characters: two parts of 153', message: 'a'.repeat(161), segments: '2' },
    { why: '70 Chinese characters: one UCS-2 part', message: '验'.repeat(70), segments: '1' },
    { why: '71 Chinese characters: two parts of 67', message: '验'.repeat(71), segments: '2' },
  ])('Segments: $why', async ({ message, segments }) => {
    const reply = await callSandbox(sandbox, { ...toGlobe, Message: message });
    expect((reply.json as Record<string, string>).Segments).toBe(segments);
  });

  it('a Globe message without a 4–8 digit run has no code', async () => {
    await callSandbox(sandbox, { ...toGlobe, To: '16502530000', Message: 'Welcome to Logto!' });
    expect(sandbox.outbox.list({ phone: '+16502530000' })[0]).not.toHaveProperty('code');
  });
});
