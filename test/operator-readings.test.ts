/**
 * `doctor` and `status` as an operator runs them (`node lib/cli.js …` against the sandbox) on the
 * facts where an older reading of Aliyun misled them: IntlType, RAM refusals in each site's
 * spelling, ForbiddenAction, DATA_NOT_EXIST, the Jakarta endpoint, and the disputed facts
 * (QueryMessage's Status, QuerySmsTemplate answering, PNVS's records), each in the sandbox's
 * current reading and, where it has one, the older reading too.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { connectorConfig, pnvsConnectorConfig } from '../sandbox/connector-config.js';
import { startSandbox, type Sandbox } from '../sandbox/index.js';
import { rawRequest } from '../sandbox/test-client.js';
import { configFile, removeConfigFiles, runCli, withoutRequestIds } from './operator-cli.js';

let sandbox: Sandbox;
let secrets: string[];

beforeAll(async () => {
  sandbox = await startSandbox({ flowControl: false });
  secrets = sandbox.registry.credentials.map(({ accessKeySecret }) => accessKeySecret);
});
afterAll(async () => {
  await sandbox.close();
  removeConfigFiles();
});
beforeEach(() => {
  sandbox.account.reset();
  sandbox.records.reset();
  sandbox.outbox.clear();
});

type Check = { id: string; status: string; summary: string; fix?: string; aliyun?: { code?: string } };
const doctor = async (config: unknown, ...flags: string[]) => {
  const run = await runCli(['doctor', '--config', configFile(config), '--json', ...flags], { secrets });
  return { code: run.code, checks: (withoutRequestIds(run.stdout) as { checks: Check[] }).checks };
};
const status = (config: unknown, ...flags: string[]) => runCli(['status', '--config', configFile(config), ...flags], { secrets });
const operator = (path: string, payload: unknown) =>
  rawRequest(`${sandbox.endpoint}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });
const sendOnly = () => {
  const key = sandbox.registry.credentials.find(({ accessKeyId }) => accessKeyId === 'LTAI5tSandboxSendOnlyKey');
  if (key === undefined) {
    throw new TypeError('the default registry has a send-only key');
  }
  return { accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret };
};

/** A China-site configuration whose Generic entry sends `overseas` to numbers outside mainland China. */
const withOverseas = (overseas: string) => {
  const config = connectorConfig(sandbox);
  return { ...config, templates: config.templates.map((entry) => (entry.usageType === 'Generic' ? { ...entry, templateCode: { china: 'SMS_460100004', overseas } } : entry)) };
};

describe('IntlType: 2 is a verification code, 0 a notification, 1 promotional', () => {
  it('an approved international verification-code template (IntlType 2) passes', async () => {
    const { code, checks } = await doctor(withOverseas('SMS_460200004'));
    expect(code).toBe(0);
    expect(checks.filter((check) => check.id.startsWith('template.SMS_460200004') && !check.id.includes('.params.'))).toEqual([
      { id: 'template.SMS_460200004', status: 'pass', summary: "template SMS_460200004 is approved (an international/Hong Kong-Macao-Taiwan verification-code template; Aliyun's IntlType 2)", aliyun: { requestId: '<RequestId>' } },
    ]);
  });

  it('an international notification template (IntlType 0), which may carry a code, passes', async () => {
    sandbox.account.putTemplate({ code: 'SMS_469100001', name: 'Notice', scope: 'international', kind: 'notification', content: 'Your code is ${code}', status: 'approved', createdAt: '2026-11-02 10:00:00', owner: 'this' });
    const { code, checks } = await doctor(withOverseas('SMS_469100001'));
    expect(code).toBe(0);
    expect(checks.find((check) => check.id === 'template.SMS_469100001')?.summary).toBe(
      "template SMS_469100001 is approved (an international/Hong Kong-Macao-Taiwan notification template; Aliyun's IntlType 0)"
    );
    expect(checks.find((check) => check.id === 'template.SMS_469100001.type')).toBeUndefined();
  });

  it('a promotional one (IntlType 1) used for codes fails, saying why', async () => {
    const { code, checks } = await doctor(withOverseas('SMS_460300005'));
    expect(code).toBe(1);
    expect(checks.find((check) => check.id === 'template.SMS_460300005.type')).toEqual({
      id: 'template.SMS_460300005.type',
      status: 'fail',
      summary:
        'template SMS_460300005 is an international/Hong Kong-Macao-Taiwan promotional (marketing) template (IntlType 1), used here for verification codes: Aliyun approves a promotional template for marketing messages, not for codes',
      fix: 'apply for a verification-code template (验证码, IntlType 2) and use its code',
    });
  });

  it("SDK 4.1.2's numbering (code 0) is read by the current one and never fails a code template: Aliyun's raw value is shown", async () => {
    await operator('/api/readings', { intlType: 'sdk-4.1.2' });
    const { code, checks } = await doctor(withOverseas('SMS_460200004'));
    expect(code).toBe(0);
    expect(checks.find((check) => check.id === 'template.SMS_460200004')?.summary).toBe(
      "template SMS_460200004 is approved (an international/Hong Kong-Macao-Taiwan notification template; Aliyun's IntlType 0)"
    );
  });
});

