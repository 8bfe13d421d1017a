/**
 * Loads the built package the way Logto does (`@logto/cli`'s `loadConnectorFactories`, then
 * `buildRawConnector`, through demo/logto-host.ts) and presses the Console's Send button.
 */
import { ConnectorError, ConnectorErrorCodes, ConnectorType, TemplateType } from '@logto/connector-kit';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConnector, pressSend } from '../demo/logto-host.js';

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

describe("through Logto's loader", () => {
  it('loads as an SMS connector with metadata Logto accepts', async () => {
    const { type, metadata } = await loadConnector();
    expect(type).toBe(ConnectorType.Sms);
    expect(metadata.id).toBe('aliyun-sms');
    expect(metadata.logo).toMatch(/^data:image\/svg\+xml;base64,/);
    // The Console's guide, read from the package: the short setup guide, in both languages.
    expect(metadata.readme).toContain('# Aliyun SMS connector');
    expect(metadata.readme).toContain('## 设置（简体中文）');
  });

  it("sends what the Console's Send button sends", async () => {
    let posted: Record<string, string> = {};
    const scope = nock('https://dysmsapi.aliyuncs.com')
      .post('/', (body: Record<string, string>) => {
        posted = body;
        return true;
      })
      .reply(200, { Code: 'OK', Message: 'OK', BizId: '9006197469364984^0', RequestId: 'F655A8D5' });
    const { connector } = await loadConnector();
    await expect(pressSend(connector, '8613800138000', config, 'zh-CN')).resolves.toEqual({ BizId: '9006197469364984^0', RequestId: 'F655A8D5' });
    expect(scope.isDone()).toBe(true);
    expect(posted).toMatchObject({ PhoneNumbers: '13800138000', TemplateCode: 'SMS_4', TemplateParam: '{"code":"000000"}' });
  });

  it("throws errors that are Logto's own ConnectorError class", async () => {
    const { connector } = await loadConnector();
    const error: unknown = await connector
      .sendMessage({ to: '8613800138000', type: TemplateType.Generic, payload: { code: '000000' } }, { ...config, templates: [] })
      .catch((error_: unknown) => error_);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: ConnectorErrorCodes.InvalidConfig });
  });
});
