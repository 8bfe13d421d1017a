/**
 * @module report-output
 * What `report` prints: every sentence it says (problems, balance, warnings, and what the numbers
 * cannot show), the table for people and the JSON for machines (docs/operator-commands.md fixes the
 * JSON's fields). Pure.
 */
import { forbiddenActionFix } from '../account/account-findings.js';
import { balanceRamActions, type Balance } from '../account/account-balance.js';
import { forbiddenActionCodes, ramActionOf, ramDenialCodes } from '../account/account-queries.js';
import type { Scope } from '../account/send-statistics.js';
import type { DeliveryReport, ReportProblem } from './delivery-report.js';
import type { DayRow } from './report-days.js';

const scopeTitles: Readonly<Record<Scope, string>> = { mainland: 'Mainland China (IsGlobe 1)', international: 'International, Hong Kong, Macao and Taiwan (IsGlobe 2)' };

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

/** Why the statistics could not be read, in one sentence with its fix. */
export const problemSentence = ({ answer }: ReportProblem, report: Pick<DeliveryReport, 'range'>): string => {
  if (answer.kind === 'unreachable') {
    return `Aliyun could not be asked: ${answer.sentence}`;
  }
  const { code, message } = answer;
  if (ramDenialCodes.has(code)) {
    return `this AccessKey may not call ${answer.authAction ?? ramActionOf('QuerySendStatistics')} (Aliyun ${code}); add it to the key's RAM policy (the optional read-only policy in docs/operator-commands.md)`;
  }
  if (forbiddenActionCodes.has(code)) {
    return `this Aliyun account may not call QuerySendStatistics at all (Aliyun ${code}: an account-level restriction, not a RAM policy); ${forbiddenActionFix('QuerySendStatistics')}`;
  }
  if (/INVALID_PARAMETERS$/.test(code)) {
    const { from, to, days } = report.range;
    return `Aliyun refused the range ${from} to ${to} (${days} days) for QuerySendStatistics (Aliyun ${code}: ${message}): Aliyun documents no limit on its range or how far back it reaches; ask for fewer days (--days) or more recent ones (--from, --to)`;
  }
  return `Aliyun refused QuerySendStatistics: ${code}: ${message}`;
};

/** The balance in one sentence: the amount, or why it could not be read. */
export const balanceSentence = (balance: Balance, minBalance?: number): string => {
  switch (balance.kind) {
    case 'balance': {
      const amount = `${balance.available} ${balance.currency}`.trim();
      if (balance.amount === undefined) {
        return `available balance ${amount}, which is not an amount this command can read${minBalance === undefined ? '' : ', so --min-balance could not be compared'}`;
      }
      return minBalance !== undefined && balance.amount < minBalance
        ? `available balance ${amount}, below --min-balance ${minBalance}: top the account up before sends are refused (isv.AMOUNT_NOT_ENOUGH)`
        : `available balance ${amount}`;
    }
    case 'denied': {
      return `this AccessKey may not read the account's balance (Aliyun ${balance.code}); to show it, allow ${balanceRamActions.join(' (or the console permission ')})`;
    }
    case 'refused': {
      return `the balance could not be read: Aliyun ${balance.code}: ${balance.message}`;
    }
    case 'unreachable': {
      return `the balance could not be read: ${balance.sentence}`;
    }
  }
};

/** What the numbers cannot show, said every time (and what this configuration makes of it). */
export const reportNotes = (report: DeliveryReport): string[] => {
  const notes = [
    `PNVS sends (SendSmsVerifyCode) are never in these statistics: PNVS is another product with its own console${report.usesPnvs ? '; this configuration sends mainland numbers through PNVS, so their codes are not counted here' : ''}`,
    "sends refused before Aliyun counted them (by the connector, or by Aliyun: flow control, balance, RAM) are in no count here: they show as fewer sends, not as a lower rate; USUAL is the median of the earlier days of the range, and the send log's outcome=refused lines say why",
    report.signName === undefined
      ? 'counted for every signature of the account'
      : `counted under the signature ${report.signName} only, so other applications' traffic on the account does not hide this one; --all-signatures counts the whole account`,
  ];
  if (report.site === 'international') {
    notes.push(
      "whether the international site's sends (API 2018-05-01: SendMessageWithTemplate, SendMessageToGlobe) appear in QuerySendStatistics is not documented: an empty table does not mean nothing was sent; international messages are counted for the whole account (SendMessageToGlobe sends a sender ID, not a signature)"
    );
  }
  if (report.range.includesToday) {
    notes.push("today's receipts are still arriving: messages awaiting a receipt are outside the rate");
  }
  if (report.scopes.some(({ rows }) => rows.some((row) => !row.reported))) {
    notes.push('a day Aliyun did not list is shown as not reported, not as zero: Aliyun does not document whether it lists a day without messages');
  }
  if (report.scopes.some(({ truncated }) => truncated)) {
    notes.push('Aliyun gave more pages than this command reads: the counts shown are incomplete');
  }
  return notes;
};

