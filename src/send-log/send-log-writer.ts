/**
 * @module send-log-writer
 * Where the send log's lines go, and whether they go at all: the configuration's `disableSendLog`
 * turns them off (read from the raw configuration too, so a configuration the guard refuses still
 * honours it). A writer that throws never fails a send: the line is lost, the send's outcome stands.
 */
import { sendLogLine, type SendFacts } from './send-log.js';

/** Receives each line, without a newline; Logto's standard output by default. */
export type SendLogWriter = (line: string) => void;

/**
 * Logto's standard output. `console.log` rather than `process.stdout.write`: the global console
 * ignores write errors (a closed pipe), where an unhandled stream error would end the process.
 */
export const stdoutWriter: SendLogWriter = (line) => {
  // eslint-disable-next-line no-console -- the send log is meant for Logto's standard output
  console.log(line);
};

const fieldOf = (config: unknown, key: string): unknown =>
  typeof config === 'object' && config !== null ? (config as Record<string, unknown>)[key] : undefined;

/** Whether a configuration (validated or as given) turns the send log off. */
export const sendLogDisabled = (config: unknown): boolean => fieldOf(config, 'disableSendLog') === true;

/** The secrets a configuration holds (the primary's and the fallback's), as given and trimmed. */
const secretsOf = (config: unknown): string[] =>
  [fieldOf(config, 'accessKeySecret'), fieldOf(config, 'fallbackAccessKeySecret')].flatMap((secret) =>
    typeof secret === 'string' && secret.trim() !== '' ? [secret, secret.trim()] : []
  );

/** Whether a configuration has a fallback account: a `fallback` that sets something (the Console saves `{}` for none). */
const hasFallback = (config: unknown): boolean => {
  const fallback = fieldOf(config, 'fallback');
  return typeof fallback === 'object' && fallback !== null && Object.keys(fallback).length > 0;
};

/** Writes the line of one send unless `config` turns the log off. */
export const writeSendLog = (write: SendLogWriter, config: unknown, facts: Omit<SendFacts, 'secrets'>): void => {
  if (sendLogDisabled(config)) {
    return;
  }
  try {
    write(sendLogLine({ ...facts, secrets: secretsOf(config), fallback: hasFallback(config) }));
  } catch {
    // The log is for the operator; a failing writer must not turn a sent message into an error.
  }
};
