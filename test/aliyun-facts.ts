/**
 * Aliyun's facts in one table, each value with its source: enum values keyed by action and field,
 * error codes keyed by site and action, and the international site's hosts. The package's readers
 * (test/aliyun-facts-readers.test.ts) and the sandbox (test/aliyun-facts-sandbox.test.ts) are both
 * tested against these rows, never against their own constants, so a reader or a sandbox answer
 * that drifts from Aliyun fails a test.
 *
 * Sources are Aliyun's official SDKs at the versions below (their `src/models/*.ts` comments and
 * `client.ts`), Aliyun's API metadata and help pages. Where an older source disagrees with the
 * current SDK, the current SDK's reading is the fact and the older one is listed in
 * {@link supersededFacts}; the sandbox can answer either (sandbox/README.md, "Readings").
 * Confidence as in the fact sheet: H official doc or SDK, M secondary source or inference, L unverified.
 *
 * Nothing here is imported by the package or the sandbox.
 */

/** Aliyun's China-site SDK (Dysmsapi 2017-05-25). */
const smsSdk = (file: string) => `@alicloud/dysmsapi20170525 4.6.0 src/models/${file}`;
/** Aliyun's international-site SDK (Dysmsapi 2018-05-01). */
const intlSdk = (file: string) => `@alicloud/dysmsapi20180501 1.0.10 src/${file}`;
/** Aliyun's PNVS SDK (Dypnsapi 2017-05-25). */
const pnvsSdk = (file: string) => `@alicloud/dypnsapi20170525 2.0.0 src/${file}`;

const smsErrorPage = 'https://help.aliyun.com/zh/sms/developer-reference/api-error-codes';
const intlErrorPage = 'https://help.aliyun.com/zh/sms/error-code-intl';
const pnvsErrorPage = 'https://help.aliyun.com/zh/pnvs/developer-reference/api-return-code';
const metadata = 'Aliyun API metadata, dew-serverless/acs-sdk-php data/dysmsapi/2017-05-25/api-docs.json (errorCodes)';
const ramTroubleshooting = 'https://alibabacloud.com/help/en/ram/support/how-to-troubleshoot-an-access-denied-error';

/** A review state, a template's purpose, or a delivery state, in the package's words. */
export type Reading =
  | 'reviewing'
  | 'approved'
  | 'rejected'
  | 'cancelled'
  | 'code'
  | 'notification'
  | 'promotional'
  | 'international'
  | 'digital'
  | 'pending'
  | 'failed'
  | 'delivered';

/** One enum value: what `field` of `action`'s answer (or request) means when it carries `wire`. */
export type EnumFact = { action: string; field: string; wire: string | number; reading: Reading; source: string; confidence: 'H' | 'M' | 'L' };

const rows = (action: string, field: string, source: string, values: ReadonlyArray<readonly [string | number, Reading]>, confidence: EnumFact['confidence'] = 'H'): EnumFact[] =>
  values.map(([wire, reading]) => ({ action, field, wire, reading, source, confidence }));

const numericReview = [[0, 'reviewing'], [1, 'approved'], [2, 'rejected'], [10, 'cancelled']] as const;
const singleTemplateType = [[0, 'code'], [1, 'notification'], [2, 'promotional'], [3, 'international']] as const;

