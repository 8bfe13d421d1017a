/**
 * @module config-arbitrary
 * Configurations as operators write them, right and wrong, for the guard's property tests: every
 * key absent, valid, or wrong in the ways the guard's rules tell apart (placeholders, gifted PNVS
 * codes where SendSms codes belong, one signature in both keys, a misnamed `locale`, a type
 * mismatch, a value the Console form leaves), with templates of zero to six entries. Most values
 * are valid, so the rules across keys run often and the wrong ones meet each other.
 */
import fc from 'fast-check';

/** Values of the wrong kind for any key. */
export const wrongValue = fc.constantFrom<unknown>(null, 0, 1.5, true, '', ' ', 'x', [], [1], { a: 1 }, '10s');

/** A key with mostly valid values, sometimes left out, sometimes wrong. */
const key = (valid: fc.Arbitrary<unknown>, wrong: fc.Arbitrary<unknown> = wrongValue): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: wrong, weight: 1 });

const usageType = fc.constantFrom<unknown>('SignIn', 'Register', 'ForgotPassword', 'Generic', 'MfaVerification', 'BindMfa', 'Signin', 7);

const code = fc.constantFrom('SMS_460100001', 'SMS_1', '100001', '100003', '<template-code>', ' SMS_2 ');

const templateCode = fc.oneof(
  { arbitrary: code, weight: 5 },
  { arbitrary: fc.record({ china: key(code), overseas: key(code) }, { requiredKeys: [] }), weight: 2 },
  { arbitrary: fc.constant(undefined), weight: 1 },
  { arbitrary: wrongValue, weight: 1 }
);

const locales = fc.oneof(
  fc.constantFrom<unknown>('en', ['en'], ['zh-CN', 'zh-HK'], ['en', 'EN'], [], ['en_US'], ['English'], 'zh-cn'),
  wrongValue
);

const entry = fc.oneof(
  {
    arbitrary: fc.record(
      {
        usageType,
        templateCode,
        locales,
        locale: fc.constantFrom<unknown>('en', ['en']),
        params: fc.constantFrom<unknown>({ code: '{{code}}' }, {}, { code: '' }, { '${code}': '{{code}}' }, { code: 1 }, 'code'),
        pnvsTemplateCode: fc.constantFrom<unknown>('100001', 'SMS_154950909', ' ', 5),
        pnvsParams: fc.constantFrom<unknown>({ min: '5' }, { min: 5 }),
        content: fc.constantFrom<unknown>('Your code is {{code}}', ' ', 1),
        type: fc.constantFrom<unknown>(2, '2'),
      },
      { requiredKeys: [] }
    ),
    weight: 9,
  },
  { arbitrary: wrongValue, weight: 1 }
);

/** An entry that is right more often than not: usageType and templateCode, now and then more. */
const plainEntry = fc.record({ usageType, templateCode: fc.oneof({ arbitrary: code, weight: 4 }, { arbitrary: templateCode, weight: 1 }) });

const templates = fc.oneof(
  { arbitrary: fc.array(fc.oneof({ arbitrary: plainEntry, weight: 3 }, { arbitrary: entry, weight: 1 }), { maxLength: 6 }), weight: 8 },
  { arbitrary: fc.constantFrom<unknown>({}, 'SMS_1', null), weight: 1 }
);

const signature = fc.constantFrom('阿里云短信测试', '速通互联验证码', '<signature-name>', ' Logto ');

const keyValues = {
  accessKeyId: key(fc.constantFrom('LTAI5tFakeKeyId', ' LTAI5tFakeKeyId\n'), fc.constantFrom<unknown>('LTAI 5t', 'Key\u200B', 7, '')),
  accessKeySecret: key(fc.constant('fakeSecret')),
  signName: key(signature),
  pnvsSignName: key(signature),
  templates: key(templates),
  site: key(fc.constantFrom('china', 'international'), fc.constantFrom<unknown>('global', true)),
  mainlandService: key(fc.constantFrom('sms', 'pnvs'), fc.constantFrom<unknown>('PNVS', 1)),
  strictPhoneRegionNumberCheck: key(fc.boolean(), fc.constantFrom<unknown>('true', 1)),
  allowedRegionCodes: key(fc.constantFrom<unknown>(['86'], ['86', '852'], {}), fc.constantFrom<unknown>([], ['+86'], '86', [86], null)),
  endpoint: key(fc.constantFrom('http://127.0.0.1:8787', 'https://dysmsapi.aliyuncs.com/'), fc.constantFrom<unknown>('ftp://127.0.0.1', 'http://example.com', 443)),
  timeout: key(fc.constantFrom(1000, 10_000, 60_000), fc.constantFrom<unknown>('10s', 999, 60_001, 1500.5, null)),
  senderId: key(fc.constantFrom('Logto', '10690000'), fc.constantFrom<unknown>('TwelveLetter', 5)),
  pnvsCodeValidMinutes: key(fc.constantFrom(1, 5, 60), fc.constantFrom<unknown>(0, 61, '5', null)),
  pnvsSchemeName: key(fc.constant('登录方案'), fc.constant<unknown>('x'.repeat(21))),
  pnvsEndpoint: key(fc.constant('http://127.0.0.1:8787'), fc.constant<unknown>('http://dypnsapi.aliyuncs.com')),
};

