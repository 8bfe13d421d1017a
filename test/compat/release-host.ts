/**
 * @module release-host
 * One Logto release hosting the published package. A Logto folder is laid out under `scratch`
 * (`packages/core` with a `node_modules` that links to the release's environment); the tarball
 * from `npm pack` is added with the release's own `logto connector add` code, which unpacks it
 * with no install into `packages/core/connectors/connector-aliyun-sms/`; the release's connector
 * loader then loads it. The scratch folder lies outside the repository so that no import can fall
 * through to the repository's `node_modules`: every dependency resolves to the release's copy or fails.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

import type * as ConnectorCommands from '@logto/cli/lib/commands/connector/utils.js';
import type * as LoaderModule from '@logto/cli/lib/connector/index.js';
import type * as ConnectorKit from '@logto/connector-kit';
import type { GetConnectorConfig, SmsConnector } from '@logto/connector-kit';

import { packageRoot } from '../../demo/logto-host.js';
import { environmentOf, type LogtoRelease } from './logto-releases.js';

const run = promisify(execFile);

/** A release with the package loaded, ready to build connectors as Logto does for each request. */
export type ReleaseHost = {
  /** The unpacked package folder, as `logto connector add` leaves it. */
  packagePath: string;
  /** The release environment whose `node_modules` the package resolves against. */
  environment: string;
  /** The release's own `@logto/connector-kit`, the one its loader and core use. */
  kit: typeof ConnectorKit;
  /** What the release's loader read from the package: its type and metadata (logo and README inlined). */
  loaded: Pick<LoaderModule.ConnectorFactory<never>, 'type' | 'metadata'>;
  /**
   * A fresh connector from the loaded factory, as Logto builds one for every request that sends:
   * the Console test route passes the loader's `notImplemented` getConfig, sign-in passes the
   * stored configuration's reader.
   */
  build(getConfig?: GetConnectorConfig): Promise<SmsConnector>;
};

/** Packs the package (`npm pack`, which runs no build) into `destination`; returns the tarball path. */
export const packTarball = async (destination: string): Promise<string> => {
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', destination], { cwd: packageRoot });
  const [packed] = JSON.parse(stdout) as Array<{ filename: string }>;
  return path.join(destination, packed!.filename);
};

const importFrom = (environment: string, file: string): Promise<unknown> =>
  import(pathToFileURL(path.join(environment, 'node_modules', file)).href);

/** Unpacks the tarball for `release` under `scratch` and loads it with the release's loader. */
export const hostRelease = async (release: LogtoRelease, tarball: string, scratch: string): Promise<ReleaseHost> => {
  const environment = environmentOf(release);
  const logtoFolder = path.join(scratch, `logto-${release.logto}`);
  const core = path.join(logtoFolder, 'packages', 'core');
  await mkdir(core, { recursive: true });
  await writeFile(path.join(core, 'package.json'), JSON.stringify({ name: '@logto/core', version: release.logto }));
  await symlink(path.join(environment, 'node_modules'), path.join(core, 'node_modules'), 'dir');
  // What `npx @logto/cli connector add <absolute tarball path> --path <logto folder>` runs.
  const commands = (await importFrom(environment, '@logto/cli/lib/commands/connector/utils.js')) as typeof ConnectorCommands;
  await commands.addConnectors(logtoFolder, [tarball]);
  const packagePath = path.join(commands.getConnectorDirectory(logtoFolder), 'connector-aliyun-sms');

  const loader = (await importFrom(environment, '@logto/cli/lib/connector/index.js')) as typeof LoaderModule;
  const kit = (await importFrom(environment, '@logto/connector-kit/lib/index.js')) as typeof ConnectorKit;
  const [factory] = await loader.loadConnectorFactories([{ name: 'connector-aliyun-sms', path: packagePath }], false);
  if (!factory) {
    throw new Error(`Logto ${release.logto}'s loader skipped the package; its log line above says why`);
  }
  return {
    packagePath,
    environment,
    kit,
    loaded: { type: factory.type, metadata: factory.metadata },
    async build(getConfig = loader.notImplemented) {
      const { rawConnector } = await loader.buildRawConnector(factory, getConfig);
      return rawConnector as SmsConnector;
    },
  };
};

/**
 * Every `Enum.Member` the built package reads from one of `kit`'s exported objects
 * (`ConnectorErrorCodes.General`, `TemplateType.SignIn`…), and whether `kit` has it.
 */
export const kitEnumReferences = async (
  packagePath: string,
  kit: typeof ConnectorKit
): Promise<Array<{ reference: string; present: boolean }>> => {
  const exported = kit as unknown as Record<string, unknown>;
  const references = new Map<string, boolean>();
  const lib = path.join(packagePath, 'lib');
  for (const file of (await readdir(lib)).filter((name) => name.endsWith('.js'))) {
    const code = await readFile(path.join(lib, file), 'utf8');
    // A bundle imports under local names (`ConnectorErrorCodes as ConnectorErrorCodes9`): map them back.
    const imported = new Map<string, string>();
    for (const [, names] of code.matchAll(/import\s*{([^}]*)}\s*from\s*["']@logto\/connector-kit["']/g)) {
      for (const specifier of names!.split(',')) {
        const [original, local = original] = specifier.trim().split(/\s+as\s+/);
        if (original) {
          imported.set(local!, original);
        }
      }
    }
    for (const [, local, member] of code.matchAll(/\b([A-Z]\w+)\.([A-Z]\w+)\b/g)) {
      const name = imported.get(local!) ?? local!;
      const values = exported[name];
      if (typeof values === 'object' && values !== null) {
        references.set(`${name}.${member!}`, member! in values);
      }
    }
  }
  return [...references].map(([reference, present]) => ({ reference, present }));
};
