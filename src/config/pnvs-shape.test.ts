import { TemplateType } from '@logto/connector-kit';
import { describe, expect, it } from 'vitest';

import { issuesOf, requiredTemplates } from '../../test/config-refusals.js';
import {
  formDefaultTemplates,
  logtoTemplateByType,
  mockedConnectorConfig,
  readmeExample,
  readmeExampleWithSignature,
} from '../../test/fixtures/logto-pnvs-configs.js';
import { configGuard, parseConfig } from './config.js';
import { giftedTemplateByType, giftedTemplates } from '../plan/pnvs.js';
import { planSend } from '../plan/route.js';

const keys = { accessKeyId: 'LTAI5tFakeKeyId', accessKeySecret: 'fakeSecret' };
const gifted = readmeExampleWithSignature.templates;
const pnvsSignName = '速通互联验证码';

/** The gifted template a parsed config sends a mainland message of this type with. */
const mainlandTemplate = (config: unknown, type: TemplateType) =>
  planSend(parseConfig(config), { to: '8613800138000', type, payload: { code: '123456' } }).parameters;

describe("Logto's PNVS connector's documented configs, pasted unchanged", () => {
  it.each<[string, unknown]>([
    ['the README example with a gifted signature (before 2026-07-21)', readmeExampleWithSignature],
    ["constant.ts's form default templates", { ...readmeExampleWithSignature, templates: formDefaultTemplates }],
    ["mock.ts's mockedConnectorConfig", mockedConnectorConfig],
    ['the same with the Console form defaults of a new connector', { ...mockedConnectorConfig, site: 'china', mainlandService: 'sms', allowedRegionCodes: {}, strictPhoneRegionNumberCheck: false }],
  ])('%s: read as PNVS with the gifted signature and each entry\'s code', (_, config) => {
    expect(configGuard.safeParse(config).success).toBe(true);
    const read = parseConfig(config);
    expect([read.mainlandService, read.pnvsSignName, read.signName]).toEqual(['pnvs', pnvsSignName, undefined]);
    for (const type of Object.values(TemplateType)) {
      expect(mainlandTemplate(config, type)).toMatchObject({
        Action: 'SendSmsVerifyCode',
        SignName: pnvsSignName,
        TemplateCode: logtoTemplateByType[type],
        TemplateParam: '{"code":"123456","min":"10"}',
      });
    }
  });

  it('keeps Logto\'s wording where it differs from our defaults: BindNewIdentifier 100002, BindMfa 100001', () => {
    expect(mainlandTemplate(mockedConnectorConfig, TemplateType.BindNewIdentifier).TemplateCode).toBe('100002');
    expect(mainlandTemplate(mockedConnectorConfig, TemplateType.BindMfa).TemplateCode).toBe('100001');
  });

  it("the README's way to keep Logto's wording without its entries: an entry per type", () => {
    const config = {
      ...keys,
      mainlandService: 'pnvs',
      pnvsSignName,
      templates: [
        { usageType: 'BindNewIdentifier', pnvsTemplateCode: '100002' },
        { usageType: 'BindMfa', pnvsTemplateCode: '100001' },
      ],
    };
    expect(mainlandTemplate(config, TemplateType.BindNewIdentifier).TemplateCode).toBe('100002');
    expect(mainlandTemplate(config, TemplateType.BindMfa).TemplateCode).toBe('100001');
    // Without them, ours.
    expect(mainlandTemplate({ ...config, templates: [] }, TemplateType.BindMfa).TemplateCode).toBe('100004');
  });

  it('refuses numbers outside mainland China before sending, as Logto\'s connector does, saying how to serve them', () => {
    expect(() => planSend(parseConfig(mockedConnectorConfig), { to: '85268326366', type: TemplateType.SignIn, payload: { code: '1' } })).toThrow(
      /is outside mainland China, which PNVS \(mainlandService pnvs\) does not serve, and no signName is set for SendSms; nothing was sent. To serve it, set signName/
    );
  });

  it("the README example as it reads today: its signature placeholder is refused, naming signName", () => {
    expect(issuesOf(readmeExample)).toEqual([
      'signName: signName <your-gift-signature> is an example\'s placeholder: use an approved signature name from the Aliyun SMS console, or for PNVS copy a gifted signature from the PNVS console (号码认证服务 → 短信认证 → 赠送签名), e.g. 速通互联验证码',
    ]);
  });
});

/** A config with `change` applied to the Logto shape's entry of `usageType`. */
const withEntry = (base: object[], usageType: string, change: object) =>
  base.map((entry) => ((entry as { usageType: string }).usageType === usageType ? { ...entry, ...change } : entry));

const sendSmsPairs = requiredTemplates.map(({ usageType, templateCode }) => ({ usageType, templateCode: { china: templateCode, overseas: `${templateCode}9` } }));

