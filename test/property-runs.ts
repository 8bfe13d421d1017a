/**
 * @module property-runs
 * The options every fast-check property runs with. A failure names the seed and the path of the
 * shrunk counterexample; `FC_SEED=<seed> FC_PATH=<path> npx vitest run <file>` replays exactly
 * that case. Without `FC_SEED`, each run draws a new seed.
 */
import fc, { type Parameters, type Plugin, type RunDetails } from 'fast-check';

/** The environment's replay request, if any. */
const replay = (): Pick<Parameters<unknown>, 'seed' | 'path'> => {
  const seed = Number.parseInt(process.env.FC_SEED ?? '', 10);
  if (Number.isNaN(seed)) {
    return {};
  }
  return { seed, ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}) };
};

/** fast-check's own report, followed by the command line that replays the failure (sync and async properties). */
const replayReport = <T>(): Plugin<T> => () => ({
  onAllRunsComplete: (details: RunDetails<T>) => {
    if (!details.failed) {
      return;
    }
    const path = details.counterexamplePath ? ` FC_PATH=${details.counterexamplePath}` : '';
    throw new Error(`${fc.defaultReportMessage(details) ?? 'property failed'}\nReplay it with: FC_SEED=${details.seed}${path} npx vitest run <this file>`);
  },
});

/** `options` plus the replay report and, when `FC_SEED` is set, the seed and path to replay. */
export const propertyOptions = <T>(options: Parameters<T> = {}): Parameters<T> => ({
  ...options,
  ...replay(),
  plugins: [...(options.plugins ?? []), replayReport<T>()],
});
