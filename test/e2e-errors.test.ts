/**
 * End to end: every error family the sandbox produces, through Logto's loader and the built
 * package, mapped to the connector error code and the sentence an operator reads.
 */
import { ConnectorError, ConnectorErrorCodes, TemplateType } from '@logto/connector-kit';
import { beforeEach, describe, expect, it } from 'vitest';

import { loadConnector } from '../demo/logto-host.js';
import { connectorConfig } from '../sandbox/connector-config.js';
import { useSandboxAndConnector } from './harness.js';

const harness = useSandboxAndConnector();

beforeEach(() => {
  harness.sandbox.clock.reset();
  harness.sandbox.outbox.clear();
});

const { General, RateLimitExceeded, InvalidRequestParameters, InvalidConfig } = ConnectorErrorCodes;

type Config = ReturnType<typeof connectorConfig>;

const failureOf = async (config: object, to = '8613800138000', type = TemplateType.SignIn) => {
  const error: unknown = await harness.connector
    .sendMessage({ to, type, payload: { code: '123456' } }, config)
    .then(() => 'sent')
    .catch((error_: unknown) => error_);
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError & { data: { errorDescription?: string; code?: string; message?: string; httpStatus?: number } };
};

const withTemplate = (config: Config, usageType: string, templateCode: unknown, extra: object = {}) => ({
  ...config,
  templates: config.templates.map((template) =>
    template.usageType === usageType ? { ...template, templateCode, ...extra } : template
  ),
});

// Not produced through the connector, so covered by the sandbox's own tests and the unit table:
// isv.DOMESTIC_NUMBER_NOT_SUPPORTED (the connector sends mainland numbers as 11 national digits,
// which an international template reads as +1), isv.INVALID_JSON_PARAM (the connector only sends
// string values), isv.MOBILE_COUNT_OVER_LIMIT (lists are refused before sending), SignatureNonceUsed
// (every attempt has a fresh nonce), InvalidVersion and InvalidAction.NotFound.
describe('Aliyun refusals from the sandbox', () => {
  it.each<[string, (config: Config) => object, string, number, ConnectorErrorCodes, string, string?]>([
    ['unknown AccessKey id', (c) => ({ ...c, accessKeyId: 'LTAI5tNoSuchKey' }), 'InvalidAccessKeyId.NotFound', 404, General, 'does not know accessKeyId'],
    ['wrong secret', (c) => ({ ...c, accessKeySecret: 'not-the-secret' }), 'SignatureDoesNotMatch', 400, General, 'accessKeySecret does not belong to accessKeyId'],
    ['unapproved sign name', (c) => ({ ...c, signName: '未审核签名' }), 'isv.SMS_SIGNATURE_ILLEGAL', 200, General, 'does not accept signName'],
    ['unknown template', (c) => withTemplate(c, 'SignIn', 'SMS_000000000'), 'isv.SMS_TEMPLATE_ILLEGAL', 200, General, 'does not accept template SMS_000000000'],
    ['a variable left empty', (c) => withTemplate(c, 'SignIn', 'SMS_460100001', { params: { other: '{{code}}' } }), 'isv.TEMPLATE_MISSING_PARAMETERS', 200, General, "add it to the template's params"],
    ['[assumption A1] mainland template to a Hong Kong number', (c) => withTemplate(c, 'SignIn', 'SMS_460100001'), 'isv.MOBILE_NUMBER_ILLEGAL', 200, InvalidRequestParameters, 'real mobile number', '85268326366'],
  ])('%s → %s', async (_, change, code, httpStatus, connectorCode, says, to) => {
    const error = await failureOf(change(connectorConfig(harness.sandbox)), to);
    expect(error.code).toBe(connectorCode);
    expect(error.data).toMatchObject({ code, httpStatus, requestId: expect.any(String), route: expect.objectContaining({ api: 'SendSms 2017-05-25' }) });
    expect(error.data.errorDescription).toContain(says);
    expect(error.data.errorDescription).toContain(`(Aliyun ${code}: `);
  });

  it('the SignatureDoesNotMatch message keeps the echoed string to sign out', async () => {
    const error = await failureOf({ ...connectorConfig(harness.sandbox), accessKeySecret: 'not-the-secret' });
    expect(JSON.stringify(error.data)).not.toContain('server string to sign');
    expect(JSON.stringify(error.data)).not.toContain('not-the-secret');
  });

  it('a second code to one number within a minute → RateLimitExceeded', async () => {
    const config = connectorConfig(harness.sandbox);
    await harness.connector.sendMessage({ to: '8613700137000', type: TemplateType.SignIn, payload: { code: '111111' } }, config);
    const error = await failureOf(config, '8613700137000');
    expect(error.code).toBe(RateLimitExceeded);
    expect(error.data).toMatchObject({ code: 'isv.BUSINESS_LIMIT_CONTROL', message: '触发分钟级流控Permits:1' });
  });
});

describe('refused before sending: nothing reaches the sandbox', () => {
  it.each<[string, (config: Config) => unknown, string, ConnectorErrorCodes]>([
    ['a list of numbers', (c) => c, '8613800138000,8613900139000', InvalidRequestParameters],
    ['letters', (c) => c, '86138001380OO', InvalidRequestParameters],
    ['a blank sign name', (c) => ({ ...c, signName: ' ' }), '8613800138000', InvalidConfig],
    ['plain http to a remote host', (c) => ({ ...c, endpoint: 'http://dysmsapi.aliyuncs.com' }), '8613800138000', InvalidConfig],
    ['no templates at all', (c) => ({ ...c, templates: [] }), '8613800138000', InvalidConfig],
  ])('%s', async (_, change, to, code) => {
    const before = harness.sandbox.requests.count;
    const error: unknown = await harness.connector
      .sendMessage({ to, type: TemplateType.SignIn, payload: { code: '1' } }, change(connectorConfig(harness.sandbox)))
      .catch((error_: unknown) => error_);
    expect(error).toMatchObject({ code });
    expect(harness.sandbox.requests.count).toBe(before);
  });

  it('a stored config without Generic is refused from getConfig too', async () => {
    const config = connectorConfig(harness.sandbox);
    const { connector: stored } = await loadConnector(undefined, async () => ({
      ...config,
      templates: config.templates.filter(({ usageType }) => usageType !== 'Generic'),
    }));
    const before = harness.sandbox.requests.count;
    await expect(stored.sendMessage({ to: '8613800138000', type: TemplateType.BindMfa, payload: { code: '1' } })).rejects.toMatchObject({
      code: InvalidConfig,
    });
    expect(harness.sandbox.requests.count).toBe(before);
  });
});
