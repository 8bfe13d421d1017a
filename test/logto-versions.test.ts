/**
 * The compatibility matrix: the packed tarball, unpacked with no install beside the dependencies
 * of each supported Logto release and loaded by that release's own loader, presses the Console's
 * Send button and sends a sign-in code with the stored configuration into the sandbox. The table of
 * docs/logto-versions.md (and its zh-CN page) lists exactly these releases (supported-versions.test.ts).
 */
import { createRequire } from 'node:module';
import { mkdtemp, readFile, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { ConnectorError as NewestConnectorError, type GetConnectorConfig, type SmsConnector } from '@logto/connector-kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { pressSend } from '../demo/logto-host.js';
import { connectorConfig } from '../sandbox/connector-config.js';
import { startSandbox, type Sandbox } from '../sandbox/index.js';
import { ensureInstalled, logtoReleases } from './compat/logto-releases.js';
import { hostRelease, kitEnumReferences, packTarball, type ReleaseHost } from './compat/release-host.js';

let scratch = '';
let tarball = '';
let sandbox: Sandbox;
let config: ReturnType<typeof connectorConfig>;
/** Each release's host, prepared side by side (each `connector add` runs `npm pack`) and awaited by its own block. */
const hosts = new Map<string, Promise<ReleaseHost>>();

beforeAll(async () => {
  // Outside the repository, so that nothing the package imports can resolve from its node_modules.
  scratch = await mkdtemp(path.join(os.tmpdir(), 'aliyun-sms-logto-versions-'));
  tarball = await packTarball(scratch);
  // Every release sends to the same numbers; Aliyun's per-number flow control is not under test here.
  sandbox = await startSandbox({ flowControl: false });
  config = connectorConfig(sandbox);
  for (const release of logtoReleases) {
    // Normally `ensureInstalled` is a no-op: the global set-up installed every release before the tests started.
    const host = ensureInstalled(release).then(() => hostRelease(release, tarball, scratch));
    host.catch(() => undefined); // Reported by the release's own block, not as an unhandled rejection.
    hosts.set(release.logto, host);
  }
}, 120_000);

afterAll(async () => {
  await sandbox.close();
  await rm(scratch, { recursive: true, force: true });
});

beforeEach(() => {
  sandbox.outbox.clear();
  sandbox.requests.clear();
});

const templateCodes = (usageType: string) => config.templates.find((template) => template.usageType === usageType)!.templateCode;

/** The Console's Send button, with the unsaved form's configuration. */
const consoleSend = (connector: SmsConnector, to: string, formConfig: unknown) => pressSend(connector, to, formConfig, 'zh-CN');

const signInSend = (connector: SmsConnector, to: string) =>
  connector.sendMessage({ to, type: 'SignIn' as never, payload: { code: '123456', locale: 'en', uiLocales: 'en zh-CN' } });

/** Sign-in sends read the stored configuration, as Logto's `getLogtoConnectors` passes it. */
const storedConfig =
  (stored: () => unknown): GetConnectorConfig =>
  async (id) => {
    expect(id).toBe('aliyun-sms');
    return stored();
  };

const failure = (send: Promise<unknown>): Promise<unknown> => send.catch((error: unknown) => error);

const matrix = logtoReleases.map(
  (release) => [`Logto ${release.logto} (connector-kit ${release.connectorKit}, got ${release.got}, zod ${release.zod})`, release] as const
);

describe.each(matrix)('%s', (_, release) => {
  let host: ReleaseHost;

  beforeAll(async () => {
    host = await hosts.get(release.logto)!;
  }, 600_000);

  it("resolves connector-kit, got and zod to this release's copies and can reach nothing else", async () => {
    const fromPackage = createRequire(path.join(host.packagePath, 'lib', 'index.js'));
    const fromLoader = createRequire(path.join(host.environment, 'node_modules', '@logto', 'cli', 'package.json'));
    const expected = { '@logto/connector-kit': release.connectorKit, got: release.got, zod: release.zod };
    for (const [name, version] of Object.entries(expected)) {
      const folder = await realpath(path.join(host.environment, 'node_modules', name));
      const manifest = JSON.parse(await readFile(path.join(folder, 'package.json'), 'utf8')) as { version: string };
      expect(manifest.version, name).toBe(version);
      expect(fromPackage.resolve(name).startsWith(folder + path.sep), name).toBe(true);
    }
    const kitFolder = await realpath(path.join(host.environment, 'node_modules', '@logto', 'connector-kit'));
    expect(fromLoader.resolve('@logto/connector-kit').startsWith(kitFolder + path.sep)).toBe(true);
    // The repository's own packages (vitest, for one) are out of reach: nothing falls through to them.
    expect(() => fromPackage.resolve('vitest')).toThrow(/Cannot find module/);
  });

  it("uses only enum members this release's connector-kit has", async () => {
    // A missing named import fails the load; a missing enum member would only be undefined at runtime.
    const references = await kitEnumReferences(host.packagePath, host.kit);
    expect(references.map(({ reference }) => reference)).toContain('ConnectorErrorCodes.General');
    expect(references.filter(({ present }) => !present)).toEqual([]);
  });

  it("loads through this release's loader as an SMS connector", () => {
    expect(host.loaded.type).toBe(host.kit.ConnectorType.Sms);
    expect(host.loaded.metadata.id).toBe('aliyun-sms');
    expect(host.loaded.metadata.logo).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it("sends what the Console's Send button sends, with the unsaved form's configuration", async () => {
    const connector = await host.build();
    await consoleSend(connector, '8613800138000', config);
    expect(sandbox.outbox.list()).toEqual([
      expect.objectContaining({
        action: 'SendSms',
        phone: '13800138000',
        region: 'mainland',
        signName: config.signName,
        templateCode: templateCodes('Generic').china,
        code: '000000',
      }),
    ]);
  });

  it('sends a SignIn code with no configuration argument, reading the stored one', async () => {
    const connector = await host.build(storedConfig(() => config));
    await signInSend(connector, '85268326366');
    expect(sandbox.outbox.list()).toEqual([
      expect.objectContaining({
        action: 'SendSms',
        phone: '85268326366',
        region: 'overseas',
        templateCode: templateCodes('SignIn').overseas,
        code: '123456',
      }),
    ]);
  });

  const refusals = [
    {
      name: 'a wrong AccessKey secret in the Console form',
      send: (connector: SmsConnector) => consoleSend(connector, '8613800138000', { ...config, accessKeySecret: 'wrong' }),
      code: 'general',
      reachesAliyun: true,
    },
    {
      name: 'a form with no templates',
      send: (connector: SmsConnector) => consoleSend(connector, '8613800138000', { ...config, templates: [] }),
      code: 'invalid_config',
      reachesAliyun: false,
    },
    {
      name: 'a number that is not one',
      send: (connector: SmsConnector) => consoleSend(connector, 'not-a-number', config),
      code: 'invalid_request_parameters',
      reachesAliyun: false,
    },
  ];

  it.each(refusals.map((refusal) => [refusal.name, refusal] as const))("refuses %s with this release's own ConnectorError", async (_, { send, code, reachesAliyun }) => {
    const error = await failure(send(await host.build()));
    expect(error).toBeInstanceOf(host.kit.ConnectorError);
    // Each release has its own copy of the class; Logto's `instanceof` checks use this one.
    expect(error).not.toBeInstanceOf(NewestConnectorError);
    expect(error).toMatchObject({ code });
    expect(sandbox.requests.count > 0).toBe(reachesAliyun);
    expect(sandbox.outbox.list()).toEqual([]);
  });

  it("refuses a sign-in send whose stored AccessKey secret is wrong with this release's ConnectorError", async () => {
    const connector = await host.build(storedConfig(() => ({ ...config, accessKeySecret: 'wrong' })));
    const error = await failure(signInSend(connector, '8613800138000'));
    expect(error).toBeInstanceOf(host.kit.ConnectorError);
    expect(error).toMatchObject({ code: host.kit.ConnectorErrorCodes.General });
    // The browser's data: the end user's sentence and the RequestId; the audit log's String(error): the operator's error.
    const { data } = error as InstanceType<typeof host.kit.ConnectorError>;
    expect(Object.keys(data as object).sort()).toEqual(['errorDescription', 'requestId']);
    expect(JSON.stringify(data)).not.toContain('SignatureDoesNotMatch');
    expect(String(error)).toMatch(/^Error: ConnectorError: \{"errorDescription":"Aliyun computed a different request signature.*"code":"SignatureDoesNotMatch"/);
    expect(sandbox.outbox.list()).toEqual([]);
  });
});
