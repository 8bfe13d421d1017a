/**
 * @module cli
 * The operator commands, `connector-aliyun-sms doctor` and `connector-aliyun-sms status`: flags,
 * the configuration file (or stdin), output and exit status (0 fine, 1 a check or lookup failed,
 * 2 a usage error). Built to lib/cli.js; nothing in the connector imports it.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

import { ConnectorError } from '@logto/connector-kit';

import { createAliyunClient } from '../aliyun/aliyun-client.js';
import { checksJson, checksTable, messagesJson, messagesTable, progressLine, withoutSecrets } from './cli-output.js';
import { checkConfig } from '../config/config.js';
import { runDoctor } from './doctor.js';
import { errorSentence } from './error-sentence.js';
import { configSource, LogtoProblem, logtoChecks, readLogtoConfig, type LogtoConfig, type SourceFlags } from './logto-config.js';
import { maskNumber } from '../plan/phone.js';
import { chinaDate, querySendStatus } from './send-status.js';

const usage = `Usage:
  connector-aliyun-sms doctor (--config <file|-> | --logto <endpoint>) [--send <phone>] [--json]
  connector-aliyun-sms status (--config <file|-> | --logto <endpoint>) --phone <number> [--date YYYY-MM-DD] [--biz-id <id>] [--json]

  --config <file|->  the connector configuration as the Logto Console saves it (JSON); - reads stdin
  --logto <endpoint> read it from this Logto instead, with a machine-to-machine app's credentials in
                     LOGTO_M2M_APP_ID and LOGTO_M2M_APP_SECRET (never on the command line)
  --logto-resource <indicator>  the Management API's identifier (default https://default.logto.app/api)
  --connector <id>   with --logto: the connector's id, when Logto has more than one SMS connector
  --json             print JSON for machines instead of a table
  --send <phone>     doctor: also send exactly one test message (code 000000), as the Console's Send does
  --phone <number>   status: the number the messages went to
  --date YYYY-MM-DD  status: the day they were sent, China time (default: today); Aliyun keeps 30 days
  --biz-id <id>      status: only the message with this BizId (from Logto's audit log)

doctor sends nothing unless --send is given. Exit status: 0 no check failed, 1 a check failed, 2 usage error.
Docs: docs/operator-commands.md`;

/** Where the commands read and write; the process's own streams, or a test's. */
export type Io = {
  stdout: { isTTY?: boolean; write: (text: string) => unknown };
  stderr: { isTTY?: boolean; write: (text: string) => unknown };
  stdin: () => Promise<string>;
  env: Readonly<Record<string, string | undefined>>;
};

class UsageError extends Error {}

const readStdin = async (): Promise<string> => {
  let text = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) {
    text += chunk as string;
  }
  return text;
};

/** The configuration JSON from a file or stdin; a file that cannot be read or is not JSON is a usage error. */
const readConfig = async (source: string, io: Io): Promise<unknown> => {
  if (source === '') {
    throw new UsageError('--config needs a file, or - for stdin');
  }
  let text: string;
  try {
    text = source === '-' ? await io.stdin() : await readFile(source, 'utf8');
  } catch (error: unknown) {
    throw new UsageError(`cannot read --config ${source}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error: unknown) {
    throw new UsageError(`--config ${source} is not JSON: ${(error as Error).message}`);
  }
};

/** The secrets a configuration holds, for the last guard on everything printed. */
const secretsOf = (config: unknown): string[] => {
  const { accessKeySecret, fallbackAccessKeySecret } = (config ?? {}) as { accessKeySecret?: unknown; fallbackAccessKeySecret?: unknown };
  return [accessKeySecret, fallbackAccessKeySecret].flatMap((secret) =>
    typeof secret === 'string' && secret.trim().length > 0 ? [secret, secret.trim()] : []
  );
};

/** The flags that say where the configuration comes from, shared by both commands. */
const sourceOptions = {
  config: { type: 'string' },
  logto: { type: 'string' },
  'logto-resource': { type: 'string' },
  connector: { type: 'string' },
} as const;

/** The configuration from `--config` or `--logto`, or why Logto could not give it; with the secrets to keep out of the output. */
const configOf = async (
  values: SourceFlags,
  io: Io
): Promise<{ raw: unknown; from?: LogtoConfig; problem?: undefined; secrets: string[] } | { problem: LogtoProblem; secrets: string[] }> => {
  const source = configSource(values, io.env);
  if (typeof source === 'string') {
    throw new UsageError(source);
  }
  if ('file' in source) {
    const raw = await readConfig(source.file, io);
    return { raw, secrets: secretsOf(raw) };
  }
  try {
    const from = await readLogtoConfig(source);
    return { raw: from.config, from, secrets: [source.appSecret, ...secretsOf(from.config)] };
  } catch (error: unknown) {
    if (error instanceof LogtoProblem) {
      return { problem: error, secrets: [source.appSecret] };
    }
    throw error;
  }
};

const doctor = async (args: string[], io: Io): Promise<number> => {
  const { values } = parseArgs({
    args,
    options: { ...sourceOptions, json: { type: 'boolean', default: false }, send: { type: 'string' } },
    strict: true,
  });
  if (values.send !== undefined && values.send.trim() === '') {
    throw new UsageError('--send needs a phone number');
  }
  const read = await configOf(values, io);
  const { secrets } = read;
  const progress = progressLine({ isTTY: io.stderr.isTTY, write: (text) => io.stderr.write(withoutSecrets(text, secrets)) });
  const client = createAliyunClient({ warn: () => undefined });
  const checks = read.problem
    ? logtoChecks(read.problem)
    : [
        ...logtoChecks(read.from),
        ...(await runDoctor(read.raw, { client, ...(values.send === undefined ? {} : { send: values.send }), progress: (event) => {
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
    },
    strict: true,
  });
  if (values.phone === undefined || values.phone.trim() === '') {
    throw new UsageError('--phone <number> is required');
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
    phone: values.phone,
    date,
    ...(values['biz-id'] === undefined ? {} : { bizId: values['biz-id'] }),
  });
  progress.clear();
  if (report.kind === 'problem') {
    const aliyun = report.aliyun?.requestId ? ` (RequestId ${report.aliyun.requestId})` : '';
    write(io.stderr, `status: ${report.sentence}${aliyun}\n`);
    return 1;
  }
  const heading = `${maskNumber(values.phone.trim())} on ${date} (China time), from ${report.source}`;
  const extra = { ...(report.notes ? { notes: report.notes } : {}), ...(report.aliyun ? { aliyun: report.aliyun } : {}) };
  write(io.stdout, values.json ? messagesJson(report.messages, extra) : messagesTable(report.messages, heading, extra));
  return 0;
};

/** Runs one command line; resolves with the exit status. */
export const main = async (argv: readonly string[], io: Io): Promise<number> => {
  const [command, ...args] = argv;
  try {
    if (command === 'doctor') {
      return await doctor(args, io);
    }
    if (command === 'status') {
      return await status(args, io);
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
      io.stderr.write(`connector-aliyun-sms: ${(error as Error).message}\n\n${usage}\n`);
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
