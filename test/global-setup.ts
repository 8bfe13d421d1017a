/**
 * Vitest global set-up: installs the test environments of their own from their lockfiles before
 * any test file runs (lockfile-environment.ts): every Logto release of the compatibility matrix
 * (`test/compat/`) and Aliyun's SDKs, the suite's oracle (`test/aliyun-sdk/`). So `npm ci && npm test`
 * (and CI) need no extra step, and the installs do not compete with timing-sensitive suites for CPU.
 */
import { ensureSdkInstalled } from './aliyun-sdk/sdk-environment.js';
import { ensureInstalled, logtoReleases } from './compat/logto-releases.js';

/** Installs the environments that are missing or were installed from another lockfile. */
export default async function setup(): Promise<void> {
  const started = performance.now();
  const installs = [
    ...logtoReleases.map(async (release) => `Logto ${release.logto} ${await ensureInstalled(release)}`),
    ensureSdkInstalled().then((state) => `Aliyun SDKs ${state}`),
  ];
  const states = await Promise.all(installs);
  if (states.some((state) => state.endsWith(' installed'))) {
    console.log(`Test environments (test/compat, test/aliyun-sdk): ${states.join(', ')} in ${Math.round((performance.now() - started) / 1000)} s`);
  }
}