/** What the international site's QueryMessage cannot show, as status says it. */
const internationalNote =
  "QueryMessage looks up one message by its MessageId: the international site's API cannot list the messages sent to a number, so a message whose MessageId you do not have cannot be seen here; the send log keeps each accepted send's MessageId (messageId=)";

describe('a RAM refusal in each spelling reads as RAM, never a pass', () => {
  it.each([
    ['bare RAM_PERMISSION_DENY (the current international list)', {}, 'RAM_PERMISSION_DENY'],
    ['the prefixed isp.RAM_PERMISSION_DENY of older lists', { intlCodes: 'prefixed' }, 'isp.RAM_PERMISSION_DENY'],
  ])('international site, %s: doctor warns naming dysms:QueryMessage, status gives the RAM fix', async (_, readings, ramCode) => {
    await operator('/api/readings', readings);
    const config = { ...connectorConfig(sandbox, 'international'), ...sendOnly() };
    const { code, checks } = await doctor(config);
    expect(code).toBe(0);
    expect(checks.filter((check) => check.id === 'ram.dysms:QueryMessage')).toEqual([
      { id: 'ram.dysms:QueryMessage', status: 'warn', summary: 'this AccessKey may not call dysms:QueryMessage', fix: 'add dysms:QueryMessage to its RAM policy (optional: sign-ins work without it; see docs/operator-commands.md)', aliyun: { code: ramCode } },
    ]);
    const run = await status(config, '--message-id', '1000000000000000');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`^status: this AccessKey may not call dysms:QueryMessage \\(Aliyun ${ramCode.replace('.', '\\.')}\\); add it to the key's RAM policy \\(the optional read-only policy in docs/operator-commands\\.md\\) \\(RequestId [0-9A-F-]{36}\\)\\n$`)
    );
  });

  it.each(['isv.RAM_CHECK_FAILED', 'Forbidden.NoPermission'])('China site, %s on every read: a warning per action', async (style) => {
    await operator('/api/ram', { deny: ['dysms:GetSmsSign', 'dysms:GetSmsTemplate', 'dysms:QuerySendDetails', 'dysms:QuerySendStatistics'], style });
    const { checks } = await doctor(connectorConfig(sandbox));
    expect(checks.filter((check) => check.id.startsWith('ram.dysms:')).map(({ id, status: verdict, aliyun }) => [id, verdict, aliyun?.code])).toEqual([
      ['ram.dysms:GetSmsSign', 'warn', style],
      ['ram.dysms:GetSmsTemplate', 'warn', style],
      ['ram.dysms:QuerySendDetails', 'warn', style],
      ['ram.dysms:QuerySendStatistics', 'warn', style],
    ]);
  });
});

