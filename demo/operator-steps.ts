/**
 * @module operator-steps
 * The demo's operator steps after its sends: the send log as Logto's standard output shows it (and
 * grepped, as an operator would), and the operator commands run as an operator runs them
 * (`node lib/cli.js`, the config on stdin): `doctor`, `status` by the ids of send-log lines on
 * either site, and `report` on the sandbox's week.
 */
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';

import { TemplateType, type SmsConnector } from '@logto/connector-kit';

import type { connectorConfig } from '../sandbox/connector-config.js';
import type { Sandbox } from '../sandbox/index.js';
import { packageRoot } from './logto-host.js';

/** A verification code as Logto makes one: six digits. */
export const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** The send log's lines: written by the connector, printed per step, kept for grepping. */
export class SendLogBook {
  #pending: string[] = [];
  /** Every line printed or taken so far, oldest first. */
  readonly seen: string[] = [];

  write(line: string): void {
    this.#pending.push(line);
  }

  /** The lines written since the last call, kept as seen, not printed. */
  take(): string[] {
    const lines = this.#pending.splice(0);
    this.seen.push(...lines);
    return lines;
  }

  /** Prints the lines written since the last call, as Logto's standard output shows them. */
  print(): void {
    for (const line of this.take()) {
      console.log(`   stdout:  ${line}`);
    }
  }
}

/** The value of `key` in a send-log line (ids are written bare: digits, `^`, `-`). */
const fieldOf = (line: string | undefined, key: string) => new RegExp(`(?:^| )${key}=([^ "]+)`).exec(line ?? '')?.[1] ?? '';

/** Runs the built operator command line with the config on stdin; resolves with its output and exit status. */
export const operatorCommand = async (args: readonly string[], config: unknown): Promise<{ code: number | null; stdout: string }> => {
  const child = spawn(process.execPath, [path.join(packageRoot, 'lib', 'cli.js'), ...args, '--config', '-'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stdin.end(JSON.stringify(config));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout };
};

/** `doctor` on a misconfigured account and `status` for a number with one delivered and one failed message. */
export const chinaOperatorSteps = async (sandbox: Sandbox, config: ReturnType<typeof connectorConfig>, connector: SmsConnector, to: string, sendLog: SendLogBook) => {
  const misconfigured = {
    ...config,
    signName: '沙箱审核中',
    templates: config.templates.map((entry) =>
      entry.usageType === 'Generic'
        ? { ...entry, templateCode: { ...entry.templateCode, china: 'SMS_460300006' } }
        : entry.usageType === 'Register'
          ? { ...entry, templateCode: { ...entry.templateCode, overseas: 'SMS_460100002' } }
          : entry
    ),
  };
  console.log('\n5. `connector-aliyun-sms doctor` on a config with a signature under review, a template variable not filled and a mainland template for overseas numbers (problems only)');
  const doctor = await operatorCommand(['doctor'], misconfigured);
  for (const line of doctor.stdout.split('\n').filter((line) => /^(?:FAIL|WARN)|failed,/.test(line))) {
    console.log(`   ${line}`);
  }
  console.log(`   exit status ${String(doctor.code)}; nothing was sent: the sandbox outbox still holds ${sandbox.outbox.list().length} messages`);

  // Flow control allows one code a minute per number: move the sandbox clock, send again (a
  // sign-in send, the stored config), and let the carrier fail that one; receipts come 2 s after a send.
  sandbox.clock.advance(61_000);
  await connector.sendMessage({ to, type: TemplateType.SignIn, payload: { code: newCode(), locale: 'zh-CN' } });
  const failedLine = sendLog.take().at(-1);
  sandbox.records.setOutcome({ id: fieldOf(failedLine, 'bizId') }, { status: 'failed', errCode: 'UNDELIV' });
  sandbox.clock.advance(3000);
  const masked = fieldOf(failedLine, 'to');
  const found = sendLog.seen.filter((line) => line.includes(` to=${masked} `) && line.includes(' outcome=accepted ') && line.includes(' test=false '));
  console.log(`\n6. A user of +${to} says no code came. \`docker logs logto | grep 'to=${masked}'\` finds the sign-in sends:`);
  for (const line of found) {
    console.log(`   ${line}`);
  }
  for (const line of found) {
    const [bizId, date] = [fieldOf(line, 'bizId'), fieldOf(line, 'date')];
    console.log(`\n   \`connector-aliyun-sms status --phone ${to} --biz-id ${bizId} --date ${date}\``);
    const status = await operatorCommand(['status', '--phone', to, '--biz-id', bizId, '--date', date], config);
    for (const line of status.stdout.trimEnd().split('\n').filter((text) => !text.startsWith('Note:'))) {
      console.log(`   ${line}`);
    }
  }

  const yesterday = (days: number) => new Date(sandbox.clock.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);
  console.log('\n7. `connector-aliyun-sms report --min-rate 0.9`: delivery per day over the last week, as a cron job would run it');
  const week = await operatorCommand(['report', '--min-rate', '0.9'], config);
  for (const line of week.stdout.trimEnd().split('\n')) {
    console.log(line === '' ? '' : `   ${line}`);
  }
  console.log(`   exit status ${String(week.code)}`);
  for (const day of [yesterday(3), yesterday(2)]) {
    const one = await operatorCommand(['report', '--from', day, '--to', day, '--min-rate', '0.9', '--json'], config);
    const { scopes } = JSON.parse(one.stdout) as { scopes: Array<{ scope: string; days: Array<{ rate?: number | null }> }> };
    const rates = scopes.map(({ scope, days }) => `${scope} ${((days[0]?.rate ?? 0) * 100).toFixed(1)}%`).join(', ');
    console.log(`   \`report --from ${day} --to ${day} --min-rate 0.9\`: ${rates} → exit status ${String(one.code)}`);
  }
};

/** International site: `status --message-id` with the MessageId of the Hong Kong send's log line. */
export const internationalStatus = async (config: unknown, hongKong: string, sendLog: SendLogBook) => {
  const line = sendLog.seen.find((text) => text.includes(' outcome=accepted ') && text.includes(' type=Register ') && text.includes(`${hongKong.slice(-4)} `));
  const messageId = fieldOf(line, 'messageId');
  console.log(`\n5. \`connector-aliyun-sms status --message-id ${messageId}\`: the Hong Kong code, by the MessageId of its send-log line (no number needed)`);
  const status = await operatorCommand(['status', '--message-id', messageId], config);
  for (const text of status.stdout.trimEnd().split('\n').filter((out) => !out.startsWith('Note:'))) {
    console.log(`   ${text}`);
  }
};

