/**
 * @module stats
 * Order statistics for the benchmark: the median of repeated runs and latency percentiles.
 */

/** The value at quantile `q` (0–1) of `values`, nearest-rank on a sorted copy; NaN when empty. */
export const quantile = (values: readonly number[], q: number): number => {
  if (values.length === 0) {
    return Number.NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
};

/** The median (the lower one for an even count, so it is always a measured value). */
export const median = (values: readonly number[]): number => quantile(values, 0.5);
