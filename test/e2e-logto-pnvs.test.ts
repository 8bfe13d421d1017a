/**
 * End to end: an operator switching from Logto's PNVS connector (`@logto/connector-aliyun-sms-mas`)
 * pastes its documented config (test/fixtures/logto-pnvs-configs.ts) into this connector's Console
 * form, presses Send, saves, and users sign in. Through Logto's loader and the built package,
 * against the sandbox. A half-converted config is either right the same way or refused on Save
 * and Send with the same sentence.
 */
import { ConnectorErrorCodes, TemplateType, validateConfig, type ConnectorConfigFormItem } from '@logto/connector-kit';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { connectorPerSend, loadConnector, loadFactory, pressSend } from '../demo/logto-host.js';
import { edit, initialValues, refusals, submittedConfig } from './console-form.js';
import { formDefaultTemplates, logtoTemplateByType, mockedConnectorConfig } from './fixtures/logto-pnvs-configs.js';
import { useSandboxAndConnector } from './harness.js';
import { auditedData } from './logto-error-response.js';

const harness = useSandboxAndConnector({ flowControl: false });
let items: ConnectorConfigFormItem[] = [];

beforeAll(async () => {
  items = (await loadConnector()).metadata.formItems ?? [];
});

beforeEach(() => {
  harness.sandbox.outbox.clear();
  harness.sandbox.requests.clear();
});

/**
 * What Logto stores on Save: `cleanDeep(config)` (logto-io/logto `packages/core/src/routes/connector`),
 * which drops empty strings, objects, arrays and nulls at any depth.
 */
const stored = (value: unknown): unknown => {
  if (Array.isArray(value)) {
    return value.map(stored).filter((item) => !isEmpty(item));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, stored(item)] as const).filter(([, item]) => !isEmpty(item)));
  }
  return value;
};
const isEmpty = (value: unknown) =>
  value === null || value === '' || (typeof value === 'object' && Object.keys(value).length === 0);

/**
 * The form of a new connector with Logto's config pasted into its fields: the AccessKey pair (the
 * sandbox's), the signature and the templates JSON, every other item as the form offers it. The
 * PNVS endpoint is the one key added after the form, so that requests reach the sandbox instead
 * of dypnsapi.aliyuncs.com (the form shows that field only with PNVS chosen).
 */
const pastedForm = (pasted: { signName: string; templates: unknown }) => {
  const values = edit(items, initialValues(items), {
    accessKeyId: harness.sandbox.accessKeyId,
    accessKeySecret: harness.sandbox.accessKeySecret,
    signName: pasted.signName,
    templates: JSON.stringify(pasted.templates, null, 2),
  });
  expect(refusals(items, values)).toEqual([]);
  return { ...submittedConfig(items, values), pnvsEndpoint: harness.sandbox.endpoint };
};

const save = (config: unknown) => {
  validateConfig(config, harness.connector.configGuard);
};

/** A sign-in send as Logto core makes it: a fresh connector, the stored config from `getConfig`, none passed. */
const signIn = async (config: unknown, type: TemplateType, to = '8613912345678') => {
  const connector = await connectorPerSend(await loadFactory(), async () => stored(config));
  return connector.sendMessage({ to, type, payload: { code: '246810', locale: 'zh-CN', uiLocales: 'zh-CN' } });
};

const lastRequest = () => harness.sandbox.requests.list().at(-1)?.params ?? {};

describe.each([
  ['the README example (with a gifted signature)', mockedConnectorConfig.templates],
  ["the Templates form item's default of Logto's connector", formDefaultTemplates],
])("Logto's PNVS config pasted unchanged: %s", (_, templates) => {
  const pasted = { signName: mockedConnectorConfig.signName, templates };

  it('Send delivers the Generic code through SendSmsVerifyCode with the gifted signature and template', async () => {
    const config = pastedForm(pasted);
    expect(config).toMatchObject({ site: 'china', mainlandService: 'sms', signName: '速通互联验证码', templates });
    await pressSend(harness.connector, '8613800138000', config);
    expect(lastRequest()).toMatchObject({
      Action: 'SendSmsVerifyCode',
      PhoneNumber: '13800138000',
      CountryCode: '86',
      SignName: '速通互联验证码',
      TemplateCode: '100001',
      TemplateParam: '{"code":"000000","min":"10"}',
    });
    expect(harness.sandbox.outbox.list()).toMatchObject([
      { service: 'dypnsapi', text: '【速通互联验证码】验证码000000，您正在登录或注册，10分钟内有效，请勿告诉他人。' },
    ]);
  });

  it.each(Object.values(TemplateType))('Save, then a %s sign-in uses the template the pasted entry names', async (type) => {
    const config = pastedForm(pasted);
    save(config);
    await signIn(config, type);
    expect(lastRequest()).toMatchObject({ Action: 'SendSmsVerifyCode', SignName: '速通互联验证码', TemplateCode: logtoTemplateByType[type] });
    expect(harness.sandbox.outbox.list()).toMatchObject([{ code: '246810', templateCode: logtoTemplateByType[type] }]);
  });

  it("the saved connector's edit page saves it again unchanged in meaning", async () => {
    const saved = stored(pastedForm(pasted)) as Record<string, unknown>;
    const again = submittedConfig(items, initialValues(items, saved));
    save(again);
    await signIn(again, TemplateType.BindNewIdentifier);
    expect(lastRequest()).toMatchObject({ Action: 'SendSmsVerifyCode', TemplateCode: logtoTemplateByType.BindNewIdentifier });
  });

  it('a Hong Kong number is refused before sending, with the sentence that says how to serve it', async () => {
    const config = pastedForm(pasted);
    save(config);
    const error = await signIn(config, TemplateType.SignIn, '85268326366').catch((error_: unknown) => error_);
    // A sign-in: `General`, so Logto shows the end user's region sentence; the audit log keeps the operator's.
    expect(error).toMatchObject({ code: ConnectorErrorCodes.General, data: { errorDescription: '暂不支持向您所在地区的手机号发送短信验证码。请使用其他地区的手机号，或使用其他方式登录。' } });
    expect(JSON.stringify(auditedData(error))).toContain('is outside mainland China, which PNVS (mainlandService pnvs) does not serve');
    expect(harness.sandbox.requests.count).toBe(0);
  });
});

describe('a half-converted config that cannot be right is refused on Save and on Send, naming the entry', () => {
  const sentence =
    'templates[4] (BindMfa): templateCode 100001 is a gifted PNVS template, not a SendSms one (those look like SMS_123456789), while other entries name SendSms templates';

  const mixed = () =>
    pastedForm({
      signName: 'Logto沙箱',
      templates: [
        ...['SignIn', 'Register', 'ForgotPassword', 'Generic'].map((usageType) => ({ usageType, templateCode: 'SMS_460200001' })),
        { usageType: 'BindMfa', templateCode: '100001' },
      ],
    });

  it('Save', () => {
    expect(() => {
      save(mixed());
    }).toThrow(sentence);
  });

  it('Send, with nothing sent', async () => {
    const error = await pressSend(harness.connector, '8613800138000', mixed()).catch((error_: unknown) => error_);
    expect(error).toMatchObject({ code: ConnectorErrorCodes.InvalidConfig });
    expect(JSON.stringify(error)).toContain(sentence);
    expect(harness.sandbox.requests.count).toBe(0);
  });
});
