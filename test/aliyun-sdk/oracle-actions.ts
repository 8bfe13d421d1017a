/**
 * @module oracle-actions
 * Every Aliyun action the package or the operator commands send, and the SDK models that decide
 * its parameter names (request) and its answer's field names and types (response). A row per
 * product host and action: `QuerySendDetails` is one action on `dysmsapi` (SMS) and another, with
 * another answer shape, on `dypnsapi` (PNVS). An action the package starts sending needs a row
 * here; `request-oracle.test.ts` fails until it has one.
 */
import type { ModelRef } from './sdk-models.js';

/** The Aliyun host an action goes to: SMS (`dysmsapi.aliyuncs.com`) or PNVS (`dypnsapi.aliyuncs.com`). */
export type Service = 'dysmsapi' | 'dypnsapi';

/** One action and the models that describe it. */
export type OracleAction = { service: Service; version: string; action: string; request: ModelRef; response: ModelRef };

/** The SDK generated from each product's API version (Aliyun's package names end in the version). */
export const sdkOf: Readonly<Record<string, string>> = {
  'dysmsapi 2017-05-25': '@alicloud/dysmsapi20170525',
  'dysmsapi 2018-05-01': '@alicloud/dysmsapi20180501',
  'dypnsapi 2017-05-25': '@alicloud/dypnsapi20170525',
};

const row = (service: Service, version: string, action: string): OracleAction => {
  const sdk = sdkOf[`${service} ${version}`];
  if (sdk === undefined) {
    throw new TypeError(`no SDK for ${service} ${version}`);
  }
  return { service, version, action, request: { sdk, model: `${action}Request` }, response: { sdk, model: `${action}ResponseBody` } };
};

export const oracleActions: readonly OracleAction[] = [
  // China site: the send, and the read-only queries of doctor, status and the Console's Send explanation.
  row('dysmsapi', '2017-05-25', 'SendSms'),
  row('dysmsapi', '2017-05-25', 'GetSmsTemplate'),
  row('dysmsapi', '2017-05-25', 'QuerySmsTemplate'),
  row('dysmsapi', '2017-05-25', 'GetSmsSign'),
  row('dysmsapi', '2017-05-25', 'QuerySmsSign'),
  row('dysmsapi', '2017-05-25', 'QuerySendDetails'),
  // International site.
  row('dysmsapi', '2018-05-01', 'SendMessageWithTemplate'),
  row('dysmsapi', '2018-05-01', 'SendMessageToGlobe'),
  row('dysmsapi', '2018-05-01', 'QueryMessage'),
  // PNVS (号码认证服务), on its own host.
  row('dypnsapi', '2017-05-25', 'SendSmsVerifyCode'),
  row('dypnsapi', '2017-05-25', 'QuerySendDetails'),
];

/** The row of an exchange, by host, version and action. */
export const oracleRowOf = (service: string, version: string | undefined, action: string | undefined): OracleAction | undefined =>
  oracleActions.find((candidate) => candidate.service === service && candidate.version === version && candidate.action === action);

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
