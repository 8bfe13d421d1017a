/**
 * @module cli-output
 * What the operator commands print: a table for people (one line per check or message), the exact
 * JSON for machines, and progress while calls are in flight, on a terminal only. Every text passes
 * through {@link withoutSecrets} last, so a secret that slipped into a sentence is never printed.
 */
import type { Check } from './doctor-checks.js';
import type { Progress } from './doctor.js';
import { carrierCodeMeanings, type MessageStatus } from './send-status.js';

/** The connector's own secret filter (errors.ts), the last guard before anything is written. */
export { withoutSecrets } from '../aliyun/errors.js';

/** `doctor --json`: exactly `{ checks: [ { id, status, summary, fix?, aliyun? } ] }`. */
export const checksJson = (checks: readonly Check[]): string =>
  `${JSON.stringify({ checks: checks.map(({ id, status, summary, fix, aliyun }) => ({ id, status, summary, ...(fix === undefined ? {} : { fix }), ...(aliyun === undefined ? {} : { aliyun }) })) }, null, 2)}\n`;

/** What `status` prints besides the messages: where it looked, notes on what that cannot show, and Aliyun's code when it had no record. */
export type MessagesExtra = { source?: { site: string; api: string }; notes?: readonly string[]; aliyun?: { code?: string; requestId?: string } };

/** `status --json`: exactly `{ messages: [ ... ], source?: { site, api }, notes?, aliyun? }`. */
export const messagesJson = (messages: readonly MessageStatus[], { source, notes, aliyun }: MessagesExtra = {}): string =>
  `${JSON.stringify({ messages, ...(source ? { source } : {}), ...(notes && notes.length > 0 ? { notes } : {}), ...(aliyun ? { aliyun } : {}) }, null, 2)}\n`;

/** Columns a text takes in a terminal: CJK and full-width characters take two. */
const displayWidth = (text: string): number => {
  let width = 0;
  for (const character of text) {
    width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(character) ? 2 : 1;
  }
  return width;
};

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(width - displayWidth(text), 0));

/** The name of the thing a check is about, from its id: `template.SMS_1.type` → `template SMS_1`. */
const whatOf = (id: string): string => {
  if (id.startsWith('fallback.')) {
    return `fallback ${whatOf(id.slice('fallback.'.length))}`;
  }
  const [kind = id, name] = id.split(/\.(.*)/s);
  if (kind === 'template' && name) {
    return `template ${name.split('.')[0] ?? name}`;
  }
  return name && ['sign', 'ram', 'config', 'forbidden'].includes(kind) ? `${kind === 'sign' ? 'signature' : kind} ${name}` : kind;
};

/** `doctor`'s table: status, what, finding, fix; then a count. */
export const checksTable = (checks: readonly Check[]): string => {
  const rows = checks.map((check) => ({ status: check.status.toUpperCase(), what: whatOf(check.id), check }));
  const width = Math.min(Math.max(...rows.map((row) => displayWidth(row.what)), 4), 40);
  const lines = rows.map(({ status, what, check }) => {
    const aliyun = check.aliyun?.code && check.aliyun.code !== 'OK' ? ` [Aliyun ${check.aliyun.code}${check.aliyun.requestId ? `, RequestId ${check.aliyun.requestId}` : ''}]` : '';
    return `${pad(status, 5)} ${pad(what, width)}  ${check.summary}${aliyun}${check.fix ? `  → ${check.fix}` : ''}`;
  });
  const count = (status: Check['status']) => checks.filter((check) => check.status === status).length;
  const warnings = count('warn');
  lines.push('', `${count('fail')} failed, ${warnings} warning${warnings === 1 ? '' : 's'}, ${count('pass')} passed, ${count('skip')} not checked`);
  return `${lines.join('\n')}\n`;
};

/** `status`'s table: one line per message, Aliyun's raw status beside the reading, the carrier code's meaning where known; then the notes. */
export const messagesTable = (messages: readonly MessageStatus[], heading: string, { notes = [] }: MessagesExtra = {}): string => {
  const after = notes.map((note) => `Note: ${note}.\n`).join('');
  if (messages.length === 0) {
    return `${heading}: no messages.\n${after}`;
  }
  const lines = messages.map((message) => {
    const meaning = message.errorCode ? carrierCodeMeanings[message.errorCode] : undefined;
    const error = message.errorCode ? `  ${message.errorCode}${meaning ? ` (${meaning})` : ' (carrier code)'}` : '';
    return [
      pad(message.status.toUpperCase(), 9),
      pad(message.aliyunStatus ?? '-', 6),
      pad(message.sentAt ?? '-', 25),
      pad(message.receivedAt ?? '-', 25),
      pad(message.templateCode ?? '-', 15),
      message.bizId ? `BizId ${message.bizId}` : '',
    ].join(' ') + error;
  });
  const header = `${pad('STATUS', 9)} ${pad('ALIYUN', 6)} ${pad('SENT', 25)} ${pad('RECEIVED', 25)} TEMPLATE`;
  return `${heading}: ${messages.length} message${messages.length === 1 ? '' : 's'}\n${[header, ...lines].map((line) => line.trimEnd()).join('\n')}\n${after}`;
};

/** A writable terminal stream, or anything else (where no progress is shown). */
type Output = { isTTY?: boolean; write: (text: string) => unknown };

/** Progress on one line of a terminal, cleared when done; nothing at all when `stream` is not a terminal. */
export const progressLine = (stream: Output) => {
  const shown = stream.isTTY === true;
  return {
    update({ done, total, label }: Progress) {
      if (shown) {
        stream.write(`\r\u001B[2K… ${done}/${total} answered (${label})`);
      }
    },
    clear() {
      if (shown) {
        stream.write('\r\u001B[2K');
      }
    },
  };
};
