/**
 * @module main
 * `npm run bench`: this package, Logto's official connector, Aliyun's SDK and a hand-written
 * `node:https` floor, measured side by side in one run against the same loopback sandbox over
 * real TLS. Each peer runs in its own processes (load figures, round trips, cold imports) with
 * the same harness; the sandbox runs in another. Writes bench/results.md and prints it.
 * See bench/README.md for how it works and how to read it.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { fixtureVariable } from './fixture.js';
import { lineup, officialPackage } from './lineup.js';
import { parseOptions, peerNames, usage } from './options.js';
import { buildPeerCode } from './peer-build.js';
import { ensurePeersInstalled } from './peer-install.js';
import { planVariable } from './plan.js';
import { summarizeProfiles } from './profile-summary.js';
import { renderReport, type Measurements } from './report.js';
import { measureRun, type RunContext } from './run.js';
import { startServerProcess } from './server-process.js';
import { buildFixture, describeSetup, planFor, publishedResultsName } from './setup.js';
import { makeTlsMaterial } from './tls-material.js';

const bench = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(bench);
const work = path.join(bench, '.work');

const main = async () => {
  const options = parseOptions(process.argv.slice(2));
  if (options === undefined) {
    console.log(usage);
    return;
  }
  ensurePeersInstalled(root, bench);
  const ours = options.packagePath ?? root;
  if (!existsSync(path.join(ours, 'lib/index.js'))) {
    throw new Error(`${path.join(ours, 'lib/index.js')} is missing: build the package first (npm run bench runs npm run build)`);
  }
  mkdirSync(work, { recursive: true });
  rmSync(path.join(work, 'profiles'), { recursive: true, force: true });
  const tls = makeTlsMaterial(path.join(work, 'tls'));
  const built = buildPeerCode(root, path.join(work, 'js'));
  const peers = lineup({ ours, bench, built }).filter((peer) => options.peers.includes(peer.name));
  const fixture = await buildFixture({ ours, official: officialPackage(bench), bench });
  const server = await startServerProcess(bench, { keyPath: tls.keyPath, certPath: tls.certPath, rttMs: options.rttMs });
  const plan = planFor(options, server.controlUrl);
  const context: RunContext = {
    options,
    plan,
    server,
    profiles: path.join(work, 'profiles'),
    cwd: root,
    harness: built('bench/harness.ts'),
    dnsPreload: built('bench/aliyun-dns.ts'),
    environment: {
      NODE_EXTRA_CA_CERTS: tls.caPath,
      [fixtureVariable]: JSON.stringify(fixture),
      [planVariable]: JSON.stringify(plan),
    },
  };
  const measurements: Measurements = new Map(peers.map((peer) => [peer.name, []]));
  try {
    for (let run = 1; run <= options.runs; run += 1) {
      const figures = await measureRun(peers, run, context);
      for (const [name, runFigures] of figures) {
        measurements.get(name)?.push(runFigures);
      }
    }
  } finally {
    await server.stop();
  }
  const concurrencies = plan.levels.map((level) => level.concurrency);
  const { markdown, verdicts } = renderReport(peers, measurements, concurrencies, {
    preamble: describeSetup(options, plan),
    rttMs: options.rttMs,
    runs: options.runs,
  });
  // Only a full, unprofiled run of this repository replaces the published table.
  const published = peers.length === peerNames.length && options.packagePath === undefined && !options.cpuProf && options.scale === 1;
  const resultsPath = published ? path.join(bench, publishedResultsName) : path.join(work, 'results.md');
  writeFileSync(resultsPath, markdown);
  writeFileSync(path.join(work, 'results.json'), JSON.stringify(Object.fromEntries(measurements), null, 2));
  console.log(`\n${markdown}`);
  console.log(`Written to ${path.relative(root, resultsPath)}.`);
  if (options.cpuProf) {
    console.log(summarizeProfiles(path.join(work, 'profiles'), root));
  }
  const failed = [...measurements.values()].some((runs) => runs.some((figures) => figures.failedSends > 0));
  if (failed || (options.check && verdicts.some((verdict) => !verdict.met))) {
    process.exitCode = 1;
  }
};

try {
  await main();
} catch (error: unknown) {
  // Set-up failures (port 443 taken, openssl missing, a peer process that died) explain themselves.
  console.error(`npm run bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
