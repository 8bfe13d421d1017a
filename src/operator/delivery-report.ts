/**
 * @module delivery-report
 * `report`: delivery per day for the configured signature (or the whole account), mainland China and
 * international apart, from `QuerySendStatistics`, and the account's available balance from
 * `QueryAccountBalance`, asked side by side. The statistics calls run one after another (paced,
 * send-statistics.ts), every call bounded by the configuration's `timeout`, and the reading stops at
 * the first answer that is not a page. What the result means (rows, rates, alerts) is report-days.ts;
 * what is printed, report-output.ts.
 */
import { billingEndpointFor, queryBalance, type Balance } from '../account/account-balance.js';
import type { QueryAnswer, QueryTarget } from '../account/account-queries.js';
import { querySendStatistics, scopes, type Paging, type Scope } from '../account/send-statistics.js';
import type { AliyunClient } from '../aliyun/aliyun-client.js';
import type { AliyunSmsConfig } from '../config/config.js';
import { dayRows, rateAlerts, volumeDrops, type DayRow, type RateAlert, type Thresholds, type VolumeDrop } from './report-days.js';
import { daysOf, type ReportRange } from './report-range.js';

/** What `report` was asked. */
export type ReportRequest = { range: ReportRange; allSignatures: boolean; thresholds: Thresholds; billingEndpoint?: string; paging?: Paging };

/** One scope's days, and the signature they were counted under (`undefined`: every signature). */
export type ScopeReport = { scope: Scope; isGlobe: number; signName?: string; rows: DayRow[]; truncated: boolean };

/** The statistics call that stopped the report, and why. */
export type ReportProblem = { scope: Scope; answer: Exclude<QueryAnswer, { kind: 'ok' }> };

/** Everything `report` found. */
export type DeliveryReport = {
  range: ReportRange;
  site: AliyunSmsConfig['site'];
  /** The configured signature the counts are narrowed to, unless `--all-signatures` (or there is none). */
  signName?: string;
  usesPnvs: boolean;
  scopes: ScopeReport[];
  problem?: ReportProblem;
  balance: Balance;
  balanceLow: boolean;
  rateAlerts: RateAlert[];
  volumeDrops: VolumeDrop[];
  thresholds: Thresholds;
};

/**
 * The signature each scope is counted under. On the international site only mainland messages
 * carry it (SendMessageWithTemplate's `From`); SendMessageToGlobe sends a sender ID, so the
 * international scope is counted for the whole account.
 */
const signatureFor = (config: AliyunSmsConfig, scope: Scope, allSignatures: boolean): string | undefined =>
  allSignatures || (config.site === 'international' && scope === 'international') ? undefined : config.signName;

/** Runs the report's calls and reads their answers. */
export const runReport = async (client: AliyunClient, config: AliyunSmsConfig, request: ReportRequest): Promise<DeliveryReport> => {
  const target: QueryTarget = config;
  const { range, allSignatures, thresholds } = request;
  const balance = queryBalance(client, target, request.billingEndpoint ?? billingEndpointFor(config));
  const dates = daysOf(range);
  const scopeReports: ScopeReport[] = [];
  let problem: ReportProblem | undefined;
  for (const scope of Object.keys(scopes) as Scope[]) {
    const signName = signatureFor(config, scope, allSignatures);
    const read = await querySendStatistics(client, target, { scope, from: range.from, to: range.to, ...(signName === undefined ? {} : { signName }) }, request.paging);
    if (read.kind === 'refused') {
      problem = { scope, answer: read.answer };
      break;
    }
    scopeReports.push({ scope, isGlobe: Number(scopes[scope]), ...(signName === undefined ? {} : { signName }), rows: dayRows(read.days, dates), truncated: read.truncated });
  }
  const balanceRead = await balance;
  const { minBalance } = thresholds;
  return {
    range,
    site: config.site,
    ...(allSignatures || config.signName === undefined ? {} : { signName: config.signName }),
    usesPnvs: config.mainlandService === 'pnvs',
    scopes: scopeReports,
    ...(problem ? { problem } : {}),
    balance: balanceRead,
    balanceLow: minBalance !== undefined && balanceRead.kind === 'balance' && balanceRead.amount !== undefined && balanceRead.amount < minBalance,
    rateAlerts: scopeReports.flatMap(({ scope, rows }) => rateAlerts(scope, rows, thresholds)),
    // Today is still being sent: its volume is no drop.
    volumeDrops: scopeReports.flatMap(({ scope, rows }) => volumeDrops(scope, rows, thresholds)).filter(({ date }) => !(range.includesToday && date === range.to)),
    thresholds,
  };
};

/**
 * The exit status: 3 when Aliyun refused the statistics or could not be reached, or when a
 * `--min-balance` was asked and the balance could not be read (a check that could not be made is
 * not a pass); 1 when a threshold was crossed; 0 otherwise. Bad news wins over a balance that
 * could not be read, so a cron job learns of a failing day first.
 */
export const reportExitCode = (report: DeliveryReport): number => {
  if (report.problem) {
    return 3;
  }
  if (report.rateAlerts.length > 0 || report.balanceLow) {
    return 1;
  }
  const balanceUnread = report.balance.kind !== 'balance' || report.balance.amount === undefined;
  return report.thresholds.minBalance !== undefined && balanceUnread ? 3 : 0;
};
