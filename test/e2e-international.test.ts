/**
 * End to end for Alibaba Cloud international-site accounts: the built package through Logto's
 * loader against the sandbox's 2018-05-01 API. Mainland numbers go to SendMessageWithTemplate,
 * every other number to SendMessageToGlobe; refusals map by the same rule as SendSms.
 */
import { ConnectorError, ConnectorErrorCodes, TemplateType } from '@logto/connector-kit';
import { beforeEach, describe, expect, it } from 'vitest';

import { connectorPerSend, loadFactory, pressSend } from '../demo/logto-host.js';
import { connectorConfig, pnvsConnectorConfig } from '../sandbox/connector-config.js';
import { useSandboxAndConnector } from './harness.js';
import { auditedData } from './logto-error-response.js';

const harness = useSandboxAndConnector();

beforeEach(() => {
  harness.sandbox.clock.reset();
  harness.sandbox.outbox.clear();
});

const international = () => connectorConfig(harness.sandbox, 'international');
const lastRequest = () => harness.sandbox.requests.list().at(-1)?.params ?? {};

describe('international site through the sandbox', () => {
  it.each<[string, boolean, string, string, Record<string, string>]>([
    ['mainland', false, '8613800138000', 'SendMessageWithTemplate', { To: '8613800138000', From: 'Logto沙箱', TemplateCode: 'SMS_460100001', TemplateParam: '{"code":"246810"}' }],
    ['bare mainland, lenient', false, '13800138000', 'SendMessageWithTemplate', { To: '8613800138000', TemplateCode: 'SMS_460100001' }],
    ['Hong Kong', false, '85268326366', 'SendMessageToGlobe', { To: '85268326366', From: 'Logto', Type: 'OTP', Message: 'Your sign-in code is 246810. It expires in 5 minutes.' }],
    ['Taiwan, strict', true, '886912345678', 'SendMessageToGlobe', { To: '886912345678' }],
    ['US with +', false, '+16502530000', 'SendMessageToGlobe', { To: '16502530000' }],
    ['US, strict', true, '16502530000', 'SendMessageToGlobe', { To: '16502530000' }],
  ])('%s → %s', async (_, strict, to, action, parameters) => {
    const receipt = await harness.connector.sendMessage(
      { to, type: TemplateType.SignIn, payload: { code: '246810' } },
      { ...international(), strictPhoneRegionNumberCheck: strict }
    );
    expect(receipt).toEqual({ MessageId: expect.any(String), RequestId: expect.any(String) });
    expect(lastRequest()).toMatchObject({ Action: action, Version: '2018-05-01', Format: 'JSON', ...parameters });
    expect(harness.sandbox.outbox.list()[0]).toMatchObject({ site: 'international', action, code: '246810' });
  });

  it("the Console's Send button works for an overseas number", async () => {
    await pressSend(harness.connector, '85268326366', international(), 'en');
    expect(harness.sandbox.outbox.list()[0]).toMatchObject({
      action: 'SendMessageToGlobe',
      text: 'Your verification code is 000000. It expires in 5 minutes.',
    });
  });

  it('MFA falls back to the Generic template on both APIs', async () => {
    await harness.connector.sendMessage({ to: '8613800138000', type: TemplateType.MfaVerification, payload: { code: '135790' } }, international());
    expect(lastRequest().TemplateCode).toBe('SMS_460100004');
    await harness.connector.sendMessage({ to: '85268326366', type: TemplateType.BindMfa, payload: { code: '135790' } }, international());
    expect(lastRequest().Message).toBe('Your verification code is 135790. It expires in 5 minutes.');
  });
});

