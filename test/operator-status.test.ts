/**
 * `status` and the commands' usage as an operator meets them: `node lib/cli.js …` in a child
 * process against the sandbox's QuerySendDetails, the exact JSON and exit codes, `--config -`
 * from stdin, usage errors (exit 2), and runs against a server that never answers, which must end
 * within the configuration's timeout.
 */
import { createServer, type Socket } from 'node:net';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

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
  sandbox.account.reset();
  sandbox.records.reset();
});

const phone = '13912345678';

/** What the China site's QuerySendDetails cannot show, as status says it. */
const chinaNote =
  "QuerySendDetails lists the messages this Aliyun account accepted through SendSms for this number on this day (China time): a send refused before Aliyun accepted it is not there (the send log's outcome=refused lines and Logto's audit log have those), nor a message sent through PNVS or by another Aliyun account";
/** The China-time day of a sandbox time, as `--date` takes it. */
const chinaDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

describe('status against the sandbox', () => {
  it('lists one delivered, one failed and one pending message with the carrier code, exactly', async () => {
    const sentAt = sandbox.clock.now() - 10 * 60_000;
    const day = chinaDay(sentAt);
    const time = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00';
    const seed = { phone, content: '【Logto沙箱】您的登录验证码为123456，5分钟内有效，请勿泄露给他人。', templateCode: 'SMS_460100001' };
    sandbox.records.inject({ ...seed, sentAt, status: 'delivered', bizId: '900000000000001^0' });
    sandbox.records.inject({ ...seed, sentAt: sentAt + 60_000, status: 'failed', errCode: 'UNDELIV', bizId: '900000000000002^0' });
    sandbox.records.inject({ ...seed, sentAt: sentAt + 120_000, status: 'pending', bizId: '900000000000003^0' });
    const run = await runCli(['status', '--config', configFile(config), '--phone', phone, '--date', day, '--json'], { secrets });
    expect(run.code).toBe(0);
    // Newest first, as Aliyun lists them; the sandbox's receipt comes 2 s after the send.
    expect(withoutRequestIds(run.stdout)).toEqual({
      messages: [
        { status: 'pending', aliyunStatus: '1', sentAt: time(sentAt + 120_000), templateCode: 'SMS_460100001' },
        { status: 'failed', aliyunStatus: '2', errorCode: 'UNDELIV', sentAt: time(sentAt + 60_000), receivedAt: time(sentAt + 62_000), templateCode: 'SMS_460100001' },
        { status: 'delivered', aliyunStatus: '3', sentAt: time(sentAt), receivedAt: time(sentAt + 2000), templateCode: 'SMS_460100001' },
      ],
      source: { site: 'china', api: 'QuerySendDetails 2017-05-25' },
      notes: [chinaNote],
    });

    const table = await runCli(['status', '--config', configFile(config), '--phone', phone, '--date', day], { secrets });
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(`139****5678 on ${day} (China time; China site, QuerySendDetails 2017-05-25): 3 messages`);
    expect(table.stdout).toContain(`Note: ${chinaNote}.`);
    expect(table.stdout).toContain('UNDELIV (not deliverable: the number is suspended, barred or unreachable)');
  });

  it('--biz-id narrows to one message and reports its BizId', async () => {
    const sentAt = sandbox.clock.now() - 5 * 60_000;
    sandbox.records.inject({ phone, content: 'x', templateCode: 'SMS_460100001', sentAt, status: 'failed', errCode: 'EXPIRED', bizId: '900000000000009^0' });
    sandbox.records.inject({ phone, content: 'y', templateCode: 'SMS_460100001', sentAt, status: 'delivered', bizId: '900000000000010^0' });
    const run = await runCli(['status', '--config', configFile(config), '--phone', phone, '--date', chinaDay(sentAt), '--biz-id', '900000000000009^0', '--json'], { secrets });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      messages: [expect.objectContaining({ status: 'failed', errorCode: 'EXPIRED', bizId: '900000000000009^0' })],
    });
    expect((JSON.parse(run.stdout) as { messages: unknown[] }).messages).toHaveLength(1);
  });

  it('names the RAM action when the key may not read send records, with exit 1', async () => {
    const sendOnly = sandbox.registry.credentials.find(({ accessKeyId }) => accessKeyId === 'LTAI5tSandboxSendOnlyKey');
    const run = await runCli(['status', '--config', configFile({ ...config, ...sendOnly }), '--phone', phone, '--json'], { secrets });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^status: this AccessKey may not call dysms:QuerySendDetails \(Aliyun isp\.RAM_PERMISSION_DENY\); add it to the key's RAM policy \(the optional read-only policy in docs\/operator-commands\.md\) \(RequestId [0-9A-F-]{36}\)\n$/
    );
  });

  it('reads the configuration from stdin with --config -', async () => {
    const run = await runCli(['status', '--config', '-', '--phone', '13800000001', '--json'], { stdin: JSON.stringify(config), secrets });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ messages: [], source: { site: 'china', api: 'QuerySendDetails 2017-05-25' }, notes: [chinaNote] });
  });
});

