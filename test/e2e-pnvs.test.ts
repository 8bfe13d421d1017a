/**
 * End to end: PNVS (号码认证服务) through Logto's loader and the built package. A PNVS-only
 * account fills the Console's required fields and presses Send; one config sends mainland numbers
 * through SendSmsVerifyCode and Hong Kong through SendSms; refusals read as the operator needs.
 */
import { ConnectorError, ConnectorErrorCodes, TemplateType } from '@logto/connector-kit';
import { beforeEach, describe, expect, it } from 'vitest';

import { loadConnector, pressSend } from '../demo/logto-host.js';
import { connectorConfig, pnvsConnectorConfig } from '../sandbox/connector-config.js';
import { useSandboxAndConnector } from './harness.js';
import { useScriptedServer } from './scripted-server.js';

const harness = useSandboxAndConnector();
const scripted = useScriptedServer();

beforeEach(() => {
  harness.sandbox.clock.reset();
  harness.sandbox.outbox.clear();
  harness.sandbox.requests.clear();
});

const { General, RateLimitExceeded } = ConnectorErrorCodes;

const lastRequest = () => harness.sandbox.requests.list().at(-1)?.params ?? {};

/** The common V1 parameters every signed request carries (fact sheet §1.1). */
const signed = {
  AccessKeyId: 'LTAI5tSandboxDemoKeyId',
  SignatureMethod: 'HMAC-SHA1',
  SignatureVersion: '1.0',
  SignatureNonce: expect.any(String) as unknown,
  Timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) as unknown,
  Signature: expect.any(String) as unknown,
};

const failureOf = async (config: object, to: string, type = TemplateType.SignIn) => {
  const error: unknown = await harness.connector
    .sendMessage({ to, type, payload: { code: '123456' } }, config)
    .then(() => 'sent')
    .catch((error_: unknown) => error_);
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError & { data: { errorDescription?: string; message?: string; requestId?: string; code?: string; httpStatus?: number } };
};

describe('a PNVS-only account', () => {
  it("fills the Console's required fields, presses Send, and the sandbox shows the code via SendSmsVerifyCode", async () => {
    const { metadata } = await loadConnector();
    // What the Console submits for a new connector: every default, the filled fields, and the
    // templates JSON left as offered (placeholder codes), with empty text fields dropped.
    const defaults = Object.fromEntries(
      (metadata.formItems ?? []).flatMap(({ key, defaultValue }) => (defaultValue === undefined ? [] : [[key, defaultValue]]))
    );
    const form = { ...defaults, ...pnvsConnectorConfig(harness.sandbox, { ownSignature: false }) };
    const receipt = await pressSend(harness.connector, '8613800138000', form);
    expect(lastRequest()).toEqual({
      ...signed,
      Action: 'SendSmsVerifyCode',
      Version: '2017-05-25',
      Format: 'JSON',
      RegionId: 'cn-hangzhou',
      PhoneNumber: '13800138000',
      CountryCode: '86',
      SignName: '速通互联验证码',
      TemplateCode: '100001',
      TemplateParam: '{"code":"000000","min":"10"}',
    });
    const [message] = harness.sandbox.outbox.list();
    expect(message).toMatchObject({
      service: 'dypnsapi',
      action: 'SendSmsVerifyCode',
      signName: '速通互联验证码',
      templateCode: '100001',
      code: '000000',
      text: '【速通互联验证码】验证码000000，您正在登录或注册，10分钟内有效，请勿告诉他人。',
    });
    expect(receipt).toEqual({ BizId: message?.bizId, RequestId: expect.any(String) });
  });

  it('refuses a Hong Kong number before sending, with the sentence that says how to serve it', async () => {
    const error = await failureOf(pnvsConnectorConfig(harness.sandbox, { ownSignature: false }), '85268326366');
    expect(error.code).toBe(General);
    expect(error.data.errorDescription).toContain('is outside mainland China, which PNVS (mainlandService pnvs) does not serve, and no signName is set');
    expect(harness.sandbox.requests.count).toBe(0);
  });

  it('applies allowedRegionCodes first', async () => {
    const config = { ...pnvsConnectorConfig(harness.sandbox, { ownSignature: false }), allowedRegionCodes: ['86'] };
    const error = await failureOf(config, '85268326366');
    expect(error.data.errorDescription).toContain('which allowedRegionCodes (86) does not allow');
    expect(harness.sandbox.requests.count).toBe(0);
  });
});

