/**
 * @module harness
 * The program of every peer process, identical for all peers: `node --import aliyun-dns.js
 * harness.js <peer> <phase>`. It creates the peer's send, then either runs the concurrency levels
 * (phase `load`) or measures sends through the delay proxy on new and warm connections (phase
 * `round-trips`), and reports over IPC. Run from `bench/.work/js` (plain JavaScript, no loader
 * hooks), so nothing but the peer and this harness lives in the process.
 */
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

import { fixtureFromEnvironment } from './fixture.js';
import { planVariable, type LoadReport, type Phase, type PeerReport, type Plan, type RoundTripReport } from './plan.js';
import { quantile } from './stats.js';
import { runLevel, signInCode, phoneNumber, type Send } from './workload.js';

type PeerModule = { createPeer: (fixture: ReturnType<typeof fixtureFromEnvironment>) => Promise<Send> };

const measureLoad = async (send: Send, plan: Plan): Promise<LoadReport> => {
  const levels: LoadReport['levels'] = [];
  const errorSamples: string[] = [];
  let warmupErrors = 0;
  let index = 0;
  for (const { concurrency, warmup, sends } of plan.levels) {
    // Each level warms up at its own concurrency, so its connections are open and its code compiled.
    const warm = await runLevel(send, concurrency, warmup, index);
    index += warmup;
    const measured = await runLevel(send, concurrency, sends, index);
    index += sends;
    warmupErrors += warm.errors;
    errorSamples.push(...warm.errorSamples, ...measured.errorSamples);
    levels.push({
      concurrency,
      sends,
      errors: measured.errors,
      wallMs: measured.wallMs,
      cpuUs: measured.cpuUs,
      p50Ms: quantile(measured.latenciesMs, 0.5),
      p99Ms: quantile(measured.latenciesMs, 0.99),
    });
  }
  return { phase: 'load', levels, warmupErrors, errorSamples: errorSamples.slice(0, 5), rssBytes: process.memoryUsage.rss() };
};

/** Asks the delay proxy to close every connection it carries; resolves once it has. */
const dropConnections = (url: string) =>
  new Promise<void>((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', agent: false }, (response) => {
      response.resume();
      response.on('end', resolve);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });

const measureRoundTrips = async (send: Send, plan: Plan): Promise<RoundTripReport> => {
  const { rttMs, warmup, rounds, warmPerRound, dropUrl } = plan.roundTrips;
  const report: RoundTripReport = { phase: 'round-trips', coldMs: [], warmMs: [], errors: 0, errorSamples: [] };
  let index = 0;
  const timed = async (): Promise<number> => {
    const started = performance.now();
    try {
      await send(phoneNumber(index), signInCode(index));
    } catch (error: unknown) {
      report.errors += 1;
      report.errorSamples.push(error instanceof Error ? error.message : String(error));
    }
    index += 1;
    return performance.now() - started;
  };
  for (let count = 0; count < warmup; count += 1) {
    await timed();
  }
  for (let round = 0; round < rounds; round += 1) {
    await dropConnections(dropUrl);
    // Let the client see the close, so its pool holds no dead socket.
    await sleep(Math.max(100, rttMs));
    report.coldMs.push(await timed());
    for (let count = 0; count < warmPerRound; count += 1) {
      report.warmMs.push(await timed());
    }
  }
  report.errorSamples = report.errorSamples.slice(0, 5);
  return report;
};

const main = async () => {
  // A parent that went away will never read the report.
  process.on('disconnect', () => process.exit(1));
  const [peer = '', phase] = process.argv.slice(2) as [string?, Phase?];
  const plan = JSON.parse(process.env[planVariable] ?? 'null') as Plan | null;
  if (!/^[a-z-]+$/.test(peer) || (phase !== 'load' && phase !== 'round-trips') || plan === null) {
    throw new Error('usage: harness.js <peer> load|round-trips, with BENCH_PLAN and BENCH_FIXTURE set');
  }
  const { createPeer } = (await import(`./peers/${peer}.js`)) as PeerModule;
  const send = await createPeer(fixtureFromEnvironment());
  const report: PeerReport = phase === 'load' ? await measureLoad(send, plan) : await measureRoundTrips(send, plan);
  process.send?.(report, () => {
    // Keep-alive sockets and SDK timers would hold the process open; the report is out.
    process.exit(0);
  });
};

await main();