describe('usage errors exit 2 and print usage, not a stack', () => {
  it.each([
    ['an unknown flag', ['doctor', '--config', 'x.json', '--verbose'], "Unknown option '--verbose'"],
    ['no --config', ['doctor'], '--config <file|-> or --logto <endpoint> is required'],
    ['an unreadable file', ['doctor', '--config', '/nonexistent/config.json'], 'cannot read --config /nonexistent/config.json: ENOENT'],
    ['a malformed date', ['status', '--config', 'x.json', '--phone', '13800138000', '--date', '2026/12/01'], '--date must be a day as YYYY-MM-DD'],
    ['neither --phone nor --message-id', ['status', '--config', 'x.json'], '--phone <number> (China site, PNVS) or --message-id <id> (international site) is required'],
    ['a report range over 30 days', ['report', '--config', 'x.json', '--days', '31'], '--days must be a whole number from 1 to 30'],
    ['a report rate that is not a share', ['report', '--config', 'x.json', '--min-rate', '90'], '--min-rate must be a share from 0 to 1'],
    ['a report balance that is not an amount', ['report', '--config', 'x.json', '--min-balance', '1.234,56'], "--min-balance must be an amount in the account's currency"],
    ['an unknown command', ['send'], 'unknown command "send"'],
  ])('%s', async (_, args, sentence) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(sentence);
    expect(run.stderr).toContain('Usage:');
  });

  it('a file that is not JSON', async () => {
    const run = await runCli(['doctor', '--config', '-'], { stdin: '{ accessKeyId: nope' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--config - is not JSON');
  });

  it('an invalid configuration is a failed check with the guard\'s own sentence, exit 1', async () => {
    const run = await runCli(['doctor', '--config', '-', '--json'], { stdin: JSON.stringify({ ...config, timeout: 100 }), secrets });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      checks: [
        { id: 'config.timeout', status: 'fail', summary: 'timeout must be at least 1000 ms (Aliyun asks for at least 1 s)', fix: 'write 1000 or more, e.g. 10000' },
        { id: 'account', status: 'skip', summary: 'the account was not checked: fix the configuration first' },
      ],
    });
  });
});

describe('a server that accepts connections and never answers', () => {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.resume();
  });
  let endpoint = '';
  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const socket of sockets) {
      socket.destroy();
    }
    server.close();
    await once(server, 'close');
  });

  // One round of parallel calls, each bounded by timeout, plus Node's start-up: far below the kill timer.
  it('doctor ends within its timeout and says which host did not answer', async () => {
    const run = await runCli(['doctor', '--config', '-', '--json'], { stdin: JSON.stringify({ ...config, endpoint, timeout: 1000 }), secrets, killAfterMs: 20_000 });
    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(15_000);
    const { checks } = JSON.parse(run.stdout) as { checks: Array<{ id: string; summary: string }> };
    expect(checks.find((check) => check.id === 'credentials')?.summary).toBe(
      `AccessKey LTAI****yId could not be checked: no answer from ${endpoint.slice(7)} within 1000 ms (timeout); check the network path to ${endpoint.slice(7)}`
    );
  });

  it('report ends within its timeout, exit 3, saying which host did not answer', async () => {
    const run = await runCli(['report', '--config', '-'], { stdin: JSON.stringify({ ...config, endpoint, timeout: 1000 }), secrets, killAfterMs: 20_000 });
    expect(run.code).toBe(3);
    expect(run.ms).toBeLessThan(15_000);
    expect(run.stdout).toContain(`report: Aliyun could not be asked: no answer from ${endpoint.slice(7)} within 1000 ms (timeout)`);
  });

  it('status ends within its timeout, exit 1', async () => {
    const run = await runCli(['status', '--config', '-', '--phone', phone], { stdin: JSON.stringify({ ...config, endpoint, timeout: 1000 }), secrets, killAfterMs: 20_000 });
    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(15_000);
    expect(run.stderr).toBe(`status: Aliyun could not be asked: no answer from ${endpoint.slice(7)} within 1000 ms (timeout); check the network path to ${endpoint.slice(7)}\n`);
  });
});
