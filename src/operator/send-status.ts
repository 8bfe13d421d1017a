/**
 * @module send-status
 * `status`: what Aliyun knows of the messages sent to one number on one day, or of one message.
 * China site: `QuerySendDetails` (by number and day, optionally one BizId); numbers PNVS serves:
 * PNVS's own `QuerySendDetails`, which lists SendSmsVerifyCode messages only; international site:
 * `QueryMessage`, which looks up one message by its MessageId only (the send log keeps it), and
 * answers `DATA_NOT_EXIST` for a message it has no record of (yet). Every answer says where it
 * looked and what that API cannot show. Facts: docs/aliyun-sms-query-api.md §7–§9.
 */
import { forbiddenActionFix } from '../account/account-findings.js';
import { forbiddenActionCodes, noRecordCodes, queryAccount, ramActionOf, ramDenialCodes, type QueryAnswer, type QueryTarget } from '../account/account-queries.js';
import type { AliyunClient } from '../aliyun/aliyun-client.js';
import type { AliyunSmsConfig } from '../config/config.js';
import { isPhoneProblem, parsePhone } from '../plan/phone.js';
import { queryMessageReading, readQueryMessage, readSendDetails, type MessageStatus } from '../account/message-records.js';

export { carrierCodeMeanings, type MessageStatus } from '../account/message-records.js';

/** Where `status` looked: the China site's SMS API, PNVS's, or the international site's. */
export type StatusSite = 'china' | 'pnvs' | 'international';

/** The outcome of a `status` run: the messages (with where it looked and notes on what that cannot show), or a sentence saying why Aliyun could not tell. */
export type StatusReport =
  | { kind: 'messages'; messages: MessageStatus[]; site: StatusSite; source: string; notes?: string[]; aliyun?: { code?: string; requestId?: string } }
  | { kind: 'problem'; sentence: string; aliyun?: { code?: string; requestId?: string } };

/** How each site is named in `status`'s heading. */
export const siteNames: Readonly<Record<StatusSite, string>> = { china: 'China site', pnvs: 'PNVS (dypnsapi)', international: 'international site' };

/** The day in China time (UTC+8), `yyyy-MM-dd`: Aliyun's `SendDate` is a Beijing day. */
export const chinaDate = (date: Date): string => new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The sentence for an answer that is not a list of messages. */
const problemOf = (answer: Exclude<QueryAnswer, { kind: 'ok' }>, action: string, service: string): StatusReport => {
  if (answer.kind === 'unreachable') {
    return { kind: 'problem', sentence: `Aliyun could not be asked: ${answer.sentence}` };
  }
  const aliyun = { code: answer.code, ...(answer.requestId ? { requestId: answer.requestId } : {}) };
  if (ramDenialCodes.has(answer.code)) {
    const ram = answer.authAction ?? (service === 'dypnsapi' ? `dypns:${action}` : ramActionOf(action));
    return {
      kind: 'problem',
      sentence: `this AccessKey may not call ${ram} (Aliyun ${answer.code}); add it to the key's RAM policy (the optional read-only policy in docs/operator-commands.md)`,
      aliyun,
    };
  }
  if (forbiddenActionCodes.has(answer.code)) {
    return {
      kind: 'problem',
      sentence: `this Aliyun account may not call ${action} at all (Aliyun ${answer.code}: an account-level restriction, not a RAM policy); ${forbiddenActionFix(action)}`,
      aliyun,
    };
  }
  return { kind: 'problem', sentence: `Aliyun refused ${action}: ${answer.code}: ${answer.message}`, aliyun };
};

/** `DATA_NOT_EXIST`: not a refusal but an empty answer, with what it may mean. */
const noRecord = (answer: Extract<QueryAnswer, { kind: 'refused' }>, what: string, site: StatusSite, source: string, notes: readonly string[] = []): Extract<StatusReport, { kind: 'messages' }> => ({
  kind: 'messages',
  messages: [],
  site,
  source,
  notes: [`Aliyun has no record of ${what} (${answer.code}): the record may not be there yet (try again in a minute), or the message was sent by another Aliyun account`, ...notes],
  aliyun: { code: answer.code, ...(answer.requestId ? { requestId: answer.requestId } : {}) },
});

/** What PNVS's QuerySendDetails cannot show (its API metadata: it returns SendSmsVerifyCode records only). */
const pnvsNote =
  "PNVS's QuerySendDetails lists only messages sent with SendSmsVerifyCode: a message sent to this number with SendSms (before mainlandService was pnvs, or by another tool) is not shown here; run status with mainlandService \"sms\" to see those";

/** What the China site's QuerySendDetails cannot show. */
const chinaNote =
  "QuerySendDetails lists the messages this Aliyun account accepted through SendSms for this number on this day (China time): a send refused before Aliyun accepted it is not there (the send log's outcome=refused lines and Logto's audit log have those), nor a message sent through PNVS or by another Aliyun account";

