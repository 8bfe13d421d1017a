import { ConnectorErrorCodes, TemplateType } from '@logto/connector-kit';
import { describe, expect, it } from 'vitest';

import { parseConfig } from '../config/config.js';
import { internationalHosts } from './endpoint.js';
import { planSend, regionIdFor } from './route.js';

const config = (strict: boolean) =>
  parseConfig({
    accessKeyId: 'LTAI5tFakeKeyId',
    accessKeySecret: 'fakeSecret',
    signName: 'Logto',
    strictPhoneRegionNumberCheck: strict,
    endpoint: 'http://127.0.0.1:8787',
    templates: [
      { usageType: 'SignIn', templateCode: { china: 'SMS_CN_SIGNIN', overseas: 'SMS_INTL_SIGNIN' } },
      { usageType: 'Register', templateCode: 'SMS_REGISTER' },
      { usageType: 'ForgotPassword', templateCode: 'SMS_RESET' },
      { usageType: 'Generic', templateCode: { china: 'SMS_CN_GENERIC', overseas: 'SMS_INTL_GENERIC' } },
    ],
  });

describe('planSend', () => {
  it('builds the whole SendSms call', () => {
    expect(planSend(config(false), { to: '8613800138000', type: TemplateType.SignIn, payload: { code: '123456' } })).toEqual({
      endpoint: 'http://127.0.0.1:8787',
      action: 'SendSms',
      version: '2017-05-25',
      parameters: {
        Action: 'SendSms',
        Version: '2017-05-25',
        Format: 'JSON',
        RegionId: 'cn-hangzhou',
        PhoneNumbers: '13800138000',
        SignName: 'Logto',
        TemplateCode: 'SMS_CN_SIGNIN',
        TemplateParam: '{"code":"123456"}',
      },
      route: { site: 'china', region: 'mainland', regionCode: '86', api: 'SendSms 2017-05-25', templateCode: 'SMS_CN_SIGNIN', to: '138****8000' },
    });
  });

  it.each<[string, boolean, TemplateType, string, string, string]>([
    ['mainland via 86', false, TemplateType.SignIn, '8613800138000', '13800138000', 'SMS_CN_SIGNIN'],
    ['bare mainland, lenient', false, TemplateType.SignIn, '13800138000', '13800138000', 'SMS_CN_SIGNIN'],
    ['bare mainland-shaped, strict: North America', true, TemplateType.SignIn, '13800138000', '13800138000', 'SMS_INTL_SIGNIN'],
    ['US number, lenient: taken for mainland', false, TemplateType.SignIn, '16502530000', '16502530000', 'SMS_CN_SIGNIN'],
    ['US number, strict', true, TemplateType.SignIn, '16502530000', '16502530000', 'SMS_INTL_SIGNIN'],
    ['US number with +, lenient', false, TemplateType.SignIn, '+16502530000', '16502530000', 'SMS_INTL_SIGNIN'],
    ['Hong Kong', false, TemplateType.SignIn, '85268326366', '85268326366', 'SMS_INTL_SIGNIN'],
    ['Macao, strict', true, TemplateType.SignIn, '85366123456', '85366123456', 'SMS_INTL_SIGNIN'],
    ['Taiwan', false, TemplateType.SignIn, '886912345678', '886912345678', 'SMS_INTL_SIGNIN'],
    ['a single code serves both regions', false, TemplateType.Register, '447911123456', '447911123456', 'SMS_REGISTER'],
    ['MFA falls back to Generic, mainland', false, TemplateType.MfaVerification, '+86 138 0013 8000', '13800138000', 'SMS_CN_GENERIC'],
    ['BindMfa falls back to Generic, overseas', true, TemplateType.BindMfa, '0085268326366', '85268326366', 'SMS_INTL_GENERIC'],
  ])('%s', (_, strict, type, to, phoneNumbers, templateCode) => {
    const { parameters } = planSend(config(strict), { to, type, payload: { code: '1' } });
    expect([parameters.PhoneNumbers, parameters.TemplateCode]).toEqual([phoneNumbers, templateCode]);
  });

  it('refuses a number that is not one phone number, naming the problem, with the number masked', () => {
    expect(() =>
      planSend(config(false), { to: '8613800138000,8613900139000', type: TemplateType.SignIn, payload: { code: '1' } })
    ).toThrow(
      expect.objectContaining({
        code: ConnectorErrorCodes.InvalidRequestParameters,
        data: {
          message:
            'The phone number "861********************9000" holds more than one number (Aliyun reads a comma as a list of recipients); send one number.',
        },
      })
    );
  });

  it('names the message type when there is neither its template nor Generic', () => {
    const withoutGeneric = { ...config(false), templates: config(false).templates.filter(({ usageType }) => usageType !== TemplateType.Generic) };
    expect(() => planSend(withoutGeneric, { to: '8613800138000', type: TemplateType.MfaVerification, payload: {} })).toThrow(
      expect.objectContaining({
        code: ConnectorErrorCodes.TemplateNotFound,
        data: {
          message:
            'No template for usageType MfaVerification and no Generic template to fall back on: add a templates entry with usageType MfaVerification or Generic.',
        },
      })
    );
  });
});

