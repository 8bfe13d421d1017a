/**
 * @module run
 * One run of the benchmark. Every peer's load process is started and kept up; each peer, in each
 * of its send modes, is warmed up until its CPU per send is stable; then each concurrency level's
 * sends are cut into slices run peer after peer (order rotated every slice), so a change in the
 * machine's load falls on every peer alike. Then each peer's round-trip process and the cold
 * imports, interleaved. Reduced to one {@link RunFigures} per peer.
 */
import path from 'node:path';

import { timeColdImport } from './import-time.js';
import type { Peer } from './lineup.js';
import { startLoadProcess, type LoadProcess } from './load-process.js';
import { proxyAddress, sandboxAddress } from './loopback.js';
import type { BenchOptions, PeerName } from './options.js';
import { runPeerProcess } from './peer-process.js';
import type { ChunkReport, Plan, SendMode } from './plan.js';
import type { ModeFigures, RunFigures } from './report.js';
import type { ServerProcess } from './server-process.js';
import { importSamples } from './setup.js';
import { median, quantile } from './stats.js';

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

/** Peers (or anything) in the order a run measures them: rotated, so none is always first. */
const rotate = <T>(items: readonly T[], by: number): T[] => items.map((_item, index) => items[(index + by) % items.length]!);

/** One peer in one send mode, and what was measured of it. */
type Task = {
  peer: Peer;
  mode: SendMode;
  process: LoadProcess;
  warmupSends: number;
  levels: Array<{ concurrency: number; sends: number; cpuUs: number; wallMs: number; latenciesMs: number[] }>;
};

/** Failed sends per peer: errors a peer reported, and requests the sandbox never saw. */
type Failures = Map<PeerName, { count: number; samples: string[] }>;

const loadPhase = async (order: readonly Peer[], run: number, context: RunContext, failures: Failures) => {
  const { options, plan, server, environment, harness, dnsPreload } = context;
  const processes: LoadProcess[] = [];
  let index = 0;
  /** Runs one chunk and checks the sandbox saw every send (a peer that answered without sending would look fast). */
  const chunk = async (task: Task, concurrency: number, sends: number): Promise<ChunkReport> => {
    const before = await server.requestCount();
    const report = await task.process.run(task.mode, concurrency, sends, index);
    index += sends;
    const unseen = Math.max(0, sends - ((await server.requestCount()) - before));
    const failed = failures.get(task.peer.name)!;
    failed.count += report.errors + unseen;
    failed.samples.push(...report.errorSamples, ...(unseen > 0 ? [`the sandbox saw ${unseen} fewer requests than the peer reported sends`] : []));
    return report;
  };
  try {
    const tasks: Task[] = [];
    for (const peer of order) {
      const process = await startLoadProcess({
        harness,
        dnsPreload,
        peer: peer.name,
        environment: { ...environment, BENCH_ALIYUN_ADDRESS: sandboxAddress },
        ...(options.cpuProf ? { cpuProfileDirectory: path.join(context.profiles, `run-${run}`, peer.name) } : {}),
        timeoutMs: 300_000,
      });
      processes.push(process);
      tasks.push(...process.modes.map((mode): Task => ({ peer, mode, process, warmupSends: 0, levels: [] })));
    }
    const { warmup } = plan;
    for (const task of tasks) {
      process.stderr.write(`run ${run} · warming up ${task.peer.label}, ${task.mode} … `);
      // Until two chunks in a row cost the same CPU per send: JIT compilation takes a few thousand sends.
      let previous = Number.NaN;
      for (;;) {
        const { cpuUs } = await chunk(task, warmup.concurrency, warmup.chunk);
        task.warmupSends += warmup.chunk;
        const perSend = cpuUs / warmup.chunk;
        const stable = Math.abs(perSend - previous) / previous < warmup.tolerance;
        previous = perSend;
        if ((stable && task.warmupSends >= warmup.min) || task.warmupSends >= warmup.max) {
          break;
        }
      }
      process.stderr.write(`${task.warmupSends} sends, ${previous.toFixed(0)} µs per send\n`);
    }
    for (const level of plan.levels) {
      process.stderr.write(`run ${run} · concurrency ${level.concurrency}, ${plan.slices} slices per peer and mode\n`);
      const measured = tasks.map(() => ({ concurrency: level.concurrency, sends: 0, cpuUs: 0, wallMs: 0, latenciesMs: [] as number[] }));
      for (const task of tasks) {
        // Opens this level's connections, so its slices measure warm sends only.
        await chunk(task, level.concurrency, level.warmup);
      }
      const slice = Math.ceil(level.sends / plan.slices);
      for (let round = 0; round < plan.slices; round += 1) {
        for (const taskIndex of rotate(tasks.map((_task, position) => position), round)) {
          const report = await chunk(tasks[taskIndex]!, level.concurrency, slice);
          const figures = measured[taskIndex]!;
          figures.sends += slice;
          figures.cpuUs += report.cpuUs;
          figures.wallMs += report.wallMs;
          figures.latenciesMs.push(...report.latenciesMs);
        }
      }
      tasks.forEach((task, position) => task.levels.push(measured[position]!));
    }
    const rss = new Map<PeerName, number>();
    for (const [position, peer] of order.entries()) {
      rss.set(peer.name, await processes[position]!.finish());
    }
    return { tasks, rss };
  } finally {
    for (const process of processes) {
      process.kill();
    }
  }
};

