/**
 * Delivery statistics per China-time day, as `QuerySendStatistics` reports them: from one
 * account's send records (its real sends with their carrier outcomes, plus injected and registry
 * records) and its daily sends, narrowed to one scope (`IsGlobe` 1 mainland, 2 国际/港澳台), one
 * date range, and optionally one signature and one template type. Pure: the caller passes the
 * records, the daily sends and how to read a template's type.
 *
 * What counts (sandbox choices, assumptions A33 and A34): only days with at least one message,
 * newest first; a record's signature is the `【…】` its text starts with; its scope is mainland when
 * its number is a mainland mobile; PNVS's records are not passed in (a separate product), and
 * international-site (2018-05-01) records count only when the switch says so.
 *
 * @module
 */
import { chinaDay } from './china-time.js';
import type { DailySend, DeliveryCounts, SendScope } from './daily-sends.js';
import type { SendRecord } from './send-records.js';

/** What one call asks for. Days are `yyyyMMdd`, both ends included. */
export type StatisticsQuery = {
  scope: SendScope;
  from: string;
  to: string;
  signName?: string;
  /** `TemplateType`: 0 code, 1 notification, 2 promotional, 3 international, 7 digital. */
  templateType?: number;
  /** Count international-site (2018-05-01) records too. */
  internationalSite: boolean;
};

/** One day's counts: `SendDate` and the three receipt counts. */
export type DayStatistics = DeliveryCounts & { day: string };

/** What is known about one message or one bulk entry, for filtering. */
type Counted = { day: string; scope: SendScope; signName: string | undefined; templateCode: string | undefined };

/** Counts per day, newest first, days without messages left out. */
export function dailyStatistics(
  records: readonly SendRecord[],
  bulk: readonly DailySend[],
  templateType: (templateCode: string) => number | undefined,
  query: StatisticsQuery,
): DayStatistics[] {
  const wanted = ({ day, scope, signName, templateCode }: Counted): boolean =>
    day >= query.from &&
    day <= query.to &&
    scope === query.scope &&
    (query.signName === undefined || signName === query.signName) &&
    (query.templateType === undefined || (templateCode !== undefined && templateType(templateCode) === query.templateType));
  const days = new Map<string, DeliveryCounts>();
  const add = (day: string, counts: DeliveryCounts) => {
    const sum = days.get(day) ?? { delivered: 0, failed: 0, pending: 0 };
    days.set(day, { delivered: sum.delivered + counts.delivered, failed: sum.failed + counts.failed, pending: sum.pending + counts.pending });
  };
  for (const record of records) {
    if (record.site === 'international' && !query.internationalSite) {
      continue;
    }
    const counted = {
      day: chinaDay(record.sentAt),
      scope: isMainlandMobile(record.phone) ? ('mainland' as const) : ('international' as const),
      signName: /^【([^】]+)】/.exec(record.content)?.[1],
      templateCode: record.templateCode,
    };
    if (wanted(counted)) {
      add(counted.day, { delivered: record.status === 'delivered' ? 1 : 0, failed: record.status === 'failed' ? 1 : 0, pending: record.status === 'pending' ? 1 : 0 });
    }
  }
  for (const entry of bulk) {
    if (wanted({ day: entry.day, scope: entry.scope, signName: entry.signName, templateCode: entry.templateCode })) {
      add(entry.day, entry);
    }
  }
  return [...days.entries()]
    .filter(([, { delivered, failed, pending }]) => delivered + failed + pending > 0)
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([day, counts]) => ({ day, ...counts }));
}

/** Records keep mainland numbers as 11 national digits (send-records.ts). */
function isMainlandMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone);
}
