/**
 * @module oracle-actions
 * Every Aliyun action the package or the operator commands send, and the SDK models that decide
 * its parameter names (request) and its answer's field names and types (response). A row per
 * product host and action: `QuerySendDetails` is one action on `dysmsapi` (SMS) and another, with
 * another answer shape, on `dypnsapi` (PNVS). An action the package starts sending needs a row
 * here; `request-oracle.test.ts` fails until it has one. The sandbox also answers actions the
 * package does not send yet ({@link upcomingActions}); their answers are checked all the same.
 */
import type { ModelRef } from './sdk-models.js';

/**
 * The Aliyun host an action goes to: SMS (`dysmsapi.aliyuncs.com`), PNVS (`dypnsapi.aliyuncs.com`),
 * billing (`business.aliyuncs.com`) or STS (`sts.aliyuncs.com`).
 */
export type Service = 'dysmsapi' | 'dypnsapi' | 'business' | 'sts';

/** One action and the models that describe it; an action without parameters has no request model. */
export type OracleAction = { service: Service; version: string; action: string; request?: ModelRef; response: ModelRef };

/** The SDK generated from each product's API version (Aliyun's package names end in the version). */
export const sdkOf: Readonly<Record<string, string>> = {
  'dysmsapi 2017-05-25': '@alicloud/dysmsapi20170525',
  'dysmsapi 2018-05-01': '@alicloud/dysmsapi20180501',
  'dypnsapi 2017-05-25': '@alicloud/dypnsapi20170525',
  'business 2017-12-14': '@alicloud/bssopenapi20171214',
  'sts 2015-04-01': '@alicloud/sts20150401',
};

const row = (service: Service, version: string, action: string, { parameters = true } = {}): OracleAction => {
  const sdk = sdkOf[`${service} ${version}`];
  if (sdk === undefined) {
    throw new TypeError(`no SDK for ${service} ${version}`);
  }
  return { service, version, action, ...(parameters ? { request: { sdk, model: `${action}Request` } } : {}), response: { sdk, model: `${action}ResponseBody` } };
};

export const oracleActions: readonly OracleAction[] = [
  // China site: the send, and the read-only queries of doctor, status and the Console's Send explanation.
  row('dysmsapi', '2017-05-25', 'SendSms'),
  row('dysmsapi', '2017-05-25', 'GetSmsTemplate'),
  row('dysmsapi', '2017-05-25', 'QuerySmsTemplate'),
  row('dysmsapi', '2017-05-25', 'GetSmsSign'),
  row('dysmsapi', '2017-05-25', 'QuerySmsSign'),
  row('dysmsapi', '2017-05-25', 'QuerySendDetails'),
  // report's delivery statistics, and the balance doctor and report read from the billing host.
  row('dysmsapi', '2017-05-25', 'QuerySendStatistics'),
  row('business', '2017-12-14', 'QueryAccountBalance', { parameters: false }),
  // International site.
  row('dysmsapi', '2018-05-01', 'SendMessageWithTemplate'),
  row('dysmsapi', '2018-05-01', 'SendMessageToGlobe'),
  row('dysmsapi', '2018-05-01', 'QueryMessage'),
  // PNVS (号码认证服务), on its own host.
  row('dypnsapi', '2017-05-25', 'SendSmsVerifyCode'),
  row('dypnsapi', '2017-05-25', 'QuerySendDetails'),
  // STS, which doctor asks whether a fallback account's key belongs to the primary's account.
  row('sts', '2015-04-01', 'GetCallerIdentity', { parameters: false }),
];

/**
 * Actions the sandbox answers that the package does not send yet: their SDKs are pinned so that the
 * sandbox's answers follow the models before any code reads them. A row moves to
 * {@link oracleActions} with the code that sends it; every action the sandbox serves is sent now.
 */
export const upcomingActions: readonly OracleAction[] = [];

/**
 * The one product whose API has `version`, when only one has it. A loopback endpoint (the sandbox,
 * and a recorder in front of it) serves every product on one port, and the package sends a
 * product's calls there, so an exchange recorded on one host may be another product's: STS
 * 2015-04-01 and BssOpenApi 2017-12-14 tell themselves apart by version (2017-05-25 does not).
 */
const onlyProductOf = (version: string | undefined): string | undefined => {
  const services = Object.keys(sdkOf).filter((key) => key.endsWith(` ${version ?? ''}`)).map((key) => key.split(' ')[0]);
  return services.length === 1 ? services[0] : undefined;
};

/** The row of an exchange, by host, version and action, among `rows`. */
export const oracleRowOf = (
  service: string,
  version: string | undefined,
  action: string | undefined,
  rows: readonly OracleAction[] = oracleActions,
): OracleAction | undefined => {
  const host = onlyProductOf(version) ?? service;
  return rows.find((candidate) => candidate.service === host && candidate.version === version && candidate.action === action);
};

/**
 * The signature's common parameters (fact sheet §1.1), which no request model lists: every
 * other parameter the package sends must be a wire name of the action's request model.
 */
export const commonParameters: ReadonlySet<string> = new Set([
  'AccessKeyId',
  'Action',
  'Format',
  'RegionId',
  'SignatureMethod',
  'SignatureNonce',
  'SignatureVersion',
  'Timestamp',
  'Version',
  'SecurityToken',
  'Signature',
]);

/**
 * Fields the template and signature readers also look for in a single-item answer though only the
 * list APIs' items declare them (docs/aliyun-sms-query-api.md §4 and §11: a status given only as
 * `AuditStatus`, a type given as `OuterTemplateType`), so a list item reads the same. Each is
 * checked against the list model that declares it (`at`), never taken on trust.
 */
export const listFallbacks: ReadonlyArray<{ path: string; declaredIn: ModelRef; at: string }> = [
  { path: 'AuditStatus', declaredIn: { sdk: '@alicloud/dysmsapi20170525', model: 'QuerySmsTemplateListResponseBody' }, at: 'SmsTemplateList[].AuditStatus' },
  { path: 'OuterTemplateType', declaredIn: { sdk: '@alicloud/dysmsapi20170525', model: 'QuerySmsTemplateListResponseBody' }, at: 'SmsTemplateList[].OuterTemplateType' },
  { path: 'AuditStatus', declaredIn: { sdk: '@alicloud/dysmsapi20170525', model: 'QuerySmsSignListResponseBody' }, at: 'SmsSignList[].AuditStatus' },
];