const international = (extra: Record<string, unknown> = {}) =>
  parseConfig({
    site: 'international',
    accessKeyId: 'LTAI5tFakeKeyId',
    accessKeySecret: 'fakeSecret',
    signName: 'Logto',
    senderId: 'LogtoOTP',
    templates: [
      { usageType: 'SignIn', templateCode: { china: 'SMS_CN_SIGNIN', overseas: 'unused' }, content: 'Your sign-in code is {{code}}' },
      { usageType: 'Register', templateCode: 'SMS_REGISTER', content: 'Your registration code is {{code}}' },
      { usageType: 'ForgotPassword', templateCode: 'SMS_RESET' },
      { usageType: 'Generic', templateCode: 'SMS_GENERIC', params: { code: '{{code}}' }, content: 'Code: {{code}}' },
    ],
    ...extra,
  });

/** One row per (site, region): the whole call, host to parameters. */
describe('one pure function from (config, phone, type) to the API call, both sites', () => {
  it.each<[string, ReturnType<typeof parseConfig>, string, TemplateType, Omit<ApiCallShape, 'route'>]>([
    [
      'china site, mainland',
      config(false),
      '8613800138000',
      TemplateType.SignIn,
      {
        endpoint: 'http://127.0.0.1:8787',
        action: 'SendSms',
        version: '2017-05-25',
        parameters: { Action: 'SendSms', Version: '2017-05-25', Format: 'JSON', RegionId: 'cn-hangzhou', PhoneNumbers: '13800138000', SignName: 'Logto', TemplateCode: 'SMS_CN_SIGNIN', TemplateParam: '{"code":"9"}' },
      },
    ],
    [
      'china site, overseas',
      config(false),
      '85268326366',
      TemplateType.SignIn,
      {
        endpoint: 'http://127.0.0.1:8787',
        action: 'SendSms',
        version: '2017-05-25',
        parameters: { Action: 'SendSms', Version: '2017-05-25', Format: 'JSON', RegionId: 'cn-hangzhou', PhoneNumbers: '85268326366', SignName: 'Logto', TemplateCode: 'SMS_INTL_SIGNIN', TemplateParam: '{"code":"9"}' },
      },
    ],
    [
      'international site, mainland: SendMessageWithTemplate with 86 + number',
      international(),
      '13800138000',
      TemplateType.SignIn,
      {
        endpoint: 'https://dysmsapi.ap-southeast-1.aliyuncs.com',
        action: 'SendMessageWithTemplate',
        version: '2018-05-01',
        parameters: { Action: 'SendMessageWithTemplate', Version: '2018-05-01', Format: 'JSON', RegionId: 'ap-southeast-1', To: '8613800138000', From: 'Logto', TemplateCode: 'SMS_CN_SIGNIN', TemplateParam: '{"code":"9"}' },
      },
    ],
    [
      'international site, overseas: SendMessageToGlobe with the rendered content',
      international(),
      '+852 6832 6366',
      TemplateType.SignIn,
      {
        endpoint: 'https://dysmsapi.ap-southeast-1.aliyuncs.com',
        action: 'SendMessageToGlobe',
        version: '2018-05-01',
        parameters: { Action: 'SendMessageToGlobe', Version: '2018-05-01', Format: 'JSON', RegionId: 'ap-southeast-1', To: '85268326366', Message: 'Your sign-in code is 9', From: 'LogtoOTP', Type: 'OTP' },
      },
    ],
    [
      'international site, overseas, no sender ID, MFA via Generic, Frankfurt host',
      international({ senderId: undefined, endpoint: 'https://dysmsapi.eu-central-1.aliyuncs.com' }),
      '+16502530000',
      TemplateType.MfaVerification,
      {
        endpoint: 'https://dysmsapi.eu-central-1.aliyuncs.com',
        action: 'SendMessageToGlobe',
        version: '2018-05-01',
        parameters: { Action: 'SendMessageToGlobe', Version: '2018-05-01', Format: 'JSON', RegionId: 'eu-central-1', To: '16502530000', Message: 'Code: 9', Type: 'OTP' },
      },
    ],
  ])('%s', (_, settings, to, type, expected) => {
    const { route, ...call } = planSend(settings, { to, type, payload: { code: '9', locale: 'en' } });
    expect(call).toEqual(expected);
    expect(route.site).toBe(settings.site);
  });

  it('the international site needs content for numbers outside mainland China', () => {
    expect(() => planSend(international(), { to: '85268326366', type: TemplateType.ForgotPassword, payload: { code: '1' } })).toThrow(
      expect.objectContaining({
        code: ConnectorErrorCodes.TemplateNotFound,
        data: {
          message:
            'The ForgotPassword template has no content, which the international site sends to numbers outside mainland China: add "content", e.g. "Your verification code is {{code}}".',
        },
      })
    );
  });

  it('a template without content still serves mainland numbers on the international site', () => {
    expect(planSend(international(), { to: '8613800138000', type: TemplateType.ForgotPassword, payload: { code: '1' } }).action).toBe(
      'SendMessageWithTemplate'
    );
  });
});

