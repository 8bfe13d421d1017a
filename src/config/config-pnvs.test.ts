import { describe, expect, it } from 'vitest';

import { issuesOf, requiredTemplates } from '../../test/config-refusals.js';
import { parseConfig } from './config.js';

const keys = { accessKeyId: 'LTAI5tFakeKeyId', accessKeySecret: 'fakeSecret' };
const pnvsOnly = { ...keys, mainlandService: 'pnvs', pnvsSignName: '速通互联验证码' };
const templates = requiredTemplates;

describe('PNVS settings', () => {
  it('a PNVS-only account needs only its keys and the gifted signature', () => {
    expect(parseConfig(pnvsOnly)).toMatchObject({
      mainlandService: 'pnvs',
      pnvsSignName: '速通互联验证码',
      pnvsCodeValidMinutes: 10,
      pnvsEndpoint: 'https://dypnsapi.aliyuncs.com',
      templates: [],
    });
  });

  it.each<[string, unknown]>([
    ["the Console's emptied templates field ({})", { ...pnvsOnly, templates: {} }],
    ["the Console's default templates with placeholder codes", { ...pnvsOnly, templates: [{ usageType: 'SignIn', templateCode: '<template-code>' }] }],
    ['entries with only PNVS overrides', { ...pnvsOnly, templates: [{ usageType: 'SignIn', pnvsTemplateCode: '100001' }] }],
  ])('accepts %s', (_, config) => {
    expect(() => parseConfig(config)).not.toThrow();
  });

  it('leaves an existing SendSms config as it was: mainlandService defaults to sms', () => {
    expect(parseConfig({ ...keys, signName: 'Logto', templates }).mainlandService).toBe('sms');
  });

  it.each<[string, unknown, string[]]>([
    [
      'PNVS without a gifted signature',
      { ...keys, mainlandService: 'pnvs' },
      ['pnvsSignName: pnvsSignName is required with mainlandService pnvs: use a gifted signature from the PNVS console, e.g. 速通互联验证码'],
    ],
    [
      'PNVS on the international site',
      { ...pnvsOnly, site: 'international' },
      ['mainlandService: mainlandService pnvs is a China-site (aliyun.com) service: set site to china, or mainlandService to sms'],
    ],
    ['an unknown service', { ...pnvsOnly, mainlandService: 'dypns' }, ['mainlandService: mainlandService must be one of sms, pnvs: sms sends every number through SendSms, pnvs sends mainland numbers through PNVS']],
    [
      'an own signature without templates',
      { ...pnvsOnly, signName: 'Logto' },
      ['templates: templates is required: add one entry per usageType'],
    ],
    [
      'an own signature with an entry lacking templateCode',
      { ...pnvsOnly, signName: 'Logto', templates: [{ usageType: 'SignIn', pnvsTemplateCode: '100001' }, ...templates.slice(1)] },
      [
        'templates.0.templateCode: templateCode is required (signName is set, so overseas numbers go through SendSms): use the template code shown in the Aliyun SMS console, e.g. SMS_123456789',
      ],
    ],
    [
      'SendSms without signName',
      { ...keys, templates },
      ['signName: signName is required: use an approved signature name from the Aliyun SMS console, e.g. 阿里云短信测试'],
    ],
    ['SendSms without templates', { ...keys, signName: 'Logto' }, ['templates: templates is required: add one entry per usageType']],
    [
      'SendSms with an entry lacking templateCode',
      { ...keys, signName: 'Logto', templates: [{ usageType: 'SignIn' }, ...templates.slice(1)] },
      ['templates.0.templateCode: templateCode is required: use the template code shown in the Aliyun SMS console, e.g. SMS_123456789'],
    ],
    ['minutes as text', { ...pnvsOnly, pnvsCodeValidMinutes: '5' }, ['pnvsCodeValidMinutes: pnvsCodeValidMinutes must be a whole number of minutes from 1 to 60: write a number without quotes or units, e.g. 10']],
    ['zero minutes', { ...pnvsOnly, pnvsCodeValidMinutes: 0 }, ['pnvsCodeValidMinutes: pnvsCodeValidMinutes must be at least 1 (Logto codes last at least 60 s): write 1 to 60, e.g. 10']],
    ['61 minutes', { ...pnvsOnly, pnvsCodeValidMinutes: 61 }, ['pnvsCodeValidMinutes: pnvsCodeValidMinutes must be at most 60 (Logto codes last at most 3600 s): write 1 to 60, e.g. 10']],
    [
      'a scheme name over 20 characters',
      { ...pnvsOnly, pnvsSchemeName: 'x'.repeat(21) },
      ["pnvsSchemeName: pnvsSchemeName must be at most 20 characters (Aliyun's limit for a scheme name): use the scheme name from the PNVS console, or leave it empty for the default scheme"],
    ],
    [
      'a blank pnvsTemplateCode',
      { ...pnvsOnly, templates: [{ usageType: 'SignIn', pnvsTemplateCode: ' ' }] },
      ['templates.0.pnvsTemplateCode: pnvsTemplateCode must not be empty or only spaces: use a gifted template code from the PNVS console, e.g. 100001'],
    ],
    [
      'a number in pnvsParams',
      { ...pnvsOnly, templates: [{ usageType: 'SignIn', pnvsParams: { min: 5 } }] },
      ['templates.0.pnvsParams.min: pnvsParams values must be strings: write each value in quotes, such as "{{code}}"'],
    ],
    [
      'plain http to a public PNVS host',
      { ...pnvsOnly, pnvsEndpoint: 'http://dypnsapi.aliyuncs.com' },
      [
        'pnvsEndpoint: pnvsEndpoint uses http:// for a host that is not loopback: use an https:// URL such as https://dypnsapi.aliyuncs.com (http:// only for a loopback host such as http://127.0.0.1:8787, the local sandbox)',
      ],
    ],
  ])('refuses %s', (_, config, messages) => {
    expect(issuesOf(config)).toEqual(messages);
  });
});
