/**
 * One pass reports every problem: the rules across keys run on whichever keys passed their own
 * checks, and only a rule that reads a refused key waits for its fix. The table shows what an
 * operator meets; the property holds for any configuration: a wrong value in a key no rule reads
 * hides nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { independentKeys, configArbitrary } from '../../test/config-arbitrary.js';
import { issuesOf, requiredTemplates } from '../../test/config-refusals.js';
import { propertyOptions } from '../../test/property-runs.js';
import { configGuard } from './config.js';

const keys = { accessKeyId: 'LTAI5tFakeKeyId', accessKeySecret: 'fakeSecret' };
const sign = 'use an approved signature name from the Aliyun SMS console, e.g. 阿里云短信测试';
const twoTypes = requiredTemplates.slice(0, 2);
const missingTwo = 'templates: templates must include usageType ForgotPassword, Generic: add an entry with a templateCode for each';
const gifted = requiredTemplates.map(({ usageType }) => ({ usageType, templateCode: usageType === 'ForgotPassword' ? '100003' : '100001' }));

describe('every problem at once', () => {
  it.each<[string, unknown, string[]]>([
    [
      'an empty configuration: both keys, the signature and the templates',
      {},
      [
        'accessKeyId: accessKeyId is required: paste the AccessKey ID of a RAM user allowed to call dysms:SendSms',
        'accessKeySecret: accessKeySecret is required: paste the AccessKey secret shown when the AccessKey was created',
        `signName: signName is required: ${sign}`,
        'templates: templates is required: add one entry per usageType',
      ],
    ],
    [
      'a timeout with a unit beside missing template types',
      { ...keys, signName: '阿里云短信测试', timeout: '10s', templates: twoTypes },
      ['timeout: timeout must be a whole number of milliseconds from 1000 to 60000: write a number without quotes or units, e.g. 10000', missingTwo],
    ],
    [
      'a blank signature beside missing templates: a refused signName still counts as given',
      { ...keys, signName: ' ' },
      [`signName: signName must not be empty or only spaces: ${sign}`, 'templates: templates is required: add one entry per usageType'],
    ],
    [
      'a refused field of one entry, a language given twice and missing types',
      { ...keys, signName: '阿里云短信测试', templates: [{ ...twoTypes[0], params: 'code' }, twoTypes[1], { usageType: 'SignIn', templateCode: 'SMS_5' }] },
      [
        'templates.0.params: params must be an object: map template variables to Logto placeholders, e.g. {"code": "{{code}}"}',
        'templates.2.usageType: templates[2] is a second SignIn entry without locales (the first is templates[0]): keep one SignIn entry without locales, or give this one the languages it serves, e.g. "locales": ["en"]',
        missingTwo,
      ],
    ],
    [
      "a signature left at an example's placeholder beside missing types",
      { ...keys, signName: '<signature-name>', templates: twoTypes },
      [
        "signName: signName <signature-name> is an example's placeholder: use an approved signature name from the Aliyun SMS console, or for PNVS copy a gifted signature from the PNVS console (号码认证服务 → 短信认证 → 赠送签名), e.g. 速通互联验证码",
        missingTwo,
      ],
    ],
    [
      'PNVS on an unknown site: pnvsSignName is still asked for',
      { ...keys, site: 'global', mainlandService: 'pnvs' },
      [
        'site: site must be one of china, international: china for an aliyun.com account, international for an alibabacloud.com account',
        'pnvsSignName: pnvsSignName is required with mainlandService pnvs: use a gifted signature from the PNVS console, e.g. 速通互联验证码',
      ],
    ],
  ])('%s', (_, config, messages) => {
    expect(issuesOf(config)).toEqual(messages);
  });
});

describe('a rule that reads a refused key waits for its fix, rather than guess', () => {
  it.each<[string, unknown, string[]]>([
    [
      'a misspelt usageType: which types are missing is not known yet',
      { ...keys, signName: '阿里云短信测试', templates: [{ usageType: 'Signin', templateCode: 'SMS_1' }] },
      ['templates.0.usageType: usageType must be one of SignIn, Register, ForgotPassword, OrganizationInvitation, Generic, UserPermissionValidation, BindNewIdentifier, MfaVerification, BindMfa: write one of them as shown, e.g. "SignIn"'],
    ],
    [
      'an unknown mainlandService: whether SendSms needs a signature is not known yet',
      { ...keys, mainlandService: 'PNVS' },
      ['mainlandService: mainlandService must be one of sms, pnvs: sms sends every number through SendSms, pnvs sends mainland numbers through PNVS'],
    ],
    [
      "Logto's PNVS templates on an unknown site: whether they are read as PNVS is not known yet",
      { ...keys, site: 'global', templates: gifted },
      ['site: site must be one of china, international: china for an aliyun.com account, international for an alibabacloud.com account'],
    ],
  ])('%s', (_, config, messages) => {
    expect(issuesOf(config)).toEqual(messages);
  });
});

const issueLines = (config: unknown): string[] =>
  configGuard.safeParse(config).error?.issues.map(({ path, message }) => `${path.join('.')}: ${message}`) ?? [];

describe('a wrong value in a key no rule reads hides nothing else', () => {
  it('for any configuration and any such key', () => {
    fc.assert(
      fc.property(configArbitrary, fc.constantFrom(...Object.keys(independentKeys)), (config, key) => {
        const atKey = (line: string) => line.startsWith(`${key}:`) || line.startsWith(`${key}.`);
        const elsewhere = (lines: string[]) => lines.filter((line) => !atKey(line));
        const broken = issueLines({ ...config, [key]: independentKeys[key] });
        expect(broken.some(atKey)).toBe(true);
        expect(elsewhere(broken)).toEqual(elsewhere(issueLines({ ...config, [key]: undefined })));
      }),
      propertyOptions({ numRuns: 500 })
    );
  });
});