/** The current meaning of every enum value the package reads. */
export const enumFacts: readonly EnumFact[] = [
  // Review states.
  ...rows('GetSmsTemplate', 'TemplateStatus', smsSdk('GetSmsTemplateResponseBody.ts (templateStatus?: string)'), numericReview.map(([wire, reading]) => [String(wire), reading] as const)),
  ...rows('QuerySmsTemplate', 'TemplateStatus', smsSdk('QuerySmsTemplateResponseBody.ts (templateStatus?: number)'), numericReview),
  ...rows('QuerySmsTemplateList', 'AuditStatus', smsSdk('QuerySmsTemplateListResponseBody.ts'), [
    ['AUDIT_STATE_INIT', 'reviewing'],
    ['AUDIT_STATE_PASS', 'approved'],
    ['AUDIT_STATE_NOT_PASS', 'rejected'],
    // The SDK's comment spells it so; the signature list spells it AUDIT_STATE_CANCEL.
    ['AUDIT_SATE_CANCEL', 'cancelled'],
  ]),
  ...rows('GetSmsSign', 'SignStatus', smsSdk('GetSmsSignResponseBody.ts (signStatus?: number)'), numericReview),
  ...rows('QuerySmsSign', 'SignStatus', smsSdk('QuerySmsSignResponseBody.ts'), numericReview),
  ...rows('QuerySmsSignList', 'AuditStatus', smsSdk('QuerySmsSignListResponseBody.ts'), [
    ['AUDIT_STATE_INIT', 'reviewing'],
    ['AUDIT_STATE_PASS', 'approved'],
    ['AUDIT_STATE_NOT_PASS', 'rejected'],
    ['AUDIT_STATE_CANCEL', 'cancelled'],
  ]),
  // Template types: one field name, several enums.
  ...rows('GetSmsTemplate', 'TemplateType', smsSdk('GetSmsTemplateResponseBody.ts (templateType?: string)'), singleTemplateType.map(([wire, reading]) => [String(wire), reading] as const)),
  ...rows('QuerySmsTemplate', 'TemplateType', smsSdk('QuerySmsTemplateResponseBody.ts'), singleTemplateType),
  ...rows('QuerySmsTemplateList', 'OuterTemplateType', smsSdk('QuerySmsTemplateListResponseBody.ts (outerTemplateType)'), singleTemplateType),
  ...rows('QuerySmsTemplateList', 'TemplateType', smsSdk('QuerySmsTemplateListResponseBody.ts (templateType)'), [
    [0, 'notification'],
    [1, 'promotional'],
    [2, 'code'],
    [6, 'international'],
  ]),
  // Not in the SDK's list comment; Logto's connector's SmsTemplateType names 7 a pure-number (digital) template.
  ...rows('QuerySmsTemplateList', 'TemplateType', 'logto-io/logto packages/connectors/connector-aliyun-sms/src/constant.ts (SmsTemplateType)', [[7, 'digital']], 'M'),
  ...rows('QuerySendStatistics', 'TemplateType', smsSdk('QuerySendStatisticsRequest.ts'), [...singleTemplateType, [7, 'digital']]),
  ...rows('GetSmsTemplate', 'IntlType', smsSdk('GetSmsTemplateResponseBody.ts (intlType, "when TemplateType is 3"); also CreateSmsTemplateRequest.ts, UpdateSmsTemplateRequest.ts'), [
    [0, 'notification'],
    [1, 'promotional'],
    [2, 'code'],
  ]),
  // Delivery states.
  ...rows('QuerySendDetails', 'SendStatus', 'Aliyun API metadata, dew-serverless/acs-sdk-php data/dysmsapi/2017-05-25/api-docs.json (QuerySendDetails SendStatus; the SDK model has no comment)', [[1, 'pending'], [2, 'failed'], [3, 'delivered']]),
  ...rows('dypnsapi:QuerySendDetails', 'SendStatus', pnvsSdk('models/QuerySendDetailsResponseBody.ts'), [[1, 'pending'], [2, 'failed'], [3, 'delivered']]),
  ...rows('QueryMessage', 'Status', intlSdk('models/QueryMessageResponseBody.ts (status?: string)'), [['1', 'delivered'], ['2', 'failed'], ['3', 'pending']]),
];

/**
 * Older readings of the same values, from sources older than the current SDK: Aliyun answered (or
 * documented) them this way once, and the sandbox can still answer so.
 */
export const supersededFacts: readonly EnumFact[] = [
  ...rows('GetSmsTemplate', 'IntlType', '@alicloud/dysmsapi20170525 4.1.2 src/models/GetSmsTemplateResponseBody.ts', [
    [0, 'code'],
    [1, 'notification'],
    [2, 'promotional'],
  ]),
  // "1 submitted, 3 delivered": submitted is read here as still pending.
  ...rows('QueryMessage', 'Status', 'https://www.alibabacloud.com/help/doc-detail/106592.html', [['1', 'pending'], ['2', 'failed'], ['3', 'delivered']], 'M'),
];

