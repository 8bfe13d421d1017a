/**
 * @module logto-releases
 * The Logto releases the compatibility matrix loads the packed connector into, and their
 * environments: each `test/compat/logto-<version>/` holds a `package.json` and `package-lock.json`
 * with that release's connector loader (`@logto/cli`) and the copies of `@logto/connector-kit`,
 * `got` and `zod` that Logto core resolves at runtime. Installed with `npm ci` before the tests run
 * (vitest `globalSetup`), and skipped when `node_modules` was installed from the same lockfile.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

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

/** Written into `node_modules` after a successful `npm ci`: the digest of the manifest and lockfile it installed. */
const stampName = '.installed-from-lockfile';

const lockDigest = async (folder: string): Promise<string> => {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) {
    hash.update(await readFile(path.join(folder, file)));
  }
  return hash.digest('hex');
};

const readStamp = (folder: string): Promise<string | undefined> =>
  readFile(path.join(folder, 'node_modules', stampName), 'utf8').catch(() => undefined);

const run = promisify(execFile);

/**
 * Installs one release's environment with `npm ci` unless it was installed from this very
 * lockfile; `npm ci` removes `node_modules` first, so a failed install leaves no stamp behind.
 */
export const ensureInstalled = async (release: LogtoRelease): Promise<'installed' | 'up to date'> => {
  const folder = environmentOf(release);
  const digest = await lockDigest(folder);
  if ((await readStamp(folder)) === digest) {
    return 'up to date';
  }
  // Logto asks for Node 22 (engines); the loader runs on 20 too, so npm's engine warnings are noise here.
  await run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: folder, maxBuffer: 16 * 1024 * 1024 });
  await writeFile(path.join(folder, 'node_modules', stampName), digest);
  return 'installed';
};
