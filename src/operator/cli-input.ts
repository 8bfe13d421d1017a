/**
 * @module cli-input
 * What every operator command reads the same way: its streams, the configuration from a file or
 * stdin (a file that cannot be read or is not JSON is a usage error), and the secrets in it, which
 * nothing printed may hold.
 */
import { readFile } from 'node:fs/promises';

/** Where the commands read and write; the process's own streams, or a test's. */
export type Io = {
  stdout: { isTTY?: boolean; write: (text: string) => unknown };
  stderr: { isTTY?: boolean; write: (text: string) => unknown };
  stdin: () => Promise<string>;
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
export const readConfig = async (source: string | undefined, io: Io): Promise<unknown> => {
  if (source === undefined || source === '') {
    throw new UsageError('--config <file|-> is required');
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
  const secret = (config as { accessKeySecret?: unknown } | null)?.accessKeySecret;
  return typeof secret === 'string' && secret.trim().length > 0 ? [secret, secret.trim()] : [];
};