/** What an error code means for the package's readers. */
export type CodeReading = 'ram-denied' | 'forbidden-action' | 'not-in-account' | 'no-record';

/** One error code: where it comes from (site and actions), its HTTP status, and what it means. */
export type CodeFact = {
  site: 'china' | 'international' | 'pnvs' | 'gateway';
  actions: readonly string[];
  code: string;
  httpStatus: number;
  reading: CodeReading;
  source: string;
  confidence: 'H' | 'M' | 'L';
  /** A spelling of older lists, which the sandbox answers when told to (its `intlCodes: prefixed` reading). */
  older?: true;
};

const anyRead = ['GetSmsTemplate', 'GetSmsSign', 'QuerySmsTemplate', 'QuerySmsSign', 'QuerySendDetails', 'QueryMessage'];

/** Every error code the readers must tell apart from a plain refusal. */
export const codeFacts: readonly CodeFact[] = [
  // RAM: each site's own spelling, then the gateway's.
  { site: 'china', actions: ['SendSms', 'GetSmsTemplate', 'GetSmsSign', 'QuerySmsTemplate', 'QuerySmsSign', 'QuerySendDetails', 'QuerySendStatistics'], code: 'isp.RAM_PERMISSION_DENY', httpStatus: 200, reading: 'ram-denied', source: smsErrorPage, confidence: 'H' },
  { site: 'international', actions: ['SendMessageWithTemplate', 'SendMessageToGlobe', 'QueryMessage'], code: 'RAM_PERMISSION_DENY', httpStatus: 200, reading: 'ram-denied', source: `${intlErrorPage} ("RAM校验失败，用户权限不足")`, confidence: 'H' },
  // PNVS lists its refusals with HTTP 400 (docs/aliyun-pnvs-api.md §4); the code is what the readers branch on.
  { site: 'pnvs', actions: ['SendSmsVerifyCode', 'QuerySendDetails'], code: 'isv.RAM_PERMISSION_DENY', httpStatus: 400, reading: 'ram-denied', source: pnvsErrorPage, confidence: 'H' },
  { site: 'international', actions: ['QueryMessage'], code: 'isp.RAM_PERMISSION_DENY', httpStatus: 200, reading: 'ram-denied', source: 'prefixed form in older international error lists', confidence: 'M', older: true },
  { site: 'international', actions: ['QueryMessage'], code: 'isv.RAM_CHECK_FAILED', httpStatus: 200, reading: 'ram-denied', source: 'prefixed form in older international error lists', confidence: 'M', older: true },
  { site: 'international', actions: ['QueryMessage'], code: 'RAM_CHECK_FAILED', httpStatus: 200, reading: 'ram-denied', source: `bare form of the above; ${intlErrorPage} describes RAM_PERMISSION_DENY as "RAM校验失败"`, confidence: 'L', older: true },
  { site: 'gateway', actions: anyRead, code: 'Forbidden.RAM', httpStatus: 403, reading: 'ram-denied', source: ramTroubleshooting, confidence: 'M' },
  { site: 'gateway', actions: anyRead, code: 'Forbidden.NoPermission', httpStatus: 403, reading: 'ram-denied', source: ramTroubleshooting, confidence: 'M' },
  // An account-level ban of the action: not RAM.
  { site: 'china', actions: ['GetSmsTemplate', 'GetSmsSign'], code: 'ForbiddenAction', httpStatus: 400, reading: 'forbidden-action', source: metadata, confidence: 'H' },
  { site: 'international', actions: ['SendMessageWithTemplate', 'SendMessageToGlobe', 'QueryMessage'], code: 'FORBIDDEN_ACTION', httpStatus: 200, reading: 'forbidden-action', source: `${intlErrorPage} ("用户接口降级")`, confidence: 'H' },
  { site: 'international', actions: ['QueryMessage'], code: 'isv.FORBIDDEN_ACTION', httpStatus: 200, reading: 'forbidden-action', source: 'prefixed form in older international error lists', confidence: 'M', older: true },
  // Not in this account.
  { site: 'china', actions: ['GetSmsTemplate'], code: 'TemplateNotFound', httpStatus: 404, reading: 'not-in-account', source: metadata, confidence: 'H' },
  { site: 'china', actions: ['GetSmsSign'], code: 'SignatureNotFound', httpStatus: 404, reading: 'not-in-account', source: metadata, confidence: 'H' },
  // No record (yet) of a message: not a refusal.
  { site: 'international', actions: ['QueryMessage'], code: 'DATA_NOT_EXIST', httpStatus: 200, reading: 'no-record', source: `${intlErrorPage} ("查询的短信记录不存在", try again later)`, confidence: 'H' },
  { site: 'international', actions: ['QueryMessage'], code: 'isv.DATA_NOT_EXIST', httpStatus: 200, reading: 'no-record', source: 'prefixed form in older international error lists', confidence: 'M', older: true },
];

