/**
 * @module plan
 * What bench/main.ts asks a peer process to do, and what the process reports back over IPC.
 * Shared by both sides; imports nothing.
 */

/** One concurrency level: warm-up sends (not measured), then measured sends. */
export type LevelPlan = { concurrency: number; warmup: number; sends: number };

/** The round-trip measurement through the delay proxy. */
export type RoundTripPlan = {
  /** Round-trip time the proxy adds, ms. */
  rttMs: number;
  /** Sends before measuring, so code paths are compiled. */
  warmup: number;
  /** Each round: drop every connection, one send on a new connection, then warm sends. */
  rounds: number;
  warmPerRound: number;
  /** POST here and the proxy closes every connection it carries. */
  dropUrl: string;
};

/** Everything a peer process needs besides the fixture. */
export type Plan = { levels: LevelPlan[]; roundTrips: RoundTripPlan };

/** Environment variable that carries the plan to a peer process. */
export const planVariable = 'BENCH_PLAN';

/** The two kinds of peer process. */
export type Phase = 'load' | 'round-trips';

/** One measured level, reduced in the peer process. */
export type LevelFigures = {
  concurrency: number;
  sends: number;
  errors: number;
  wallMs: number;
  cpuUs: number;
  p50Ms: number;
  p99Ms: number;
};

/** The load process's report: the levels in order and its resident memory after them. */
export type LoadReport = { phase: 'load'; levels: LevelFigures[]; warmupErrors: number; errorSamples: string[]; rssBytes: number };

/** The round-trip process's report: latencies in ms of sends on new and on warm connections. */
export type RoundTripReport = { phase: 'round-trips'; coldMs: number[]; warmMs: number[]; errors: number; errorSamples: string[] };

/** What a peer process sends back. */
export type PeerReport = LoadReport | RoundTripReport;
