/**
 * The fallback account in the configuration: a shallow merge over the primary, its secret in its
 * own top-level key, the connector's keys refused inside it, and the merged configuration held to
 * the same rules as the primary, its problems under `fallback.` paths.
 */
import { describe, expect, it } from 'vitest';

import { issuesOf, requiredTemplates } from '../../test/config-refusals.js';
import { checkConfig, parseConfig } from './config.js';

const primary = {
  accessKeyId: 'LTAI5tPrimaryKeyId',
  accessKeySecret: 'primaryFakeSecret',
  signName: '主签名',
  templates: requiredTemplates,
};

const backupTemplates = requiredTemplates.map(({ usageType }, index) => ({ usageType, templateCode: `SMS_9${index}` }));
const backup = { accessKeyId: 'LTAI5tBackupKeyId', signName: '备用签名', templates: backupTemplates };

describe('a fallback account', () => {
  it('takes each key it gives, the primary’s for every other one, and its own secret', () => {
    const config = parseConfig({ ...primary, timeout: 5000, fallback: backup, fallbackAccessKeySecret: 'backupFakeSecret' });
    expect(config.fallback).toMatchObject({
      accessKeyId: 'LTAI5tBackupKeyId',
      accessKeySecret: 'backupFakeSecret',
      signName: '备用签名',
      templates: backupTemplates.map((template) => ({ ...template, params: { code: '{{code}}' } })),
      timeout: 5000,
      site: 'china',
      endpoint: 'https://dysmsapi.aliyuncs.com',
    });
    expect(config).toMatchObject({ accessKeyId: 'LTAI5tPrimaryKeyId', accessKeySecret: 'primaryFakeSecret', signName: '主签名' });
  });

  it('replaces the primary’s templates whole when it gives templates', () => {
    const config = parseConfig({ ...primary, fallback: { templates: backupTemplates.slice(0, 4) } });
    expect(config.fallback?.templates.map(({ templateCode }) => templateCode)).toEqual(['SMS_90', 'SMS_91', 'SMS_92', 'SMS_93']);
  });

  it('may be PNVS on the primary’s own key: no secret of its own needed', () => {
    const config = parseConfig({ ...primary, fallback: { mainlandService: 'pnvs', pnvsSignName: '速通互联验证码' } });
    expect(config.fallback).toMatchObject({
      accessKeyId: 'LTAI5tPrimaryKeyId',
      accessKeySecret: 'primaryFakeSecret',
      mainlandService: 'pnvs',
      pnvsSignName: '速通互联验证码',
      signName: '主签名',
    });
    expect(config.mainlandService).toBe('sms');
  });

  it('on another site gets that site’s endpoint when neither gives one', () => {
    const config = parseConfig({ ...primary, fallback: { ...backup, site: 'international' }, fallbackAccessKeySecret: 'backupFakeSecret' });
    expect(config.fallback?.endpoint).toBe('https://dysmsapi.ap-southeast-1.aliyuncs.com');
    expect(config.endpoint).toBe('https://dysmsapi.aliyuncs.com');
  });

  it.each([
    ['{} (what the Console form submits when left empty)', {}],
    ['keys that are all null (Logto stores none of them)', { timeout: null, signName: null }],
  ])('is none when given as %s', (_, fallback) => {
    const config = parseConfig({ ...primary, fallback });
    expect(config).not.toHaveProperty('fallback');
  });

  it('leaves a configuration without one exactly as before: no fallback key in the result', () => {
    const result = checkConfig(primary);
    expect(result.success && Object.keys(result.config)).not.toContain('fallback');
    expect(result.success && Object.keys(result.config)).not.toContain('fallbackAccessKeySecret');
  });
});

