import { ConnectorErrorCodes, TemplateType, type SendMessagePayload } from '@logto/connector-kit';
import { describe, expect, it } from 'vitest';

import { parseConfig } from '../config/config.js';
import { maxUiLocales } from './language-tag.js';
import { chooseTemplate, renderTemplateParam } from './template.js';

describe('renderTemplateParam', () => {
  it.each<[string, Record<string, string>, Record<string, unknown>, string]>([
    ['the default maps code', { code: '{{code}}' }, { code: '123456', locale: 'zh-CN' }, '{"code":"123456"}'],
    ['renamed variable and literal text', { verifyCode: '{{ code }}', product: 'Logto' }, { code: '42' }, '{"verifyCode":"42","product":"Logto"}'],
    ['dotted paths reach nested strings', { app: '{{application.name}}' }, { application: { name: 'Acme' } }, '{"app":"Acme"}'],
    ['a missing nested property renders empty', { app: '{{application.name}}' }, { application: {} }, '{"app":""}'],
    ['an object value never becomes [object Object]', { who: '{{user}}' }, { user: { id: 'u1' } }, '{"who":""}'],
    ['prototype names render empty', { p: '{{__proto__}}', c: '{{constructor}}' }, { code: '1' }, '{"p":"","c":""}'],
    ['numbers become strings', { code: '{{code}}' }, { code: 123_456 }, '{"code":"123456"}'],
    ['quotes and newlines are JSON-escaped', { code: '{{code}}' }, { code: 'a"b\nc' }, '{"code":"a\\"b\\nc"}'],
  ])('%s', (_, params, payload, expected) => {
    expect(renderTemplateParam(params, payload)).toBe(expected);
  });

  it('refuses a placeholder the payload cannot fill, instead of texting "{{code}}" to a user', () => {
    expect(() => renderTemplateParam({ code: '{{code}}' }, { locale: 'en' })).toThrow(
      expect.objectContaining({
        code: ConnectorErrorCodes.InsufficientRequestParameters,
        data: { message: "Template parameter code needs {{code}}, which this message's payload does not have." },
      })
    );
  });
});

