import { ConnectorErrorCodes } from '@logto/connector-kit';
import { describe, expect, it } from 'vitest';
import type { ZodError } from 'zod';

import { parseConfig } from './config.js';

const defaults = [
  { usageType: 'SignIn', templateCode: 'SMS_1' },
  { usageType: 'Register', templateCode: 'SMS_2' },
  { usageType: 'ForgotPassword', templateCode: 'SMS_3' },
  { usageType: 'Generic', templateCode: 'SMS_4' },
];

const configWith = (templates: unknown[]) => ({
  accessKeyId: 'LTAI5tFakeKeyId',
  accessKeySecret: 'fakeSecret',
  signName: '阿里云短信测试',
  templates,
});

/** The issues of a refused config as `path: message`, the way Logto lists them. */
const issuesOf = (templates: unknown[]): string[] => {
  try {
    parseConfig(configWith(templates));
  } catch (error: unknown) {
    expect(error).toMatchObject({ code: ConnectorErrorCodes.InvalidConfig });
    return (error as { data: ZodError }).data.issues.map(({ path, message }) => `${path.join('.')}: ${message}`);
  }
  throw new Error('config was accepted');
};

describe('templates with locales are accepted', () => {
  it.each<[string, unknown[], Array<string[] | undefined>]>([
    ['one tag as a string becomes a list', [...defaults, { usageType: 'SignIn', locales: 'en', templateCode: 'SMS_5' }], [undefined, undefined, undefined, undefined, ['en']]],
    ['tags in canonical case', [...defaults, { usageType: 'SignIn', locales: ['ZH-hk', 'zh-tw'], templateCode: 'SMS_5' }], [undefined, undefined, undefined, undefined, ['zh-HK', 'zh-TW']]],
    ['pasted spaces trimmed', [...defaults, { usageType: 'Generic', locales: [' en '], templateCode: 'SMS_5' }], [undefined, undefined, undefined, undefined, ['en']]],
    [
      'one language across usageTypes, and en beside en-US',
      [...defaults, { usageType: 'SignIn', locales: ['en'], templateCode: 'SMS_5' }, { usageType: 'Generic', locales: ['en'], templateCode: 'SMS_6' }, { usageType: 'SignIn', locales: ['en-US'], templateCode: 'SMS_7' }],
      [undefined, undefined, undefined, undefined, ['en'], ['en'], ['en-US']],
    ],
    ['an optional usageType with only a language entry', [...defaults, { usageType: 'MfaVerification', locales: ['en'], templateCode: 'SMS_5' }], [undefined, undefined, undefined, undefined, ['en']]],
  ])('%s', (_, templates, locales) => {
    expect(parseConfig(configWith(templates)).templates.map((entry) => entry.locales)).toEqual(locales);
  });

  it('a config without locales parses exactly as before', () => {
    expect(parseConfig(configWith(defaults)).templates).toEqual(defaults.map((entry) => ({ ...entry, params: { code: '{{code}}' } })));
  });
});

describe('templates with locales are refused with a sentence naming the entry and the fix', () => {
  it.each<[string, unknown[], string[]]>([
    [
      'two SignIn entries for the same language, in different case',
      [...defaults, { usageType: 'SignIn', locales: ['en'], templateCode: 'SMS_5' }, { usageType: 'SignIn', locales: ['EN'], templateCode: 'SMS_6' }],
      ['templates.5.locales: templates[5] is a second SignIn entry for en (the first is templates[4]): keep en in the locales of one SignIn entry only'],
    ],
    [
      'two SignIn entries without locales',
      [...defaults, { usageType: 'SignIn', templateCode: 'SMS_5' }],
      ['templates.4.usageType: templates[4] is a second SignIn entry without locales (the first is templates[0]): keep one SignIn entry without locales, or give this one the languages it serves, e.g. "locales": ["en"]'],
    ],
    [
      'one language listed twice in an entry',
      [...defaults, { usageType: 'SignIn', locales: ['zh-HK', 'zh-hk'], templateCode: 'SMS_5' }],
      ['templates.4.locales: templates[4].locales lists zh-HK twice: list each language once'],
    ],
    [
      'an underscore instead of a hyphen',
      [...defaults, { usageType: 'SignIn', locales: ['en_US'], templateCode: 'SMS_5' }],
      ['templates.4.locales: templates[4].locales has "en_US", which is not a BCP 47 language tag: write "en-US"'],
    ],
    [
      'a tag that is not a language at all',
      [...defaults, { usageType: 'Register', locales: ['English'], templateCode: 'SMS_5' }],
      ['templates.4.locales: templates[4].locales has "English", which is not a BCP 47 language tag: write a tag such as "en", "zh-CN" or "zh-HK"'],
    ],
    [
      'an empty list',
      [...defaults, { usageType: 'Register', locales: [], templateCode: 'SMS_5' }],
      ['templates.4.locales: templates[4].locales is empty: list the languages this entry serves, e.g. ["en"], or leave locales out to make it the Register entry for every other language'],
    ],
    [
      'locales of the wrong type',
      [...defaults, { usageType: 'Register', locales: { en: true }, templateCode: 'SMS_5' }],
      ['templates.4.locales: locales must be a language tag or a list of them: write one tag such as "en", or a list such as ["zh-HK", "zh-TW"]'],
    ],
    [
      'a required usageType with language entries only',
      [{ usageType: 'SignIn', locales: ['zh-CN'], templateCode: 'SMS_1' }, { usageType: 'SignIn', locales: ['en'], templateCode: 'SMS_5' }, ...defaults.slice(1)],
      ['templates: templates has SignIn entries only for some languages (templates[0], templates[1]) and none without locales: add a SignIn entry without locales, which serves every other language'],
    ],
    [
      'the singular key, which would otherwise be dropped silently',
      [...defaults, { usageType: 'SignIn', locale: 'en', templateCode: 'SMS_5' }],
      ['templates.4.locale: locale is not a templates key: name the entry\'s languages with "locales", e.g. "locales": ["en"]'],
    ],
    [
      'language instead of locales',
      [...defaults, { usageType: 'SignIn', language: ['en'], templateCode: 'SMS_5' }],
      ['templates.4.language: language is not a templates key: name the entry\'s languages with "locales", e.g. "locales": ["en"]'],
    ],
  ])('%s', (_, templates, messages) => {
    expect(issuesOf(templates)).toEqual(messages);
  });
});
