/**
 * `report` as an operator (or a cron job) runs it: `node lib/cli.js report …` against the sandbox's
 * QuerySendStatistics and QueryAccountBalance, over the default registry's week with one failing
 * day. The exact request parameters, each exit status (0, 1 a threshold, 2 usage, 3 Aliyun refused
 * or unreachable; a server that never answers: operator-status.test.ts), the range in China time,
 * today only on request, the signature filter, the balance with its thousands separator, and the JSON.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { connectorConfig } from '../sandbox/connector-config.js';
import { startSandbox, type Sandbox } from '../sandbox/index.js';
import { rawRequest } from '../sandbox/test-client.js';
import { configFile, removeConfigFiles, runCli } from './operator-cli.js';

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
beforeEach(async () => {
  sandbox.accounts.reset();
  sandbox.settings.reset();
  sandbox.requests.clear();
  await operator('/api/ram', { deny: [] });
});

const operator = (path: string, payload: unknown) =>
  rawRequest(`${sandbox.endpoint}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });
const report = (given: unknown, ...flags: string[]) => runCli(['report', '--config', configFile(given), ...flags], { secrets });

/** The China-time day `n` days before the sandbox's today, as the flags take it. */
const daysAgo = (n: number) => new Date(sandbox.clock.now() + 8 * 3_600_000 - n * 86_400_000).toISOString().slice(0, 10);

type Day = { date: string; reported: boolean; sent?: number; delivered?: number; failed?: number; awaiting?: number; rate?: number | null; usualSent?: number | null };
type Json = {
  range: { from: string; to: string; days: number; includesToday: boolean };
  signName: string | null;
  scopes: Array<{ scope: string; isGlobe: number; signName: string | null; days: Day[] }>;
  balance: { available?: string; amount?: number | null; currency?: string; error?: string; aliyun?: { code: string } };
  alerts: Array<Record<string, unknown>>;
  warnings: Array<Record<string, unknown>>;
  notes: string[];
  problem?: { sentence: string; aliyun?: { code: string } };
};
const json = (stdout: string) => JSON.parse(stdout) as Json;
const statisticsCalls = () => sandbox.requests.list().filter((request) => request.params.Action === 'QuerySendStatistics').map((request) => request.params);