const required = (codes: [string, string, string, string]) =>
  (['SignIn', 'Register', 'ForgotPassword', 'Generic'] as const).map((usageType, index) => ({ usageType, templateCode: codes[index] }));

/** Valid configurations of each kind the guard knows, to start from. */
const valid: Array<Record<string, unknown>> = [
  { accessKeyId: 'LTAI5tFakeKeyId', accessKeySecret: 'fakeSecret', signName: '阿里云短信测试', templates: required(['SMS_1', 'SMS_2', 'SMS_3', 'SMS_4']) },
  {
    accessKeyId: 'LTAI5tFakeKeyId',
    accessKeySecret: 'fakeSecret',
    signName: '阿里云短信测试',
    templates: [...required(['SMS_1', 'SMS_2', 'SMS_3', 'SMS_4']), { usageType: 'SignIn', locales: ['en'], templateCode: { china: 'SMS_5', overseas: 'SMS_6' } }],
  },
  { accessKeyId: 'LTAI5tFakeKeyId', accessKeySecret: 'fakeSecret', site: 'international', signName: 'Logto', templates: required(['SMS_1', 'SMS_2', 'SMS_3', 'SMS_4']) },
  { accessKeyId: 'LTAI5tFakeKeyId', accessKeySecret: 'fakeSecret', mainlandService: 'pnvs', pnvsSignName: '速通互联验证码' },
  // Logto's PNVS connector's shape, pasted: gifted codes and the gifted signature in SendSms keys.
  { accessKeyId: 'LTAI5tFakeKeyId', accessKeySecret: 'fakeSecret', signName: '速通互联验证码', templates: required(['100001', '100001', '100003', '100001']) },
  {
    accessKeyId: 'LTAI5tFakeKeyId',
    accessKeySecret: 'fakeSecret',
    mainlandService: 'pnvs',
    pnvsSignName: '速通互联验证码',
    signName: '阿里云短信测试',
    templates: required(['SMS_1', 'SMS_2', 'SMS_3', 'SMS_4']),
  },
];

type KeyName = keyof typeof keyValues;

/** One change to a key: a new value, or the key left out. */
const keyChange = fc.constantFrom(...(Object.keys(keyValues) as KeyName[])).chain((name) => keyValues[name].map((value) => [name, value] as const));

/** One change to a field of one entry. */
const entryChange = fc.tuple(fc.nat({ max: 5 }), entry);

/** A valid configuration with a few keys and entries changed. */
const changedValid = fc
  .tuple(fc.constantFrom(...valid), fc.array(keyChange, { maxLength: 3 }), fc.array(entryChange, { maxLength: 2 }))
  .map(([base, changes, entryChanges]) => {
    const config: Record<string, unknown> = structuredClone(base);
    for (const [name, value] of changes) {
      config[name] = value;
    }
    if (Array.isArray(config.templates)) {
      const list = [...(config.templates as unknown[])];
      for (const [index, change] of entryChanges) {
        list[Math.min(index, list.length)] = typeof change === 'object' && change !== null && !Array.isArray(change) ? { ...(list[index] as object), ...change } : change;
      }
      config.templates = list;
    }
    return config;
  });

/** One configuration, as an object; keys set to `undefined` are left out (JSON drops them). */
export const configArbitrary: fc.Arbitrary<Record<string, unknown>> = fc
  .oneof({ arbitrary: changedValid, weight: 4 }, { arbitrary: fc.record(keyValues, { requiredKeys: [] }), weight: 1 })
  .map((config) => JSON.parse(JSON.stringify(config)) as Record<string, unknown>);

/** The keys no rule across keys reads: a wrong value in one of them must hide nothing else. */
export const independentKeys: Record<string, unknown> = {
  accessKeyId: 'LTAI 5t',
  accessKeySecret: '',
  strictPhoneRegionNumberCheck: 'true',
  allowedRegionCodes: [],
  endpoint: 'ftp://127.0.0.1',
  timeout: '10s',
  senderId: 'TwelveLetter',
  pnvsCodeValidMinutes: 61,
  pnvsSchemeName: 'x'.repeat(21),
  pnvsEndpoint: 'http://dypnsapi.aliyuncs.com',
};
