/**
 * Loads the built package the way Logto does (`@logto/cli`'s loader: package.json check, then
 * `lib/index.js`), and presses the Console's Send button.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildRawConnector, loadConnectorFactories } from '@logto/cli/lib/connector/index.js';
import { ConnectorError, ConnectorErrorCodes, ConnectorType, TemplateType, type SmsConnector } from '@logto/connector-kit';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const config = {
  accessKeyId: 'LTAI5tFakeKeyId',
  accessKeySecret: 'fakeSecret',
  signName: '登录验证',
  templates: [
    { usageType: 'SignIn', templateCode: 'SMS_1' },
    { usageType: 'Register', templateCode: 'SMS_2' },
    { usageType: 'ForgotPassword', templateCode: 'SMS_3' },
    { usageType: 'Generic', templateCode: 'SMS_4' },
  ],
};

beforeAll(() => {
  nock.disableNetConnect();
});

afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

const load = async () => {
  const [factory] = await loadConnectorFactories([{ name: 'connector-aliyun-sms', path: root }], false);
  if (!factory) {
    throw new Error('Logto skipped the connector; its loader printed why');
  }
  const { rawConnector, rawMetadata } = await buildRawConnector(factory);
  return { factory, rawConnector: rawConnector as SmsConnector, rawMetadata };
};

describe("through Logto's loader", () => {
  it('loads as an SMS connector with metadata Logto accepts', async () => {
    const { factory, rawMetadata } = await load();
    expect(factory.type).toBe(ConnectorType.Sms);
    expect(rawMetadata.id).toBe('aliyun-sms');
    expect(rawMetadata.logo).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(rawMetadata.readme).toContain('# connector-aliyun-sms');
  });

  it("sends what the Console's Send button sends", async () => {
    let posted: Record<string, string> = {};
    const scope = nock('https://dysmsapi.aliyuncs.com')
      .post('/', (body: Record<string, string>) => {
        posted = body;
        return true;
      })
      .reply(200, { Code: 'OK', Message: 'OK', BizId: '9006197469364984^0', RequestId: 'F655A8D5' });
    const { rawConnector } = await load();
    await expect(
      rawConnector.sendMessage(
        { to: '8613800138000', type: TemplateType.Generic, payload: { code: '000000', locale: 'zh-CN' } },
        config
      )
    ).resolves.toEqual({ BizId: '9006197469364984^0', RequestId: 'F655A8D5' });
    expect(scope.isDone()).toBe(true);
    expect(posted).toMatchObject({ PhoneNumbers: '13800138000', TemplateCode: 'SMS_4', TemplateParam: '{"code":"000000"}' });
  });

  it("throws errors that are Logto's own ConnectorError class", async () => {
    const { rawConnector } = await load();
    const error: unknown = await rawConnector
      .sendMessage({ to: '8613800138000', type: TemplateType.Generic, payload: { code: '000000' } }, { ...config, templates: [] })
      .catch((error_: unknown) => error_);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: ConnectorErrorCodes.InvalidConfig });
  });
});
