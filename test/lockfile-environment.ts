/**
 * @module lockfile-environment
 * A test environment of its own: a folder with a `package.json` and `package-lock.json` whose
 * packages the tests load but the package never depends on (each Logto release of the
 * compatibility matrix in `test/compat/`, Aliyun's SDKs in `test/aliyun-sdk/`). Installed with
 * `npm ci` by the vitest global set-up, and skipped when `node_modules` was installed from the same
 * manifest and lockfile.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

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

/** How to install one environment. */
export type InstallOptions = {
  /** Skip the packages' install scripts (`npm ci --ignore-scripts`), for environments that only read them. */
  ignoreScripts?: boolean;
};

/**
 * Installs the environment in `folder` with `npm ci` unless it was installed from this very
 * manifest and lockfile; `npm ci` removes `node_modules` first, so a failed install leaves no stamp behind.
 * Quiet: npm prints errors only (engine warnings of the installed packages are noise here).
 */
export const installFromLockfile = async (folder: string, options: InstallOptions = {}): Promise<'installed' | 'up to date'> => {
  const digest = await lockDigest(folder);
  if ((await readStamp(folder)) === digest) {
    return 'up to date';
  }
  const flags = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...(options.ignoreScripts ? ['--ignore-scripts'] : [])];
  await run('npm', ['ci', ...flags], { cwd: folder, maxBuffer: 16 * 1024 * 1024 });
  await writeFile(path.join(folder, 'node_modules', stampName), digest);
  return 'installed';
};