/** The findings that make the exit status 1 or that deserve a look, as lines. */
const findingLines = (report: DeliveryReport): string[] => [
  ...report.rateAlerts.map(({ scope, date, rate, receipts }) => `BELOW --min-rate ${String(report.thresholds.minRate)}: ${scope} ${date}, ${percent(rate)} of ${receipts} receipts delivered`),
  ...report.volumeDrops.map(({ scope, date, sent, usualSent }) => `FEWER SENDS: ${scope} ${date}, ${sent} sent against a usual ${Math.round(usualSent)}`),
];

const pad = (text: string, width: number) => text.padStart(width);

/** The table's columns after the date, each right-aligned to its width. */
const columns = [['SENT', 7], ['DELIVERED', 11], ['FAILED', 8], ['AWAITING', 10], ['RATE', 8], ['USUAL', 7]] as const;

const cellsLine = (cells: readonly string[]) => cells.map((cell, index) => pad(cell, columns[index]?.[1] ?? 8)).join('');

const rowLine = (row: DayRow, low: boolean): string => {
  if (!row.reported) {
    return `${row.date}  not reported`;
  }
  const usual = row.usualSent === null ? '-' : String(Math.round(row.usualSent));
  const cells = [row.sent, row.delivered, row.failed, row.awaiting].map(String);
  return `${row.date}${cellsLine([...cells, row.rate === null ? '-' : percent(row.rate), usual])}${low ? '  below --min-rate' : ''}`;
};

/** `report`'s table. */
export const reportTable = (report: DeliveryReport): string => {
  const { from, to } = report.range;
  const lines = [`Delivery per day, ${from} to ${to} (China time), ${report.signName === undefined ? 'every signature' : `signature ${report.signName}`}; from QuerySendStatistics 2017-05-25`];
  for (const { scope, rows } of report.scopes) {
    const low = new Set(report.rateAlerts.filter((alert) => alert.scope === scope).map(({ date }) => date));
    lines.push('', scopeTitles[scope], `DATE      ${cellsLine(columns.map(([title]) => title))}`);
    lines.push(...rows.map((row) => rowLine(row, low.has(row.date))));
  }
  if (report.problem) {
    lines.push('', `report: ${problemSentence(report.problem, report)}${report.problem.answer.kind === 'refused' && report.problem.answer.requestId ? ` (RequestId ${report.problem.answer.requestId})` : ''}`);
  }
  lines.push('', `Balance: ${balanceSentence(report.balance, report.thresholds.minBalance)} (QueryAccountBalance)`);
  const findings = findingLines(report);
  if (findings.length > 0) {
    lines.push('', ...findings);
  }
  lines.push('', ...reportNotes(report).map((note) => `Note: ${note}.`));
  return `${lines.join('\n')}\n`;
};

const rounded = (rate: number | null) => (rate === null ? null : Math.round(rate * 10_000) / 10_000);

/** `report --json`. */
export const reportJson = (report: DeliveryReport): string => {
  const { balance } = report;
  const aliyun = (code?: string, requestId?: string) => (code === undefined ? {} : { aliyun: { code, ...(requestId ? { requestId } : {}) } });
  const json = {
    range: report.range,
    signName: report.signName ?? null,
    scopes: report.scopes.map(({ scope, isGlobe, signName, rows }) => ({
      scope,
      isGlobe,
      signName: signName ?? null,
      days: rows.map((row) => (row.reported ? { ...row, rate: rounded(row.rate) } : row)),
    })),
    balance:
      balance.kind === 'balance'
        ? { available: balance.available, amount: balance.amount ?? null, currency: balance.currency }
        : { error: balanceSentence(balance), ...(balance.kind === 'unreachable' ? {} : aliyun(balance.code, balance.requestId)) },
    alerts: [
      ...report.rateAlerts.map((alert) => ({ kind: 'rate', ...alert, rate: rounded(alert.rate) })),
      ...(report.balanceLow && balance.kind === 'balance' ? [{ kind: 'balance', available: balance.available, amount: balance.amount, minBalance: report.thresholds.minBalance }] : []),
    ],
    warnings: report.volumeDrops.map((drop) => ({ kind: 'volume', ...drop })),
    notes: reportNotes(report),
    ...(report.problem
      ? { problem: { sentence: problemSentence(report.problem, report), ...(report.problem.answer.kind === 'refused' ? aliyun(report.problem.answer.code, report.problem.answer.requestId) : {}) } }
      : {}),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
};