describe('half-converted configs that are right', () => {
  it.each<[string, unknown, Partial<Record<TemplateType, string>>]>([
    [
      'mainlandService pnvs chosen, signName left as the gifted signature, no pnvsSignName',
      { ...keys, mainlandService: 'pnvs', signName: pnvsSignName, templates: gifted },
      { SignIn: '100001', BindNewIdentifier: '100002', BindMfa: '100001' },
    ],
    [
      'the gifted signature moved to pnvsSignName and kept in signName too',
      { ...keys, mainlandService: 'pnvs', signName: pnvsSignName, pnvsSignName, templates: gifted },
      { ForgotPassword: '100003', UserPermissionValidation: '100005' },
    ],
    [
      'pnvsSignName set, signName removed, gifted codes left in templateCode',
      { ...keys, mainlandService: 'pnvs', pnvsSignName, templates: gifted },
      { SignIn: '100001', BindNewIdentifier: '100002' },
    ],
    [
      'gifted codes copied to pnvsTemplateCode and left in templateCode',
      { ...keys, mainlandService: 'pnvs', pnvsSignName, templates: gifted.map((entry) => ({ ...entry, pnvsTemplateCode: entry.templateCode })) },
      { BindNewIdentifier: '100002' },
    ],
    [
      // As Logto's connector (connector-kit's getConfigTemplateByType), a type without an entry uses Generic's.
      'only the four required entries: the other types use the Generic entry\'s code',
      { ...keys, signName: pnvsSignName, templates: gifted.slice(0, 4) },
      { SignIn: '100001', ForgotPassword: '100003', BindNewIdentifier: '100001', BindMfa: '100001', UserPermissionValidation: '100001' },
    ],
    [
      'a gifted signature copied to pnvsSignName with no SendSms templates',
      { ...keys, mainlandService: 'pnvs', pnvsSignName, signName: pnvsSignName },
      { SignIn: '100001', BindMfa: '100004' },
    ],
  ])('%s', (_, config, expected) => {
    const read = parseConfig(config);
    expect([read.mainlandService, read.pnvsSignName, read.signName]).toEqual(['pnvs', pnvsSignName, undefined]);
    for (const type of Object.values(TemplateType).filter((candidate) => expected[candidate] !== undefined)) {
      expect(mainlandTemplate(config, type).TemplateCode).toBe(expected[type]);
    }
  });

  it('an own signature with SendSms pairs and gifted pnvsTemplateCode overrides keeps both routes', () => {
    const config = { ...keys, mainlandService: 'pnvs', pnvsSignName, signName: 'Logto', templates: withEntry(sendSmsPairs, 'SignIn', { pnvsTemplateCode: '100002' }) };
    expect(mainlandTemplate(config, TemplateType.SignIn)).toMatchObject({ Action: 'SendSmsVerifyCode', TemplateCode: '100002' });
    expect(planSend(parseConfig(config), { to: '85268326366', type: TemplateType.SignIn, payload: { code: '1' } }).parameters).toMatchObject({
      Action: 'SendSms',
      SignName: 'Logto',
      TemplateCode: 'SMS_19',
    });
  });
});

