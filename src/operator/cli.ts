/**
 * @module cli
 * The operator commands, `connector-aliyun-sms doctor`, `status` and `report`: flags, the
 * configuration (a file, stdin or a running Logto), output and exit status (doctor and status: 0
 * fine, 1 a check or lookup failed, 2 a usage error; report: 0 fine, 1 a threshold crossed, 2 a
 * usage error, 3 Aliyun refused or could not be reached). Built to lib/cli.js; nothing in the
 * connector imports it.
 */
import { parseArgs } from 'node:util';

import { ConnectorError } from '@logto/connector-kit';

import { parseAmount } from '../account/account-balance.js';
import { createAliyunClient } from '../aliyun/aliyun-client.js';
import { configOf, readStdin, sourceOptions, UsageError, type Io } from './cli-input.js';
import { checksJson, checksTable, messagesJson, messagesTable, progressLine, withoutSecrets } from './cli-output.js';
import { checkConfig } from '../config/config.js';
import { runDoctor } from './doctor.js';
import { errorSentence } from './error-sentence.js';
import { logtoChecks } from './logto-config.js';
import { maskNumber } from '../plan/phone.js';
import { report } from './report-command.js';
import { chinaDate, querySendStatus, siteNames } from './send-status.js';

/** Where the configuration comes from, the same for every command. */
const sourceUsage = `  --config <file|->       the connector configuration as the Logto Console saves it (JSON); - reads stdin
  --logto <endpoint>      read it from this Logto instead, with a machine-to-machine app's credentials in
                          LOGTO_M2M_APP_ID and LOGTO_M2M_APP_SECRET (never on the command line)
  --logto-resource <indicator>  the Management API's identifier (default https://default.logto.app/api)
  --connector <id>        with --logto: the connector's id, when Logto has more than one SMS connector
  --json                  print JSON for machines instead of a table`;

/** Each command's flags, as `<command> --help` prints them. */
const usages = {
  doctor: `  connector-aliyun-sms doctor (--config <file|-> | --logto <endpoint>) [--send <phone>] [--min-balance <amount>] [--json]

${sourceUsage}
  --send <phone>          also send exactly one test message (code 000000), as the Console's Send does
  --min-balance <amount>  warn when the account's available balance is below this amount (its currency)
  doctor sends nothing unless --send is given. Exit status: 0 no check failed, 1 a check failed, 2 usage error.`,
  status: `  connector-aliyun-sms status (--config <file|-> | --logto <endpoint>) --phone <number> [--date YYYY-MM-DD] [--biz-id <id>] [--json]
  connector-aliyun-sms status (--config <file|-> | --logto <endpoint>) --message-id <id> [--json]

${sourceUsage}
  --phone <number>        China site and PNVS: the full number the messages went to
  --date YYYY-MM-DD       the day they were sent, China time (default: today in China); Aliyun keeps 30 days
  --biz-id <id>           China site and PNVS: only the message with this BizId (bizId= in the send log)
  --message-id <id>       international site: the message with this MessageId (messageId= in the send log)
  Exit status: 0 answered, 1 Aliyun could not tell, 2 usage error.`,
  report: `  connector-aliyun-sms report (--config <file|-> | --logto <endpoint>) [--days N | --from YYYY-MM-DD [--to YYYY-MM-DD]]
                       [--include-today] [--all-signatures] [--min-rate <0..1>] [--min-sent N] [--min-balance <amount>] [--json]

${sourceUsage}
  --days N                the last N days, China time, 1 to 30 (default 7); today is left out
  --from, --to            the first and last day instead (at most 30 days; --to defaults to yesterday)
  --include-today         end the range today (its receipts are still arriving)
  --all-signatures        count every signature of the account, not only the configuration's signName
  --min-rate <0..1>       exit 1 when a day with at least --min-sent receipts delivered less than this share
  --min-sent N            the fewest receipts (delivered + failed) a day needs to be judged (default 20)
  --min-balance <amount>  exit 1 when the available balance is below this amount (its currency)
  --billing-endpoint <url> where to ask the balance (default: the site's billing host, or the endpoint when it is not Aliyun's)
  Exit status: 0 fine, 1 a threshold was crossed, 2 usage error, 3 Aliyun refused or could not be reached.`,
} as const;

const usage = `Usage:
${Object.values(usages).join('\n\n')}

Docs: docs/operator-commands.md`;

