/**
 * `doctor` as an operator runs it: `node lib/cli.js doctor …` in a child process against the
 * sandbox, which verifies every signature and answers the read-only APIs from its account (review
 * states, template types and texts, RAM denials). Exit codes, the exact JSON, and that nothing is
 * sent without `--send`.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { connectorConfig } from '../sandbox/connector-config.js';
import { startSandbox, type Sandbox } from '../sandbox/index.js';
import { configFile, removeConfigFiles, runCli, withoutRequestIds } from './operator-cli.js';

let sandbox: Sandbox;
let config: ReturnType<typeof connectorConfig>;
let secrets: string[];

beforeAll(async () => {
  sandbox = await startSandbox();
  config = connectorConfig(sandbox);
  secrets = sandbox.registry.credentials.map(({ accessKeySecret }) => accessKeySecret);
});
afterAll(async () => {
  await sandbox.close();
  removeConfigFiles();
});
beforeEach(() => {
  sandbox.outbox.clear();
  sandbox.requests.clear();
  sandbox.account.reset();
});

const doctor = async (given: unknown, ...flags: string[]) => runCli(['doctor', '--config', configFile(given), ...flags], { secrets });
type Report = { checks: Array<{ id: string; status: string; summary: string; fix?: string; aliyun?: object }> };
const report = (stdout: string) => withoutRequestIds(stdout) as Report;
const byId = (checks: Report['checks'], id: string) => checks.filter((check) => check.id === id || check.id.startsWith(`${id}.`));
const actions = () => sandbox.requests.list().map((request) => request.params.Action);

const smsConsole = 'the Aliyun SMS console (短信服务 → 国内消息 / 国际/港澳台消息)';
const requestId = { requestId: '<RequestId>' };

describe('doctor against the sandbox', () => {
  it('passes the sandbox config with exit 0, and sends nothing: only read-only actions reach Aliyun', async () => {
    const run = await doctor(config, '--json');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const { checks } = report(run.stdout);
    expect(checks.filter((check) => check.status === 'fail' || check.status === 'warn')).toEqual([]);
    expect(new Set(actions())).toEqual(new Set(['GetSmsSign', 'GetSmsTemplate', 'QuerySendDetails', 'QuerySendStatistics', 'QueryAccountBalance']));
    expect(sandbox.outbox.list()).toEqual([]);
    // Every signature checked by the sandbox: a bad one would have been refused with SignatureDoesNotMatch.
    expect(checks.find((check) => check.id === 'credentials')).toEqual({
      id: 'credentials',
      status: 'pass',
      summary: 'Aliyun accepted AccessKey LTAI****yId and its signatures',
    });
  });

  it('reports an account that is not ready, exactly, with exit 1', async () => {
    const run = await doctor(
      {
        ...config,
        signName: '沙箱审核中',
        allowedRegionCodes: ['86'],
        templates: [
          { usageType: 'SignIn', templateCode: 'SMS_460300001' },
          { usageType: 'Register', templateCode: 'SMS_460300002' },
          { usageType: 'ForgotPassword', templateCode: 'SMS_460300003' },
          { usageType: 'Generic', templateCode: 'SMS_460300006', params: { code: '{{code}}', app: 'Logto' } },
        ],
      },
      '--json'
    );
    expect(run.code).toBe(1);
    expect(report(run.stdout)).toEqual({
      checks: [
        { id: 'config', status: 'pass', summary: 'the configuration is valid (site china, mainland numbers through SendSms)' },
        { id: 'credentials', status: 'pass', summary: 'Aliyun accepted AccessKey LTAI****yId and its signatures' },
        { id: 'clock', status: 'pass', summary: "this host's clock is within 1 s of Aliyun's Date" },
        { id: 'ram.dysms:GetSmsSign', status: 'pass', summary: 'this AccessKey may call dysms:GetSmsSign' },
        { id: 'ram.dysms:GetSmsTemplate', status: 'pass', summary: 'this AccessKey may call dysms:GetSmsTemplate' },
        { id: 'ram.dysms:QuerySendDetails', status: 'pass', summary: 'this AccessKey may call dysms:QuerySendDetails' },
        { id: 'ram.dysms:QuerySendStatistics', status: 'pass', summary: 'this AccessKey may call dysms:QuerySendStatistics' },
        { id: 'balance', status: 'pass', summary: 'available balance 1,234.56 CNY' },
        {
          id: 'ram.send',
          status: 'skip',
          summary: 'whether this AccessKey may call dysms:SendSms cannot be checked without sending',
          fix: 'grant { "Effect": "Allow", "Action": ["dysms:SendSms"], "Resource": "*" }; run doctor --send <phone> to try one real send',
        },
        {
          id: 'sign.沙箱审核中',
          status: 'fail',
          summary: 'signature 沙箱审核中 is still under review, submitted 2026-12-01',
          fix: `wait for Aliyun's review (see ${smsConsole}), or set signName to an approved signature`,
          aliyun: requestId,
        },
        {
          id: 'template.SMS_460300001',
          status: 'fail',
          summary: 'template SMS_460300001 is still under review, submitted 2026-12-01',
          fix: `wait for Aliyun's review (see ${smsConsole}), or use an approved template meanwhile`,
          aliyun: requestId,
        },
        {
          id: 'template.SMS_460300001.params.SignIn.0',
          status: 'pass',
          summary: 'params of the SignIn entry (templates[0]) fills exactly the variables of template SMS_460300001 (${code})',
        },
        {
          id: 'template.SMS_460300002',
          status: 'fail',
          summary: 'template SMS_460300002 was rejected: 模板内容中包含错别字，请修改后重新提交。',
          fix: `edit and resubmit it in ${smsConsole}, or use an approved template`,
          aliyun: requestId,
        },
        {
          id: 'template.SMS_460300002.params.Register.1',
          status: 'pass',
          summary: 'params of the Register entry (templates[1]) fills exactly the variables of template SMS_460300002 (${code})',
        },
        {
          id: 'template.SMS_460300003',
          status: 'fail',
          summary: 'template SMS_460300003 is not in this Aliyun account',
          fix: `check the code or name against ${smsConsole}; a template approved for another Aliyun account cannot be used with this AccessKey`,
          aliyun: { code: 'TemplateNotFound', ...requestId },
        },
        {
          id: 'template.SMS_460300006',
          status: 'pass',
          summary: 'template SMS_460300006 is approved (a notification template)',
          aliyun: requestId,
        },
        {
          id: 'template.SMS_460300006.params.Generic.3.product',
          status: 'fail',
          summary: 'template SMS_460300006 needs ${product}, which params of the Generic entry (templates[3]) does not fill',
          fix: 'add "product": "<value or {{placeholder}}>" to params of the Generic entry (templates[3])',
        },
        {
          id: 'template.SMS_460300006.params.Generic.3.app',
          status: 'warn',
          summary: 'params of the Generic entry (templates[3]) fills ${app}, which template SMS_460300006 does not have',
          fix: 'remove "app" from params of the Generic entry (templates[3]); Aliyun may refuse a TemplateParam key the template lacks',
        },
      ],
    });
    expect(sandbox.outbox.list()).toEqual([]);
  });

  it('finds each type mismatch: mainland template for overseas numbers, international for mainland, marketing for codes', async () => {
    const run = await doctor(
      {
        ...config,
        templates: [
          ...config.templates.filter(({ usageType }) => usageType !== 'SignIn' && usageType !== 'Register'),
          { usageType: 'SignIn', templateCode: { china: 'SMS_460200001', overseas: 'SMS_460100001' } },
          { usageType: 'Register', templateCode: { china: 'SMS_460300004', overseas: 'SMS_460300005' }, params: { name: '{{code}}' } },
        ],
      },
      '--json'
    );
    expect(run.code).toBe(1);
    const { checks } = report(run.stdout);
    expect(checks.filter((check) => check.id.endsWith('.type'))).toEqual([
      {
        id: 'template.SMS_460200001.type',
        status: 'fail',
        summary: 'template SMS_460200001 is an international/Hong Kong-Macao-Taiwan template, used here for mainland China numbers',
        fix: 'use a mainland template for these numbers',
      },
      {
        id: 'template.SMS_460100001.type',
        status: 'fail',
        summary: 'template SMS_460100001 is a mainland China template, used here for numbers outside mainland China (Hong Kong, Macao and Taiwan included)',
        fix: 'use an international/Hong Kong-Macao-Taiwan template for these numbers',
      },
      {
        id: 'template.SMS_460300004.type',
        status: 'fail',
        summary: 'template SMS_460300004 is a promotional (marketing) template, used here for verification codes: Aliyun approves a promotional template for marketing messages, not for codes',
        fix: 'apply for a verification-code template (验证码) and use its code',
      },
      {
        id: 'template.SMS_460300005.type',
        status: 'fail',
        summary:
          'template SMS_460300005 is an international/Hong Kong-Macao-Taiwan promotional (marketing) template (IntlType 1), used here for verification codes: Aliyun approves a promotional template for marketing messages, not for codes',
        fix: 'apply for a verification-code template (验证码, IntlType 2) and use its code',
      },
    ]);
  });

  it('warns when one mainland template code serves every region', async () => {
    const run = await doctor({ ...config, templates: config.templates.map((entry) => ({ ...entry, templateCode: entry.templateCode.china })) }, '--json');
    expect(run.code).toBe(0);
    expect(byId(report(run.stdout).checks, 'template.SMS_460100001.type')).toEqual([
      {
        id: 'template.SMS_460100001.type',
        status: 'warn',
        summary: 'template SMS_460100001 is a mainland China template, used here for numbers outside mainland China (Hong Kong, Macao and Taiwan included)',
        fix: 'make templateCode a { "china": "<mainland template>", "overseas": "<international template>" } pair, or set allowedRegionCodes to ["86"]',
      },
    ]);
  });

  it('reports each signature state: rejected with its reason, another account\'s, approved', async () => {
    const states = await Promise.all(
      ['沙箱驳回', '其他账号签名', 'LogtoSandbox'].map(async (signName) => byId(report((await doctor({ ...config, signName }, '--json')).stdout).checks, 'sign'))
    );
    expect(states).toEqual([
      [
        {
          id: 'sign.沙箱驳回',
          status: 'fail',
          summary: 'signature 沙箱驳回 was rejected: 通过资质信息，不能判断是否可以申请此签名，请补充营业执照或商标证明。',
          fix: `edit and resubmit it in ${smsConsole}, or set signName to an approved signature`,
          aliyun: requestId,
        },
      ],
      [
        {
          id: 'sign.其他账号签名',
          status: 'fail',
          summary: 'signature 其他账号签名 is not in this Aliyun account',
          fix: `check the code or name against ${smsConsole}; a signature approved for another Aliyun account cannot be used with this AccessKey`,
          aliyun: { code: 'SignatureNotFound', ...requestId },
        },
      ],
      [{ id: 'sign.LogtoSandbox', status: 'pass', summary: 'signature LogtoSandbox is approved', aliyun: requestId }],
    ]);
  });

  it('says which read-only actions a send-only key may not call, and still exits 0', async () => {
    const sendOnly = sandbox.registry.credentials.find(({ accessKeyId }) => accessKeyId === 'LTAI5tSandboxSendOnlyKey');
    const run = await doctor({ ...config, ...sendOnly }, '--json');
    const { checks } = report(run.stdout);
    expect(run.code).toBe(0);
    expect(byId(checks, 'ram').filter((check) => check.id !== 'ram.send')).toEqual(
      ['dysms:GetSmsSign', 'dysms:GetSmsTemplate', 'dysms:QuerySendDetails', 'dysms:QuerySendStatistics'].map((action) => ({
        id: `ram.${action}`,
        status: 'warn',
        summary: `this AccessKey may not call ${action}`,
        fix: `add ${action} to its RAM policy (optional: sign-ins work without it; see docs/operator-commands.md)`,
        aliyun: { code: 'isp.RAM_PERMISSION_DENY' },
      }))
    );
    // The billing API answers a RAM refusal at its gateway: 403 Forbidden.RAM (sandbox assumption A37).
    expect(byId(checks, 'balance')).toEqual([
      {
        id: 'balance',
        status: 'warn',
        summary: "this AccessKey may not read the account's balance (Aliyun Forbidden.RAM); to show it, allow bssapi:QueryAccountBalance (or the console permission bss:DescribeAcccount)",
        fix: "allow bssapi:QueryAccountBalance in the key's RAM policy (optional: sign-ins work without it; see docs/operator-commands.md)",
        aliyun: { code: 'Forbidden.RAM', ...requestId },
      },
    ]);
    expect(byId(checks, 'template.SMS_460100001')).toEqual([
      {
        id: 'template.SMS_460100001',
        status: 'skip',
        summary: 'template SMS_460100001 could not be read: this AccessKey may not call dysms:GetSmsTemplate',
        fix: 'grant dysms:GetSmsTemplate (the optional read-only policy in docs/operator-commands.md) to check it',
        aliyun: { code: 'isp.RAM_PERMISSION_DENY', ...requestId },
      },
    ]);
  });

  it('--min-balance: the balance read with its thousands separator ("1,234.56"), a warning below, a pass above, exit 0 either way', async () => {
    const balanceRow = async (minimum: string) => {
      const run = await doctor(config, '--json', '--min-balance', minimum);
      expect(run.code).toBe(0);
      return byId(report(run.stdout).checks, 'balance');
    };
    expect(await balanceRow('1,000')).toEqual([{ id: 'balance', status: 'pass', summary: 'available balance 1,234.56 CNY, not below --min-balance 1000' }]);
    expect(await balanceRow('1234.57')).toEqual([
      {
        id: 'balance',
        status: 'warn',
        summary: 'available balance 1,234.56 CNY, below --min-balance 1234.57: top the account up before sends are refused (isv.AMOUNT_NOT_ENOUGH)',
        fix: 'top the account up in the Aliyun console (费用 → 充值) before sends are refused with isv.AMOUNT_NOT_ENOUGH',
      },
    ]);
  });

  it('fails the credentials on a wrong secret, without printing either secret', async () => {
    const run = await doctor({ ...config, accessKeySecret: 'WrongSecretForTheSandbox0000' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'FAIL  credentials'
    );
    expect(run.stdout).toContain(
      'Aliyun refused the signatures made with accessKeySecret for AccessKey LTAI****yId: the secret does not belong to this AccessKey ID'
    );
    expect(run.stdout).not.toContain('WrongSecretForTheSandbox0000');
    expect(run.stdout).not.toContain(config.accessKeyId);
    expect(run.stdout).not.toContain('string to sign');
  });

  it('--send sends exactly one message, as the Console\'s Send does', async () => {
    const run = await doctor(config, '--json', '--send', '13800138000');
    expect(run.code).toBe(0);
    expect(actions().filter((action) => action === 'SendSms')).toEqual(['SendSms']);
    const [message] = sandbox.outbox.list();
    expect(sandbox.outbox.list()).toHaveLength(1);
    expect(message?.phone).toBe('13800138000');
    expect(message?.text).toContain('000000');
    const [send] = byId(report(run.stdout).checks, 'send');
    expect(send).toEqual({
      id: 'send',
      status: 'pass',
      summary: expect.stringMatching(/^Aliyun accepted one test message to the number \(code 000000\), BizId \S+; run status to see whether it was delivered$/) as string,
      aliyun: { code: 'OK', ...requestId },
    });
  });

  it('on the international site, says that signatures, sender IDs and templates cannot be checked without sending', async () => {
    const run = await doctor(connectorConfig(sandbox, 'international'), '--json');
    expect(run.code).toBe(0);
    const { checks } = report(run.stdout);
    expect(checks.map(({ id, status }) => `${id} ${status}`)).toEqual([
      'config pass',
      'credentials pass',
      'clock pass',
      'ram.dysms:QueryMessage pass',
      'ram.dysms:QuerySendStatistics pass',
      'balance pass',
      'ram.send skip',
      'international skip',
    ]);
    expect(checks.at(-1)?.summary).toBe(
      "the international site's API (2018-05-01) cannot read signatures, sender IDs or templates: nothing of them can be checked without sending"
    );
    expect(actions().sort()).toEqual(['QueryAccountBalance', 'QueryMessage', 'QuerySendStatistics']);
  });

  it('prints a table for people, with no progress when stderr is not a terminal', async () => {
    const run = await doctor({ ...config, signName: '沙箱审核中' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      `FAIL  signature 沙箱审核中           signature 沙箱审核中 is still under review, submitted 2026-12-01  → wait for Aliyun's review (see ${smsConsole}), or set signName to an approved signature\n`
    );
    expect(run.stdout).toMatch(/\n1 failed, 0 warnings, \d+ passed, 1 not checked\n$/);
  });
});

describe('doctor on an invalid configuration: every problem at once, each with its fix', () => {
  it('an empty configuration: the two keys, the signature and the templates, and no call to Aliyun', async () => {
    const run = await doctor({}, '--json');
    expect(run.code).toBe(1);
    expect(report(run.stdout)).toEqual({
      checks: [
        { id: 'config.accessKeyId', status: 'fail', summary: 'accessKeyId is required', fix: 'paste the AccessKey ID of a RAM user allowed to call dysms:SendSms' },
        { id: 'config.accessKeySecret', status: 'fail', summary: 'accessKeySecret is required', fix: 'paste the AccessKey secret shown when the AccessKey was created' },
        { id: 'config.signName', status: 'fail', summary: 'signName is required', fix: 'use an approved signature name from the Aliyun SMS console, e.g. 阿里云短信测试' },
        { id: 'config.templates', status: 'fail', summary: 'templates is required', fix: 'add one entry per usageType' },
        { id: 'account', status: 'skip', summary: 'the account was not checked: fix the configuration first' },
      ],
    });
    expect(actions()).toEqual([]);
  });

  it('a timeout with a unit beside a missing template type: both, in the table with the fix after the arrow', async () => {
    const run = await doctor({ ...config, timeout: '10s', templates: config.templates.filter(({ usageType }) => usageType !== 'Generic') });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'FAIL  config timeout    timeout must be a whole number of milliseconds from 1000 to 60000  → write a number without quotes or units, e.g. 10000',
        'FAIL  config templates  templates must include usageType Generic  → add an entry with a templateCode for each',
        'SKIP  account           the account was not checked: fix the configuration first',
        '',
        '2 failed, 0 warnings, 0 passed, 1 not checked',
        '',
      ].join('\n')
    );
  });
});

describe('doctor --send shows the number as given, masked, and the connector\'s own sentence', () => {
  it.each([
    ['abc', 'The phone number "***" may contain only digits, with an optional leading + or 00.'],
    ['12', 'The phone number "**" has 2 digits, too few for a region code and a number.'],
    ['683712', 'The phone number "******" has 6 digits, too few for a region code and a number.'],
    ['1380013800a', 'The phone number "138****800a" may contain only digits, with an optional leading + or 00.'],
  ])('--send %s', async (phone, sentence) => {
    const run = await doctor(config, '--send', phone);
    expect(run.code).toBe(1);
    const line = run.stdout.split('\n').find((text) => text.startsWith('FAIL  send '));
    expect(line).toMatch(/^FAIL {2}send +the test send was refused: (.*)$/);
    expect(line?.replace(/^FAIL {2}send +the test send was refused: /, '')).toBe(sentence);
    expect(sandbox.outbox.list()).toEqual([]);
    const json = report((await doctor(config, '--send', phone, '--json')).stdout);
    expect(byId(json.checks, 'send')).toEqual([{ id: 'send', status: 'fail', summary: `the test send was refused: ${sentence}` }]);
  });
});
