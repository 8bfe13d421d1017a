/**
 * Load: 20,000 sends at concurrency 64 through Logto's loader into the sandbox, a new connector
 * per send. No errors; the keep-alive agent never holds more connections than there are sends in
 * flight and reuses them; and the heap after the run is within 20 MB of the heap after warm-up.
 * Generous bounds, not a benchmark: speed figures live in `npm run bench`.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { TemplateType } from '@logto/connector-kit';
import { describe, expect, it } from 'vitest';

import { connectorConfig } from '../sandbox/connector-config.js';
import { useSandboxAndConnector } from './harness.js';

const total = 20_000;
const concurrency = 64;
const warmUp = 2000;

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

/** Heap in use after two full collections, so garbage awaiting collection does not count. */
const settledHeap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const harness = useSandboxAndConnector({ flowControl: false, outboxLimit: 50 });

/** Sends `count` codes, `concurrency` at a time, each to its own number; returns how many failed. */
const run = async (count: number, offset: number) => {
  const config = connectorConfig(harness.sandbox);
  let next = 0;
  let failures = 0;
  const worker = async () => {
    while (next < count) {
      const index = offset + next++;
      const to = `8613${String(index).padStart(9, '0')}`;
      await harness.connector
        .sendMessage({ to, type: TemplateType.SignIn, payload: { code: '123456' } }, config)
        .catch(() => {
          failures += 1;
        });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return failures;
};

describe('load', () => {
  it(`${total} sends at concurrency ${concurrency}: no errors, bounded connections, flat memory`, async () => {
    expect(await run(warmUp, 0)).toBe(0);
    const afterWarmUp = settledHeap();
    const started = performance.now();
    expect(await run(total, warmUp)).toBe(0);
    const seconds = (performance.now() - started) / 1000;
    const afterRun = settledHeap();
    const { connectionsAccepted, peakOpenConnections } = harness.sandbox.stats();
    const grownMb = (afterRun - afterWarmUp) / 2 ** 20;
    console.log(
      `load: ${total} sends in ${seconds.toFixed(1)} s (${Math.round(total / seconds)}/s), ` +
        `${connectionsAccepted} connections (peak ${peakOpenConnections} open), heap ${grownMb.toFixed(1)} MB vs warm-up`
    );
    expect(harness.sandbox.requests.count).toBe(warmUp + total);
    // Never more sockets than sends in flight. With a new connector per send, as in Logto, the
    // loader's file reads pace the sends, so some pooled sockets sit idle past the server's
    // keep-alive timeout (Node's default 5 s) and are reopened later; reuse still means a new
    // connection for at most 1 send in 100.
    expect(peakOpenConnections).toBeLessThanOrEqual(concurrency);
    expect(connectionsAccepted).toBeLessThanOrEqual((warmUp + total) / 100);
    expect(grownMb).toBeLessThan(20);
  }, 300_000);
});
