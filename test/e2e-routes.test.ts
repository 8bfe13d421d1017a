/**
 * End to end: the built package, loaded by Logto's loader, sending into the local sandbox.
 * Every route (mainland, overseas; strict and lenient) and every template choice, checked on
 * what the sandbox received and delivered.
 */
import { TemplateType } from '@logto/connector-kit';
import { beforeEach, describe, expect, it } from 'vitest';

import { loadConnector, pressSend } from '../demo/logto-host.js';
import { connectorConfig } from '../sandbox/connector-config.js';
import { useSandboxAndConnector } from './harness.js';

const harness = useSandboxAndConnector({ flowControl: false });

beforeEach(() => {
  harness.sandbox.outbox.clear();
  harness.sandbox.requests.clear();
});

const lastRequest = () => harness.sandbox.requests.list().at(-1)?.params ?? {};

describe('routes through the sandbox', () => {
  it.each<[string, boolean, string, string, string, 'mainland' | 'overseas']>([
    ['mainland, as Logto passes it', false, '8613800138000', '13800138000', 'SMS_460100001', 'mainland'],
    ['mainland, strict', true, '8613800138000', '13800138000', 'SMS_460100001', 'mainland'],
    ['mainland with +86', true, '+8613800138000', '13800138000', 'SMS_460100001', 'mainland'],
    ['mainland with 0086', false, '008613800138000', '13800138000', 'SMS_460100001', 'mainland'],
    ['legacy bare mainland number, lenient', false, '13800138000', '13800138000', 'SMS_460100001', 'mainland'],
    ['Hong Kong', false, '85268326366', '85268326366', 'SMS_460200001', 'overseas'],
    ['Hong Kong, strict', true, '85268326366', '85268326366', 'SMS_460200001', 'overseas'],
    ['Macao', false, '85366123456', '85366123456', 'SMS_460200001', 'overseas'],
    ['Taiwan', true, '886912345678', '886912345678', 'SMS_460200001', 'overseas'],
    ['United Kingdom', false, '447911123456', '447911123456', 'SMS_460200001', 'overseas'],
    ['US with +, lenient: region code wins', false, '+16502530000', '16502530000', 'SMS_460200001', 'overseas'],
    ['US, strict', true, '16502530000', '16502530000', 'SMS_460200001', 'overseas'],
    ['US-shaped, lenient: taken for mainland', false, '16502530000', '16502530000', 'SMS_460100001', 'mainland'],
  ])('%s', async (_, strict, to, phoneNumbers, templateCode, region) => {
    const config = { ...connectorConfig(harness.sandbox), strictPhoneRegionNumberCheck: strict };
    const code = '246810';
    const receipt = await harness.connector.sendMessage({ to, type: TemplateType.SignIn, payload: { code } }, config);
    expect(receipt).toEqual({ BizId: expect.stringMatching(/^\d+\^0$/), RequestId: expect.any(String) });
    expect(lastRequest()).toMatchObject({
      Action: 'SendSms',
      Version: '2017-05-25',
      Format: 'JSON',
      PhoneNumbers: phoneNumbers,
      TemplateCode: templateCode,
      TemplateParam: `{"code":"${code}"}`,
    });
    const [message] = harness.sandbox.outbox.list();
    expect(message).toMatchObject({ region, phone: phoneNumbers, code, templateCode });
  });
});

describe('template choice through the sandbox', () => {
  it.each<[TemplateType, string]>([
    [TemplateType.SignIn, 'SMS_460100001'],
    [TemplateType.Register, 'SMS_460100002'],
    [TemplateType.ForgotPassword, 'SMS_460100003'],
    [TemplateType.Generic, 'SMS_460100004'],
    [TemplateType.MfaVerification, 'SMS_460100004'],
    [TemplateType.BindMfa, 'SMS_460100004'],
    [TemplateType.UserPermissionValidation, 'SMS_460100004'],
    [TemplateType.BindNewIdentifier, 'SMS_460100004'],
    [TemplateType.OrganizationInvitation, 'SMS_460100004'],
  ])('%s uses %s', async (type, templateCode) => {
    await harness.connector.sendMessage({ to: '8613800138000', type, payload: { code: '135790' } }, connectorConfig(harness.sandbox));
    expect(lastRequest().TemplateCode).toBe(templateCode);
    expect(harness.sandbox.outbox.list()[0]?.code).toBe('135790');
  });

  it("the Console's Send button delivers code 000000 with the Generic template", async () => {
    await pressSend(harness.connector, '8613800138000', connectorConfig(harness.sandbox));
    expect(harness.sandbox.outbox.list()).toEqual([
      expect.objectContaining({ text: '【Logto沙箱】您的验证码为000000，5分钟内有效。', code: '000000' }),
    ]);
  });

  it('uses the stored config from getConfig when no config is passed', async () => {
    const { connector: stored } = await loadConnector(undefined, async () => connectorConfig(harness.sandbox));
    await stored.sendMessage({ to: '85268326366', type: TemplateType.Register, payload: { code: '112233' } });
    expect(harness.sandbox.outbox.list()[0]).toMatchObject({ templateCode: 'SMS_460200002', code: '112233' });
  });

  it('renders custom params and sends nothing else from the payload', async () => {
    const config = connectorConfig(harness.sandbox);
    const templates = config.templates.map((template) =>
      template.usageType === 'SignIn' ? { ...template, params: { code: '{{ code }}' } } : template
    );
    await harness.connector.sendMessage(
      { to: '8613800138000', type: TemplateType.SignIn, payload: { code: '975310', locale: 'zh-CN', uiLocales: 'zh-CN en' } },
      { ...config, templates }
    );
    expect(lastRequest().TemplateParam).toBe('{"code":"975310"}');
  });
});
