/**
 * @module run
 * One run of the benchmark: for each peer, its load process and its round-trip process, then
 * the cold imports of every peer interleaved; reduced to one {@link RunFigures} per peer.
 */
import path from 'node:path';

import { timeColdImport } from './import-time.js';
import type { Peer } from './lineup.js';
import { proxyAddress, sandboxAddress } from './loopback.js';
import type { BenchOptions, PeerName } from './options.js';
import { runPeerProcess } from './peer-process.js';
import type { LoadReport, Plan, RoundTripReport } from './plan.js';
import type { RunFigures } from './report.js';
import type { ServerProcess } from './server-process.js';
import { importSamples } from './setup.js';
import { median } from './stats.js';

/** What every run shares. */
export type RunContext = {
  options: BenchOptions;
  plan: Plan;
  server: ServerProcess;
  /** Fixture, plan and CA variables for the peer processes. */
  environment: Record<string, string>;
  harness: string;
  dnsPreload: string;
  /** Where CPU profiles go (`run-N/<peer>/`). */
  profiles: string;
  /** Working directory of the cold-import processes. */
  cwd: string;
};

type PeerReports = { load: LoadReport; roundTrips: RoundTripReport; unseen: number };

const measurePeer = async (peer: Peer, run: number, context: RunContext): Promise<PeerReports> => {
  const { options, plan, server, environment, harness, dnsPreload } = context;
  const expected = plan.levels.reduce((sum, level) => sum + level.warmup + level.sends, 0);
  const before = await server.requestCount();
  const load = (await runPeerProcess({
    harness,
    dnsPreload,
    peer: peer.name,
    phase: 'load',
    environment: { ...environment, BENCH_ALIYUN_ADDRESS: sandboxAddress },
    ...(options.cpuProf ? { cpuProfileDirectory: path.join(context.profiles, `run-${run}`, peer.name) } : {}),
    timeoutMs: 300_000,
  })) as LoadReport;
  // A peer that answered without reaching the sandbox would look fast: count what the sandbox saw.
  const unseen = Math.max(0, expected - ((await server.requestCount()) - before));
  const roundTrips = (await runPeerProcess({
    harness,
    dnsPreload,
    peer: peer.name,
    phase: 'round-trips',
    environment: { ...environment, BENCH_ALIYUN_ADDRESS: proxyAddress },
    timeoutMs: 120_000,
  })) as RoundTripReport;
  return { load, roundTrips, unseen };
};

const figuresOf = ({ load, roundTrips, unseen }: PeerReports, importMs: number, rttMs: number): RunFigures => {
  const sends = load.levels.reduce((sum, level) => sum + level.sends, 0);
  const cpuUs = load.levels.reduce((sum, level) => sum + level.cpuUs, 0);
  const measuredErrors = load.levels.reduce((sum, level) => sum + level.errors, 0);
  return {
    importMs,
    cpuUsPerSend: cpuUs / sends,
    levels: load.levels.map((level) => ({
      concurrency: level.concurrency,
      cpuUsPerSend: level.cpuUs / level.sends,
      sendsPerSecond: level.sends / (level.wallMs / 1000),
      p50Ms: level.p50Ms,
      p99Ms: level.p99Ms,
    })),
    rssMb: load.rssBytes / 1024 / 1024,
    coldRtt: median(roundTrips.coldMs) / rttMs,
    warmRtt: median(roundTrips.warmMs) / rttMs,
    failedSends: measuredErrors + load.warmupErrors + roundTrips.errors + unseen,
    errorSamples: [
      ...load.errorSamples,
      ...roundTrips.errorSamples,
      ...(unseen > 0 ? [`the sandbox saw ${unseen} fewer requests than the peer reported sends`] : []),
    ],
  };
};

/** Peers in the order a run measures them: rotated each run, so none is always first. */
const rotate = <T>(items: readonly T[], by: number): T[] => items.map((_item, index) => items[(index + by) % items.length]!);

/** Measures every peer once (run number `run`, from 1). */
export const measureRun = async (peers: readonly Peer[], run: number, context: RunContext): Promise<Map<PeerName, RunFigures>> => {
  const order = rotate(peers, run - 1);
  const reports = new Map<PeerName, PeerReports>();
  const label = `run ${run}/${context.options.runs}`;
  for (const peer of order) {
    const started = performance.now();
    process.stderr.write(`${label} · ${peer.label}: load and round trips … `);
    reports.set(peer.name, await measurePeer(peer, run, context));
    process.stderr.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  process.stderr.write(`${label} · cold imports, ${importSamples} fresh processes per peer … `);
  const imports = new Map<PeerName, number[]>(peers.map((peer) => [peer.name, []]));
  for (let sample = 0; sample < importSamples; sample += 1) {
    for (const peer of order) {
      imports.get(peer.name)?.push(await timeColdImport(peer.importEntry, context.cwd));
    }
  }
  process.stderr.write('done\n');
  return new Map(
    peers.map((peer) => [peer.name, figuresOf(reports.get(peer.name)!, median(imports.get(peer.name) ?? []), context.options.rttMs)])
  );
};