describe('report on the sandbox week', () => {
  it('by default: the 7 days before today in China time, mainland and international apart, under the configured signature, exit 0', async () => {
    const run = await report(config, '--json');
    expect(run.code).toBe(0);
    const read = json(run.stdout);
    expect(read.range).toEqual({ from: daysAgo(7), to: daysAgo(1), days: 7, includesToday: false });
    expect(read.scopes.map(({ scope, isGlobe, signName, days }) => [scope, isGlobe, signName, days.length])).toEqual([
      ['mainland', 1, 'Logto沙箱', 7],
      ['international', 2, 'Logto沙箱', 7],
    ]);
    // Parameters as the SDK model names them, one page each, paced one after the other.
    expect(statisticsCalls().map(({ IsGlobe, StartDate, EndDate, PageIndex, PageSize, SignName, Version }) => ({ IsGlobe, StartDate, EndDate, PageIndex, PageSize, SignName, Version }))).toEqual(
      ['1', '2'].map((IsGlobe) => ({ IsGlobe, StartDate: daysAgo(7).replaceAll('-', ''), EndDate: daysAgo(1).replaceAll('-', ''), PageIndex: '1', PageSize: '50', SignName: 'Logto沙箱', Version: '2017-05-25' }))
    );
    // 3 days ago: 161 + 21 delivered, 233 + 30 failed, 4 awaiting (the registry's bad day).
    const bad = read.scopes[0]?.days.find(({ date }) => date === daysAgo(3));
    expect(bad).toEqual({ date: daysAgo(3), reported: true, sent: 449, delivered: 182, failed: 263, awaiting: 4, rate: 0.409, usualSent: expect.any(Number) as number });
    expect(read.balance).toEqual({ available: '1,234.56', amount: 1234.56, currency: 'CNY' });
    expect(read.alerts).toEqual([]);
  });

  it('--min-rate exits 1 on the day deliveries failed, naming it, and 0 on a day they did not', async () => {
    const failing = await report(config, '--from', daysAgo(3), '--to', daysAgo(3), '--min-rate', '0.9');
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain(`${daysAgo(3)}    449        182     263         4   40.9%      -  below --min-rate\n`);
    expect(failing.stdout).toContain(`BELOW --min-rate 0.9: mainland ${daysAgo(3)}, 40.9% of 445 receipts delivered\n`);
    const good = await report(config, '--from', daysAgo(2), '--to', daysAgo(2), '--min-rate', '0.9');
    expect(good.code).toBe(0);
    expect(good.stdout).not.toContain('BELOW');
    expect((await report(config, '--from', daysAgo(3), '--to', daysAgo(3))).code).toBe(0);
  });

  it('--min-rate judges a day only with --min-sent receipts (default 20); awaiting receipts are outside the rate', async () => {
    await operator('/api/daily-sends', { date: daysAgo(10).replaceAll('-', ''), delivered: 5, failed: 10, pending: 500 });
    const day = ['--from', daysAgo(10), '--to', daysAgo(10), '--min-rate', '0.5', '--json'];
    const small = await report(config, ...day);
    expect(small.code).toBe(0);
    expect(json(small.stdout).scopes[0]?.days[0]).toMatchObject({ sent: 515, delivered: 5, failed: 10, awaiting: 500, rate: 0.3333 });
    const judged = await report(config, ...day, '--min-sent', '15');
    expect(judged.code).toBe(1);
    expect(json(judged.stdout).alerts).toEqual([{ kind: 'rate', scope: 'mainland', date: daysAgo(10), rate: 0.3333, receipts: 15 }]);
  });

  it('leaves today out unless --include-today, whose receipts are still arriving', async () => {
    const without = json((await report(config, '--json')).stdout);
    expect(without.scopes.flatMap(({ days }) => days.map(({ date }) => date))).not.toContain(daysAgo(0));
    const run = await report(config, '--include-today', '--days', '2', '--json');
    expect(run.code).toBe(0);
    const read = json(run.stdout);
    expect(read.range).toEqual({ from: daysAgo(1), to: daysAgo(0), days: 2, includesToday: true });
    // The registry's today: 35 + 6 daily sends awaiting a receipt (and its send records, delivered or not).
    expect(read.scopes[0]?.days.at(-1)).toMatchObject({ date: daysAgo(0) });
    expect(read.scopes[0]?.days.at(-1)?.awaiting).toBeGreaterThanOrEqual(41);
    expect(read.notes).toContain("today's receipts are still arriving: messages awaiting a receipt are outside the rate");
    // Today's partial volume is no drop.
    expect(read.warnings).toEqual([]);
  });

  it('--all-signatures counts the whole account: the other signature’s notifications too, and no SignName is sent', async () => {
    const range = ['--from', daysAgo(1), '--to', daysAgo(1), '--json'];
    const own = json((await report(config, ...range)).stdout);
    sandbox.requests.clear();
    const all = json((await report(config, ...range, '--all-signatures')).stdout);
    expect(statisticsCalls().map((call) => call.SignName)).toEqual([undefined, undefined]);
    expect(all.signName).toBeNull();
    const sent = (read: Json) => read.scopes[0]?.days[0]?.sent ?? 0;
    expect(sent(all) - sent(own)).toBeGreaterThan(1000);
    expect(all.notes).toContain('counted for every signature of the account');
  });

  it('says what it cannot see: PNVS sends, refusals before Aliyun counted them (as fewer sends), days not listed', async () => {
    await operator('/api/daily-sends', { date: daysAgo(12).replaceAll('-', ''), delivered: 400, failed: 4 });
    await operator('/api/daily-sends', { date: daysAgo(11).replaceAll('-', ''), delivered: 120, failed: 1 });
    const run = await report(config, '--from', daysAgo(13), '--to', daysAgo(11));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${daysAgo(13)}  not reported\n`);
    expect(run.stdout).toContain(`FEWER SENDS: mainland ${daysAgo(11)}, 121 sent against a usual 404\n`);
    expect(run.stdout).toContain('Note: PNVS sends (SendSmsVerifyCode) are never in these statistics');
    expect(run.stdout).toContain('Note: sends refused before Aliyun counted them (by the connector, or by Aliyun: flow control, balance, RAM) are in no count here: they show as fewer sends, not as a lower rate');
    expect(run.stdout).toContain('Note: a day Aliyun did not list is shown as not reported, not as zero');
  });

  it('on the international site: mainland under the signature, international for the whole account, and the undocumented coverage said', async () => {
    const run = await report(connectorConfig(sandbox, 'international'), '--json');
    expect(run.code).toBe(0);
    expect(statisticsCalls().map(({ IsGlobe, SignName }) => [IsGlobe, SignName])).toEqual([['1', 'Logto沙箱'], ['2', undefined]]);
    expect(json(run.stdout).notes.some((note) => note.startsWith("whether the international site's sends (API 2018-05-01: SendMessageWithTemplate, SendMessageToGlobe) appear in QuerySendStatistics is not documented"))).toBe(true);
  });
});

describe('the balance', () => {
  it('read with its thousands separator: --min-balance compares 1,234.56 as 1234.56 (exit 0 at 1,000, exit 1 at 1,234.57)', async () => {
    expect((await report(config, '--days', '1', '--min-balance', '1,000')).code).toBe(0);
    const low = await report(config, '--days', '1', '--min-balance', '1234.57', '--json');
    expect(low.code).toBe(1);
    expect(json(low.stdout).alerts).toEqual([{ kind: 'balance', available: '1,234.56', amount: 1234.56, minBalance: 1234.57 }]);
    await operator('/api/accounts', { balance: { availableAmount: '12,345,678.90' } });
    const large = json((await report(config, '--days', '1', '--min-balance', '12,345,678.91', '--json')).stdout);
    expect(large.balance).toEqual({ available: '12,345,678.90', amount: 12_345_678.9, currency: 'CNY' });
    expect(large.alerts).toHaveLength(1);
  });

  it('a key that may not read it: said, and the report goes on (exit 0); with --min-balance the check could not be made (exit 3)', async () => {
    await operator('/api/ram', { deny: ['bssapi:QueryAccountBalance'] });
    const run = await report(config, '--days', '1');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "Balance: this AccessKey may not read the account's balance (Aliyun Forbidden.RAM); to show it, allow bssapi:QueryAccountBalance (or the console permission bss:DescribeAcccount) (QueryAccountBalance)\n"
    );
    expect(run.stdout).toContain('Mainland China (IsGlobe 1)');
    expect((await report(config, '--days', '1', '--min-balance', '10')).code).toBe(3);
  });
});

describe('when Aliyun refuses or cannot be reached: exit 3', () => {
  it('a key without dysms:QuerySendStatistics: the RAM action named', async () => {
    const sendOnly = sandbox.registry.credentials.find(({ accessKeyId }) => accessKeyId === 'LTAI5tSandboxSendOnlyKey');
    const run = await report({ ...config, ...sendOnly }, '--json');
    expect(run.code).toBe(3);
    expect(json(run.stdout).problem).toEqual({
      sentence: "this AccessKey may not call dysms:QuerySendStatistics (Aliyun isp.RAM_PERMISSION_DENY); add it to the key's RAM policy (the optional read-only policy in docs/operator-commands.md)",
      aliyun: { code: 'isp.RAM_PERMISSION_DENY', requestId: expect.any(String) as string },
    });
  });

  it('a range Aliyun refuses [assumption A32]: a sentence that says so and what to try', async () => {
    sandbox.settings.set({ statisticsMaxDays: 5 });
    const run = await report(config, '--days', '7');
    expect(run.code).toBe(3);
    expect(run.stdout).toContain(
      `report: Aliyun refused the range ${daysAgo(7)} to ${daysAgo(1)} (7 days) for QuerySendStatistics (Aliyun isv.INVALID_PARAMETERS: StartDate与EndDate的跨度不能超过5天): Aliyun documents no limit on its range or how far back it reaches; ask for fewer days (--days) or more recent ones (--from, --to)`
    );
  });

  it('more than 30 days is refused before asking: exit 2', async () => {
    const run = await report(config, '--from', daysAgo(40), '--to', daysAgo(10));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`connector-aliyun-sms: the range ${daysAgo(40)} to ${daysAgo(10)} has 31 days; a report covers at most 30`);
    expect(statisticsCalls()).toEqual([]);
  });

  it('report --help shows its flags, exit 0', async () => {
    const run = await runCli(['report', '--help']);
    expect(run.code).toBe(0);
    for (const flag of ['--days N', '--from, --to', '--include-today', '--all-signatures', '--min-rate <0..1>', '--min-sent N', '--min-balance <amount>', '--json']) {
      expect(run.stdout).toContain(flag);
    }
  });
});