const modeFigures = (task: Task): ModeFigures => ({
  warmupSends: task.warmupSends,
  cpuUsPerSend: task.levels.reduce((sum, level) => sum + level.cpuUs, 0) / task.levels.reduce((sum, level) => sum + level.sends, 0),
  levels: task.levels.map((level) => ({
    concurrency: level.concurrency,
    sendsPerSecond: level.sends / (level.wallMs / 1000),
    p50Ms: quantile(level.latenciesMs, 0.5),
    p99Ms: quantile(level.latenciesMs, 0.99),
  })),
});

/** Measures every peer once (run number `run`, from 1). */
export const measureRun = async (peers: readonly Peer[], run: number, context: RunContext): Promise<Map<PeerName, RunFigures>> => {
  const { options, environment, harness, dnsPreload } = context;
  const order = rotate(peers, run - 1);
  const failures: Failures = new Map(peers.map((peer) => [peer.name, { count: 0, samples: [] }]));
  const { tasks, rss } = await loadPhase(order, run, context, failures);
  const roundTrips = new Map<PeerName, { coldMs: number[]; warmMs: number[] }>();
  for (const peer of order) {
    process.stderr.write(`run ${run} · round trips, ${peer.label} … `);
    const report = await runPeerProcess({
      harness,
      dnsPreload,
      peer: peer.name,
      phase: 'round-trips',
      environment: { ...environment, BENCH_ALIYUN_ADDRESS: proxyAddress },
      timeoutMs: 120_000,
    });
    const failed = failures.get(peer.name)!;
    failed.count += report.errors;
    failed.samples.push(...report.errorSamples);
    roundTrips.set(peer.name, report);
    process.stderr.write('done\n');
  }
  process.stderr.write(`run ${run} · cold imports, ${importSamples} fresh processes per peer … `);
  const imports = new Map<PeerName, number[]>(peers.map((peer) => [peer.name, []]));
  for (let sample = 0; sample < importSamples; sample += 1) {
    for (const peer of order) {
      imports.get(peer.name)?.push(await timeColdImport(peer.importEntry, context.cwd));
    }
  }
  process.stderr.write('done\n');
  return new Map(
    peers.map((peer): [PeerName, RunFigures] => {
      const trips = roundTrips.get(peer.name)!;
      const failed = failures.get(peer.name)!;
      return [
        peer.name,
        {
          importMs: median(imports.get(peer.name) ?? []),
          modes: Object.fromEntries(tasks.filter((task) => task.peer.name === peer.name).map((task) => [task.mode, modeFigures(task)])),
          rssMb: (rss.get(peer.name) ?? Number.NaN) / 1024 / 1024,
          coldRtt: median(trips.coldMs) / options.rttMs,
          warmRtt: median(trips.warmMs) / options.rttMs,
          failedSends: failed.count,
          errorSamples: failed.samples.slice(0, 5),
        },
      ];
    })
  );
};
