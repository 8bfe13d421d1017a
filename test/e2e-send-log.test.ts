/**
 * The send log end to end: sends through Logto's own loader into the sandbox, sign-in sends (the
 * stored configuration) and the Console's Send, on both sites; the line of each, and `status`
 * (`node lib/cli.js`) finding the message by the id the line gives: on the China site by
 * `--phone --biz-id`, on the international site by `--message-id` alone. And, in a process of its
 * own, the default export writing its lines to Logto's standard output.
 */
import { TemplateType } from '@logto/connector-kit';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';

import { connectorConfig } from '../sandbox/connector-config.js';
import { runFixture } from './fixture-process.js';
import { useSandboxAndConnector } from './harness.js';
import { configFile, removeConfigFiles, runCli } from './operator-cli.js';
import { readLogLine, sendLogRecords } from './send-log-reader.js';

const harness = useSandboxAndConnector();
const code = '482913';

beforeEach(() => {
  harness.sandbox.outbox.clear();
  harness.sandbox.clock.reset();
});
afterEach(() => {
  // Whatever the send, no line holds the code, the secret or the full number.
  for (const line of harness.sendLog.splice(0)) {
    expect(line).not.toContain(code);
    expect(line).not.toContain(harness.sandbox.accessKeySecret);
    expect(line).not.toMatch(/8613912345678|85261234567\b/);
  }
});
afterAll(() => {
  removeConfigFiles();
});

const secrets = () => harness.sandbox.registry.credentials.map(({ accessKeySecret }) => accessKeySecret);
const chinaDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const lastLine = () => readLogLine(harness.sendLog.at(-1) ?? '');

