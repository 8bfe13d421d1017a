/**
 * @module logto-releases
 * The Logto releases the compatibility matrix loads the packed connector into, and their
 * environments: each `test/compat/logto-<version>/` holds a `package.json` and `package-lock.json`
 * with that release's connector loader (`@logto/cli`) and the copies of `@logto/connector-kit`,
 * `got` and `zod` that Logto core resolves at runtime. Installed with `npm ci` before the tests run
 * (vitest `globalSetup`, lockfile-environment.ts), and skipped when `node_modules` was installed from the same lockfile.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { installFromLockfile } from '../lockfile-environment.js';

/** One Logto release and the versions of what it hands a connector. */
export type LogtoRelease = { logto: string; connectorKit: string; got: string; zod: string };

/**
 * Every Logto release whose `@logto/cli` the registry serves. Each CLI was published together
 * with the connector-kit it declares (`^<version>`, same publish day; Logto 1.42.0 reports "the
 * version here is 5.1.0"), so the lockfiles pin exactly that version rather than the newest match.
 * Logto core pins `zod` to 3.24.3 and asks for `got` `^14.0.0`; the matrix takes its floor.
 */
export const logtoReleases: readonly LogtoRelease[] = [
  { logto: '1.37.1', connectorKit: '4.7.0', got: '14.0.0', zod: '3.24.3' },
  { logto: '1.40.1', connectorKit: '5.0.1', got: '14.0.0', zod: '3.24.3' },
  { logto: '1.42.0', connectorKit: '5.1.0', got: '14.0.0', zod: '3.24.3' },
  { logto: '1.43.0', connectorKit: '5.1.1', got: '14.0.0', zod: '3.24.3' },
];

const compatRoot = path.dirname(fileURLToPath(import.meta.url));

/** The folder holding one release's `package.json`, lockfile and installed `node_modules`. */
export const environmentOf = ({ logto }: LogtoRelease): string => path.join(compatRoot, `logto-${logto}`);

/** Installs one release's environment from its lockfile, unless it already was (lockfile-environment.ts). */
export const ensureInstalled = (release: LogtoRelease): Promise<'installed' | 'up to date'> => installFromLockfile(environmentOf(release));
