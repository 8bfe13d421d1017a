/**
 * @module send-statistics
 * Delivery counts per day from Aliyun's `QuerySendStatistics` (China site API 2017-05-25, RAM
 * `dysms:QuerySendStatistics`), one scope at a time: `IsGlobe` 1 mainland China, 2 international
 * (国际/港澳台). Parameters and answer fields as Aliyun's SDK dysmsapi-20170525 4.6.0 has them
 * (`QuerySendStatisticsRequest.ts`: `IsGlobe`, `StartDate`, `EndDate` as `yyyyMMdd`, `PageIndex`,
 * `PageSize` 1–50, optional `SignName`; `QuerySendStatisticsResponseBody.ts`: `Data.TotalSize`,
 * `Data.TargetList[]` of `SendDate`, `TotalCount`, `RespondedSuccessCount`, `RespondedFailCount`,
 * `NoRespondedCount`). Pages are read one after another, paced well under Aliyun's 20 calls a
 * second, and a `Throttling.User` refusal is retried once after a second (fact sheet §2, §5;
 * docs/aliyun-sms-query-api.md §13).
 */
import { setTimeout as sleep } from 'node:timers/promises';

import { queryAccount, type QueryAnswer, type QueryTarget } from './account-queries.js';
import type { AliyunClient } from '../aliyun/aliyun-client.js';

/** `IsGlobe`: 1 mainland China, 2 international (国际/港澳台). */
export const scopes = { mainland: '1', international: '2' } as const;

/** Where the messages went, as `IsGlobe` splits them. */
export type Scope = keyof typeof scopes;

/** One day's counts as Aliyun gave them (`SendDate` as `yyyy-MM-dd`). */
export type DayCounts = { date: string; sent: number; delivered: number; failed: number; awaiting: number };

/** The days of one scope, or the answer that stopped the reading. */
export type ScopeStatistics = { kind: 'days'; days: DayCounts[]; pages: number; truncated: boolean } | { kind: 'refused'; answer: Exclude<QueryAnswer, { kind: 'ok' }> };

/** What one reading asks: the scope, the days (`yyyy-MM-dd`, China time), and the signature or every one. */
export type StatisticsQuery = { scope: Scope; from: string; to: string; signName?: string };

/** How pages are read; the defaults are Aliyun's largest page and a gap of a tenth of a second between calls. */
export type Paging = { pageSize?: number; pageLimit?: number; gapMs?: number; throttledWaitMs?: number };

const count = (value: unknown): number => {
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? number : 0;
};

const yyyyMMdd = (date: string) => date.replaceAll('-', '');

/** The rows of one answer; a row whose `SendDate` is not a day is left out. */
export const readStatisticsPage = (body: Record<string, unknown>): { total: number; days: DayCounts[] } => {
  const data = (typeof body.Data === 'object' && body.Data !== null ? body.Data : {}) as { TotalSize?: unknown; TargetList?: unknown };
  const list = Array.isArray(data.TargetList) ? data.TargetList : [];
  const days = list.flatMap((item: unknown): DayCounts[] => {
    const row = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const day = /^(\d{4})(\d{2})(\d{2})$/.exec(typeof row.SendDate === 'string' || typeof row.SendDate === 'number' ? String(row.SendDate) : '');
    return day
      ? [{ date: `${day[1]}-${day[2]}-${day[3]}`, sent: count(row.TotalCount), delivered: count(row.RespondedSuccessCount), failed: count(row.RespondedFailCount), awaiting: count(row.NoRespondedCount) }]
      : [];
  });
  return { total: count(data.TotalSize ?? list.length), days };
};

/** Rows of one day summed (Aliyun documents one row per day; a split day still adds up), oldest first. */
const byDay = (rows: readonly DayCounts[]): DayCounts[] => {
  const days = new Map<string, DayCounts>();
  for (const row of rows) {
    const sum = days.get(row.date);
    days.set(row.date, sum ? { date: row.date, sent: sum.sent + row.sent, delivered: sum.delivered + row.delivered, failed: sum.failed + row.failed, awaiting: sum.awaiting + row.awaiting } : row);
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
};

/** Reads every page of one scope, one call after another; stops at the first answer that is not a page. */
export const querySendStatistics = async (
  client: AliyunClient,
  target: QueryTarget,
  { scope, from, to, signName }: StatisticsQuery,
  { pageSize = 50, pageLimit = 10, gapMs = 100, throttledWaitMs = 1000 }: Paging = {}
): Promise<ScopeStatistics> => {
  const rows: DayCounts[] = [];
  const ask = (pageIndex: number) =>
    queryAccount(client, target, 'QuerySendStatistics', {
      IsGlobe: scopes[scope],
      StartDate: yyyyMMdd(from),
      EndDate: yyyyMMdd(to),
      PageIndex: String(pageIndex),
      PageSize: String(pageSize),
      SignName: signName,
    });
  for (let pageIndex = 1; pageIndex <= pageLimit; pageIndex += 1) {
    if (pageIndex > 1) {
      await sleep(gapMs);
    }
    let answer = await ask(pageIndex);
    if (answer.kind === 'refused' && answer.code.startsWith('Throttling')) {
      await sleep(throttledWaitMs);
      answer = await ask(pageIndex);
    }
    if (answer.kind !== 'ok') {
      return { kind: 'refused', answer };
    }
    const page = readStatisticsPage(answer.body);
    rows.push(...page.days);
    if (page.days.length === 0 || rows.length >= page.total) {
      return { kind: 'days', days: byDay(rows), pages: pageIndex, truncated: false };
    }
  }
  return { kind: 'days', days: byDay(rows), pages: pageLimit, truncated: true };
};
