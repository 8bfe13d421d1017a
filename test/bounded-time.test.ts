/**
 * Every send ends within `timeout` plus a small margin whatever the server does, and leaves no
 * socket or timer behind: the child process that ran the sends exits by itself.
 */
import { describe, expect, it } from 'vitest';

import { runFixture } from './fixture-process.js';

const timeout = 1000;
/** What a send may take beyond its timeout: event-loop delay on a busy machine, never a second budget (2000 ms). */
const margin = 250;

describe('bounded time', () => {
  it('every misbehaving server ends in an error within the timeout, and the process exits by itself', async () => {
    // Eight sends of at most ~1 s each, then the process must be gone without anyone calling exit.
    const { code, signal, stderr, lines: results } = await runFixture<{ name: string; outcome: string; elapsed: number }>('bounded-sends.ts', {
      killAfterMs: 30_000,
    });
    expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: '' });
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