describe('ForbiddenAction: its own finding, with its fix', () => {
  it('GetSmsTemplate barred for the account: a warning that is not about RAM, and no RAM pass for it', async () => {
    await operator('/api/forbidden-actions', { actions: ['GetSmsTemplate'] });
    const { code, checks } = await doctor(connectorConfig(sandbox));
    expect(code).toBe(0);
    expect(checks.find((check) => check.id === 'forbidden.GetSmsTemplate')).toEqual({
      id: 'forbidden.GetSmsTemplate',
      status: 'warn',
      summary: "this Aliyun account may not call GetSmsTemplate at all: an account-level restriction (ForbiddenAction), not a RAM policy, so whether the key's RAM policy allows dysms:GetSmsTemplate is unknown",
      fix: "no RAM policy can allow it: ask Alibaba Cloud support (a ticket from the console) to restore this account's access to GetSmsTemplate",
      aliyun: { code: 'ForbiddenAction' },
    });
    expect(checks.filter((check) => check.id === 'ram.dysms:GetSmsTemplate')).toEqual([]);
    expect(checks.find((check) => check.id === 'template.SMS_460100001')).toMatchObject({ status: 'skip', summary: expect.stringContaining('may not call GetSmsTemplate at all (ForbiddenAction') as string });
  });
});

describe('DATA_NOT_EXIST: no record yet, not a refusal', () => {
  it('status on an id QueryMessage has no record of: no messages, why, exit 0', async () => {
    const run = await status(connectorConfig(sandbox, 'international'), '--message-id', '1000000000000000', '--json');
    expect(run.code).toBe(0);
    expect(withoutRequestIds(run.stdout)).toEqual({
      messages: [],
      source: { site: 'international', api: 'QueryMessage 2018-05-01' },
      notes: ['Aliyun has no record of MessageId 1000000000000000 (DATA_NOT_EXIST): the record may not be there yet (try again in a minute), or the message was sent by another Aliyun account', internationalNote],
      aliyun: { code: 'DATA_NOT_EXIST', requestId: '<RequestId>' },
    });
  });

  it("the sandbox's older INVALID_PARAMETERS is Aliyun's refusal, exit 1", async () => {
    await operator('/api/readings', { unknownMessageId: 'INVALID_PARAMETERS' });
    const run = await status(connectorConfig(sandbox, 'international'), '--phone', '85261234567', '--biz-id', '1000000000000000');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('status: Aliyun refused QueryMessage: INVALID_PARAMETERS: The MessageId does not exist.');
  });
});

describe('the Jakarta endpoint', () => {
  const jakarta = (endpoint: string, extra: object = {}) => ({ ...connectorConfig(sandbox, 'international'), endpoint, timeout: 1000, ...extra });

  it.each(['https://dysmsapi.ap-southeast-5.aliyuncs.com', 'https://dysmsapi-xman-vpc.ap-southeast-5.aliyuncs.com'])('%s: doctor says mainland numbers are refused there, and --send to one sends nothing', async (endpoint) => {
    const { checks } = await doctor(jakarta(endpoint), '--send', '8613800138000');
    expect(checks.find((check) => check.id === 'endpoint')).toEqual({
      id: 'endpoint',
      status: 'warn',
      summary: `endpoint ${endpoint} is Jakarta (ap-southeast-5), which has no SendMessageWithTemplate: every mainland China number is refused before sending`,
      fix: 'to serve mainland numbers, set endpoint to https://dysmsapi.ap-southeast-1.aliyuncs.com (Singapore); to refuse them earlier, set allowedRegionCodes to the regions you serve, without "86"',
    });
    expect(checks.find((check) => check.id === 'send')?.summary).toBe(
      `the test send was refused: The phone number "861******8000" is in mainland China, which endpoint ${endpoint} (Jakarta, ap-southeast-5) cannot serve: Aliyun's Indonesian site has no SendMessageWithTemplate, so nothing was sent. To serve mainland numbers, set endpoint to https://dysmsapi.ap-southeast-1.aliyuncs.com (Singapore); to refuse them earlier, set allowedRegionCodes without "86".`
    );
  });

  it('fails when mainland numbers are all the configuration lets through, and says nothing once 86 is not allowed', async () => {
    const only = await doctor(jakarta('https://dysmsapi.ap-southeast-5.aliyuncs.com', { allowedRegionCodes: ['86'] }));
    expect(only.checks.find((check) => check.id === 'endpoint')?.status).toBe('fail');
    const without = await doctor(jakarta('https://dysmsapi.ap-southeast-5.aliyuncs.com', { allowedRegionCodes: ['852', '62'] }));
    expect(without.checks.find((check) => check.id === 'endpoint')).toBeUndefined();
  });
});

