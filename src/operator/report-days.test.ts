/**
 * The report's arithmetic against hand-computed tables: the rate leaves messages awaiting a receipt
 * out of the denominator, a day Aliyun did not list is not zero, the usual volume is the median of
 * the days before, and `--min-rate` judges only days with `--min-sent` receipts.
 */
import { describe, expect, it } from 'vitest';

import { dayRows, deliveryRate, rateAlerts, volumeDrops } from './report-days.js';

const day = (date: string, delivered: number, failed: number, awaiting = 0) => ({ date, sent: delivered + failed + awaiting, delivered, failed, awaiting });

describe('deliveryRate', () => {
  it.each<[number, number, number, number | null]>([
    [90, 10, 0, 0.9],
    [90, 10, 500, 0.9],
    [0, 0, 35, null],
    [0, 5, 0, 0],
    [161, 233, 4, 161 / 394],
  ])('%i delivered, %i failed, %i awaiting → %s', (delivered, failed, awaiting, rate) => {
    expect(deliveryRate({ delivered, failed, ...{ awaiting } })).toBe(rate);
  });
});

describe('dayRows', () => {
  it('one row per day, a missing day not reported, the usual volume the median of the listed days before', () => {
    const rows = dayRows([day('2026-12-01', 400, 10), day('2026-12-02', 380, 20), day('2026-12-04', 100, 2), day('2026-12-05', 410, 5)], ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05']);
    expect(rows.map((row) => (row.reported ? [row.date, row.sent, row.usualSent] : [row.date, 'not reported']))).toEqual([
      ['2026-12-01', 410, null],
      ['2026-12-02', 400, 410],
      ['2026-12-03', 'not reported'],
      ['2026-12-04', 102, 405],
      ['2026-12-05', 415, 400],
    ]);
  });
});

describe('rateAlerts and volumeDrops', () => {
  const rows = dayRows([day('2026-12-01', 400, 10), day('2026-12-02', 161, 233, 4), day('2026-12-03', 5, 10), day('2026-12-04', 60, 3), day('2026-12-05', 0, 0, 30)], ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05']);

  it('a day below --min-rate with at least --min-sent receipts; a smaller day is not judged, nor one without receipts', () => {
    expect(rateAlerts('mainland', rows, { minRate: 0.9, minSent: 20 })).toEqual([{ scope: 'mainland', date: '2026-12-02', rate: 161 / 394, receipts: 394 }]);
    expect(rateAlerts('mainland', rows, { minRate: 0.9, minSent: 15 }).map(({ date }) => date)).toEqual(['2026-12-02', '2026-12-03']);
    expect(rateAlerts('mainland', rows, { minSent: 20 })).toEqual([]);
    expect(rateAlerts('mainland', rows, { minRate: 161 / 394, minSent: 20 })).toEqual([]);
  });

  it('a day with fewer than half the usual sends', () => {
    expect(volumeDrops('mainland', rows, { minSent: 20 }).map(({ date, sent, usualSent }) => [date, sent, usualSent])).toEqual([
      ['2026-12-03', 15, 404],
      ['2026-12-04', 63, 398],
      ['2026-12-05', 30, 230.5],
    ]);
  });
});