describe('refused fallback configurations', () => {
  it.each<[string, object, string[]]>([
    [
      'its own AccessKey without fallbackAccessKeySecret',
      { fallback: backup },
      ["fallbackAccessKeySecret: fallbackAccessKeySecret is required when fallback.accessKeyId is set: paste the secret of the fallback's AccessKey"],
    ],
    [
      'fallbackAccessKeySecret without an AccessKey of its own',
      { fallback: { signName: '备用签名' }, fallbackAccessKeySecret: 'backupFakeSecret' },
      ["fallbackAccessKeySecret: fallbackAccessKeySecret is set but fallback has no accessKeyId: add the fallback AccessKey's ID as fallback.accessKeyId, or clear fallbackAccessKeySecret"],
    ],
    [
      'fallbackAccessKeySecret alone',
      { fallbackAccessKeySecret: 'backupFakeSecret' },
      ["fallbackAccessKeySecret: fallbackAccessKeySecret is set but fallback has no accessKeyId: add the fallback AccessKey's ID as fallback.accessKeyId, or clear fallbackAccessKeySecret"],
    ],
    [
      'a secret inside fallback',
      { fallback: { ...backup, accessKeySecret: 'backupFakeSecret' } },
      [
        "fallback.accessKeySecret: fallback must not hold a secret: put the fallback AccessKey's secret in the top-level key fallbackAccessKeySecret (the Console masks it there), and keep fallback.accessKeyId in fallback",
        "fallbackAccessKeySecret: fallbackAccessKeySecret is required when fallback.accessKeyId is set: paste the secret of the fallback's AccessKey",
      ],
    ],
    [
      'allowedRegionCodes inside fallback',
      { fallback: { allowedRegionCodes: ['86'] } },
      ['fallback.allowedRegionCodes: allowedRegionCodes belongs to the connector, not to one account: set it at the top level, where it guards both accounts, and remove it from fallback'],
    ],
    [
      'strictPhoneRegionNumberCheck inside fallback',
      { fallback: { strictPhoneRegionNumberCheck: true } },
      ['fallback.strictPhoneRegionNumberCheck: strictPhoneRegionNumberCheck belongs to the connector, not to one account (a number must be read the same whichever account sends it): set it at the top level and remove it from fallback'],
    ],
    [
      'disableSendLog inside fallback',
      { fallback: { disableSendLog: true } },
      ['fallback.disableSendLog: disableSendLog belongs to the connector, not to one account (one send log covers both accounts): set it at the top level and remove it from fallback'],
    ],
    [
      'a fallback inside fallback',
      { fallback: { fallback: { signName: 'x' } } },
      ['fallback.fallback: a fallback has no fallback of its own: remove fallback from inside fallback'],
    ],
    [
      'a key of its own that fails its own check',
      { fallback: { timeout: '10s' } },
      ['fallback.timeout: timeout must be a whole number of milliseconds from 1000 to 60000: write a number without quotes or units, e.g. 10000'],
    ],
    [
      'not an object',
      { fallback: 'LTAI5tBackupKeyId' },
      ['fallback: fallback must be a JSON object: give the keys of the fallback account that differ from the primary\'s, e.g. {"accessKeyId": "LTAI5t...", "signName": "...", "templates": [...]}, or {} for none'],
    ],
    [
      'templates that lack a required usageType',
      { fallback: { templates: backupTemplates.slice(0, 3) } },
      ['fallback.templates: templates must include usageType Generic: add an entry with a templateCode for each'],
    ],
    [
      'SendSms through the fallback when the primary is PNVS only (no signature or templates to inherit)',
      { signName: undefined, templates: undefined, mainlandService: 'pnvs', pnvsSignName: '速通互联验证码', fallback: { mainlandService: 'sms' } },
      ['fallback.signName: signName is required: use an approved signature name from the Aliyun SMS console, e.g. 阿里云短信测试', 'fallback.templates: templates is required: add one entry per usageType'],
    ],
    [
      'PNVS on the international site',
      { fallback: { ...backup, site: 'international', mainlandService: 'pnvs', pnvsSignName: '速通互联验证码' }, fallbackAccessKeySecret: 'backupFakeSecret' },
      ['fallback.mainlandService: mainlandService pnvs is a China-site (aliyun.com) service: set site to china, or mainlandService to sms'],
    ],
  ])('%s', (_, change, issues) => {
    expect(issuesOf({ ...primary, ...change })).toEqual(issues);
  });

  it('reports every problem of the fallback in one pass: a key refused by its own check does not hide the rules across keys', () => {
    expect(issuesOf({ ...primary, fallback: { ...backup, timeout: '10s', templates: backupTemplates.slice(0, 1) } })).toEqual([
      'fallback.timeout: timeout must be a whole number of milliseconds from 1000 to 60000: write a number without quotes or units, e.g. 10000',
      "fallbackAccessKeySecret: fallbackAccessKeySecret is required when fallback.accessKeyId is set: paste the secret of the fallback's AccessKey",
      'fallback.templates: templates must include usageType Register, ForgotPassword, Generic: add an entry with a templateCode for each',
    ]);
  });

  it('reports a problem the fallback inherits once, at the primary’s key', () => {
    expect(issuesOf({ ...primary, signName: undefined, fallback: { timeout: 3000 } })).toEqual([
      'signName: signName is required: use an approved signature name from the Aliyun SMS console, e.g. 阿里云短信测试',
    ]);
  });
});