describe('where Aliyun’s sources disagree', () => {
  it("status shows QueryMessage's raw Status beside the reading, and says which source it follows; the older numbering stays visible", async () => {
    const config = connectorConfig(sandbox, 'international');
    // One real send through the CLI (as the Console's Send), then its MessageId from the phone's inbox.
    expect((await runCli(['doctor', '--config', configFile(config), '--send', '85261234567'], { secrets })).code).toBe(0);
    const messageId = sandbox.outbox.list({ phone: '85261234567' })[0]?.messageId ?? '';
    expect(messageId).not.toBe('');
    const current = await status(config, '--phone', '85261234567', '--biz-id', messageId, '--json');
    expect(current.code).toBe(0);
    const read = JSON.parse(current.stdout) as { messages: Array<{ status: string; aliyunStatus: string }>; notes: string[] };
    expect(read.messages.map(({ status: verdict, aliyunStatus }) => [verdict, aliyunStatus])).toEqual([['delivered', '1']]);
    expect(read.notes).toEqual([
      "QueryMessage's Status is read as Aliyun's current SDK (dysmsapi 2018-05-01, 1.0.10) reads it: 1 delivered, 2 failed, 3 pending; older Aliyun pages read 1 as submitted and 3 as delivered, so Aliyun's own value is shown beside each message",
      internationalNote,
    ]);
    await operator('/api/readings', { queryMessageStatus: 'doc-106592' });
    const older = await status(config, '--phone', '85261234567', '--biz-id', messageId);
    expect(older.code).toBe(0);
    expect(older.stdout).toMatch(/\nPENDING {3}3 {6}/);
    expect(older.stdout).toContain("Note: QueryMessage's Status is read as Aliyun's current SDK");
  });

  it('doctor says when QuerySmsTemplate answered, which Aliyun documents as taken offline', async () => {
    await operator('/api/unknown-actions', { actions: ['GetSmsTemplate'] });
    const { code, checks } = await doctor(connectorConfig(sandbox));
    expect(code).toBe(0);
    expect(checks.find((check) => check.id === 'template.SMS_460100001')?.summary).toBe(
      'template SMS_460100001 is approved (a verification-code template) (read through QuerySmsTemplate, the older action: this endpoint does not know GetSmsTemplate, and Aliyun documents QuerySmsTemplate as taken offline)'
    );
  });

  it("status on a PNVS number says what PNVS's QuerySendDetails cannot show", async () => {
    const run = await status(pnvsConnectorConfig(sandbox), '--phone', '13900139000', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      messages: [],
      source: { site: 'pnvs', api: 'QuerySendDetails (PNVS dypnsapi)' },
      notes: [
        'PNVS\'s QuerySendDetails lists only messages sent with SendSmsVerifyCode: a message sent to this number with SendSms (before mainlandService was pnvs, or by another tool) is not shown here; run status with mainlandService "sms" to see those',
      ],
    });
  });
});