describe('PNVS for the mainland, SendSms for the rest, in one config', () => {
  it.each<[string, TemplateType, string, Record<string, string>]>([
    [
      'a mainland SignIn code through PNVS',
      TemplateType.SignIn,
      '8613912345678',
      { Action: 'SendSmsVerifyCode', PhoneNumber: '13912345678', CountryCode: '86', SignName: '速通互联验证码', TemplateCode: '100001', TemplateParam: '{"code":"246810","min":"10"}' },
    ],
    [
      'a mainland ForgotPassword code through PNVS with the reset-password gifted template',
      TemplateType.ForgotPassword,
      '8613912345678',
      { Action: 'SendSmsVerifyCode', PhoneNumber: '13912345678', CountryCode: '86', SignName: '速通互联验证码', TemplateCode: '100003', TemplateParam: '{"code":"246810","min":"10"}' },
    ],
    [
      'a Hong Kong Register code through SendSms with the own signature',
      TemplateType.Register,
      '85268326366',
      { Action: 'SendSms', PhoneNumbers: '85268326366', SignName: 'Logto沙箱', TemplateCode: 'SMS_460200002', TemplateParam: '{"code":"246810"}' },
    ],
  ])('%s', async (_, type, to, wire) => {
    await harness.connector.sendMessage({ to, type, payload: { code: '246810', locale: 'zh-CN' } }, pnvsConnectorConfig(harness.sandbox));
    expect(lastRequest()).toEqual({ ...signed, Version: '2017-05-25', Format: 'JSON', RegionId: 'cn-hangzhou', ...wire });
    expect(harness.sandbox.outbox.list()[0]?.code).toBe('246810');
  });

  it("an entry's pnvsTemplateCode and the operator's minutes and scheme reach the wire", async () => {
    const config = {
      ...pnvsConnectorConfig(harness.sandbox),
      pnvsCodeValidMinutes: 5,
      pnvsSchemeName: '登录方案',
      templates: connectorConfig(harness.sandbox).templates.map((entry) => (entry.usageType === 'Generic' ? { ...entry, pnvsTemplateCode: '100005' } : entry)),
    };
    await harness.connector.sendMessage({ to: '8613800138000', type: TemplateType.Generic, payload: { code: '1357' } }, config);
    expect(lastRequest()).toMatchObject({ TemplateCode: '100005', TemplateParam: '{"code":"1357","min":"5"}', SchemeName: '登录方案' });
  });
});

describe('PNVS refusals as the operator and the user read them', () => {
  it('a second code within the interval: RateLimitExceeded, FREQUENCY_FAIL and the RequestId kept', async () => {
    const config = pnvsConnectorConfig(harness.sandbox);
    await harness.connector.sendMessage({ to: '8613700137000', type: TemplateType.SignIn, payload: { code: '111111' } }, config);
    const error = await failureOf(config, '8613700137000');
    expect(error.code).toBe(RateLimitExceeded);
    expect(error.data).toMatchObject({ code: 'FREQUENCY_FAIL', requestId: expect.any(String) });
    expect(error.data.errorDescription).toContain('the user can try again later');
  });

  it("Resend as soon as Logto's sign-in page unlocks it (59 s): still inside Aliyun's default Interval of 60 s, so RateLimitExceeded; a second later it is sent", async () => {
    const config = pnvsConnectorConfig(harness.sandbox);
    await harness.connector.sendMessage({ to: '8613700137010', type: TemplateType.SignIn, payload: { code: '111111' } }, config);
    harness.sandbox.clock.advance(59_000);
    const error = await failureOf(config, '8613700137010');
    expect(error.code).toBe(RateLimitExceeded);
    expect(error.data).toMatchObject({ code: 'FREQUENCY_FAIL', httpStatus: 400 });
    harness.sandbox.clock.advance(1000);
    await harness.connector.sendMessage({ to: '8613700137010', type: TemplateType.SignIn, payload: { code: '222222' } }, config);
    // The connector sends neither Interval nor AutoRetry: Aliyun's defaults (60 s; retries on) apply.
    expect(Object.keys(lastRequest()).filter((name) => ['Interval', 'AutoRetry'].includes(name))).toEqual([]);
  });

  it('an own signature in pnvsSignName: General, naming INVALID_PARAMETERS and the fix', async () => {
    const error = await failureOf({ ...pnvsConnectorConfig(harness.sandbox), pnvsSignName: '阿里云短信测试' }, '8613800138000');
    expect(error.code).toBe(General);
    expect(error.data.errorDescription).toMatch(/^Aliyun PNVS found a malformed parameter; check pnvsSignName \(a gifted signature\), template 100001/);
    expect(error.data.errorDescription).toContain(`(Aliyun INVALID_PARAMETERS: "SignName 不是可用的赠送签名", RequestId ${error.data.requestId ?? '?'})`);
  });

  it('Code OK with Success false is not taken as sent', async () => {
    scripted.answer = (_body, _request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"RequestId":"REQ-ODD","Code":"OK","Message":"OK","Success":false}');
    };
    const config = { ...pnvsConnectorConfig(harness.sandbox), pnvsEndpoint: scripted.endpoint };
    const error = await failureOf(config, '8613800138000');
    expect(error.code).toBe(General);
    expect(error.data.errorDescription).toBe(
      'Aliyun PNVS answered Code OK but Success false, so whether the code was sent is unclear; check the send records in the PNVS console before sending again. (Aliyun OK: "OK", RequestId REQ-ODD)'
    );
    expect(scripted.received.at(-1)).toContain('Action=SendSmsVerifyCode');
  });
});