describe('regionIdFor', () => {
  it.each([
    ['https://dysmsapi.aliyuncs.com', 'china', 'cn-hangzhou'],
    // Aliyun's endpoint page: the international site's cn-hongkong host (the SDK's map says dysmsapi-xman.cn-hongkong).
    ['https://dysmsapi.aliyuncs.com', 'international', 'cn-hongkong'],
    ['https://dysmsapi.ap-southeast-5.aliyuncs.com', 'international', 'ap-southeast-5'],
    ['https://dysmsapi-xman-vpc.ap-southeast-5.aliyuncs.com', 'international', 'ap-southeast-5'],
    ['https://dysmsapi-xman.vpc-proxy.aliyuncs.com', 'international', 'ap-southeast-1'],
    ['https://dysmsapi.eu-central-1.aliyuncs.com', 'international', 'eu-central-1'],
    ['http://127.0.0.1:8787', 'international', 'ap-southeast-1'],
  ] as const)('%s on the %s site → %s', (endpoint, site, regionId) => {
    expect(regionIdFor(endpoint, site)).toBe(regionId);
  });

  // Every host of the table reads back as its own region; the hosts themselves are checked against
  // Aliyun's sources in test/aliyun-facts-readers.test.ts.
  it.each(Object.entries(internationalHosts).flatMap(([region, hosts]) => hosts.map((host) => [region, host] as const)))('%s: https://%s', (region, host) => {
    expect(regionIdFor(`https://${host}`, 'international')).toBe(region);
  });
});

describe('the Jakarta endpoint (no SendMessageWithTemplate)', () => {
  const jakarta = (endpoint: string) => international({ endpoint });

  it.each(['https://dysmsapi.ap-southeast-5.aliyuncs.com', 'https://dysmsapi-xman-vpc.ap-southeast-5.aliyuncs.com'])('%s refuses a mainland number before sending, naming the endpoint', (endpoint) => {
    expect(() => planSend(jakarta(endpoint), { to: '8613800138000', type: TemplateType.SignIn, payload: { code: '1' } })).toThrow(
      expect.objectContaining({
        code: ConnectorErrorCodes.General,
        data: {
          errorDescription: `The phone number "861******8000" is in mainland China, which endpoint ${endpoint} (Jakarta, ap-southeast-5) cannot serve: Aliyun's Indonesian site has no SendMessageWithTemplate, so nothing was sent. To serve mainland numbers, set endpoint to https://dysmsapi.ap-southeast-1.aliyuncs.com (Singapore); to refuse them earlier, set allowedRegionCodes without "86".`,
          refusal: 'region',
        },
      })
    );
    expect(planSend(jakarta(endpoint), { to: '85268326366', type: TemplateType.SignIn, payload: { code: '1' } }).action).toBe('SendMessageToGlobe');
  });
});

type ApiCallShape = ReturnType<typeof planSend>;

describe('allowedRegionCodes, the fraud guard', () => {
  const guarded = { ...config(true), allowedRegionCodes: ['86', '852'] };

  it.each([
    ['8613800138000', 'SMS_CN_SIGNIN'],
    ['85268326366', 'SMS_INTL_SIGNIN'],
  ])('lets %s through', (to, templateCode) => {
    expect(planSend(guarded, { to, type: TemplateType.SignIn, payload: { code: '1' } }).parameters.TemplateCode).toBe(templateCode);
  });

  it.each([
    ['+16502530000', '1', '165****0000'],
    ['447911123456', '44', '447*****3456'],
    ['85366123456', '853', '853****3456'],
  ])('refuses %s, naming region code %s', (to, regionCode, masked) => {
    expect(() => planSend(guarded, { to, type: TemplateType.SignIn, payload: { code: '1' } })).toThrow(
      expect.objectContaining({
        code: ConnectorErrorCodes.General,
        data: {
          errorDescription: `The phone number "${masked}" has region code +${regionCode}, which allowedRegionCodes (86, 852) does not allow; nothing was sent. Add "${regionCode}" to allowedRegionCodes to serve this region.`,
          refusal: 'region',
        },
      })
    );
  });
});
