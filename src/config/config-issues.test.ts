import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { configArbitrary } from '../../test/config-arbitrary.js';
import { propertyOptions } from '../../test/property-runs.js';
import { checkSentenceCount, inOperatorWords, sentenceOf } from './config-issues.js';
import { configGuard } from './config.js';

// A key added without sentences of its own still gets one that names it, never zod's wording.
const guard = z.object(
  inOperatorWords({
    named: z.string({ required_error: 'named is required: fix it', invalid_type_error: 'named must be text: fix it' }),
    bare: z.number().optional(),
    list: z.array(z.object({ inner: z.boolean() })).optional(),
  })
);

const issuesOf = (value: unknown) =>
  guard.safeParse(value).error?.issues.map(({ code, path, message }) => `${path.join('.')} (${code}) ${message}`);

describe('inOperatorWords', () => {
  it.each<[string, unknown, string[]]>([
    ['a missing key keeps its own sentence', {}, ['named (custom) named is required: fix it']],
    ['a wrong type keeps its own sentence', { named: 1 }, ['named (custom) named must be text: fix it']],
    [
      'a key without a sentence gets one naming it',
      { named: 'x', bare: 'seven' },
      ['bare (custom) bare must be number, not string: see the configuration table in docs/configuration.md'],
    ],
    [
      'nested keys keep their full path',
      { named: 'x', list: [{}] },
      ['list.0.inner (custom) list.0.inner is required: see the configuration table in docs/configuration.md'],
    ],
  ])('%s', (_, value, issues) => {
    expect(issuesOf(value)).toEqual(issues);
  });

  it('keeps values and the object shape', () => {
    expect(guard.parse({ named: 'x', bare: 2 })).toEqual({ named: 'x', bare: 2 });
    expect(Object.keys(guard.shape)).toEqual(['named', 'bare', 'list']);
  });
});

describe('every sentence of the guard comes apart into what is wrong and the fix', () => {
  it.each<[string, unknown, Array<{ path: string; summary: string; fix: string }>]>([
    [
      "zod's own checks (min, regex, enum, a type error) and a rule's custom issue alike",
      { accessKeyId: ' ', accessKeySecret: 'a b', site: 'global', timeout: '10s' },
      [
        { path: 'accessKeyId', summary: 'accessKeyId must not be empty or only spaces', fix: 'paste the AccessKey ID of a RAM user allowed to call dysms:SendSms' },
        { path: 'accessKeySecret', summary: 'accessKeySecret must be printable ASCII without spaces', fix: 'paste the AccessKey secret shown when the AccessKey was created' },
        { path: 'site', summary: 'site must be one of china, international', fix: 'china for an aliyun.com account, international for an alibabacloud.com account' },
        { path: 'timeout', summary: 'timeout must be a whole number of milliseconds from 1000 to 60000', fix: 'write a number without quotes or units, e.g. 10000' },
        { path: 'signName', summary: 'signName is required', fix: 'use an approved signature name from the Aliyun SMS console, e.g. 阿里云短信测试' },
        { path: 'templates', summary: 'templates is required', fix: 'add one entry per usageType' },
      ],
    ],
    [
      'a sentence whose summary holds a colon of its own, and one whose fix holds JSON',
      { accessKeyId: 'LTAI5tFakeKeyId', accessKeySecret: 'fakeSecret', templates: [{ usageType: 'SignIn', pnvsTemplateCode: 'SMS_154950909', params: 'code' }], mainlandService: 'pnvs', pnvsSignName: '速通互联验证码' },
      [
        { path: 'templates.0.params', summary: 'params must be an object', fix: 'map template variables to Logto placeholders, e.g. {"code": "{{code}}"}' },
        {
          path: 'templates.0.pnvsTemplateCode',
          summary: 'templates[0] (SignIn): pnvsTemplateCode SMS_154950909 is a SendSms template code, which PNVS does not send',
          fix: 'give pnvsTemplateCode a gifted template such as 100001, and put SendSms codes in templateCode',
        },
      ],
    ],
  ])('%s', (_, config, sentences) => {
    const issues = configGuard.safeParse(config).error?.issues ?? [];
    expect(issues.map((issue) => ({ path: issue.path.join('.'), ...sentenceOf(issue) }))).toEqual(sentences);
    // The Console shows the two parts as one sentence.
    expect(issues.map(({ message }) => message)).toEqual(sentences.map(({ summary, fix }) => `${summary}: ${fix}`));
  });

  it('for any configuration: every issue has a fix, and the message is the two parts joined', () => {
    const before = checkSentenceCount();
    fc.assert(
      fc.property(configArbitrary, (config) => {
        for (const issue of configGuard.safeParse(config).error?.issues ?? []) {
          const { summary, fix } = sentenceOf(issue);
          expect(fix).toMatch(/\S/);
          expect(issue.message).toBe(`${summary}: ${fix ?? ''}`);
        }
      }),
      propertyOptions({ numRuns: 500 })
    );
    // Sentences that hold a configuration's values travel in their issue: nothing is kept per parse.
    expect(checkSentenceCount()).toBe(before);
  });

  it("an issue from elsewhere keeps its whole message as the summary, with no fix", () => {
    const issue = z.string().min(2, 'too short: a fix-looking tail').safeParse('x').error?.issues[0];
    expect(issue && sentenceOf(issue)).toEqual({ summary: 'too short: a fix-looking tail' });
  });
});
