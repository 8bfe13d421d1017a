import { ConnectorErrorCodes, TemplateType } from '@logto/connector-kit';
import { describe, expect, it } from 'vitest';

import { parseConfig, type AliyunSmsConfigInput } from '../config/config.js';
import { planSend } from './route.js';

const keys = { accessKeyId: 'LTAI5tFakeKeyId', accessKeySecret: 'fakeSecret' };

/** A PNVS-only account: the Console's required fields and nothing else. */
const pnvsOnly = { ...keys, mainlandService: 'pnvs', pnvsSignName: '速通互联验证码' } satisfies AliyunSmsConfigInput;

/** PNVS for the mainland, SendSms with the account's own signature for the rest. */
const mixed = {
  ...pnvsOnly,
  signName: 'Logto',
  templates: [
    { usageType: 'SignIn', templateCode: { china: 'SMS_CN_SIGNIN', overseas: 'SMS_INTL_SIGNIN' }, pnvsTemplateCode: '100009' },
    { usageType: 'Register', templateCode: 'SMS_REGISTER', pnvsParams: { code: '{{code}}' } },
    { usageType: 'ForgotPassword', templateCode: 'SMS_RESET' },
    { usageType: 'Generic', templateCode: { china: 'SMS_CN_GENERIC', overseas: 'SMS_INTL_GENERIC' } },
  ],
} satisfies AliyunSmsConfigInput;

const plan = (config: AliyunSmsConfigInput, to: string, type: TemplateType = TemplateType.SignIn, code = '123456') =>
  planSend(parseConfig(config), { to, type, payload: { code, locale: 'zh-CN' } });