describe('the send log through Logto’s loader, and status by its ids', () => {
  it('China site: a sign-in send writes one accepted line; status --phone --biz-id finds that message', async () => {
    const config = connectorConfig(harness.sandbox);
    harness.stored = config;
    const to = '8613912345678';
    const receipt = (await harness.connector.sendMessage({ to, type: TemplateType.SignIn, payload: { code, locale: 'zh-CN' } })) as { BizId: string; RequestId: string };
    expect(harness.sendLog).toHaveLength(1);
    const line = lastLine();
    expect(line).toEqual({
      event: 'aliyun-sms.send',
      outcome: 'accepted',
      test: 'false',
      time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/) as string,
      date: chinaDay(harness.sandbox.clock.now()),
      type: 'SignIn',
      to: '861******5678',
      site: 'china',
      region: 'mainland',
      regionCode: '86',
      host: new URL(harness.sandbox.endpoint).host,
      action: 'SendSms',
      version: '2017-05-25',
      template: 'SMS_460100001',
      bizId: receipt.BizId,
      requestId: receipt.RequestId,
      ms: expect.stringMatching(/^\d+$/) as string,
    });
    // The receipt comes 2 s after the send.
    harness.sandbox.clock.advance(3000);
    const bizId = line.bizId ?? '';
    const run = await runCli(['status', '--config', configFile(config), '--phone', to, '--biz-id', bizId, '--date', line.date ?? '', '--json'], { secrets: secrets() });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ messages: [{ status: 'delivered', aliyunStatus: '3', bizId, templateCode: 'SMS_460100001' }], source: { site: 'china', api: 'QuerySendDetails 2017-05-25' } });
    const table = await runCli(['status', '--config', configFile(config), '--phone', to, '--biz-id', bizId], { secrets: secrets() });
    expect(table.stdout).toContain(`861******5678 on ${line.date ?? ''} (China time, BizId ${bizId}; China site, QuerySendDetails 2017-05-25): 1 message\n`);
    // QuerySendDetails' Content holds the message text, code included: status never prints it.
    expect(`${run.stdout}${table.stdout}`).not.toContain(code);
  });

  it('international site: the line gives the MessageId; status --message-id alone finds it, no --phone', async () => {
    const config = connectorConfig(harness.sandbox, 'international');
    harness.stored = config;
    const receipt = (await harness.connector.sendMessage({ to: '85261234567', type: TemplateType.Register, payload: { code, locale: 'en' } })) as { MessageId: string };
    const line = lastLine();
    expect(line).toMatchObject({ outcome: 'accepted', test: 'false', type: 'Register', to: '852****4567', site: 'international', region: 'overseas', action: 'SendMessageToGlobe', version: '2018-05-01', template: 'content of Register', messageId: receipt.MessageId });
    expect(line.bizId).toBeUndefined();
    const run = await runCli(['status', '--config', configFile(config), '--message-id', line.messageId ?? '', '--json'], { secrets: secrets() });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ messages: [{ status: 'delivered', bizId: receipt.MessageId }], source: { site: 'international', api: 'QueryMessage 2018-05-01' } });
    const table = await runCli(['status', '--config', configFile(config), '--message-id', line.messageId ?? ''], { secrets: secrets() });
    expect(table.stdout).toContain(`MessageId ${receipt.MessageId} (international site, QueryMessage 2018-05-01): 1 message\n`);
    // QueryMessage's Message is the text sent, code included: status never prints it.
    expect(`${run.stdout}${table.stdout}`).not.toContain(code);
    const wrong = await runCli(['status', '--config', configFile(connectorConfig(harness.sandbox)), '--message-id', line.messageId ?? '']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("status: --message-id is for the international site's QueryMessage; on the China site status looks messages up by --phone and --date");
  });

  it("refusals: Aliyun's flow control with its code and RequestId, a region refused before sending, the Console's Send marked test", async () => {
    const config = connectorConfig(harness.sandbox);
    harness.stored = { ...config, allowedRegionCodes: ['86'] };
    const signIn = { to: '8613912345678', type: TemplateType.SignIn, payload: { code } };
    await harness.connector.sendMessage(signIn);
    await expect(harness.connector.sendMessage(signIn)).rejects.toBeDefined();
    expect(lastLine()).toMatchObject({ outcome: 'refused', by: 'aliyun', code: 'isv.BUSINESS_LIMIT_CONTROL', error: 'rate_limit_exceeded', test: 'false', action: 'SendSms', requestId: expect.stringMatching(/^[0-9A-F-]{36}$/) as string });
    const requests = harness.sandbox.requests.count;
    await expect(harness.connector.sendMessage({ ...signIn, to: '85261234567' })).rejects.toBeDefined();
    expect(harness.sandbox.requests.count).toBe(requests);
    expect(lastLine()).toEqual({
      event: 'aliyun-sms.send',
      outcome: 'refused',
      by: 'connector',
      reason: 'region',
      error: 'general',
      test: 'false',
      time: expect.any(String) as string,
      date: expect.any(String) as string,
      type: 'SignIn',
      to: '852****4567',
      ms: expect.any(String) as string,
    });
    await harness.connector.sendMessage({ to: '8613800138000', type: TemplateType.Generic, payload: { code: '000000', locale: 'zh-CN' } }, config);
    expect(lastLine()).toMatchObject({ outcome: 'accepted', test: 'true', type: 'Generic' });
    expect(sendLogRecords(harness.sendLog).map(({ outcome, test }) => `${outcome ?? ''} ${test ?? ''}`)).toEqual(['accepted false', 'refused false', 'refused false', 'accepted true']);
  });
});

describe('Logto’s default export', () => {
  it("writes one line per send, accepted or refused, to the process's standard output", async () => {
    const run = await runFixture<never>('send-log-stdout.ts', { killAfterMs: 30_000 });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n').filter((line) => line.startsWith('event=aliyun-sms.send '));
    expect(lines.map((line) => readLogLine(line)).map(({ outcome, by, reason, to }) => [outcome, by, reason, to])).toEqual([
      ['accepted', undefined, undefined, '861******5678'],
      ['refused', 'connector', 'number', '861*******6789'],
    ]);
    expect(run.stdout).not.toContain('731942');
  });
});
