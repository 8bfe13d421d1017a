/**
 * @module send-status
 * `status`: what Aliyun knows of the messages sent to one number on one day. China site:
 * `QuerySendDetails` (by number and day, optionally one BizId); numbers PNVS serves: PNVS's own
 * `QuerySendDetails`, best effort; international site: `QueryMessage`, which looks up one message
 * by its MessageId only. Facts: docs/aliyun-sms-query-api.md §7–§9.
 */
import { queryAccount, ramActionOf, ramDenialCodes, type QueryAnswer, type QueryTarget } from '../account/account-queries.js';
import type { AliyunClient } from '../aliyun/aliyun-client.js';
import type { AliyunSmsConfig } from '../config/config.js';
import { isPhoneProblem, parsePhone } from '../plan/phone.js';

/** One message as `--json` prints it. */
export type MessageStatus = {
  status: 'delivered' | 'failed' | 'pending';
  bizId?: string;
  errorCode?: string;
  sentAt?: string;
  receivedAt?: string;
  templateCode?: string;
};

/** The outcome of a `status` run: the messages, or a sentence saying why Aliyun could not tell. */
export type StatusReport =
  | { kind: 'messages'; messages: MessageStatus[]; source: string }
  | { kind: 'problem'; sentence: string; aliyun?: { code?: string; requestId?: string } };

/** The day in China time (UTC+8), `yyyy-MM-dd`: Aliyun's `SendDate` is a Beijing day. */
export const chinaDate = (date: Date): string => new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** What a carrier's `ErrCode` means (§7, from China Mobile's CMPP report list); other codes are shown as they are. */
export const carrierCodeMeanings: Readonly<Record<string, string>> = {
  DELIVERED: 'delivered to the handset',
  DELIVRD: 'delivered to the handset',
  UNDELIV: 'not deliverable: the number is suspended, barred or unreachable',
  EXPIRED: 'the handset stayed off or out of coverage until the message expired',
  REJECTD: 'rejected by the carrier (content, signature real-name filing, or blocklist)',
  'DB:0101': 'the number is invalid or unallocated',
  'DB:0102': 'the subscriber is suspended',
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** `yyyy-MM-dd HH:mm:ss` China time → ISO 8601 with `+08:00`; anything else as given. */
const chinaTime = (value: unknown): string | undefined => {
  const given = text(value);
  const match = given && /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(given);
  return match ? `${match[1]}T${match[2]}+08:00` : given;
};

const statusBySendStatus: Record<number, MessageStatus['status']> = { 1: 'pending', 2: 'failed', 3: 'delivered' };

/**
 * One `SmsSendDetailDTO` (SMS) or `Model` entry (PNVS) as a message. Neither carries its BizId
 * (SDK `QuerySendDetailsResponseBody` of dysmsapi 4.6.0 and dypnsapi 2.0.0), so a message has one
 * only when the query asked for that BizId.
 */
const readDetail = (detail: Record<string, unknown>, bizId: string | undefined): MessageStatus => {
  const status = statusBySendStatus[Number(detail.SendStatus)] ?? 'pending';
  const entries = {
    bizId,
    errorCode: status === 'delivered' ? undefined : text(detail.ErrCode),
    sentAt: chinaTime(detail.SendDate),
    receivedAt: chinaTime(detail.ReceiveDate),
    templateCode: text(detail.TemplateCode),
  };
  return { status, ...Object.fromEntries(Object.entries(entries).filter((entry) => entry[1] !== undefined)) };
};

const records = (value: unknown): Array<Record<string, unknown>> => {
  const list = Array.isArray(value) ? value : (value as { SmsSendDetailDTO?: unknown } | undefined)?.SmsSendDetailDTO;
  return Array.isArray(list) ? list.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null) : [];
};

/** The messages of a `QuerySendDetails` answer (SMS: `SmsSendDetailDTOs.SmsSendDetailDTO`; PNVS: `Model`). */
export const readSendDetails = (body: Record<string, unknown>, bizId?: string): { total: number; messages: MessageStatus[] } => {
  const list = records(body.SmsSendDetailDTOs ?? body.Model);
  const total = Number(body.TotalCount ?? list.length);
  return { total: Number.isFinite(total) ? total : list.length, messages: list.map((detail) => readDetail(detail, bizId)) };
};

/** A `QueryMessage` answer (international site; `Status` "1" delivered, "2" failed, "3" sending). */
export const readQueryMessage = (body: Record<string, unknown>, messageId: string): MessageStatus => {
  const status = ({ '1': 'delivered', '2': 'failed', '3': 'pending' } as const)[String(body.Status)] ?? 'pending';
  const iso = (value: unknown) => {
    const given = text(value);
    return given && !Number.isNaN(Date.parse(given)) ? new Date(Date.parse(given)).toISOString() : given;
  };
  const entries = {
    bizId: text(body.MessageId) ?? messageId,
    errorCode: status === 'delivered' ? undefined : text(body.ErrorCode),
    sentAt: iso(body.SendDate),
    receivedAt: iso(body.ReceiveDate),
  };
  return { status, ...Object.fromEntries(Object.entries(entries).filter((entry) => entry[1] !== undefined)) };
};

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
  return { kind: 'problem', sentence: `Aliyun refused ${action}: ${answer.code}: ${answer.message}`, aliyun };
};

/** The most pages of 50 one run reads: a number gets few messages a day (flow control allows 10 codes). */
const pageLimit = 10;

/** What `status` asks for: a number, a day (`yyyy-MM-dd`, China time), and optionally one BizId. */
export type StatusQuery = { phone: string; date: string; bizId?: string };

/** Looks the number's messages up on the service that sent them. */
export const querySendStatus = async (client: AliyunClient, config: AliyunSmsConfig, { phone, date, bizId }: StatusQuery): Promise<StatusReport> => {
  const parsed = parsePhone(phone, { strict: config.strictPhoneRegionNumberCheck });
  if (isPhoneProblem(parsed)) {
    return { kind: 'problem', sentence: `--phone ${parsed.problem}` };
  }
  const target: QueryTarget = config;
  if (config.site === 'international') {
    if (bizId === undefined) {
      return {
        kind: 'problem',
        sentence: "the international site's API (2018-05-01) looks a message up by its MessageId only (QueryMessage), not by number and day: pass --biz-id <MessageId from the audit log>",
      };
    }
    const answer = await queryAccount(client, target, 'QueryMessage', { MessageId: bizId }, '2018-05-01');
    return answer.kind === 'ok'
      ? { kind: 'messages', messages: [readQueryMessage(answer.body, bizId)], source: 'QueryMessage 2018-05-01' }
      : problemOf(answer, 'QueryMessage', 'dysmsapi');
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
  const first = await page(1);
  if (first.kind !== 'ok') {
    const problem = problemOf(first, 'QuerySendDetails', pnvs ? 'dypnsapi' : 'dysmsapi');
    return pnvs && problem.kind === 'problem'
      ? { ...problem, sentence: `${problem.sentence}. PNVS (SendSmsVerifyCode) delivery may only be visible in the PNVS console` }
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
  return { kind: 'messages', messages, source: `QuerySendDetails ${pnvs ? '(PNVS dypnsapi)' : '2017-05-25'}` };
};
