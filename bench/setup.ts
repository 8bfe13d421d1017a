/**
 * @module setup
 * What a benchmark run is set up with: the fixture every peer gets (from the sandbox registry),
 * the plan of sends, and the paragraph that describes both above the table.
 */
import { readFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform } from 'node:os';

import { connectorConfig } from '../sandbox/connector-config.js';
import { loadRegistry } from '../sandbox/index.js';
import type { Fixture } from './fixture.js';
import type { BenchOptions } from './options.js';
import type { Plan } from './plan.js';

/** Fresh processes per peer for the cold-import figure. */
export const importSamples = 7;

/** The sends of a run: a warm-up until stable, three concurrency levels in interleaved slices, and the round-trip rounds through the proxy. */
export const planFor = (options: BenchOptions, controlUrl: string): Plan => {
  const count = (sends: number) => Math.max(10, Math.round(sends * options.scale));
  return {
    warmup: { concurrency: 16, chunk: count(500), min: count(2000), max: count(8000), tolerance: 0.05 },
    levels: [
      { concurrency: 1, warmup: count(100), sends: count(1000) },
      { concurrency: 16, warmup: count(200), sends: count(2000) },
      { concurrency: 64, warmup: count(320), sends: count(2000) },
    ],
    slices: 4,
    roundTrips: { rttMs: options.rttMs, warmup: 3, rounds: 5, warmPerRound: 2, dropUrl: `${controlUrl}/drop` },
  };
};

/** The fixture from the registry the sandbox serves; `packages` says where the peers' packages are. */
export const buildFixture = async (packages: Fixture['packages']): Promise<Fixture> => {
  const registry = await loadRegistry();
  const [credential] = registry.credentials;
  if (credential === undefined) {
    throw new TypeError('the sandbox registry has no credential');
  }
  const full = connectorConfig({ endpoint: '', ...credential, registry });
  // No endpoint: this package keeps its default https://dysmsapi.aliyuncs.com, like the other peers.
  const config: Record<string, unknown> = { ...full };
  delete config.endpoint;
  const signIn = full.templates.find((template) => template.usageType === 'SignIn');
  if (signIn === undefined) {
    throw new TypeError('the sandbox registry has no SignIn templates');
  }
  return {
    accessKeyId: credential.accessKeyId,
    accessKeySecret: credential.accessKeySecret,
    signName: full.signName,
    templateCode: signIn.templateCode,
    connectorConfig: config,
    packages,
  };
};

/** Node's major version: the published table of a Node 20 run (these machines' Node) is results.md, of another results-node<major>.md. */
const nodeMajor = process.versions.node.split('.')[0] ?? '';

/** The Node 22 release `npm run test:node22` fetches into test/.artifacts (test/node-22/version). */
const pinnedNode22 = readFileSync(new URL('../test/node-22/version', import.meta.url), 'utf8').trim();

/** The file name a full run of this repository publishes its table under, in bench/. */
export const publishedResultsName = nodeMajor === '20' ? 'results.md' : `results-node${nodeMajor}.md`;

/** The title and the paragraph above the table: when, where, and what was sent. */
export const describeSetup = (options: BenchOptions, plan: Plan): string[] => {
  const [cpu] = cpus();
  const levels = plan.levels.map((level) => `${level.sends} at concurrency ${level.concurrency} (after ${level.warmup} to open its connections)`);
  const { warmup } = plan;
  return [
    ...(nodeMajor === '20'
      ? ['# Benchmark results', '']
      : [
          `# Benchmark results on Node ${nodeMajor}`,
          '',
          `The benchmark of [results.md](results.md), run with Node ${nodeMajor} first on \`PATH\` (for Node 22, the release Logto's images use: ` +
            `\`PATH="$PWD/test/.artifacts/node-${pinnedNode22}/bin:$PATH" npm run bench\` once \`npm run test:node22\` has fetched it).`,
          '',
        ]),
    `\`npm run bench${options.runs > 1 ? ` -- --runs ${options.runs}` : ''}\`, ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ` +
      `${platform()} ${arch()}, ${cpus().length} × ${cpu?.model.trim() ?? 'unknown CPU'}, shared with other work while it ran (load average ${loadavg()[0]?.toFixed(1) ?? '?'} at the end); ` +
      `${options.runs === 1 ? 'one run' : `median of ${options.runs} runs`}.`,
    '',
    `Every peer sends SignIn codes to mainland numbers at \`https://dysmsapi.aliyuncs.com\`, resolved to a local sandbox (TLS 1.3, ` +
      `RSA 2048 certificate made for the run; flow control off; its own process). The two Logto connectors are loaded by Logto's ` +
      `loader and sent to as Logto core sends a sign-in code, \`sendMessage(data)\` with the config from \`getConfig\`, in two modes: ` +
      `as Logto serves it, a new connector from \`buildRawConnector\` for every send (which also reads the logo and readme files the package's metadata names), ` +
      `and one reused connector. Each peer and mode is first warmed up in chunks of ${warmup.chunk} sends at concurrency ${warmup.concurrency} ` +
      `until two chunks in a row differ by less than ${warmup.tolerance * 100} % in CPU per send (at least ${warmup.min}, at most ${warmup.max} sends). ` +
      `Then per peer and mode: ${levels.join(', ')}, each level cut into ${plan.slices} slices run peer after peer, so the peers interleave. ` +
      `Round trips: through a proxy adding ${options.rttMs} ms, median of ${plan.roundTrips.rounds} sends on a new connection ` +
      `and ${plan.roundTrips.rounds * plan.roundTrips.warmPerRound} on a warm one. Import time: median of ${importSamples} fresh processes.`,
    ...(options.packagePath === undefined ? [] : ['', `"This package" is the build in \`${options.packagePath}\`.`]),
  ];
};
