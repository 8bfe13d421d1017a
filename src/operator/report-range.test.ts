/**
 * `report`'s range in China time: the last 7 complete days by default, today only when asked, at
 * most 30 days, flags checked; and the clock at 21:00 UTC, already the next day in China.
 */
import { describe, expect, it } from 'vitest';

import { daysOf, isDay, reportRange, type RangeFlags } from './report-range.js';

const at = (iso: string) => new Date(iso);
const noon = at('2026-12-08T04:00:00Z'); // 12:00 on 2026-12-08 in China

describe('reportRange', () => {
  it.each<[string, Date, Partial<RangeFlags>, ReturnType<typeof reportRange>]>([
    ['by default, the 7 days before today', noon, {}, { from: '2026-12-01', to: '2026-12-07', days: 7, includesToday: false }],
    ['--include-today: the 7 days up to today', noon, { includeToday: true }, { from: '2026-12-02', to: '2026-12-08', days: 7, includesToday: true }],
    ['--days 1', noon, { days: 1 }, { from: '2026-12-07', to: '2026-12-07', days: 1, includesToday: false }],
    ['--days 30', noon, { days: 30 }, { from: '2026-11-08', to: '2026-12-07', days: 30, includesToday: false }],
    ['--from alone ends yesterday', noon, { from: '2026-12-05' }, { from: '2026-12-05', to: '2026-12-07', days: 3, includesToday: false }],
    ['--to alone goes back --days', noon, { to: '2026-12-03', days: 2 }, { from: '2026-12-02', to: '2026-12-03', days: 2, includesToday: false }],
    ['--from and --to, 30 days', noon, { from: '2026-11-01', to: '2026-11-30' }, { from: '2026-11-01', to: '2026-11-30', days: 30, includesToday: false }],
    ['21:00 UTC is already the next day in China', at('2026-12-07T21:00:00Z'), {}, { from: '2026-12-01', to: '2026-12-07', days: 7, includesToday: false }],
    ['15:59 UTC is still the same day in China', at('2026-12-07T15:59:59Z'), {}, { from: '2026-11-30', to: '2026-12-06', days: 7, includesToday: false }],
    ['--days 31', noon, { days: 31 }, { problem: '--days must be a whole number from 1 to 30' }],
    ['--days 0', noon, { days: 0 }, { problem: '--days must be a whole number from 1 to 30' }],
    ['31 days by --from and --to', noon, { from: '2026-11-01', to: '2026-12-01' }, { problem: 'the range 2026-11-01 to 2026-12-01 has 31 days; a report covers at most 30' }],
    ['--to today without --include-today', noon, { to: '2026-12-08' }, { problem: '--to 2026-12-08 is today (China time), which is left out unless --include-today: its receipts are still arriving' }],
    ['--to tomorrow', noon, { to: '2026-12-09', includeToday: true }, { problem: '--to 2026-12-09 is after today (2026-12-08, China time)' }],
    ['--from after --to', noon, { from: '2026-12-06', to: '2026-12-05' }, { problem: '--from 2026-12-06 is after --to 2026-12-05' }],
    ['a day that does not exist', noon, { from: '2026-02-30' }, { problem: '--from must be a day as YYYY-MM-DD, e.g. 2026-12-07' }],
  ])('%s', (_, now, flags, expected) => {
    expect(reportRange(now, { includeToday: false, ...flags })).toEqual(expected);
  });

  it('lists every day of a range across a month end', () => {
    expect(daysOf({ from: '2026-11-29', to: '2026-12-02', days: 4, includesToday: false })).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect([isDay('2026-12-31'), isDay('2026-13-01'), isDay('2026-1-01')]).toEqual([true, false, false]);
  });
});
