/**
 * @module report-days
 * `report`'s reading of the counts, pure: one row per day of the range (a day Aliyun did not list
 * is "not reported", never zero), the delivery rate = delivered / (delivered + failed) (messages
 * still awaiting a receipt are outside it: they are neither), each day's volume beside the usual
 * volume of the days before it, and the days that cross `--min-rate`.
 */
import type { DayCounts, Scope } from '../account/send-statistics.js';

/** One day of one scope. `usualSent` is the median of the days before it in the range that Aliyun listed. */
export type DayRow =
  | { date: string; reported: false }
  | { date: string; reported: true; sent: number; delivered: number; failed: number; awaiting: number; rate: number | null; usualSent: number | null };

/** Delivered over delivered plus failed, or `null` without a receipt. */
export const deliveryRate = ({ delivered, failed }: Pick<DayCounts, 'delivered' | 'failed'>): number | null =>
  delivered + failed === 0 ? null : delivered / (delivered + failed);

const median = (values: readonly number[]): number | null => {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** A row for every day of `dates` (oldest first), from the days Aliyun listed. */
export const dayRows = (listed: readonly DayCounts[], dates: readonly string[]): DayRow[] => {
  const byDate = new Map(listed.map((day) => [day.date, day]));
  const earlier: number[] = [];
  return dates.map((date): DayRow => {
    const day = byDate.get(date);
    if (!day) {
      return { date, reported: false };
    }
    const row: DayRow = { ...day, reported: true, rate: deliveryRate(day), usualSent: median(earlier) };
    earlier.push(day.sent);
    return row;
  });
};

/** What `report` alerts on; `minSent` is the fewest receipts (delivered + failed) a day needs to be judged. */
export type Thresholds = { minRate?: number; minSent: number; minBalance?: number };

/** A day whose rate fell below `--min-rate`. */
export type RateAlert = { scope: Scope; date: string; rate: number; receipts: number };

/** The days of a scope that cross `--min-rate`: enough receipts, and a rate below it. */
export const rateAlerts = (scope: Scope, rows: readonly DayRow[], { minRate, minSent }: Thresholds): RateAlert[] =>
  minRate === undefined
    ? []
    : rows.flatMap((row) => {
        if (!row.reported || row.rate === null) {
          return [];
        }
        const receipts = row.delivered + row.failed;
        return receipts >= minSent && row.rate < minRate ? [{ scope, date: row.date, rate: row.rate, receipts }] : [];
      });

/** A day with fewer than half its usual sends: what refusals before Aliyun counted them look like. */
export type VolumeDrop = { scope: Scope; date: string; sent: number; usualSent: number };

/** The days of a scope whose volume fell below half the usual one (a usual of at least `minSent`). */
export const volumeDrops = (scope: Scope, rows: readonly DayRow[], { minSent }: Thresholds): VolumeDrop[] =>
  rows.flatMap((row) =>
    row.reported && row.usualSent !== null && row.usualSent >= minSent && row.sent < row.usualSent / 2 ? [{ scope, date: row.date, sent: row.sent, usualSent: row.usualSent }] : []
  );
