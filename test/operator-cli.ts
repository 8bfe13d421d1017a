/**
 * Runs the built operator commands (`node lib/cli.js …`) as a child process, the way an operator
 * does, and checks on every run that no secret reached stdout or stderr.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { expect } from 'vitest';

import { packageRoot } from '../demo/logto-host.js';

/** How a run ended: exit status, output, and how long it took. */
export type CliRun = { code: number | null; stdout: string; stderr: string; ms: number };

/** Runs `lib/cli.js` with `args`, `stdin` written to it and `env` added to its environment; killed (and failing the test) after `killAfterMs`. */
export const runCli = async (
  args: readonly string[],
  {
    stdin = '',
    killAfterMs = 25_000,
    secrets = [],
    env = {},
  }: { stdin?: string; killAfterMs?: number; secrets?: readonly string[]; env?: Record<string, string | undefined> } = {}
): Promise<CliRun> => {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(packageRoot, 'lib', 'cli.js'), ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  const killer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(killer);
  for (const secret of secrets) {
    expect(stdout).not.toContain(secret);
    expect(stderr).not.toContain(secret);
  }
  return { code, stdout, stderr, ms: performance.now() - started };
};

let written = 0;
const files: string[] = [];

/** Removes the configuration files this process wrote. */
export const removeConfigFiles = (): void => {
  for (const file of files.splice(0)) {
    rmSync(file, { force: true });
  }
};

/** Writes a configuration to a temporary file and returns its path. */
export const configFile = (config: unknown): string => {
  written += 1;
  const file = path.join(tmpdir(), `connector-aliyun-sms-cli-${process.pid}-${written}.json`);
  writeFileSync(file, JSON.stringify(config));
  files.push(file);
  return file;
};

/** A JSON report with every RequestId replaced, so whole reports can be compared. */
export const withoutRequestIds = (text: string): unknown =>
  JSON.parse(text.replaceAll(/"requestId": "[0-9A-F-]{36}"/g, '"requestId": "<RequestId>"'));
