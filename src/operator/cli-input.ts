/**
 * @module cli-input
 * What every operator command reads the same way: its streams and environment, and the
 * configuration from a file, stdin or a running Logto (a file that cannot be read or is not JSON is
 * a usage error), with the secrets in it, which nothing printed may hold.
 */
import { readFile } from 'node:fs/promises';

import { configSource, LogtoProblem, readLogtoConfig, type LogtoConfig, type SourceFlags } from './logto-config.js';

/** Where the commands read and write; the process's own streams, or a test's. */
export type Io = {
  stdout: { isTTY?: boolean; write: (text: string) => unknown };
  stderr: { isTTY?: boolean; write: (text: string) => unknown };
  stdin: () => Promise<string>;
  env: Readonly<Record<string, string | undefined>>;
};

/** A command line the command cannot run: exit status 2, with the sentence naming the flag. */
export class UsageError extends Error {}

/** All of stdin, as text. */
export const readStdin = async (): Promise<string> => {
  let text = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) {
    text += chunk as string;
  }
  return text;
};

/** The configuration JSON from a file or stdin; a file that cannot be read or is not JSON is a usage error. */
export const readConfig = async (source: string, io: Io): Promise<unknown> => {
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
export const secretsOf = (config: unknown): string[] => {
  const { accessKeySecret, fallbackAccessKeySecret } = (config ?? {}) as { accessKeySecret?: unknown; fallbackAccessKeySecret?: unknown };
  return [accessKeySecret, fallbackAccessKeySecret].flatMap((secret) =>
    typeof secret === 'string' && secret.trim().length > 0 ? [secret, secret.trim()] : []
  );
};

/** The flags that say where the configuration comes from, shared by every command. */
export const sourceOptions = {
  config: { type: 'string' },
  logto: { type: 'string' },
  'logto-resource': { type: 'string' },
  connector: { type: 'string' },
} as const;

/** The configuration from `--config` or `--logto`, or why Logto could not give it; with the secrets to keep out of the output. */
export const configOf = async (
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

