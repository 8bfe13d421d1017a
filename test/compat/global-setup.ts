/**
 * Vitest global set-up: installs every Logto release environment of the compatibility matrix from
 * its lockfile before any test file runs, so `npm ci && npm test` (and CI) need no extra step and
 * the installs do not compete with timing-sensitive suites for CPU.
 */
import { ensureInstalled, logtoReleases } from './logto-releases.js';

/** Installs the environments that are missing or were installed from another lockfile. */
export default async function setup(): Promise<void> {
  const started = performance.now();
  const states = await Promise.all(logtoReleases.map(async (release) => `${release.logto} ${await ensureInstalled(release)}`));
  if (states.some((state) => state.endsWith(' installed'))) {
    console.log(`Logto release environments (test/compat): ${states.join(', ')} in ${Math.round((performance.now() - started) / 1000)} s`);
  }
}
