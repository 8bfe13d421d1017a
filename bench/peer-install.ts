/**
 * @module peer-install
 * Installs the peers (`bench/package-lock.json`) into `bench/node_modules` with `npm ci --prefix
 * bench` when they are missing or older than the lock file, so `npm run bench` works on a fresh
 * machine after the root `npm ci` while the package's own install stays lean.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/** True when `bench/node_modules` matches `bench/package-lock.json` as far as npm's own marker tells. */
const installed = (bench: string): boolean => {
  const marker = path.join(bench, 'node_modules/.package-lock.json');
  return existsSync(marker) && statSync(marker).mtimeMs >= statSync(path.join(bench, 'package-lock.json')).mtimeMs;
};

/** Runs `npm ci --prefix bench` unless the peers are already installed. */
export const ensurePeersInstalled = (root: string, bench: string): void => {
  if (installed(bench)) {
    return;
  }
  console.error('Installing the peers: npm ci --prefix bench');
  execFileSync('npm', ['ci', '--prefix', path.relative(root, bench), '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
};