const doctor = async (args: string[], io: Io): Promise<number> => {
  const { values } = parseArgs({
    args,
    options: { ...sourceOptions, json: { type: 'boolean', default: false }, send: { type: 'string' }, 'min-balance': { type: 'string' } },
    strict: true,
  });
  if (values.send !== undefined && values.send.trim() === '') {
    throw new UsageError('--send needs a phone number');
  }
  const minBalance = values['min-balance'] === undefined ? undefined : parseAmount(values['min-balance']);
  if (values['min-balance'] !== undefined && (minBalance === undefined || minBalance < 0)) {
    throw new UsageError("--min-balance must be an amount in the account's currency, e.g. 100 or 1,000.00");
  }
  const read = await configOf(values, io);
  const { secrets } = read;
  const progress = progressLine({ isTTY: io.stderr.isTTY, write: (text) => io.stderr.write(withoutSecrets(text, secrets)) });
  const client = createAliyunClient({ warn: () => undefined });
  const checks = read.problem
    ? logtoChecks(read.problem)
    : [
        ...logtoChecks(read.from),
        ...(await runDoctor(read.raw, { client, ...(values.send === undefined ? {} : { send: values.send }), ...(minBalance === undefined ? {} : { minBalance }), progress: (event) => {
            progress.update(event);
          } })),
      ];
  progress.clear();
  io.stdout.write(withoutSecrets(values.json ? checksJson(checks) : checksTable(checks), secrets));
  return checks.some((check) => check.status === 'fail') ? 1 : 0;
};

const status = async (args: string[], io: Io): Promise<number> => {
  const { values } = parseArgs({
    args,
    options: {
      ...sourceOptions,
      json: { type: 'boolean', default: false },
      phone: { type: 'string' },
      date: { type: 'string' },
      'biz-id': { type: 'string' },
      'message-id': { type: 'string' },
    },
    strict: true,
  });
  const given = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());
  const phone = given(values.phone);
  const messageId = given(values['message-id']);
  const bizId = given(values['biz-id']);
  if (phone === undefined && messageId === undefined) {
    throw new UsageError('--phone <number> (China site, PNVS) or --message-id <id> (international site) is required');
  }
  const date = values.date ?? chinaDate(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new UsageError(`--date must be a day as YYYY-MM-DD, e.g. ${chinaDate(new Date())}`);
  }
  const read = await configOf(values, io);
  const write = (stream: Io['stdout'], text: string) => stream.write(withoutSecrets(text, read.secrets));
  if (read.problem) {
    write(io.stderr, `status: ${read.problem.message}\n`);
    return 1;
  }
  const checked = checkConfig(read.raw);
  if (!checked.success) {
    write(io.stderr, `The configuration is not valid:\n${checked.error.issues.map((issue) => `  - ${issue.message}`).join('\n')}\n`);
    return 1;
  }
  const { config } = checked;
  const progress = progressLine({ isTTY: io.stderr.isTTY, write: (text) => write(io.stderr, text) });
  progress.update({ done: 0, total: 1, label: 'asking Aliyun' });
  const report = await querySendStatus(createAliyunClient({ warn: () => undefined }), config, {
    date,
    ...(phone === undefined ? {} : { phone }),
    ...(bizId === undefined ? {} : { bizId }),
    ...(messageId === undefined ? {} : { messageId }),
  });
  progress.clear();
  if (report.kind === 'problem') {
    const aliyun = report.aliyun?.requestId ? ` (RequestId ${report.aliyun.requestId})` : '';
    write(io.stderr, `status: ${report.sentence}${aliyun}\n`);
    return 1;
  }
  const where = `${siteNames[report.site]}, ${report.source}`;
  const heading =
    report.site === 'international'
      ? `MessageId ${messageId ?? bizId ?? ''} (${where})`
      : `${maskNumber(phone ?? '')} on ${date} (China time${bizId === undefined ? '' : `, BizId ${bizId}`}; ${where})`;
  const extra = { source: { site: report.site, api: report.source }, ...(report.notes ? { notes: report.notes } : {}), ...(report.aliyun ? { aliyun: report.aliyun } : {}) };
  write(io.stdout, values.json ? messagesJson(report.messages, extra) : messagesTable(report.messages, heading, extra));
  return 0;
};

/** Runs one command line; resolves with the exit status. */
export const main = async (argv: readonly string[], io: Io): Promise<number> => {
  const [command, ...args] = argv;
  const commandUsage = command !== undefined && Object.hasOwn(usages, command) ? usages[command as keyof typeof usages] : undefined;
  try {
    if (commandUsage !== undefined && (args.includes('--help') || args.includes('-h'))) {
      io.stdout.write(`Usage:\n${commandUsage}\n`);
      return 0;
    }
    if (command === 'doctor') {
      return await doctor(args, io);
    }
    if (command === 'status') {
      return await status(args, io);
    }
    if (command === 'report') {
      return await report(args, io);
    }
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(`${usage}\n`);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  } catch (error: unknown) {
    // parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown or malformed flags.
    const parseError = (error as { code?: unknown }).code;
    if (error instanceof UsageError || (typeof parseError === 'string' && parseError.startsWith('ERR_PARSE_ARGS'))) {
      io.stderr.write(`connector-aliyun-sms: ${(error as Error).message}\n\n${commandUsage === undefined ? usage : `Usage:\n${commandUsage}`}\n`);
      return 2;
    }
    // A ConnectorError from below (got missing, for one) carries its own sentence; print that, not a stack.
    if (error instanceof ConnectorError) {
      io.stderr.write(`connector-aliyun-sms: ${errorSentence(error)}\n`);
      return 1;
    }
    throw error;
  }
};

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: readStdin, env: process.env });
