/**
 * The CLI as a user runs it: prints what is needed to connect, serves, stops on SIGTERM/SIGINT.
 *
 * @module
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { sendSms } from './test-client.js';

const cli = fileURLToPath(new URL('cli.ts', import.meta.url));

/** Every CLI started by a test; a failed assertion must not leave one serving. */
const started: ChildProcess[] = [];

afterEach(() => {
  for (const child of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
  }
});

function run(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => {
      if (stdout.includes('Press Ctrl+C to stop.')) resolve();
    });
    void exited.then(() => {
      reject(new Error(`exited before ready: ${stderr}`));
    });
  });
  // Runs that are expected to exit never become ready; keep that from being an unhandled rejection.
  void ready.catch(() => undefined);
  return { child, exited, ready, output: () => ({ stdout, stderr }) };
}

describe('sandbox CLI', () => {
  it('explains why a registry without international templates has no connector config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-cli-'));
    const config = join(dir, 'registry.json');
    writeFileSync(config, JSON.stringify({
      credentials: [{ accessKeyId: 'LTAI5tCliTestKey', accessKeySecret: 'fake' }],
      signNames: ['Test'],
      templates: [{ code: 'SMS_1', name: 'n', scope: 'mainland', kind: 'code', usageType: 'SignIn', content: '${code}' }],
    }));
    try {
      const cliRun = run(['--port', '0', '--quiet', '--config', config]);
      await cliRun.ready;
      expect(cliRun.output().stdout).toContain('AccessKeyId      LTAI5tCliTestKey');
      expect(cliRun.output().stdout).toContain('No connector config: the registry has no international SignIn template');
      cliRun.child.kill('SIGTERM');
      expect(await cliRun.exited).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('prints endpoint, inbox, keys and a connector config; stops on %s', async (signal) => {
    const cliRun = run(['--port', '0', '--quiet']);
    await cliRun.ready;
    const { stdout } = cliRun.output();
    const endpoint = /Endpoint\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1] ?? '';
    expect(stdout).toContain(`Inbox            ${endpoint}/`);
    const config = JSON.parse(/Connector config:\n(\{[\s\S]*?\n\})/.exec(stdout)?.[1] ?? '{}') as Record<string, unknown>;
    expect(config).toEqual({
      accessKeyId: 'LTAI5tSandboxDemoKeyId',
      accessKeySecret: expect.any(String) as unknown,
      signName: 'Logto沙箱',
      endpoint,
      templates: [
        { usageType: 'SignIn', templateCode: { china: 'SMS_460100001', overseas: 'SMS_460200001' } },
        { usageType: 'Register', templateCode: { china: 'SMS_460100002', overseas: 'SMS_460200002' } },
        { usageType: 'ForgotPassword', templateCode: { china: 'SMS_460100003', overseas: 'SMS_460200003' } },
        { usageType: 'Generic', templateCode: { china: 'SMS_460100004', overseas: 'SMS_460200004' } },
      ],
    });
    const target = { endpoint, accessKeyId: String(config.accessKeyId), accessKeySecret: String(config.accessKeySecret) };
    const reply = await sendSms(target, { PhoneNumbers: '13800138000', SignName: 'Logto沙箱', TemplateCode: 'SMS_460100001', TemplateParam: '{"code":"1234"}' });
    expect(reply.json).toMatchObject({ Code: 'OK' });
    cliRun.child.kill(signal);
    expect(await cliRun.exited).toBe(0);
  });

  it('--service pnvs prints a config with the PNVS keys pointing at the sandbox', async () => {
    const cliRun = run(['--port', '0', '--quiet', '--service', 'pnvs']);
    await cliRun.ready;
    const { stdout } = cliRun.output();
    const endpoint = /\n {2}Endpoint\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1] ?? '';
    const pnvsEndpoint = /PNVS endpoint\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1] ?? '';
    const config = JSON.parse(/Connector config:\n(\{[\s\S]*?\n\})/.exec(stdout)?.[1] ?? '{}') as Record<string, unknown>;
    expect(pnvsEndpoint).not.toBe(endpoint);
    expect(config).toMatchObject({ mainlandService: 'pnvs', pnvsSignName: '速通互联验证码', endpoint, pnvsEndpoint, signName: 'Logto沙箱' });
    cliRun.child.kill('SIGTERM');
    expect(await cliRun.exited).toBe(0);
  });

  it('prints the second account’s keys; --fallback backup adds it as the config’s fallback, whose keys send', async () => {
    const cliRun = run(['--port', '0', '--quiet', '--fallback', 'backup']);
    await cliRun.ready;
    const { stdout } = cliRun.output();
    expect(stdout).toContain('  Account backup (1000000000000002)\n  AccessKeyId      LTAI5tSandboxBackupKeyId\n  AccessKeySecret  SandboxBackupSecretNotARealKey0\n');
    const endpoint = /Endpoint\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1] ?? '';
    const config = JSON.parse(/Connector config:\n(\{[\s\S]*?\n\})/.exec(stdout)?.[1] ?? '{}') as Record<string, unknown>;
    // The fallback holds only the keys that differ from the primary's; its secret sits at the top level.
    expect(config).toMatchObject({
      accessKeyId: 'LTAI5tSandboxDemoKeyId',
      fallback: {
        accessKeyId: 'LTAI5tSandboxBackupKeyId',
        signName: 'Logto备用',
        templates: expect.arrayContaining([{ usageType: 'SignIn', templateCode: { china: 'SMS_560100001', overseas: 'SMS_560200001' } }]) as unknown,
      },
      fallbackAccessKeySecret: 'SandboxBackupSecretNotARealKey0',
    });
    expect(Object.keys(config.fallback as object).sort()).toEqual(['accessKeyId', 'signName', 'templates']);
    const fallback = config.fallback as { accessKeyId: string };
    const target = { endpoint, accessKeyId: fallback.accessKeyId, accessKeySecret: String(config.fallbackAccessKeySecret) };
    const reply = await sendSms(target, { PhoneNumbers: '13800138000', SignName: 'Logto备用', TemplateCode: 'SMS_560100001', TemplateParam: '{"code":"1234"}' });
    expect(reply.json).toMatchObject({ Code: 'OK' });
    cliRun.child.kill('SIGTERM');
    expect(await cliRun.exited).toBe(0);
  });

  it('--fallback with an account the registry lacks says which it has', async () => {
    const cliRun = run(['--port', '0', '--quiet', '--fallback', 'spare']);
    await cliRun.ready;
    expect(cliRun.output().stdout).toContain('No connector config: the registry has no account named spare; it has primary, backup');
    cliRun.child.kill('SIGTERM');
    expect(await cliRun.exited).toBe(0);
  });

  it.each([
    { args: ['--help'], code: 0, stream: 'stdout' as const, text: 'Usage: npm run sandbox -- [options]' },
    { args: ['--bogus'], code: 2, stream: 'stderr' as const, text: "Unknown option '--bogus'" },
    { args: ['--port', 'x'], code: 2, stream: 'stderr' as const, text: '--port must be an integer from 0 to 65535' },
    { args: ['--site', 'mars'], code: 2, stream: 'stderr' as const, text: '--site must be china or international, got "mars"' },
    { args: ['--service', 'pnvs', '--site', 'international'], code: 2, stream: 'stderr' as const, text: '--service must be sms, or pnvs for a China-site account, got "pnvs"' },
    { args: ['--config', '/nonexistent/registry.json'], code: 1, stream: 'stderr' as const, text: 'ENOENT' },
  ])('$args.0 → exit $code', async ({ args, code, stream, text }) => {
    const cliRun = run(args);
    expect(await cliRun.exited).toBe(code);
    expect(cliRun.output()[stream]).toContain(text);
  });
});