describe('the PNVS route', () => {
  it('builds the whole SendSmsVerifyCode call for a PNVS-only account', () => {
    expect(plan(pnvsOnly, '8613800138000')).toEqual({
      endpoint: 'https://dypnsapi.aliyuncs.com',
      action: 'SendSmsVerifyCode',
      version: '2017-05-25',
      parameters: {
        Action: 'SendSmsVerifyCode',
        Version: '2017-05-25',
        Format: 'JSON',
        RegionId: 'cn-hangzhou',
        PhoneNumber: '13800138000',
        CountryCode: '86',
        SignName: '速通互联验证码',
        TemplateCode: '100001',
        TemplateParam: '{"code":"123456","min":"10"}',
      },
      route: {
        site: 'china',
        region: 'mainland',
        regionCode: '86',
        api: 'SendSmsVerifyCode 2017-05-25',
        templateCode: '100001',
        to: '138****8000',
      },
    });
  });

  it('sends the scheme name, the operator\'s minutes and the sandbox endpoint when set', () => {
    const { endpoint, parameters } = plan(
      { ...pnvsOnly, pnvsSchemeName: '登录方案', pnvsCodeValidMinutes: 5, pnvsEndpoint: 'http://127.0.0.1:8787/' },
      '13800138000'
    );
    expect([endpoint, parameters.SchemeName, parameters.TemplateParam]).toEqual([
      'http://127.0.0.1:8787',
      '登录方案',
      '{"code":"123456","min":"5"}',
    ]);
  });

  // The README's table of gifted templates, written out: never the code's own giftedTemplateByType.
  it.each<[TemplateType, string]>([
    [TemplateType.SignIn, '100001'],
    [TemplateType.Register, '100001'],
    [TemplateType.Generic, '100001'],
    [TemplateType.MfaVerification, '100001'],
    [TemplateType.OrganizationInvitation, '100001'],
    [TemplateType.ForgotPassword, '100003'],
    [TemplateType.BindNewIdentifier, '100004'],
    [TemplateType.BindMfa, '100004'],
    [TemplateType.UserPermissionValidation, '100005'],
  ])('%s defaults to gifted template %s (README table)', (type, templateCode) => {
    expect(plan(pnvsOnly, '8613800138000', type).parameters.TemplateCode).toBe(templateCode);
  });

  it.each<[string, TemplateType, string, string, string]>([
    ['an entry\'s pnvsTemplateCode wins', TemplateType.SignIn, '8613800138000', 'SendSmsVerifyCode', '100009'],
    ['an entry without one: gifted default for the type', TemplateType.ForgotPassword, '8613800138000', 'SendSmsVerifyCode', '100003'],
    ['Generic fallback entry, gifted default for the message type', TemplateType.BindNewIdentifier, '8613800138000', 'SendSmsVerifyCode', '100004'],
    ['Hong Kong goes through SendSms with the own template', TemplateType.SignIn, '85268326366', 'SendSms', 'SMS_INTL_SIGNIN'],
    ['US, explicit region code, through SendSms', TemplateType.Register, '+16502530000', 'SendSms', 'SMS_REGISTER'],
  ])('mixed account: %s', (_, type, to, action, templateCode) => {
    const { parameters } = plan(mixed, to, type);
    expect([parameters.Action, parameters.TemplateCode]).toEqual([action, templateCode]);
  });

  it('a PNVS-only account with entries for some types uses gifted defaults for the rest', () => {
    const partial = { ...pnvsOnly, templates: [{ usageType: 'SignIn', pnvsTemplateCode: '100009' }] };
    expect([TemplateType.SignIn, TemplateType.ForgotPassword].map((type) => plan(partial, '8613800138000', type).parameters.TemplateCode)).toEqual([
      '100009',
      '100003',
    ]);
  });

  it("uses an entry's pnvsParams instead of the default code and min", () => {
    expect(plan(mixed, '8613800138000', TemplateType.Register).parameters.TemplateParam).toBe('{"code":"123456"}');
  });

  it('sends overseas numbers to the SMS host with the own signature, not to PNVS', () => {
    const { endpoint, parameters } = plan(mixed, '85268326366');
    expect([endpoint, parameters.SignName, parameters.PhoneNumbers]).toEqual(['https://dysmsapi.aliyuncs.com', 'Logto', '85268326366']);
  });

  it.each<[string, AliyunSmsConfigInput]>([
    ['no templates', pnvsOnly],
    ["the Console's default templates, placeholder codes and all", { ...pnvsOnly, templates: [{ usageType: 'Generic', templateCode: '<template-code>' }] }],
  ])('refuses an overseas number before sending when the account has no signature of its own: %s', (_, config) => {
    expect(() => plan(config, '85268326366')).toThrow(
      expect.objectContaining({
        code: ConnectorErrorCodes.General,
        data: {
          refusal: 'region',
          errorDescription:
            'The phone number "852****6366" is outside mainland China, which PNVS (mainlandService pnvs) does not serve, and no signName is set for SendSms; nothing was sent. To serve it, set signName to an approved signature of this account and templates with international template codes; to refuse such numbers earlier, set allowedRegionCodes to ["86"].',
        },
      })
    );
  });

  it('applies allowedRegionCodes before choosing a service', () => {
    expect(() => plan({ ...mixed, allowedRegionCodes: ['852'] }, '8613800138000')).toThrow(
      expect.objectContaining({
        code: ConnectorErrorCodes.General,
        data: { refusal: 'region', errorDescription: expect.stringContaining('has region code +86, which allowedRegionCodes (852) does not allow') },
      })
    );
  });

  it('leaves mainland numbers on SendSms when mainlandService is sms', () => {
    expect(plan({ ...mixed, mainlandService: 'sms' }, '8613800138000').parameters.Action).toBe('SendSms');
  });
});

describe('the PNVS route and the user\'s language', () => {
  // The entry is chosen as for SendSms (template.ts), so a language entry may carry its own gifted template.
  const byLanguage = {
    ...pnvsOnly,
    templates: [
      { usageType: 'SignIn', pnvsTemplateCode: '100001' },
      { usageType: 'SignIn', locales: ['en'], pnvsTemplateCode: '100011', pnvsParams: { code: '{{code}}' } },
    ],
  } satisfies AliyunSmsConfigInput;

  it.each([
    ['uiLocales names English', { code: '1', uiLocales: 'en-GB zh-CN', locale: 'zh-CN' }, '100011', '{"code":"1"}'],
    ['locale is English', { code: '1', locale: 'en' }, '100011', '{"code":"1"}'],
    ['Chinese user gets the default entry', { code: '1', locale: 'zh-CN' }, '100001', '{"code":"1","min":"10"}'],
    ['no language at all', { code: '1' }, '100001', '{"code":"1","min":"10"}'],
  ])('%s', (_, payload, templateCode, templateParam) => {
    const { parameters } = planSend(parseConfig(byLanguage), { to: '8613800138000', type: TemplateType.SignIn, payload });
    expect([parameters.TemplateCode, parameters.TemplateParam]).toEqual([templateCode, templateParam]);
  });
});