/** What the international site's QueryMessage cannot show. */
const internationalNote =
  "QueryMessage looks up one message by its MessageId: the international site's API cannot list the messages sent to a number, so a message whose MessageId you do not have cannot be seen here; the send log keeps each accepted send's MessageId (messageId=)";

/** The most pages of 50 one run reads: a number gets few messages a day (flow control allows 10 codes). */
const pageLimit = 10;

/**
 * What `status` asks for: on the China site and PNVS a number and a day (`yyyy-MM-dd`, China time),
 * optionally one BizId; on the international site one MessageId (`messageId`, or `bizId` as before).
 */
export type StatusQuery = { phone?: string; date: string; bizId?: string; messageId?: string };

/** The international site: one message by its MessageId (QueryMessage); the number is not needed. */
const queryInternational = async (client: AliyunClient, target: QueryTarget, messageId: string | undefined): Promise<StatusReport> => {
  if (messageId === undefined) {
    return {
      kind: 'problem',
      sentence: "the international site's API (2018-05-01) looks a message up by its MessageId only (QueryMessage), not by number and day: pass --message-id <the messageId of the send log's line>",
    };
  }
  const answer = await queryAccount(client, target, 'QueryMessage', { MessageId: messageId }, '2018-05-01');
  const source = 'QueryMessage 2018-05-01';
  if (answer.kind === 'refused' && noRecordCodes.has(answer.code)) {
    return noRecord(answer, `MessageId ${messageId}`, 'international', source, [internationalNote]);
  }
  return answer.kind === 'ok'
    ? { kind: 'messages', messages: [readQueryMessage(answer.body, messageId)], site: 'international', source, notes: [queryMessageReading, internationalNote] }
    : problemOf(answer, 'QueryMessage', 'dysmsapi');
};

/** Looks the messages up on the service that sent them. */
export const querySendStatus = async (client: AliyunClient, config: AliyunSmsConfig, { phone, date, bizId, messageId }: StatusQuery): Promise<StatusReport> => {
  const target: QueryTarget = config;
  if (config.site === 'international') {
    return queryInternational(client, target, messageId ?? bizId);
  }
  if (messageId !== undefined) {
    return {
      kind: 'problem',
      sentence: "--message-id is for the international site's QueryMessage; on the China site status looks messages up by --phone and --date, narrowed to one message by --biz-id <the bizId of the send log's line>",
    };
  }
  if (phone === undefined) {
    return { kind: 'problem', sentence: 'the China site looks messages up by number and day: pass --phone <the full number>' };
  }
  const parsed = parsePhone(phone, { strict: config.strictPhoneRegionNumberCheck });
  if (isPhoneProblem(parsed)) {
    return { kind: 'problem', sentence: `--phone ${parsed.problem}` };
  }
  const pnvs = config.mainlandService === 'pnvs' && parsed.region === 'mainland';
  const service = pnvs ? { ...target, endpoint: config.pnvsEndpoint } : target;
  const page = (current: number) =>
    queryAccount(client, service, 'QuerySendDetails', {
      PhoneNumber: parsed.aliyunNumber,
      SendDate: date.replaceAll('-', ''),
      PageSize: '50',
      CurrentPage: String(current),
      BizId: bizId,
    });
  const source = `QuerySendDetails ${pnvs ? '(PNVS dypnsapi)' : '2017-05-25'}`;
  const site: StatusSite = pnvs ? 'pnvs' : 'china';
  const notes = [pnvs ? pnvsNote : chinaNote];
  const first = await page(1);
  if (first.kind === 'refused' && noRecordCodes.has(first.code)) {
    return noRecord(first, `messages to this number on ${date}`, site, source, notes);
  }
  if (first.kind !== 'ok') {
    const problem = problemOf(first, 'QuerySendDetails', pnvs ? 'dypnsapi' : 'dysmsapi');
    return pnvs && problem.kind === 'problem'
      ? { ...problem, sentence: `${problem.sentence}. PNVS (SendSmsVerifyCode) delivery can also be seen in the PNVS console` }
      : problem;
  }
  const { total, messages } = readSendDetails(first.body, bizId);
  const pages = Math.min(Math.ceil(total / 50), pageLimit);
  const rest = await Promise.all(Array.from({ length: Math.max(pages - 1, 0) }, (_, index) => page(index + 2)));
  for (const answer of rest) {
    if (answer.kind !== 'ok') {
      return problemOf(answer, 'QuerySendDetails', pnvs ? 'dypnsapi' : 'dysmsapi');
    }
    messages.push(...readSendDetails(answer.body, bizId).messages);
  }
  return { kind: 'messages', messages, site, source, notes };
};