/** The code each site's own API answers today for a RAM refusal. */
export const ramCodeOfSite = (site: 'china' | 'international' | 'pnvs'): CodeFact => {
  const fact = codeFacts.find((row) => row.site === site && row.reading === 'ram-denied' && row.older === undefined);
  if (fact === undefined) {
    throw new TypeError(`no RAM fact for ${site}`);
  }
  return fact;
};

/** One international-site host and the region it serves. */
export type HostFact = { region: string; host: string; source: string };

const endpointMap = intlSdk('client.ts (_endpointMap)');
const endpointPage = 'https://alibabacloud.com/help/en/sms/developer-reference/api-dysmsapi-2018-05-01-endpoint';

/** The 2018-05-01 API's hosts; both `cn-hongkong` hosts, since the SDK's map and the endpoint page disagree. */
export const hostFacts: readonly HostFact[] = [
  { region: 'ap-southeast-1', host: 'dysmsapi.ap-southeast-1.aliyuncs.com', source: `${endpointMap}; ${endpointPage}` },
  { region: 'ap-southeast-1', host: 'dysmsapi-xman.vpc-proxy.aliyuncs.com', source: `${endpointPage} (VPC)` },
  { region: 'ap-southeast-5', host: 'dysmsapi.ap-southeast-5.aliyuncs.com', source: `${endpointMap}; ${endpointPage}` },
  { region: 'ap-southeast-5', host: 'dysmsapi-xman-vpc.ap-southeast-5.aliyuncs.com', source: `${endpointPage} (VPC)` },
  { region: 'eu-central-1', host: 'dysmsapi.eu-central-1.aliyuncs.com', source: `${endpointMap}; ${endpointPage}` },
  { region: 'eu-central-1', host: 'dysmsapi-xman-vpc.eu-central-1.aliyuncs.com', source: `${endpointPage} (VPC)` },
  { region: 'cn-hongkong', host: 'dysmsapi-xman.cn-hongkong.aliyuncs.com', source: endpointMap },
  { region: 'cn-hongkong', host: 'dysmsapi.aliyuncs.com', source: `${endpointPage}; dew-serverless/acs-sdk-php data/dysmsapi/2018-05-01/api-docs.php (endpoints)` },
  { region: 'cn-beijing', host: 'dysmsapi-proxy.cn-beijing.aliyuncs.com', source: endpointMap },
  { region: 'us-east-1', host: 'dysmsapi.us-east-1.aliyuncs.com', source: endpointMap },
];

/** Jakarta, the Indonesian site: SendMessageToGlobe only, no SendMessageWithTemplate. */
export const jakarta = { region: 'ap-southeast-5', servesSendMessageWithTemplate: false, source: 'https://www.alibabacloud.com/help/en/sms/indonesian-site-of-sms-console' } as const;
