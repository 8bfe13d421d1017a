/**
 * End to end: the clock correction learned from Aliyun's `InvalidTimeStamp.Expired` outlives the
 * connector instance that learned it (Logto builds one per send) and stays with the endpoint and
 * AccessKey it was learned for. Its own file, so its sandbox's moved clock and the corrections the
 * loaded module keeps for the rest of the process touch no other suite.
 */
import { TemplateType } from '@logto/connector-kit';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { connectorPerSend, loadFactory, type ConnectorFactory } from '../demo/logto-host.js';
import { connectorConfig } from '../sandbox/connector-config.js';
import { loadRegistry, startSandbox, type Sandbox } from '../sandbox/index.js';

const skew = 20 * 60 * 1000;
const secondKey = { accessKeyId: 'LTAI5tSecondTenantKey', accessKeySecret: 'SecondTenantSecretNotARealKey0' };

let skewed: Sandbox;
let onTime: Sandbox;
let factory: ConnectorFactory;

beforeAll(async () => {
  const registry = await loadRegistry();
  skewed = await startSandbox({ registry: { ...registry, credentials: [...registry.credentials, secondKey] } });
  onTime = await startSandbox();
  skewed.clock.advance(skew);
  factory = await loadFactory();
});

afterAll(async () => {
  await Promise.all([skewed.close(), onTime.close()]);
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** A sign-in send as Logto core makes it: a fresh connector, the config from `getConfig`, none passed. */
const signIn = async (config: object, to: string) => {
  const connector = await connectorPerSend(factory, async () => config);
  return connector.sendMessage({ to, type: TemplateType.SignIn, payload: { code: '246810', locale: 'zh-CN' } });
};

/** Requests the sandbox received and warnings printed while `run` ran. */
const observe = async (sandbox: Sandbox, run: () => Promise<unknown>) => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const before = sandbox.requests.count;
  await run();
  return { requests: sandbox.requests.count - before, warnings: warn.mock.calls.map(([message]) => String(message)) };
};

describe('a clock 20 minutes off Aliyun', () => {
  it("is learned once: refused with InvalidTimeStamp.Expired, sent once more on Aliyun's clock, with one warning", async () => {
    const seen = await observe(skewed, () => signIn(connectorConfig(skewed), '8613800138001'));
    expect(seen.requests).toBe(2);
    expect(seen.warnings).toEqual([expect.stringMatching(/this host's clock is 1[12]\d\d s off Aliyun's/)]);
    expect(skewed.outbox.list({ phone: '13800138001' })).toHaveLength(1);
  });

  it("the next connector instance's first request is signed with the learned clock: one request, no warning", async () => {
    const seen = await observe(skewed, () => signIn(connectorConfig(skewed), '8613800138002'));
    expect(seen).toEqual({ requests: 1, warnings: [] });
    expect(skewed.outbox.list({ phone: '13800138002' })).toHaveLength(1);
  });

  it('another endpoint with a right clock gets unshifted timestamps: one request, no warning', async () => {
    const seen = await observe(onTime, () => signIn(connectorConfig(onTime), '8613800138003'));
    expect(seen).toEqual({ requests: 1, warnings: [] });
  });

  it("another AccessKey on the same endpoint learns for itself: no tenant's answer moves another's timestamps", async () => {
    // The first AccessKey has learned the sandbox's clock (here, when this test runs alone).
    await observe(skewed, () => signIn(connectorConfig(skewed), '8613800138006'));
    expect(await observe(skewed, () => signIn(connectorConfig(skewed), '8613800138007'))).toEqual({ requests: 1, warnings: [] });
    const config = { ...connectorConfig(skewed), ...secondKey };
    expect((await observe(skewed, () => signIn(config, '8613800138004'))).requests).toBe(2);
    expect(await observe(skewed, () => signIn(config, '8613800138005'))).toEqual({ requests: 1, warnings: [] });
  });
});
