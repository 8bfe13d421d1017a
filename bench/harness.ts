/**
 * @module harness
 * The program of every peer process, identical for all peers: `node --import aliyun-dns.js
 * harness.js <peer> <phase>`. It creates the peer's sends, then either runs the chunks of sends the
 * parent asks for over IPC (phase `load`) or measures sends through the delay proxy on new and
 * warm connections (phase `round-trips`) and reports over IPC. Run from `bench/.work/js` (plain JavaScript, no loader
 * hooks), so nothing but the peer and this harness lives in the process.
 */
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

import { fixtureFromEnvironment } from './fixture.js';
import { planVariable, sendModes, type LoadCommand, type LoadMessage, type Phase, type Plan, type RoundTripReport } from './plan.js';
import { runLevel, signInCode, phoneNumber, type PeerSends, type Send } from './workload.js';

type PeerModule = { createPeer: (fixture: ReturnType<typeof fixtureFromEnvironment>) => Promise<PeerSends> };

/**
 * The load process: runs the chunks of sends the parent asks for, one at a time, and answers each
 * with its CPU, wall time and latencies, so the parent can interleave peers and decide when a
 * peer is warm. `finish` answers with the resident memory after everything.
 */
const serveLoad = (sends: PeerSends) => {
  const answer = (message: LoadMessage) => process.send?.(message);
  process.on('message', (command: LoadCommand) => {
    if (command.kind === 'finish') {
      process.send?.({ kind: 'finished', rssBytes: process.memoryUsage.rss() } satisfies LoadMessage, () => {
        // Keep-alive sockets and SDK timers would hold the process open; the report is out.
        process.exit(0);
      });
      return;
    }
    const send = sends[command.mode];
    if (send === undefined) {
      throw new Error(`this peer has no ${command.mode} mode`);
    }
    void runLevel(send, command.concurrency, command.sends, command.firstIndex).then(({ cpuUs, wallMs, errors, errorSamples, latenciesMs }) => {
      answer({ kind: 'ran', chunk: { cpuUs, wallMs, errors, errorSamples, latenciesMs } });
    });
  });
  answer({ kind: 'ready', modes: sendModes.filter((mode) => sends[mode] !== undefined) });
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
  const sends = await createPeer(fixtureFromEnvironment());
  if (phase === 'load') {
    serveLoad(sends);
    return;
  }
  // Round trips as Logto serves a sign-in, where the peer is a Logto connector.
  const report = await measureRoundTrips(sends.served ?? sends.reused, plan);
  process.send?.(report, () => {
    process.exit(0);
  });
};

await main();
