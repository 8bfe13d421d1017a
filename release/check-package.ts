/**
 * @module check-package
 * `npm run lint:package`: packs the tarball and runs publint (https://publint.dev) and Are the Types
 * Wrong? (`attw`, https://github.com/arethetypeswrong/arethetypeswrong.github.io) on it, the file npm
 * would publish rather than the working tree. `attw` runs with the `esm-only` profile: the package
 * is ESM only (Logto's loader imports lib/index.js), so `require()` from CommonJS and node10's
 * resolution are not supported ways to load it.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { packageRoot, packTarball } from './tarball.js';

/** Runs one of the package's own tools; resolves to its exit code. */
function tool(name: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(packageRoot, 'node_modules', '.bin', name), args, { cwd: packageRoot, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => {
      resolve(code ?? 1);
    });
  });
}

const scratch = await mkdtemp(path.join(tmpdir(), 'check-package-'));
try {
  const { tarball } = await packTarball(scratch);
  const publint = await tool('publint', ['run', '--strict', tarball]);
  const attw = await tool('attw', ['--profile', 'esm-only', '--no-color', tarball]);
  if (publint !== 0 || attw !== 0) {
    process.stderr.write(`lint:package: ${publint === 0 ? '' : 'publint '}${attw === 0 ? '' : 'attw '}failed on ${path.basename(tarball)}\n`);
    process.exitCode = 1;
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
