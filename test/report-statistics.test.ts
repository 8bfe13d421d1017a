/**
 * `QuerySendStatistics` read page by page against the sandbox, through the package's own client:
 * more than one page (every page asked, every day kept), the calls paced one after another, and a
 * `Throttling.User` refusal (Aliyun's 20 calls a second, sandbox assumption A35) waited out once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { querySendStatistics } from '../src/account/send-statistics.js';
import { createAliyunClient, type AliyunClient } from '../src/aliyun/aliyun-client.js';
import { parseConfig, type AliyunSmsConfig } from '../src/config/config.js';
import { connectorConfig } from '../sandbox/connector-config.js';
import { startSandbox, type Sandbox } from '../sandbox/index.js';
import { callSandbox } from '../sandbox/test-client.js';

let sandbox: Sandbox;
let config: AliyunSmsConfig;

beforeAll(async () => {
  sandbox = await startSandbox();
  config = parseConfig(connectorConfig(sandbox));
});
afterAll(async () => {
  await sandbox.close();
});

/** The China-time day `n` days before the sandbox's today. */
const daysAgo = (n: number) => new Date(sandbox.clock.now() + 8 * 3_600_000 - n * 86_400_000).toISOString().slice(0, 10);

/** The package's client, with the start of every call recorded. */
const timedClient = () => {
  const client = createAliyunClient({ warn: () => undefined });
  const starts: number[] = [];
  const timed: AliyunClient = {
    ...client,
    query: async (...args) => {
      starts.push(performance.now());
      return client.query(...args);
    },
  };
  return { client: timed, starts };
};

const statistics = () => sandbox.requests.list().filter((request) => request.params.Action === 'QuerySendStatistics').map(({ params }) => params);

describe('querySendStatistics', () => {
  it('reads every page of a week at two days a page, one call after another with the gap between them', async () => {
    sandbox.requests.clear();
    const { client, starts } = timedClient();
    const read = await querySendStatistics(client, config, { scope: 'mainland', from: daysAgo(7), to: daysAgo(1), signName: 'Logto沙箱' }, { pageSize: 2, gapMs: 120 });
    expect(read).toMatchObject({ kind: 'days', pages: 4, truncated: false });
    expect(read.kind === 'days' && read.days.map(({ date }) => date)).toEqual([7, 6, 5, 4, 3, 2, 1].map(daysAgo));
    expect(statistics().map(({ PageIndex, PageSize }) => [PageIndex, PageSize])).toEqual([['1', '2'], ['2', '2'], ['3', '2'], ['4', '2']]);
    const gaps = starts.slice(1).map((start, index) => start - (starts[index] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(115);
  });

  it('stops at the page limit and says the counts are incomplete', async () => {
    const { client } = timedClient();
    const read = await querySendStatistics(client, config, { scope: 'mainland', from: daysAgo(7), to: daysAgo(1) }, { pageSize: 1, pageLimit: 3, gapMs: 0 });
    expect(read).toMatchObject({ kind: 'days', pages: 3, truncated: true });
  });

  it('[assumption A35] over 20 calls a second: waits, asks again once, and gets the page', async () => {
    // A sandbox whose clock stands still until the test moves it, so the second is the test's, not the machine's.
    const frozen = Date.now();
    const still = await startSandbox({ now: () => frozen });
    try {
      const target = { endpoint: still.endpoint, accessKeyId: still.accessKeyId, accessKeySecret: still.accessKeySecret };
      const day = daysAgo(1).replaceAll('-', '');
      const burst = await Promise.all(
        Array.from({ length: 20 }, () => callSandbox(target, { Action: 'QuerySendStatistics', Version: '2017-05-25', Format: 'JSON', IsGlobe: '1', StartDate: day, EndDate: day, PageIndex: '1', PageSize: '1' }))
      );
      expect(burst.map(({ json }) => (json as { Code?: string }).Code)).toEqual(Array.from({ length: 20 }, () => 'OK'));
      const { client, starts } = timedClient();
      // A second of the sandbox's time passes while the reader waits.
      const tick = setTimeout(() => {
        still.clock.advance(1000);
      }, 300);
      const read = await querySendStatistics(client, parseConfig(connectorConfig(still)), { scope: 'mainland', from: daysAgo(1), to: daysAgo(1) }, { throttledWaitMs: 600 });
      clearTimeout(tick);
      expect(read).toMatchObject({ kind: 'days', pages: 1 });
      expect(starts).toHaveLength(2);
      expect((starts[1] ?? 0) - (starts[0] ?? 0)).toBeGreaterThanOrEqual(590);
    } finally {
      await still.close();
    }
  });
});
