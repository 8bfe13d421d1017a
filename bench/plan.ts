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

/**
 * Warming a peer up until its CPU per send is stable: chunks of `chunk` sends at `concurrency`,
 * until two chunks in a row differ by less than `tolerance` (a fraction), after at least `min`
 * and at most `max` sends. JIT compilation keeps lowering CPU per send for the first few thousand.
 */
export type WarmupPlan = { concurrency: number; chunk: number; min: number; max: number; tolerance: number };

/** Everything a peer process needs besides the fixture. */
export type Plan = {
  warmup: WarmupPlan;
  levels: LevelPlan[];
  /** Each level's measured sends are split into this many slices, run peer after peer, so peers interleave. */
  slices: number;
  roundTrips: RoundTripPlan;
};

/**
 * How a peer is sent through. `served`: as Logto serves a sign-in, a new connector from
 * `buildRawConnector(factory, getConfig)` for every send, then `sendMessage(data)` without a config.
 * `reused`: one connector instance (or one SDK client) for every send.
 */
export type SendMode = 'served' | 'reused';

/** The send modes, in table order. */
export const sendModes: readonly SendMode[] = ['served', 'reused'];

/** What the parent asks a load process to do. */
export type LoadCommand =
  | { kind: 'run'; mode: SendMode; concurrency: number; sends: number; firstIndex: number }
  | { kind: 'finish' };

/** One chunk of sends, measured inside the peer process. */
export type ChunkReport = { cpuUs: number; wallMs: number; errors: number; errorSamples: string[]; latenciesMs: number[] };

/** What a load process answers: its modes once ready, each chunk, and its memory when finished. */
export type LoadMessage =
  | { kind: 'ready'; modes: SendMode[] }
  | { kind: 'ran'; chunk: ChunkReport }
  | { kind: 'finished'; rssBytes: number };

/** Environment variable that carries the plan to a peer process. */
export const planVariable = 'BENCH_PLAN';

/** The two kinds of peer process: a load process driven over IPC, and a one-shot round-trip process. */
export type Phase = 'load' | 'round-trips';

/** The round-trip process's report: latencies in ms of sends on new and on warm connections. */
export type RoundTripReport = { phase: 'round-trips'; coldMs: number[]; warmMs: number[]; errors: number; errorSamples: string[] };
