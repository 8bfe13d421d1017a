/**
 * @module options
 * `npm run bench -- [options]`: how many runs, which peers, and the knobs for profiling and CI.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';

/** The four peers, in the order the table shows them. */
export const peerNames = ['ours', 'official', 'sdk', 'floor'] as const;

/** A peer's short name. */
export type PeerName = (typeof peerNames)[number];

/** What a benchmark run was asked for. */
export type BenchOptions = {
  /** Whole repetitions; the table shows the median of each figure. */
  runs: number;
  peers: PeerName[];
  /** Round-trip time the delay proxy adds, ms. */
  rttMs: number;
  /** Multiplies every send count (e.g. 0.2 for a quick look; figures get noisier). */
  scale: number;
  /** Write a V8 CPU profile of each peer's load process and print where its time goes. */
  cpuProf: boolean;
  /** Exit with status 1 when a target is missed. */
  check: boolean;
  /** Package folder measured as this package (a built checkout of another branch, say); default the repository. */
  packagePath?: string;
};

/** Usage text for `--help`. */
export const usage = `npm run bench -- [--runs N] [--peers ours,official,sdk,floor] [--rtt MS] [--scale F] [--cpu-prof] [--check]

  --runs N      repeat the whole benchmark N times and report medians (default 1)
  --peers LIST  measure only these peers (default all; ours is always included)
  --rtt MS      round-trip time the delay proxy adds (default 50)
  --scale F     multiply every send count by F (default 1)
  --cpu-prof    profile each peer's load process (bench/.work/profiles) and summarize it
  --check       exit with status 1 when a target is missed
  --package DIR measure the built package in DIR as this package (default: this repository)`;

const positive = (text: string | undefined, fallback: number, name: string): number => {
  const value = text === undefined ? fallback : Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new TypeError(`--${name} must be a positive number, not ${JSON.stringify(text)}`);
  }
  return value;
};

/** Reads the command line; undefined when `--help` was asked for. */
export const parseOptions = (args: readonly string[]): BenchOptions | undefined => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      runs: { type: 'string' },
      peers: { type: 'string' },
      rtt: { type: 'string' },
      scale: { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      package: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    return undefined;
  }
  const asked = values.peers?.split(',').map((name) => name.trim()) ?? [...peerNames];
  const unknown = asked.filter((name) => !(peerNames as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new TypeError(`unknown peer ${unknown.join(', ')}; choose from ${peerNames.join(', ')}`);
  }
  return {
    runs: Math.round(positive(values.runs, 1, 'runs')),
    peers: peerNames.filter((name) => name === 'ours' || asked.includes(name)),
    rttMs: positive(values.rtt, 50, 'rtt'),
    scale: positive(values.scale, 1, 'scale'),
    cpuProf: values['cpu-prof'],
    check: values.check,
    ...(values.package === undefined ? {} : { packagePath: path.resolve(values.package) }),
  };
};
