/**
 * @module report-command
 * `connector-aliyun-sms report`: its flags read into a request (a bad value is a usage error naming
 * the flag), the configuration (a file, stdin or a running Logto) checked, the report run and
 * printed, and its exit status (0 fine, 1 a threshold crossed, 2 usage, 3 Aliyun refused or could
 * not be reached, or Logto did not give the configuration: delivery-report.ts).
 */
import { parseArgs } from 'node:util';

import { parseAmount } from '../account/account-balance.js';
import { createAliyunClient } from '../aliyun/aliyun-client.js';
import { checkConfig } from '../config/config.js';
import { endpointProblem } from '../plan/endpoint.js';
import { configOf, sourceOptions, UsageError, type Io } from './cli-input.js';
import { progressLine, withoutSecrets } from './cli-output.js';
import { reportExitCode, runReport, type ReportRequest } from './delivery-report.js';
import { reportRange } from './report-range.js';
import { reportJson, reportTable } from './report-output.js';

const options = {
  ...sourceOptions,
  json: { type: 'boolean', default: false },
  days: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'include-today': { type: 'boolean', default: false },
  'all-signatures': { type: 'boolean', default: false },
  'min-rate': { type: 'string' },
  'min-sent': { type: 'string' },
  'min-balance': { type: 'string' },
  'billing-endpoint': { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ args: string[]; options: typeof options; strict: true }>>['values'];

/** A whole number flag, or the usage error that names it. */
const wholeNumber = (flag: string, value: string | undefined, min: number): number | undefined => {
  if (value === undefined) {
    return undefined;
  }
  const number = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min) {
    throw new UsageError(`${flag} must be a whole number of at least ${min}, e.g. ${flag === '--days' ? 7 : 20}`);
  }
  return number;
};

/** The request the flags ask for, at `now`. */
export const reportRequest = (values: Values, now: Date): ReportRequest => {
  const days = wholeNumber('--days', values.days, 0);
  const range = reportRange(now, { ...(days === undefined ? {} : { days }), ...(values.from === undefined ? {} : { from: values.from }), ...(values.to === undefined ? {} : { to: values.to }), includeToday: values['include-today'] });
  if ('problem' in range) {
    throw new UsageError(range.problem);
  }
  const minRateText = values['min-rate'];
  const minRate = minRateText === undefined ? undefined : /^\s*(?:0|1|0?\.\d+|1\.0*)\s*$/.test(minRateText) ? Number(minRateText) : Number.NaN;
  if (minRate !== undefined && Number.isNaN(minRate)) {
    throw new UsageError('--min-rate must be a share from 0 to 1, e.g. 0.9 for 90 %');
  }
  const minBalanceText = values['min-balance'];
  const minBalance = minBalanceText === undefined ? undefined : parseAmount(minBalanceText);
  if (minBalanceText !== undefined && (minBalance === undefined || minBalance < 0)) {
    throw new UsageError('--min-balance must be an amount in the account\'s currency, e.g. 100 or 1,000.00');
  }
  const billing = values['billing-endpoint']?.trim().replace(/\/$/, '');
  const billingProblem = billing === undefined ? undefined : endpointProblem(billing);
  if (billingProblem !== undefined) {
    throw new UsageError(`--billing-endpoint ${billingProblem}: use an https:// URL such as https://business.aliyuncs.com`);
  }
  return {
    range,
    allSignatures: values['all-signatures'],
    thresholds: { minSent: wholeNumber('--min-sent', values['min-sent'], 1) ?? 20, ...(minRate === undefined ? {} : { minRate }), ...(minBalance === undefined ? {} : { minBalance }) },
    ...(billing === undefined ? {} : { billingEndpoint: billing }),
  };
};

/** Runs `report` with these arguments; resolves with the exit status. */
export const report = async (args: string[], io: Io): Promise<number> => {
  const { values } = parseArgs({ args, options, strict: true });
  const request = reportRequest(values, new Date());
  const read = await configOf(values, io);
  const { secrets } = read;
  if (read.problem) {
    // Logto did not give the configuration: nothing could be asked.
    io.stderr.write(withoutSecrets(`report: ${read.problem.message}\n`, secrets));
    return 3;
  }
  const checked = checkConfig(read.raw);
  if (!checked.success) {
    throw new UsageError(`--config is not a valid configuration:\n${checked.error.issues.map((issue) => `  - ${issue.message}`).join('\n')}`);
  }
  const progress = progressLine({ isTTY: io.stderr.isTTY, write: (text) => io.stderr.write(withoutSecrets(text, secrets)) });
  progress.update({ done: 0, total: 1, label: 'asking Aliyun' });
  const found = await runReport(createAliyunClient({ warn: () => undefined }), checked.config, request);
  progress.clear();
  io.stdout.write(withoutSecrets(values.json ? reportJson(found) : reportTable(found), secrets));
  return reportExitCode(found);
};
