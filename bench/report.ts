/**
 * @module report
 * The Markdown table (one row per figure, one column per peer, each cell "value (ratio× ours)")
 * and the targets under it. With several runs every figure is the median over runs, and every
 * ratio the median of the ratios taken within each run, so machine drift between runs cancels.
 */
import type { PeerName } from './options.js';
import type { Peer } from './lineup.js';
import { median } from './stats.js';

/** One peer's figures from one run. */
export type RunFigures = {
  importMs: number;
  cpuUsPerSend: number;
  levels: Array<{ concurrency: number; cpuUsPerSend: number; sendsPerSecond: number; p50Ms: number; p99Ms: number }>;
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

const rowsFor = (concurrencies: readonly number[]): Row[] => [
  { label: 'CPU per send, µs (user + system)', value: (f) => f.cpuUsPerSend, format: fixed(0) },
  ...concurrencies.flatMap((concurrency, index): Row[] => {
    const level = (f: RunFigures) => f.levels[index] ?? { sendsPerSecond: Number.NaN, p50Ms: Number.NaN, p99Ms: Number.NaN };
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

/** The median over runs of `row(a) / row(b)`, each ratio taken within one run. */
const medianRatio = (a: RunFigures[], b: RunFigures[], value: (figures: RunFigures) => number): number =>
  median(a.map((figures, run) => value(figures) / value(b[run] ?? figures)));

const medianValue = (runs: RunFigures[], value: (figures: RunFigures) => number): number => median(runs.map(value));

/** A target's verdict, for the list and for `--check`. */
export type Verdict = { text: string; met: boolean };

const targets = (measurements: Measurements): Verdict[] => {
  const ours = measurements.get('ours') ?? [];
  const verdicts: Verdict[] = [];
  const failed = (name: PeerName) => (measurements.get(name) ?? []).some((figures) => figures.failedSends > 0);
  const compare = (name: PeerName, label: string, value: (f: RunFigures) => number, limit: number) => {
    const theirs = measurements.get(name);
    if (theirs === undefined) {
      return;
    }
    const ratio = medianRatio(ours, theirs, value);
    const broken = failed('ours') || failed(name);
    verdicts.push({
      met: !broken && ratio <= limit,
      text: `${label}: ${fixed(2)(ratio)}× (limit ${limit}×)${broken ? ', void: a peer had failed sends' : ''}`,
    });
  };
  compare('official', "CPU per send at most 0.7× the official connector's", (f) => f.cpuUsPerSend, 0.7);
  compare('sdk', "CPU per send no worse than Aliyun's SDK's", (f) => f.cpuUsPerSend, 1);
  const warm = medianValue(ours, (f) => f.warmRtt);
  const cold = medianValue(ours, (f) => f.coldRtt);
  verdicts.push({ met: Math.round(warm) <= 1, text: `A warm send costs one round trip: ${fixed(2)(warm)} RTT` });
  verdicts.push({ met: Math.round(cold) <= 3, text: `A send on a new connection costs at most three: ${fixed(2)(cold)} RTT` });
  compare('official', "Import time no worse than the official connector's", (f) => f.importMs, 1);
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
      const runs = measurements.get(peer.name) ?? [];
      const text = row.format(medianValue(runs, row.value));
      if (peer.name === 'ours' || row.ratio === false) {
        return peer.name === 'ours' ? `**${text}**` : text;
      }
      return `${text} (${fixed(2)(medianRatio(runs, ours, row.value))}×)`;
    });
    return `| ${row.label} | ${cells.join(' | ')} |`;
  });
  const verdicts = targets(measurements);
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
    `Ratios are to this package (lower is better, except sends per second). Round trips are latency ÷ the ${context.rttMs} ms RTT the proxy adds.`,
    ...(failures.length > 0 ? ['', ...failures] : []),
    '',
    `Targets${context.runs > 1 ? ` (median of the ${context.runs} runs' ratios)` : ' (ratios within this run)'}:`,
    '',
    ...verdicts.map((verdict) => `- ${verdict.met ? 'met' : '**MISSED**'}: ${verdict.text}`),
    '',
  ].join('\n');
  return { markdown, verdicts };
};
