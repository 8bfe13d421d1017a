/**
 * Every send ends within `timeout` plus a small margin whatever the server does, and leaves no
 * socket or timer behind: the child process that ran the sends exits by itself.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { packageRoot } from '../demo/logto-host.js';

const timeout = 1000;
/** What a send may take beyond its timeout: event-loop delay on a busy machine, never a second budget (2000 ms). */
const margin = 250;

describe('bounded time', () => {
  it('every misbehaving server ends in an error within the timeout, and the process exits by itself', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('test', 'fixtures', 'bounded-sends.ts')], {
      cwd: packageRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Eight sends of at most ~1 s each, then the process must be gone without anyone calling exit.
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    clearTimeout(killer);
    expect({ code, signal, stderr: stderr.replaceAll(/^.*nodedir.*$/gm, '').trim() }).toEqual({ code: 0, signal: null, stderr: '' });
    const results = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { name: string; outcome: string; elapsed: number });
    expect(results.map(({ name, outcome }) => [name, outcome])).toEqual([
      ['connects, never answers', 'general'],
      ['sends headers, then stalls', 'general'],
      ['trickles the body', 'general'],
      ['resets mid-response', 'general'],
      ['closes without answering', 'general'],
      ['answers late', 'general'],
      ['refuses the connection', 'general'],
      ['never completes TLS', 'general'],
    ]);
    for (const { name, elapsed } of results) {
      expect(elapsed, name).toBeLessThan(timeout + margin);
    }
  }, 60_000);
});
