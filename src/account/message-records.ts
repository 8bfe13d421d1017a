/**
 * @module message-records
 * Reads what Aliyun says about sent messages into records: `QuerySendDetails`' `SendStatus` (SMS
 * and PNVS) and `QueryMessage`'s `Status`, each by its own enum, with Aliyun's raw value kept beside
 * the reading; a value no source lists reads as `unknown`. Pure; `status` prints these.
 */

/** One message as `--json` prints it. */
export type MessageStatus = {
  /** The package's reading of Aliyun's status; `unknown` for a value no source lists. */
  status: 'delivered' | 'failed' | 'pending' | 'unknown';
  /** Aliyun's own status value as it came (`SendStatus`, or `QueryMessage`'s `Status`), shown beside the reading. */
  aliyunStatus?: string;
  bizId?: string;
  errorCode?: string;
  sentAt?: string;
  receivedAt?: string;
  templateCode?: string;
};

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

/** `SendStatus` of QuerySendDetails, SMS and PNVS alike: 1 waiting for the receipt, 2 failed, 3 delivered (docs/aliyun-sms-query-api.md §7, §9). */
const sendStatuses: Readonly<Record<string, MessageStatus['status']>> = { 1: 'pending', 2: 'failed', 3: 'delivered' };

/**
 * `Status` of QueryMessage as SDK 1.0.10 reads it (`QueryMessageResponseBody.ts`): 1 delivered,
 * 2 failed, 3 still sending. Older official pages (alibabacloud.com/help/doc-detail/106592.html)
 * read 1 as submitted and 3 as delivered, so the raw value is always shown beside the reading.
 */
const queryMessageStatuses: Readonly<Record<string, MessageStatus['status']>> = { 1: 'delivered', 2: 'failed', 3: 'pending' };

/** What `QueryMessage`'s status column means, said once under the messages. */
export const queryMessageReading =
  "QueryMessage's Status is read as Aliyun's current SDK (dysmsapi 2018-05-01, 1.0.10) reads it: 1 delivered, 2 failed, 3 pending; older Aliyun pages read 1 as submitted and 3 as delivered, so Aliyun's own value is shown beside each message";

/** A status by its enum; a value the enum does not list is `unknown`, never a verdict. */
const statusBy = (table: Readonly<Record<string, MessageStatus['status']>>, value: unknown): { status: MessageStatus['status']; aliyunStatus?: string } => {
  const raw = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : undefined;
  const status = raw !== undefined && /^\d+$/.test(raw) && Object.hasOwn(table, String(Number(raw))) ? table[String(Number(raw))] : undefined;
  return { status: status ?? 'unknown', ...(raw === undefined || raw === '' ? {} : { aliyunStatus: raw }) };
};

/** A message from its status reading and the fields an answer gave; the error code only when not delivered. */
const message = (
  { status, aliyunStatus }: ReturnType<typeof statusBy>,
  fields: Omit<MessageStatus, 'status' | 'aliyunStatus'>
): MessageStatus => {
  // The later errorCode keeps the place the spread gave it, so the JSON lists fields in one order.
  const entries = { aliyunStatus, ...fields, errorCode: status === 'delivered' ? undefined : fields.errorCode };
  return { status, ...Object.fromEntries(Object.entries(entries).filter((entry) => entry[1] !== undefined)) };
};

/**
 * One `SmsSendDetailDTO` (SMS) or `Model` entry (PNVS) as a message. Neither carries its BizId
 * (SDK `QuerySendDetailsResponseBody` of dysmsapi 4.6.0 and dypnsapi 2.0.0), so a message has one
 * only when the query asked for that BizId.
 */
const readDetail = (detail: Record<string, unknown>, bizId: string | undefined): MessageStatus =>
  message(statusBy(sendStatuses, detail.SendStatus), {
    bizId,
    errorCode: text(detail.ErrCode),
    sentAt: chinaTime(detail.SendDate),
    receivedAt: chinaTime(detail.ReceiveDate),
    templateCode: text(detail.TemplateCode),
  });

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

/** A `QueryMessage` answer (international site), its `Status` read as {@link queryMessageStatuses} says. */
export const readQueryMessage = (body: Record<string, unknown>, messageId: string): MessageStatus => {
  const iso = (value: unknown) => {
    const given = text(value);
    return given && !Number.isNaN(Date.parse(given)) ? new Date(Date.parse(given)).toISOString() : given;
  };
  return message(statusBy(queryMessageStatuses, body.Status), {
    bizId: text(body.MessageId) ?? messageId,
    errorCode: text(body.ErrorCode),
    sentAt: iso(body.SendDate),
    receivedAt: iso(body.ReceiveDate),
  });
};