describe('chooseTemplate', () => {
  // One usageType served in several languages, parsed by the guard as Logto would store it.
  const { templates } = parseConfig({
    accessKeyId: 'LTAI5tFakeKeyId',
    accessKeySecret: 'fakeSecret',
    signName: '阿里云短信测试',
    templates: [
      { usageType: 'SignIn', templateCode: 'SMS_ZH_SIGNIN' },
      { usageType: 'SignIn', locales: 'en', templateCode: 'SMS_EN_SIGNIN' },
      { usageType: 'SignIn', locales: ['EN-us'], templateCode: 'SMS_EN_US_SIGNIN' },
      { usageType: 'SignIn', locales: ['zh-HK', 'zh-TW'], templateCode: 'SMS_HK_TW_SIGNIN' },
      { usageType: 'SignIn', locales: ['zh-Hant'], templateCode: 'SMS_HANT_SIGNIN' },
      { usageType: 'Register', templateCode: 'SMS_ZH_REGISTER' },
      { usageType: 'ForgotPassword', templateCode: 'SMS_ZH_RESET' },
      { usageType: 'Generic', templateCode: 'SMS_ZH_GENERIC' },
      { usageType: 'Generic', locales: ['en'], templateCode: 'SMS_EN_GENERIC' },
      { usageType: 'MfaVerification', locales: ['en'], templateCode: 'SMS_EN_MFA' },
    ],
  });
  const crowdedTags = Array.from({ length: maxUiLocales }, () => 'fr').join(' ');

  it.each<[string, TemplateType, unknown, unknown, string]>([
    // Logto's sign-in payload: `locale` always (the page language), `uiLocales` when the app sent ui_locales.
    ['sign-in page in Chinese, no ui_locales', TemplateType.SignIn, 'zh-CN', undefined, 'SMS_ZH_SIGNIN'],
    ['sign-in page in English', TemplateType.SignIn, 'en', undefined, 'SMS_EN_SIGNIN'],
    ['uiLocales comes before locale', TemplateType.SignIn, 'zh-CN', 'en zh-CN', 'SMS_EN_SIGNIN'],
    ['uiLocales in order: the first with an entry wins', TemplateType.SignIn, 'en', 'fr-CA zh-TW en', 'SMS_HK_TW_SIGNIN'],
    ['no uiLocales tag has an entry: locale decides', TemplateType.SignIn, 'en', 'fr-CA fr', 'SMS_EN_SIGNIN'],
    ['exact tag before language-only', TemplateType.SignIn, undefined, 'en-US', 'SMS_EN_US_SIGNIN'],
    ['language-only: en-GB uses the en entry', TemplateType.SignIn, 'en-GB', undefined, 'SMS_EN_SIGNIN'],
    ['a preferred language-only match beats a later exact one', TemplateType.SignIn, undefined, 'en-GB zh-HK', 'SMS_EN_SIGNIN'],
    ['script prefix: zh-Hant-MO uses zh-Hant', TemplateType.SignIn, 'zh-Hant-MO', undefined, 'SMS_HANT_SIGNIN'],
    ['zh-SG never borrows the zh-HK or zh-TW entry: no match across regions', TemplateType.SignIn, undefined, 'zh-SG', 'SMS_ZH_SIGNIN'],
    ['odd casing in the payload and in the config', TemplateType.SignIn, 'EN-us', undefined, 'SMS_EN_US_SIGNIN'],
    ['an underscore from a sloppy client', TemplateType.SignIn, 'en_GB', undefined, 'SMS_EN_SIGNIN'],
    ['extra spaces, tabs and newlines in uiLocales', TemplateType.SignIn, undefined, '  fr\t\n zh-hk  ', 'SMS_HK_TW_SIGNIN'],
    ['a language with no entry: the default', TemplateType.SignIn, 'fr', 'de-CH de', 'SMS_ZH_SIGNIN'],
    // The Console's Send button: Generic with code 000000; Logto's route sends no locale, a host may send one.
    ['Console test, no locale', TemplateType.Generic, undefined, undefined, 'SMS_ZH_GENERIC'],
    ['Console test, locale only', TemplateType.Generic, 'en', undefined, 'SMS_EN_GENERIC'],
    ['a type with only an English entry, English user', TemplateType.MfaVerification, 'en', undefined, 'SMS_EN_MFA'],
    ['a type with only an English entry, Chinese user: Generic default', TemplateType.MfaVerification, 'zh-CN', undefined, 'SMS_ZH_GENERIC'],
    ['a type with no entry falls back to Generic by language', TemplateType.BindMfa, 'en-AU', undefined, 'SMS_EN_GENERIC'],
    ['a type with no entry, no language', TemplateType.BindMfa, undefined, undefined, 'SMS_ZH_GENERIC'],
    // Garbage never throws; it is ignored like a missing language.
    ['locale a number, uiLocales an object', TemplateType.SignIn, 42, { en: true }, 'SMS_ZH_SIGNIN'],
    ['uiLocales as a list instead of a string', TemplateType.SignIn, undefined, ['en'], 'SMS_ZH_SIGNIN'],
    ['empty strings', TemplateType.SignIn, '', '', 'SMS_ZH_SIGNIN'],
    ['malformed tags are skipped, the next one counts', TemplateType.SignIn, 'en', '* x-foo 😀 en- zh-TW', 'SMS_HK_TW_SIGNIN'],
    ['prototype names', TemplateType.SignIn, '__proto__', 'constructor toString', 'SMS_ZH_SIGNIN'],
    ['a huge tag', TemplateType.SignIn, 'en'.repeat(50_000), undefined, 'SMS_ZH_SIGNIN'],
    [`only the first ${maxUiLocales} uiLocales tags are read`, TemplateType.SignIn, 'zh-TW', `${crowdedTags} en`, 'SMS_HK_TW_SIGNIN'],
  ])('%s', (_, type, locale, uiLocales, templateCode) => {
    const payload = { code: '123456', locale, uiLocales } as SendMessagePayload;
    expect(chooseTemplate(templates, type, payload).templateCode).toBe(templateCode);
  });

  it('returns the whole entry: template code pair, params and content', () => {
    const { templates: withEverything } = parseConfig({
      accessKeyId: 'LTAI5tFakeKeyId',
      accessKeySecret: 'fakeSecret',
      signName: 'Logto',
      site: 'international',
      templates: [
        ...['SignIn', 'Register', 'ForgotPassword', 'Generic'].map((usageType) => ({ usageType, templateCode: 'SMS_1' })),
        {
          usageType: 'SignIn',
          locales: ['zh-HK'],
          templateCode: { china: 'SMS_2', overseas: 'SMS_3' },
          params: { verifyCode: '{{code}}' },
          content: '您的登入驗證碼為{{code}}',
        },
      ],
    });
    expect(chooseTemplate(withEverything, TemplateType.SignIn, { locale: 'zh-HK' })).toEqual({
      usageType: 'SignIn',
      locales: ['zh-HK'],
      templateCode: { china: 'SMS_2', overseas: 'SMS_3' },
      params: { verifyCode: '{{code}}' },
      content: '您的登入驗證碼為{{code}}',
    });
  });

  it('names the type when neither it nor Generic has an entry', () => {
    const signInOnly = [{ usageType: TemplateType.SignIn, templateCode: 'SMS_1', params: { code: '{{code}}' } }];
    expect(() => chooseTemplate(signInOnly, TemplateType.Register, { locale: 'en' })).toThrow(
      expect.objectContaining({
        code: ConnectorErrorCodes.TemplateNotFound,
        data: { message: 'No template for usageType Register and no Generic template to fall back on: add a templates entry with usageType Register or Generic.' },
      })
    );
  });
});
