import { TemplateType } from '@logto/connector-kit';
import { describe, expect, it } from 'vitest';

import { issuesOf, requiredTemplates } from '../../test/config-refusals.js';
import { configGuard, parseConfig } from './config.js';

const base = {
  accessKeyId: 'LTAI5tFakeKeyId',
  accessKeySecret: 'fakeSecret',
  signName: '阿里云短信测试',
  templates: requiredTemplates,
};

describe('configs the official connector documents are accepted unchanged', () => {
  it.each([
    ['minimal', base],
    [
      'legacy type numbers and a china/overseas pair',
      {
        ...base,
        templates: [
          { type: 2, usageType: 'SignIn', templateCode: 'SMS_1' },
          { type: 2, usageType: 'Register', templateCode: { china: 'SMS_2', overseas: 'SMS_5' } },
          { type: 6, usageType: 'ForgotPassword', templateCode: 'SMS_3' },
          { type: 2, usageType: 'Generic', templateCode: 'SMS_4' },
        ],
      },
    ],
    ['strict check on', { ...base, strictPhoneRegionNumberCheck: true }],
    [
      'every TemplateType, as the official default form lists them',
      { ...base, templates: Object.values(TemplateType).map((usageType) => ({ usageType, templateCode: 'SMS_9' })) },
    ],
  ])('%s', (_, config) => {
    expect(configGuard.safeParse(config).success).toBe(true);
  });

  it('fills in the defaults', () => {
    const parsed = parseConfig(base);
    expect(parsed).toMatchObject({
      endpoint: 'https://dysmsapi.aliyuncs.com',
      timeout: 10_000,
      strictPhoneRegionNumberCheck: false,
    });
    expect(parsed.templates[0]?.params).toEqual({ code: '{{code}}' });
  });

  it('reads params and pnvsParams of {} as left out: the stored config, cleaned by Logto, has neither', () => {
    const withEmpty = { ...base, templates: base.templates.map((template) => ({ ...template, params: {}, pnvsParams: {} })) };
    const parsed = parseConfig(withEmpty).templates[0];
    expect(parsed?.params).toEqual({ code: '{{code}}' });
    expect(parsed?.pnvsParams).toBeUndefined();
  });

  it.each([
    ['http to loopback for the sandbox', 'http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['localhost', 'http://localhost:8787/', 'http://localhost:8787'],
    ['IPv6 loopback', 'http://[::1]:8787', 'http://[::1]:8787'],
    ['a regional host', 'https://dysmsapi.ap-southeast-1.aliyuncs.com/', 'https://dysmsapi.ap-southeast-1.aliyuncs.com'],
  ])('endpoint: %s', (_, endpoint, expected) => {
    expect(parseConfig({ ...base, endpoint }).endpoint).toBe(expected);
  });

  it('the international site defaults to the Singapore host', () => {
    expect(parseConfig({ ...base, site: 'international' })).toMatchObject({
      site: 'international',
      endpoint: 'https://dysmsapi.ap-southeast-1.aliyuncs.com',
    });
  });

  it('keeps an explicit endpoint on either site', () => {
    expect(parseConfig({ ...base, site: 'international', endpoint: 'https://dysmsapi.eu-central-1.aliyuncs.com' }).endpoint).toBe(
      'https://dysmsapi.eu-central-1.aliyuncs.com'
    );
  });

  it.each(['Logto', 'My Brand', '10690000', '123456789012345'])('accepts sender ID %j', (senderId) => {
    expect(parseConfig({ ...base, site: 'international', senderId }).senderId).toBe(senderId);
  });

  it('trims pasted whitespace around keys', () => {
    expect(parseConfig({ ...base, accessKeyId: ' LTAI5tFakeKeyId\n' }).accessKeyId).toBe('LTAI5tFakeKeyId');
  });
});

const fixEndpoint =
  'use an https:// URL such as https://dysmsapi.aliyuncs.com (http:// only for a loopback host such as http://127.0.0.1:8787, the local sandbox)';

describe('invalid configs name the field and the fix', () => {
  it.each<[string, unknown, string[]]>([
    [
      'blank accessKeyId',
      { ...base, accessKeyId: '   ' },
      ['accessKeyId: accessKeyId must not be empty or only spaces: paste the AccessKey ID of a RAM user allowed to call dysms:SendSms'],
    ],
    [
      'a zero-width space pasted into the secret',
      { ...base, accessKeySecret: 'fakeSecret\u200B' },
      ['accessKeySecret: accessKeySecret must be printable ASCII without spaces: paste the AccessKey secret shown when the AccessKey was created'],
    ],
    [
      'missing accessKeySecret',
      { ...base, accessKeySecret: undefined },
      ['accessKeySecret: accessKeySecret is required: paste the AccessKey secret shown when the AccessKey was created'],
    ],
    [
      'empty signName',
      { ...base, signName: '' },
      ['signName: signName must not be empty or only spaces: use an approved signature name from the Aliyun SMS console, e.g. 阿里云短信测试'],
    ],
    [
      'unknown usageType',
      { ...base, templates: [...base.templates, { usageType: 'Login', templateCode: 'SMS_9' }] },
      [
        'templates.4.usageType: usageType must be one of SignIn, Register, ForgotPassword, OrganizationInvitation, Generic, UserPermissionValidation, BindNewIdentifier, MfaVerification, BindMfa: write one of them as shown, e.g. "SignIn"',
      ],
    ],
    [
      'duplicated usageType',
      { ...base, templates: [...base.templates, { usageType: 'SignIn', templateCode: 'SMS_9' }] },
      ['templates.4.usageType: templates[4] is a second SignIn entry without locales (the first is templates[0]): keep one SignIn entry without locales, or give this one the languages it serves, e.g. "locales": ["en"]'],
    ],
    [
      'missing required usage types',
      { ...base, templates: base.templates.slice(0, 2) },
      ['templates: templates must include usageType ForgotPassword, Generic: add an entry with a templateCode for each'],
    ],
    [
      'blank template code',
      { ...base, templates: [{ usageType: 'SignIn', templateCode: ' ' }, ...base.templates.slice(1)] },
      ['templates.0.templateCode: templateCode must not be empty or only spaces: use the template code shown in the Aliyun SMS console, e.g. SMS_123456789'],
    ],
    [
      'a template code that is neither a string nor a pair',
      { ...base, templates: [{ usageType: 'SignIn', templateCode: 123 }, ...base.templates.slice(1)] },
      ['templates.0.templateCode: templateCode must be a template code string, or a pair of a mainland and an international template code: write one code, e.g. "SMS_123456789", or { "china": "...", "overseas": "..." }'],
    ],
    [
      'a pair missing its overseas code',
      { ...base, templates: [{ usageType: 'SignIn', templateCode: { china: 'SMS_1' } }, ...base.templates.slice(1)] },
      ['templates.0.templateCode.overseas: templateCode.overseas is required: give the international template code, or make templateCode one string'],
    ],
    [
      'a params key that is no template variable',
      { ...base, templates: [{ usageType: 'SignIn', templateCode: 'SMS_1', params: { '${code}': '{{code}}' } }, ...base.templates.slice(1)] },
      ['templates.0.params.${code}: params keys must be Aliyun template variable names (a letter, then letters, digits or _): write the name the template uses, e.g. "code" for ${code}'],
    ],
    [
      'a __proto__ params key',
      { ...base, templates: [{ usageType: 'SignIn', templateCode: 'SMS_1', params: JSON.parse('{"__proto__":"x"}') as unknown }, ...base.templates.slice(1)] },
      ['templates.0.params.__proto__: params keys must be Aliyun template variable names (a letter, then letters, digits or _): write the name the template uses, e.g. "code" for ${code}'],
    ],
    [
      // Logto's cleanDeep would drop it on Save, and later sends would lose the variable.
      'an empty params value',
      { ...base, templates: [{ usageType: 'SignIn', templateCode: 'SMS_1', params: { code: '{{code}}', product: '' } }, ...base.templates.slice(1)] },
      ['templates.0.params.product: params values must not be empty: Logto drops empty values when it saves, so write the value the template variable gets, e.g. "{{code}}", or leave the variable out'],
    ],
    ['a non-URL endpoint', { ...base, endpoint: 'dysmsapi.aliyuncs.com' }, [`endpoint: endpoint is not a URL: ${fixEndpoint}`]],
    [
      'plain http to a public host',
      { ...base, endpoint: 'http://dysmsapi.aliyuncs.com' },
      [`endpoint: endpoint uses http:// for a host that is not loopback: ${fixEndpoint}`],
    ],
    [
      'an endpoint with a path',
      { ...base, endpoint: 'https://dysmsapi.aliyuncs.com/v1?x=1' },
      [`endpoint: endpoint must be only a scheme and host (and port), with no path, query or credentials: ${fixEndpoint}`],
    ],
    ['an ftp endpoint', { ...base, endpoint: 'ftp://127.0.0.1' }, [`endpoint: endpoint uses ftp://, not https://: ${fixEndpoint}`]],
    ['timeout too small', { ...base, timeout: 999 }, ['timeout: timeout must be at least 1000 ms (Aliyun asks for at least 1 s): write 1000 or more, e.g. 10000']],
    ['timeout too large', { ...base, timeout: 60_001 }, ['timeout: timeout must be at most 60000 ms (a sign-in page should not wait longer): write 60000 or less, e.g. 10000']],
    ['timeout as text', { ...base, timeout: '5000' }, ['timeout: timeout must be a whole number of milliseconds from 1000 to 60000: write a number without quotes or units, e.g. 10000']],
    ['fractional timeout', { ...base, timeout: 1500.5 }, ['timeout: timeout must be a whole number of milliseconds from 1000 to 60000: write a number without quotes or units, e.g. 10000']],
  ])('%s', (_, config, messages) => {
    expect(issuesOf(config)).toEqual(messages);
  });

  it.each<[string, unknown, string[]]>([
    ['an unknown site', { ...base, site: 'global' }, ['site: site must be one of china, international: china for an aliyun.com account, international for an alibabacloud.com account']],
    [
      'a region code with +',
      { ...base, allowedRegionCodes: ['+86'] },
      ['allowedRegionCodes.0: allowedRegionCodes entries are country calling codes without + or 00: write e.g. "86", "852", "1"'],
    ],
    [
      'an empty allow-list',
      { ...base, allowedRegionCodes: [] },
      ['allowedRegionCodes: allowedRegionCodes must list at least one region code: to allow every region, set it to {} or leave it out'],
    ],
    ['region codes as numbers', { ...base, allowedRegionCodes: [86] }, ['allowedRegionCodes.0: allowedRegionCodes must list region codes as strings: quote each one, e.g. ["86", "852"]']],
    [
      'a sender ID too long',
      { ...base, senderId: 'TwelveLetter' },
      ['senderId: senderId must be an alphanumeric sender ID of at most 11 characters or a number of at most 15 digits: copy it as registered with Alibaba Cloud'],
    ],
    [
      'blank content',
      { ...base, templates: [{ usageType: 'SignIn', templateCode: 'SMS_1', content: ' ' }, ...base.templates.slice(1)] },
      ['templates.0.content: content must not be empty or only spaces: write the message text with a placeholder, e.g. "Your verification code is {{code}}"'],
    ],
  ])('international settings: %s', (_, config, messages) => {
    expect(issuesOf(config)).toEqual(messages);
  });

  it('a config that is not an object is InvalidConfig too', () => {
    expect(issuesOf(undefined)).toEqual([': The configuration must be a JSON object: give accessKeyId, accessKeySecret and the keys of the chosen service (see the configuration table in docs/configuration.md)']);
  });
});
