/**
 * @module build-comparison
 * Compares builds of this package with each other, CPU per send only, within one run: each build
 * (a folder with `lib/`, `package.json`, logo and guide, e.g. a copy of another commit's build)
 * gets its own load process against the benchmark's sandbox, is warmed up until stable, and then
 * the builds take turns, chunk by chunk, so the machine's load falls on all alike. For checking
 * one change at a time; the full comparison with the other peers is `npm run bench`.
 *
 *   npx tsx bench/build-comparison.ts --rounds 8 DIR1 DIR2 …   (after npm ci --prefix bench)
 *
 * `--official` adds Logto's official connector as one more contender (its ratio is to the first
 * build too), `--mode reused` (or `served`) measures one send mode only, and `--cpu-prof` writes
 * each process's V8 profile to bench/.work/profiles/comparison and prints where its time went.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { fixtureVariable } from './fixture.js';
import { officialPackage } from './lineup.js';
import { startLoadProcess, type LoadProcess } from './load-process.js';
import { summarizeProfiles } from './profile-summary.js';
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

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '8' },
    chunk: { type: 'string', default: '1000' },
    mode: { type: 'string' },
    official: { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const rounds = Number(values.rounds);
const chunk = Number(values.chunk);
const modes = sendModes.filter((mode) => values.mode === undefined || mode === values.mode);
if (modes.length === 0) {
  throw new TypeError(`--mode must be one of ${sendModes.join(', ')}`);
}
/** A contender: a build of this package, or the official connector. */
type Contender = { name: string; peer: 'ours' | 'official'; folder: string };
const contenders: Contender[] = [
  ...positionals.map((folder) => ({ name: path.relative(root, path.resolve(folder)) || '.', peer: 'ours' as const, folder: path.resolve(folder) })),
  ...(values.official ? [{ name: '@logto/connector-aliyun-sms', peer: 'official' as const, folder: officialPackage(bench) }] : []),
];
const profiles = path.join(work, 'profiles', 'comparison');

mkdirSync(work, { recursive: true });
rmSync(profiles, { recursive: true, force: true });
const tls = makeTlsMaterial(path.join(work, 'tls'));
const built = buildPeerCode(root, path.join(work, 'js'));
const server = await startServerProcess(bench, { keyPath: tls.keyPath, certPath: tls.certPath, rttMs: 50 });
const plan = planFor({ runs: 1, peers: ['ours'], rttMs: 50, scale: 1, cpuProf: false, check: false }, server.controlUrl);
const processes: LoadProcess[] = [];
try {
  for (const [position, contender] of contenders.entries()) {
    const fixture = await buildFixture({ ours: contender.peer === 'ours' ? contender.folder : root, official: officialPackage(bench), bench });
    processes.push(
      await startLoadProcess({
        harness: built('bench/harness.ts'),
        dnsPreload: built('bench/aliyun-dns.ts'),
        peer: contender.peer,
        ...(values['cpu-prof'] ? { cpuProfileDirectory: path.join(profiles, `run-${position + 1}`, contender.peer) } : {}),
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
  const perSend = new Map(contenders.flatMap(({ name }) => modes.map((mode) => [`${name} ${mode}`, [] as number[]])));
  for (const [position, load] of processes.entries()) {
    for (const mode of modes) {
      // Warm-up: a fixed 4000 sends, past the few thousand over which CPU per send keeps falling.
      await load.run(mode, 16, 4000, index);
      index += 4000;
      process.stderr.write(`warmed ${contenders[position]?.name ?? ''} ${mode}\n`);
    }
  }
  for (let round = 0; round < rounds; round += 1) {
    for (const mode of modes) {
      // The order rotates every round: a build's place in the turn shifts its figures by several per cent.
      for (let turn = 0; turn < processes.length; turn += 1) {
        const position = (turn + round) % processes.length;
        const load = processes[position];
        const contender = contenders[position];
        if (load === undefined || contender === undefined) {
          continue;
        }
        const report = await load.run(mode, 16, chunk, index);
        index += chunk;
        if (report.errors > 0) {
          throw new Error(`${contender.name} had ${report.errors} failed sends: ${report.errorSamples[0] ?? ''}`);
        }
        perSend.get(`${contender.name} ${mode}`)?.push(report.cpuUs / chunk);
      }
    }
  }
  const first = contenders[0]?.name ?? '';
  for (const { name } of contenders) {
    const cells = modes.map((mode) => {
      const mine = median(perSend.get(`${name} ${mode}`) ?? []);
      const base = median(perSend.get(`${first} ${mode}`) ?? []);
      return `${mode} ${mine.toFixed(0)} µs (${(mine / base).toFixed(2)}× the first)`;
    });
    console.log(`${name}: ${cells.join(', ')}; median of ${rounds} chunks of ${chunk} at concurrency 16`);
  }
  if (values['cpu-prof']) {
    // A process writes its profile when it exits.
    await Promise.all(processes.map((load) => load.finish()));
    console.log(summarizeProfiles(profiles, root));
  }
} finally {
  for (const load of processes) {
    load.kill();
  }
  await server.stop();
}
