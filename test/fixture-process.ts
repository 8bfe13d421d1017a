/**
 * @module fixture-process
 * Runs a fixture under `test/fixtures/` in a child process of its own, the way the time-bound
 * suites need it: the child must exit by itself (no socket or timer left behind), so it is only
 * killed after `killAfterMs`, and its stdout is read as one JSON line per result.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

import { packageRoot } from '../demo/logto-host.js';

/** How the child ended, what it printed (whole, and its JSON lines), and its stderr without npm's `nodedir` notice. */
export type FixtureRun<Line> = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; lines: Line[] };

/** Runs `test/fixtures/<fixture>` with tsx and waits for it to exit, killing it after `killAfterMs`. */
export const runFixture = async <Line>(
  fixture: string,
  { env = process.env, killAfterMs }: { env?: NodeJS.ProcessEnv; killAfterMs: number }
): Promise<FixtureRun<Line>> => {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('test', 'fixtures', fixture)], {
    cwd: packageRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  clearTimeout(killer);
  const lines = stdout
    .trim()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Line);
  return { code, signal, stdout, stderr: stderr.replaceAll(/^.*nodedir.*$/gm, '').trim(), lines };
};