describe('half-converted configs that cannot be right are refused, naming the entries', () => {
  it.each<[string, unknown, string[]]>([
    [
      'SendSms codes and gifted codes mixed, mainland through SendSms',
      { ...keys, signName: 'Logto', templates: [...requiredTemplates, { usageType: 'BindMfa', templateCode: '100001' }, { usageType: 'UserPermissionValidation', templateCode: '100005' }] },
      [
        'templates.4.templateCode: templates[4] (BindMfa): templateCode 100001 is a gifted PNVS template, not a SendSms one (those look like SMS_123456789), while other entries name SendSms templates: use this account\'s SMS_ template code, or send mainland codes through PNVS (mainlandService pnvs, with 100001 in pnvsTemplateCode)',
        'templates.5.templateCode: templates[5] (UserPermissionValidation): templateCode 100005 is a gifted PNVS template, not a SendSms one (those look like SMS_123456789), while other entries name SendSms templates: use this account\'s SMS_ template code, or send mainland codes through PNVS (mainlandService pnvs, with 100005 in pnvsTemplateCode)',
      ],
    ],
    [
      'PNVS with an own signature, and a gifted code where SendSms needs an SMS_ one',
      { ...keys, mainlandService: 'pnvs', pnvsSignName, signName: 'Logto', templates: [...sendSmsPairs, { usageType: 'BindMfa', templateCode: '100004' }] },
      [
        'templates.4.templateCode: templates[4] (BindMfa): templateCode 100004 is a gifted PNVS template, but signName is set, so this entry goes to numbers outside mainland China through SendSms, which needs an SMS_ template code: move 100004 to pnvsTemplateCode and give an international SMS_ code, or remove signName to refuse those numbers',
      ],
    ],
    [
      'the gifted signature in both signName and pnvsSignName beside SendSms templates',
      { ...keys, mainlandService: 'pnvs', pnvsSignName, signName: pnvsSignName, templates: sendSmsPairs },
      [
        'signName: signName and pnvsSignName are both 速通互联验证码, but no signature serves both: PNVS sends only with a gifted signature (pnvsSignName, e.g. 速通互联验证码) and SendSms, for numbers outside mainland China, only with one approved in the Aliyun SMS console (signName): correct the one that is wrong, or remove signName to refuse those numbers',
      ],
    ],
    [
      'Logto\'s shape with a different pnvsSignName',
      { ...keys, mainlandService: 'pnvs', pnvsSignName: '沙箱赠送签名', signName: pnvsSignName, templates: gifted },
      [
        'signName: signName 速通互联验证码 differs from pnvsSignName 沙箱赠送签名, but no templates entry names a SendSms template (SMS_…), so signName could send nothing: remove signName (numbers outside mainland China are then refused), or give the entries this account\'s SMS_ template codes',
      ],
    ],
    [
      'an entry naming two different gifted templates',
      { ...keys, signName: pnvsSignName, templates: withEntry(gifted, 'BindMfa', { pnvsTemplateCode: '100004' }) },
      ['templates.8.pnvsTemplateCode: templates[8] (BindMfa) names two gifted templates, templateCode 100001 and pnvsTemplateCode 100004: keep one'],
    ],
    [
      'a SendSms code in pnvsTemplateCode',
      { ...keys, mainlandService: 'pnvs', pnvsSignName, templates: [{ usageType: 'SignIn', pnvsTemplateCode: 'SMS_154950909' }] },
      ['templates.0.pnvsTemplateCode: templates[0] (SignIn): pnvsTemplateCode SMS_154950909 is a SendSms template code, which PNVS does not send: give pnvsTemplateCode a gifted template such as 100001, and put SendSms codes in templateCode'],
    ],
    [
      'a gifted code as the mainland half of a pair',
      { ...keys, signName: 'Logto', templates: withEntry(sendSmsPairs, 'SignIn', { templateCode: { china: '100001', overseas: 'SMS_9' } }) },
      ['templates.0.templateCode.china: templates[0] (SignIn): templateCode.china 100001 is not a SendSms template code (those look like SMS_123456789): put a gifted PNVS template for mainland numbers in pnvsTemplateCode, with mainlandService pnvs'],
    ],
    [
      "Logto's templates without any signature",
      { ...keys, templates: gifted },
      ['signName: signName is required: templates name gifted PNVS templates (100001…), so mainland codes go through PNVS with a gifted signature: copy a gifted signature from the PNVS console (号码认证服务 → 短信认证 → 赠送签名), e.g. 速通互联验证码'],
    ],
    [
      'a placeholder in pnvsSignName',
      { ...keys, mainlandService: 'pnvs', pnvsSignName: '<signature-name>' },
      ['pnvsSignName: pnvsSignName <signature-name> is an example\'s placeholder: copy a gifted signature from the PNVS console (号码认证服务 → 短信认证 → 赠送签名), e.g. 速通互联验证码'],
    ],
  ])('%s', (_, config, messages) => {
    expect(issuesOf(config)).toEqual(messages);
    expect(configGuard.safeParse(config).success).toBe(false);
  });

  it('the international site has no PNVS: gifted-looking codes are left to Alibaba Cloud, as before', () => {
    expect(parseConfig({ ...keys, site: 'international', signName: 'Logto', templates: gifted }).mainlandService).toBe('sms');
  });
});

describe("the gifted templates, and our defaults beside Logto's (docs/aliyun-pnvs-api.md §3)", () => {
  it('each code is for the purpose Aliyun, Logto and public code agree on', () => {
    expect(giftedTemplates).toEqual({
      signInOrUp: '100001',
      changePhone: '100002',
      resetPassword: '100003',
      bindPhone: '100004',
      verifyPhone: '100005',
    });
  });

  // Kept deliberately where Logto's connector-aliyun-sms-mas documents otherwise (BindNewIdentifier
  // 100002, BindMfa 100001): a pasted Logto config names its own code per type and keeps its
  // wording; these apply only where no entry names one, and "binding a new phone" fits both.
  it('ours where no entry names a template: two differ from Logto\'s table', () => {
    expect(giftedTemplateByType).toEqual({
      SignIn: '100001',
      Register: '100001',
      Generic: '100001',
      MfaVerification: '100001',
      OrganizationInvitation: '100001',
      ForgotPassword: '100003',
      BindNewIdentifier: '100004',
      BindMfa: '100004',
      UserPermissionValidation: '100005',
    });
    const differ = Object.values(TemplateType).filter((type) => giftedTemplateByType[type] !== logtoTemplateByType[type]);
    expect(differ).toEqual([TemplateType.BindNewIdentifier, TemplateType.BindMfa]);
  });
});
