/**
 * @module report
 * The Markdown table (one row per figure, one column per peer, each cell "value (ratio× ours)")
 * and the targets under it. With several runs every figure is the median over runs; every ratio,
 * in a cell or a target, is the ratio of the two figures as printed, so any ratio can be checked
 * against the table by hand.
 */
import type { Peer } from './lineup.js';
import type { PeerName } from './options.js';
import { sendModes, type SendMode } from './plan.js';
import { median } from './stats.js';

/** A peer's figures in one send mode from one run. */
export type ModeFigures = {
  /** Sends it took until CPU per send was stable. */
  warmupSends: number;
  cpuUsPerSend: number;
  levels: Array<{ concurrency: number; sendsPerSecond: number; p50Ms: number; p99Ms: number }>;
};

/** One peer's figures from one run. */
export type RunFigures = {
  importMs: number;
  /** Per send mode the peer has (`served` only for Logto connectors). */
  modes: Partial<Record<SendMode, ModeFigures>>;
  rssMb: number;
  /** Median latency of a send on a new connection, in round trips. */
  coldRtt: number;
  /** Median latency of a send on a warm connection, in round trips. */
  warmRtt: number;
  failedSends: number;
  errorSamples: string[];
};

/** Everything measured: per peer, one entry per run. */
export type Measurements = Map<PeerName, RunFigures[]>;

/** What the report says about the setting, printed above the table. */
export type ReportContext = { preamble: string[]; rttMs: number; runs: number };

type Row = { label: string; value: (figures: RunFigures) => number; format: (value: number) => string; ratio?: boolean };

const fixed = (digits: number) => (value: number) =>
  Number.isFinite(value) ? value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a';

/** Throughput and latency are shown as Logto serves a send where the peer is a Logto connector. */
const mainMode = (figures: RunFigures): ModeFigures | undefined => figures.modes.served ?? figures.modes.reused;

const modeLabel: Record<SendMode, string> = {
  served: "Connector CPU per send through Logto's loader, a new connector per send (no Logto core), µs",
  reused: 'Connector CPU per send, one reused connector or client (no Logto core), µs',
};

const rowsFor = (concurrencies: readonly number[]): Row[] => [
  ...sendModes.map((mode): Row => ({ label: modeLabel[mode], value: (f) => f.modes[mode]?.cpuUsPerSend ?? Number.NaN, format: fixed(0) })),
  ...sendModes.map(
    (mode): Row => ({
      label: `Warm-up sends until CPU per send was stable, ${mode === 'served' ? "through Logto's loader" : 'reused'}`,
      value: (f) => f.modes[mode]?.warmupSends ?? Number.NaN,
      format: fixed(0),
      ratio: false,
    })
  ),
  ...concurrencies.flatMap((concurrency, index): Row[] => {
    const level = (f: RunFigures) => mainMode(f)?.levels[index] ?? { sendsPerSecond: Number.NaN, p50Ms: Number.NaN, p99Ms: Number.NaN };
    return [
      { label: `Sends per second, concurrency ${concurrency}`, value: (f) => level(f).sendsPerSecond, format: fixed(0) },
      { label: `Latency p50, ms, concurrency ${concurrency}`, value: (f) => level(f).p50Ms, format: fixed(2) },
      { label: `Latency p99, ms, concurrency ${concurrency}`, value: (f) => level(f).p99Ms, format: fixed(2) },
    ];
  }),
  { label: 'Resident memory after the runs, MB', value: (f) => f.rssMb, format: fixed(1) },
  { label: 'Import time, cold, ms', value: (f) => f.importMs, format: fixed(1) },
  { label: 'Send on a new connection, round trips', value: (f) => f.coldRtt, format: fixed(2) },
  { label: 'Send on a warm connection, round trips', value: (f) => f.warmRtt, format: fixed(2) },
  { label: 'Failed sends (all phases)', value: (f) => f.failedSends, format: fixed(0), ratio: false },
];

/** A figure as the table prints it: the median over runs (NaN when the peer has no such figure). */
const printed = (runs: RunFigures[], value: (figures: RunFigures) => number): number => median(runs.map(value));

/** A target's verdict, for the list and for `--check`. */
export type Verdict = { text: string; met: boolean };

