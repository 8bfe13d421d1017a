/**
 * @module build-comparison
 * Compares builds of this package with each other, CPU per send only, within one run: each build
 * (a folder with `lib/`, `package.json`, logo and guide, e.g. a copy of another commit's build)
 * gets its own load process against the benchmark's sandbox, is warmed up until stable, and then
 * the builds take turns, chunk by chunk, so the machine's load falls on all alike. For checking
 * one change at a time; the full comparison with the other peers is `npm run bench`.
 *
 *   npx tsx bench/build-comparison.ts --rounds 8 DIR1 DIR2 …   (after npm ci --prefix bench)
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { fixtureVariable } from './fixture.js';
import { officialPackage } from './lineup.js';
import { startLoadProcess, type LoadProcess } from './load-process.js';
import { sandboxAddress } from './loopback.js';
import { buildPeerCode } from './peer-build.js';
import { planVariable, sendModes } from './plan.js';
import { startServerProcess } from './server-process.js';
import { buildFixture, planFor } from './setup.js';
import { median } from './stats.js';
import { makeTlsMaterial } from './tls-material.js';

const bench = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(bench);
const work = path.join(bench, '.work');

const { values, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: 'string', default: '8' }, chunk: { type: 'string', default: '1000' } } });
const rounds = Number(values.rounds);
const chunk = Number(values.chunk);
const builds = positionals.map((folder) => path.resolve(folder));

mkdirSync(work, { recursive: true });
const tls = makeTlsMaterial(path.join(work, 'tls'));
const built = buildPeerCode(root, path.join(work, 'js'));
const server = await startServerProcess(bench, { keyPath: tls.keyPath, certPath: tls.certPath, rttMs: 50 });
const plan = planFor({ runs: 1, peers: ['ours'], rttMs: 50, scale: 1, cpuProf: false, check: false }, server.controlUrl);
const processes: LoadProcess[] = [];
try {
  for (const build of builds) {
    const fixture = await buildFixture({ ours: build, official: officialPackage(bench), bench });
    processes.push(
      await startLoadProcess({
        harness: built('bench/harness.ts'),
        dnsPreload: built('bench/aliyun-dns.ts'),
        peer: 'ours',
        environment: {
          NODE_EXTRA_CA_CERTS: tls.caPath,
          [fixtureVariable]: JSON.stringify(fixture),
          [planVariable]: JSON.stringify(plan),
          BENCH_ALIYUN_ADDRESS: sandboxAddress,
        },
        timeoutMs: 300_000,
      })
    );
  }
  let index = 0;
  const perSend = new Map(builds.flatMap((build) => sendModes.map((mode) => [`${build} ${mode}`, [] as number[]])));
  for (const [position, load] of processes.entries()) {
    for (const mode of sendModes) {
      // Warm-up: a fixed 4000 sends, past the few thousand over which CPU per send keeps falling.
      await load.run(mode, 16, 4000, index);
      index += 4000;
      process.stderr.write(`warmed ${builds[position]} ${mode}\n`);
    }
  }
  for (let round = 0; round < rounds; round += 1) {
    for (const mode of sendModes) {
      // The order rotates every round: a build's place in the turn shifts its figures by several per cent.
      for (let turn = 0; turn < processes.length; turn += 1) {
        const position = (turn + round) % processes.length;
        const load = processes[position];
        if (load === undefined) {
          continue;
        }
        const report = await load.run(mode, 16, chunk, index);
        index += chunk;
        if (report.errors > 0) {
          throw new Error(`${builds[position]} had ${report.errors} failed sends: ${report.errorSamples[0] ?? ''}`);
        }
        perSend.get(`${builds[position]} ${mode}`)?.push(report.cpuUs / chunk);
      }
    }
  }
  const first = builds[0];
  for (const build of builds) {
    const cells = sendModes.map((mode) => {
      const mine = median(perSend.get(`${build} ${mode}`) ?? []);
      const base = median(perSend.get(`${first} ${mode}`) ?? []);
      return `${mode} ${mine.toFixed(0)} µs (${(mine / base).toFixed(2)}× the first)`;
    });
    console.log(`${path.relative(root, build)}: ${cells.join(', ')}; median of ${rounds} chunks of ${chunk} at concurrency 16`);
  }
} finally {
  for (const load of processes) {
    load.kill();
  }
  await server.stop();
}
