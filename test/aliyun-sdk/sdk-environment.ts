/**
 * @module sdk-environment
 * Aliyun's official SDKs as the test suite's oracle, in an environment of their own: this folder's
 * `package.json` pins each SDK to an exact version and `package-lock.json` pins everything they
 * pull in. The vitest global set-up installs it from the lockfile (lockfile-environment.ts,
 * `npm ci --ignore-scripts`: the one install script, `@alicloud/openapi-core`'s `select-version`,
 * only installs an older TypeScript on Node 10 and 12). Nothing here is a dependency of the
 * package, and the repository type-checks without it: the SDKs are loaded by path at test time
 * and typed with just what the oracle touches. The folder's `package.json` says `"type": "module"`
 * because the oracle's own modules live beside it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { installFromLockfile } from '../lockfile-environment.js';

/** The folder of the environment (`package.json`, lockfile, `node_modules`). */
export const sdkFolder = path.dirname(fileURLToPath(import.meta.url));

/** The repository's root folder. */
export const repositoryRoot = path.resolve(sdkFolder, '..', '..');

/** The SDK packages and their exact versions, as this folder's `package.json` pins them. */
export const sdkPins: Readonly<Record<string, string>> = (
  JSON.parse(readFileSync(path.join(sdkFolder, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
).dependencies;

/** Installs the environment unless it already was from this lockfile. */
export const ensureSdkInstalled = (): Promise<'installed' | 'up to date'> => installFromLockfile(sdkFolder, { ignoreScripts: true });

const requireFromSdk = createRequire(path.join(sdkFolder, 'package.json'));

/** A class generated from Aliyun's API metadata: wire names and declared types of its fields. */
export type ModelClass = {
  names(): Record<string, string>;
  types(): Record<string, unknown>;
  new (fields?: Record<string, unknown>): object;
};

/** What an SDK package exports: its client (default) and one class per request and answer model. */
export type SdkModule = { default: new (config: object) => object } & Record<string, unknown>;

const pinned = (name: string): string => {
  if (!(name in sdkPins)) {
    throw new TypeError(`${name} is not one of the pinned SDKs (test/aliyun-sdk/package.json)`);
  }
  return name;
};

/** Loads one pinned SDK package from the environment. */
export const loadSdk = (name: string): SdkModule => requireFromSdk(pinned(name)) as SdkModule;

/** Loads one module of a pinned SDK package, e.g. `dist/models/SendSmsRequest.js`. */
export const loadSdkModule = (name: string, file: string): Record<string, unknown> =>
  requireFromSdk(`${pinned(name)}/${file}`) as Record<string, unknown>;

/** The installed version of a package of the environment, from its own `package.json`. */
export const installedVersion = (name: string): string =>
  (JSON.parse(readFileSync(requireFromSdk.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;

/** The path of a file inside an installed SDK package, e.g. its `src/models/SendSmsRequest.ts`. */
export const sdkFile = (name: string, file: string): string => path.join(path.dirname(requireFromSdk.resolve(`${name}/package.json`)), file);