describe('international site refusals', () => {
  const failureOf = async (config: object, to: string) => {
    const error: unknown = await harness.connector
      .sendMessage({ to, type: TemplateType.SignIn, payload: { code: '123456' } }, config)
      .catch((error_: unknown) => error_);
    expect(error).toBeInstanceOf(ConnectorError);
    return error as ConnectorError & { data: { errorDescription: string } };
  };

  it.each<[string, () => object, string, string, ConnectorErrorCodes, string]>([
    ['an unregistered sender ID', () => ({ ...international(), senderId: 'Unknown' }), '85268326366', 'INVALID_SENDERID', ConnectorErrorCodes.General, 'register the sender ID'],
    ['an unapproved sign name', () => ({ ...international(), signName: '未审核' }), '8613800138000', 'SMS_SIGN_NAME_ILLEGAL', ConnectorErrorCodes.General, 'use a mainland signature'],
    [
      '[assumption A4] an unknown mainland template',
      () => ({ ...international(), templates: international().templates.map((template) => ({ ...template, templateCode: 'SMS_000000000' })) }),
      '8613800138000',
      'SMS_CONTENT_CODE_ILLEGAL',
      ConnectorErrorCodes.General,
      'does not accept template SMS_000000000',
    ],
    ['a number with an unassigned region code', () => international(), '+999123456789', 'MOBILE_NUMBER_ILLEGAL', ConnectorErrorCodes.InvalidRequestParameters, 'real mobile number'],
  ])('%s → %s', async (_, config, to, code, connectorCode, says) => {
    const error = await failureOf(config(), to);
    expect(error.code).toBe(connectorCode);
    expect(error.data).toMatchObject({ code, route: expect.objectContaining({ site: 'international' }) });
    expect(error.data.errorDescription).toContain(says);
  });

  it('a second code to a mainland number within a minute → RateLimitExceeded, naming BUSINESS_LIMIT_CONTROL_MINUTE', async () => {
    await harness.connector.sendMessage({ to: '8613700137000', type: TemplateType.SignIn, payload: { code: '111111' } }, international());
    const error = await failureOf(international(), '8613700137000');
    expect(error.code).toBe(ConnectorErrorCodes.RateLimitExceeded);
    expect(error.data).toMatchObject({ code: 'BUSINESS_LIMIT_CONTROL_MINUTE' });
  });

  it('a template without content is TemplateNotFound for an overseas number, and nothing is sent', async () => {
    const config = { ...international(), templates: international().templates.map(({ usageType, templateCode }) => ({ usageType, templateCode })) };
    const before = harness.sandbox.requests.count;
    const error = await failureOf(config, '85268326366');
    expect(error.code).toBe(ConnectorErrorCodes.TemplateNotFound);
    expect(error.message).toContain('add \\"content\\"');
    expect(harness.sandbox.requests.count).toBe(before);
  });
});

describe('PNVS on an international-site account', () => {
  // The same promise as src/config/config-pnvs.test.ts ('PNVS on the international site'), seen from
  // outside: the built package, Logto's loader, and the sandbox, which would accept the request.
  const pnvsInternational = () => ({ ...pnvsConnectorConfig(harness.sandbox), site: 'international' });
  const refusal = {
    code: ConnectorErrorCodes.InvalidConfig,
    data: {
      issues: [
        expect.objectContaining({
          path: ['mainlandService'],
          message: 'mainlandService pnvs is a China-site (aliyun.com) service: set site to china, or mainlandService to sms',
        }),
      ],
    },
  };

  it("is refused by the Console's Send before anything reaches the sandbox", async () => {
    const before = harness.sandbox.requests.count;
    await expect(pressSend(harness.connector, '8613800138000', pnvsInternational())).rejects.toMatchObject(refusal);
    expect(harness.sandbox.requests.count).toBe(before);
  });

  it('is refused for a sign-in with the stored config before anything reaches the sandbox', async () => {
    const signIn = await connectorPerSend(await loadFactory(), async () => pnvsInternational());
    const before = harness.sandbox.requests.count;
    const error = await signIn.sendMessage({ to: '8613800138000', type: TemplateType.SignIn, payload: { code: '123456' } }).catch((error_: unknown) => error_);
    // The end user's browser gets the short form; the audit log keeps the operator's issues.
    expect(error).toMatchObject({ code: refusal.code });
    expect(auditedData(error)).toMatchObject(refusal.data);
    expect(harness.sandbox.requests.count).toBe(before);
  });
});