const targets = (measurements: Measurements, labels: ReadonlyMap<PeerName, string>): Verdict[] => {
  const ours = measurements.get('ours') ?? [];
  const verdicts: Verdict[] = [];
  const failed = (name: PeerName) => (measurements.get(name) ?? []).some((figures) => figures.failedSends > 0);
  const compare = (name: PeerName, label: string, value: (f: RunFigures) => number, limit: number, format = fixed(0)) => {
    const theirs = measurements.get(name);
    if (theirs === undefined) {
      return;
    }
    const [mine, other] = [printed(ours, value), printed(theirs, value)];
    const ratio = mine / other;
    const broken = failed('ours') || failed(name);
    verdicts.push({
      met: !broken && ratio <= limit,
      text: `${label}: ${format(mine)} ÷ ${format(other)} (${labels.get(name) ?? name}) = ${fixed(2)(ratio)}× (limit ${limit}×)${broken ? ', void: a peer had failed sends' : ''}`,
    });
  };
  const cpu = (mode: SendMode) => (f: RunFigures) => f.modes[mode]?.cpuUsPerSend ?? Number.NaN;
  compare('official', "Connector CPU per send through Logto's loader, at most 0.7× the official connector", cpu('served'), 0.7);
  compare('official', 'Connector CPU per send on a reused connector, at most 0.55× the official connector', cpu('reused'), 0.55);
  compare('sdk', "Connector CPU per send on a reused connector, no worse than Aliyun's SDK client", cpu('reused'), 1);
  const warm = printed(ours, (f) => f.warmRtt);
  const cold = printed(ours, (f) => f.coldRtt);
  verdicts.push({ met: Math.round(warm) <= 1, text: `A warm send costs one round trip: ${fixed(2)(warm)} RTT` });
  verdicts.push({ met: Math.round(cold) <= 3, text: `A send on a new connection costs at most three: ${fixed(2)(cold)} RTT` });
  compare('official', 'Import time at most 0.6× the official connector', (f) => f.importMs, 0.6, fixed(1));
  compare('official', 'Resident memory no worse than the official connector', (f) => f.rssMb, 1, fixed(1));
  const failedSends = ours.reduce((sum, figures) => sum + figures.failedSends, 0);
  verdicts.push({ met: failedSends === 0, text: `No failed sends: ${failedSends}` });
  return verdicts;
};

/** The whole report as Markdown, and the verdicts. */
export const renderReport = (
  peers: readonly Peer[],
  measurements: Measurements,
  concurrencies: readonly number[],
  context: ReportContext
): { markdown: string; verdicts: Verdict[] } => {
  const ours = measurements.get('ours') ?? [];
  const header = `| Figure | ${peers.map((peer) => (peer.name === 'ours' ? `**${peer.label}** (this package)` : peer.label)).join(' | ')} |`;
  const align = `| --- | ${peers.map(() => '---:').join(' | ')} |`;
  const lines = rowsFor(concurrencies).map((row) => {
    const cells = peers.map((peer) => {
      const value = printed(measurements.get(peer.name) ?? [], row.value);
      if (Number.isNaN(value)) {
        return '—';
      }
      const text = row.format(value);
      if (peer.name === 'ours') {
        return `**${text}**`;
      }
      return row.ratio === false ? text : `${text} (${fixed(2)(value / printed(ours, row.value))}×)`;
    });
    return `| ${row.label} | ${cells.join(' | ')} |`;
  });
  const verdicts = targets(measurements, new Map(peers.map((peer) => [peer.name, peer.label])));
  const failures = peers.flatMap((peer) => {
    const runs = measurements.get(peer.name) ?? [];
    const failed = runs.reduce((sum, figures) => sum + figures.failedSends, 0);
    const sample = runs.flatMap((figures) => figures.errorSamples)[0];
    return failed > 0 ? [`- **${peer.label} had ${failed} failed sends**; its figures are not comparable. First error: ${sample ?? 'none recorded'}`] : [];
  });
  const markdown = [
    ...context.preamble,
    '',
    header,
    align,
    ...lines,
    '',
    `Each ratio in a cell is that peer's figure ÷ this package's, both as printed (lower is better, except sends per second); ` +
      `each target's ratio is this package's figure ÷ the peer's, both as printed${context.runs > 1 ? ` (every figure the median of the ${context.runs} runs)` : ''}. ` +
      `"—": the peer has no such mode (the SDK and the floor are not Logto connectors). Throughput and latency: as Logto serves ` +
      `it for the two connectors, one reused client for the SDK and the floor. Round trips are latency ÷ the ${context.rttMs} ms RTT the proxy adds.`,
    ...(failures.length > 0 ? ['', ...failures] : []),
    '',
    'Targets:',
    '',
    ...verdicts.map((verdict) => `- ${verdict.met ? 'met' : '**MISSED**'}: ${verdict.text}`),
    '',
  ].join('\n');
  return { markdown, verdicts };
};
