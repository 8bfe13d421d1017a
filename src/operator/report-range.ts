/**
 * @module report-range
 * Which days `report` covers, in China time (Aliyun's `SendDate` is a Beijing day): the last
 * `days` (default 7) complete days, or `--from`/`--to`; today only with `includeToday`, because
 * receipts arrive late and a day still being sent reads as a poor rate. At most 30 days: Aliyun
 * documents no limit for `QuerySendStatistics`, and 30 is what it keeps of send details
 * (docs/aliyun-sms-query-api.md §7, §13). Pure: the clock is passed in.
 */

/** The most days one report covers. */
export const maxReportDays = 30;

/** The days asked for by default. */
export const defaultReportDays = 7;

/** What the command line asked for. */
export type RangeFlags = { days?: number; from?: string; to?: string; includeToday: boolean };

/** The days covered, `yyyy-MM-dd` in China time, both ends included. */
export type ReportRange = { from: string; to: string; days: number; includesToday: boolean };

const dayMs = 86_400_000;

/** The China-time day of an instant. */
export const chinaDay = (now: Date): string => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The day `offset` days after `day`. */
export const addDays = (day: string, offset: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + offset * dayMs).toISOString().slice(0, 10);

/** Whether `text` is a real calendar day written `yyyy-MM-dd`. */
export const isDay = (text: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && addDays(text, 0) === text;

/** Days from `from` to `to`, both included. */
const span = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs) + 1;

/** The range the flags ask for, or the usage problem (a sentence naming the flag). */
export const reportRange = (now: Date, { days, from, to, includeToday }: RangeFlags): ReportRange | { problem: string } => {
  const today = chinaDay(now);
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > maxReportDays)) {
    return { problem: `--days must be a whole number from 1 to ${maxReportDays}` };
  }
  for (const [flag, value] of [['--from', from], ['--to', to]] as const) {
    if (value !== undefined && !isDay(value)) {
      return { problem: `${flag} must be a day as YYYY-MM-DD, e.g. ${addDays(today, -1)}` };
    }
  }
  const lastAllowed = includeToday ? today : addDays(today, -1);
  const end = to ?? lastAllowed;
  if (end > lastAllowed) {
    return { problem: end === today ? `--to ${end} is today (China time), which is left out unless --include-today: its receipts are still arriving` : `--to ${end} is after today (${today}, China time)` };
  }
  const start = from ?? addDays(end, -((days ?? defaultReportDays) - 1));
  if (start > end) {
    return { problem: `--from ${start} is after --to ${end}` };
  }
  const length = span(start, end);
  if (length > maxReportDays) {
    return { problem: `the range ${start} to ${end} has ${length} days; a report covers at most ${maxReportDays}` };
  }
  return { from: start, to: end, days: length, includesToday: end === today };
};

/** Every day of a range, oldest first. */
export const daysOf = ({ from, days }: ReportRange): string[] => Array.from({ length: days }, (_, index) => addDays(from, index));
