/**
 * End to end: the Console's Send says why. A Send (the form's config passed) refused for a
 * signature or template reason asks the account's read-only APIs and adds what they say to the
 * operator's sentence; a sign-in send (no config argument) refused the same way makes no extra
 * request, counted on the sandbox's request log.
 */
import { ConnectorError, TemplateType } from '@logto/connector-kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { connectorPerSend, loadFactory, pressSend } from '../demo/logto-host.js';
import { connectorConfig } from '../sandbox/connector-config.js';
import { startSandbox, type Sandbox } from '../sandbox/index.js';

let sandbox: Sandbox;
let config: ReturnType<typeof connectorConfig>;
let stored: unknown;

beforeAll(async () => {
  sandbox = await startSandbox({ flowControl: false });
  config = connectorConfig(sandbox);
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandbox.requests.clear();
  sandbox.account.reset();
});

const withEntry = (usageType: string, templateCode: unknown) => ({
  ...config,
  templates: config.templates.map((entry) => (entry.usageType === usageType ? { ...entry, templateCode } : entry)),
});
const withGeneric = (templateCode: unknown) => withEntry('Generic', templateCode);

const failure = async (run: () => Promise<unknown>) => {
  const error: unknown = await run().then(() => 'sent', (error_: unknown) => error_);
  expect(error).toBeInstanceOf(ConnectorError);
  return (error as ConnectorError & { data: { errorDescription: string; operatorDescription?: string; code?: string } }).data;
};

const actions = () => sandbox.requests.list().map((request) => request.params.Action);

describe("the Console's Send explains a refusal from the account", () => {
  it.each([
    [
      'a template under review',
      () => withGeneric('SMS_460300001'),
      'isv.SMS_TEMPLATE_ILLEGAL',
      ['GetSmsTemplate'],
      ' The account says: template SMS_460300001 is still under review, submitted 2026-12-01 (wait for Aliyun\'s review (see the Aliyun SMS console (短信服务 → 国内消息 / 国际/港澳台消息)), or use an approved template meanwhile).',
    ],
    [
      'a variable params does not fill',
      () => withGeneric('SMS_460300006'),
      'isv.TEMPLATE_MISSING_PARAMETERS',
      ['GetSmsTemplate'],
      ' The account says: template SMS_460300006 needs ${product}, which params does not fill (add "product": "<value or {{placeholder}}>" to params).',
    ],
    [
      'another account\'s template',
      () => withGeneric('SMS_460300003'),
      'isv.SMS_TEMPLATE_ILLEGAL',
      ['GetSmsTemplate'],
      ' The account says: template SMS_460300003 is not in this Aliyun account (check the code or name against the Aliyun SMS console (短信服务 → 国内消息 / 国际/港澳台消息); a template approved for another Aliyun account cannot be used with this AccessKey).',
    ],
    [
      'a rejected signature',
      () => ({ ...config, signName: '沙箱驳回' }),
      'isv.SMS_SIGNATURE_ILLEGAL',
      ['GetSmsSign'],
      ' The account says: signature 沙箱驳回 was rejected: 通过资质信息，不能判断是否可以申请此签名，请补充营业执照或商标证明。 (edit and resubmit it in the Aliyun SMS console (短信服务 → 国内消息 / 国际/港澳台消息), or set signName to an approved signature).',
    ],
  ])('%s', async (_, form, code, lookups, added) => {
    const connector = await connectorPerSend(await loadFactory());
    const data = await failure(() => pressSend(connector, '13800138000', form()));
    expect(data.code).toBe(code);
    expect(data.errorDescription.endsWith(added)).toBe(true);
    expect(actions()).toEqual(['SendSms', ...lookups]);
  });

  it('an international verification-code template (IntlType 2) is never called promotional; a promotional one (IntlType 1) is', async () => {
    const international = { scope: 'international', status: 'approved', createdAt: '2026-11-02 10:00:00', owner: 'this' } as const;
    sandbox.account.putTemplate({ ...international, code: 'SMS_469200001', name: 'Code', kind: 'code', content: 'Your code is ${otp}' });
    const connector = await connectorPerSend(await loadFactory());
    const coded = await failure(() => pressSend(connector, '85261234567', withGeneric({ china: 'SMS_460100004', overseas: 'SMS_469200001' })));
    expect(coded.code).toBe('isv.TEMPLATE_MISSING_PARAMETERS');
    expect(coded.errorDescription).toContain(' The account says: template SMS_469200001 needs ${otp}, which params does not fill');
    expect(coded.errorDescription).not.toContain('promotional');

    const promoted = await failure(() => pressSend(connector, '85261234567', withGeneric({ china: 'SMS_460100004', overseas: 'SMS_460300005' })));
    expect(promoted.errorDescription).toContain(
      'template SMS_460300005 is an international/Hong Kong-Macao-Taiwan promotional (marketing) template (IntlType 1), used here for verification codes: Aliyun approves a promotional template for marketing messages, not for codes (apply for a verification-code template (验证码, IntlType 2) and use its code)'
    );
  });

  it('says which RAM action would let it explain, when the key may not read templates', async () => {
    const sendOnly = sandbox.registry.credentials.find(({ accessKeyId }) => accessKeyId === 'LTAI5tSandboxSendOnlyKey');
    const connector = await connectorPerSend(await loadFactory());
    const data = await failure(() => pressSend(connector, '13800138000', { ...withGeneric('SMS_460300001'), ...sendOnly }));
    expect(data.errorDescription).toContain(
      ' The account says: template SMS_460300001 could not be read: this AccessKey may not call dysms:GetSmsTemplate (grant dysms:GetSmsTemplate (the optional read-only policy in docs/operator-commands.md) to check it).'
    );
  });

  it('a sign-in send refused the same way makes exactly one request and adds nothing', async () => {
    stored = withEntry('SignIn', 'SMS_460300001');
    const connector = await connectorPerSend(await loadFactory(), async () => stored);
    const data = await failure(() => connector.sendMessage({ to: '13800138000', type: TemplateType.SignIn, payload: { code: '123456', locale: 'en' } }));
    expect(actions()).toEqual(['SendSms']);
    expect(JSON.stringify(data)).not.toContain('The account says');
  });
});
