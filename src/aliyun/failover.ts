/**
 * @module failover
 * Which failed sends may be tried again through the fallback account, and why. A second send is
 * safe only when nothing was sent (Aliyun refused the request before delivering, or the request
 * provably never reached it) and helps only when the cause is the account, not the number: a
 * timeout may have delivered a code, and switching accounts after a per-number limit would hand
 * the same number a second allowance. So only the codes listed here fail over; a code not in the
 * table, however harmless it looks, never does.
 *
 * Two kinds fail over. `account`: the refusal holds for every message of the account (billing,
 * the account itself, the product, the key, RAM), so the next sends try the fallback first for a
 * while. `send`: the refusal is about what this message uses (signature, template, sender ID, the
 * account's configuration for it), so only this send fails over and the order stays.
 *
 * Aliyun spells one code several ways (bare on the international site, `isv.` or `isp.` on the
 * China site and PNVS), so a code is looked up without those prefixes; `InvalidAccessKeyId.`,
 * `InvalidSecurityToken.`, `InvalidTimeStamp.`, `Throttling` and `BUSINESS_LIMIT` rows match every
 * suffix. Sources (fact sheet = the project's Aliyun SMS fact sheet):
 * - SMS: https://help.aliyun.com/zh/sms/developer-reference/api-error-codes (fact sheet §5)
 * - INTL: https://help.aliyun.com/zh/sms/error-code-intl (fact sheet §3 and its corrections)
 * - INTL2019: https://www.alibabacloud.com/help/doc-detail/116206.htm (the 2019 international list, `isv.` spellings)
 * - PNVS: https://alibabacloud.com/help/en/pnvs/developer-reference/api-error-code, docs/aliyun-pnvs-api.md §5
 * - GATEWAY: Aliyun's gateway codes, fact sheet §1.4 and §5; docs/aliyun-sms-query-api.md §10 for RAM
 */

/** What a failed send allows: fail over and remember, fail over this send only, or stop. */
export type FailoverKind = 'account' | 'send' | 'never';

/** One row: the codes, what they mean for a second send, and where Aliyun says so. */
export type FailoverRow = { kind: FailoverKind; codes: readonly string[]; reason: string; source: string };

/** The verdict on one failed send. */
export type FailoverVerdict = { kind: FailoverKind; reason: string };

/** The table. Rows whose code ends with `*` match every code that begins with what precedes it. */
export const failoverRows: readonly FailoverRow[] = [
  // Fail over, and try the fallback first for a while: every message of this account is refused.
  { kind: 'account', codes: ['AMOUNT_NOT_ENOUGH', 'OUT_OF_SERVICE'], reason: 'the account cannot pay: balance or resource plan used up, or SMS suspended for arrears', source: 'SMS; INTL' },
  { kind: 'account', codes: ['BILLING_DEDUCTION_ERROR'], reason: 'the account could not be charged for the message', source: 'INTL2019 (isv.BILLING_DEDUCTION_ERROR, "SMS service charge is abnormal")' },
  // INTL: "在线计费失败或者内部系统错误" — the charge comes before submission on this site, so nothing was sent.
  { kind: 'account', codes: ['ONLINE_BILLING_FAILED'], reason: 'the charge failed, and the international site charges before submitting a message', source: 'INTL' },
  { kind: 'account', codes: ['RESOURCE_NOT_ENOUGH'], reason: 'PNVS: no resource plan left and not enough balance', source: 'PNVS ("the resource plan is unavailable or the account balance is insufficient")' },
  { kind: 'account', codes: ['ACCOUNT_NOT_EXISTS', 'ACCOUNT_ABNORMAL'], reason: 'the account is unknown or flagged', source: 'SMS; INTL; INTL2019' },
  { kind: 'account', codes: ['ACCOUNT_ILLEGAL'], reason: 'the account is blocklisted (for content it sent earlier), so it sends nothing to anyone', source: 'INTL (ACCOUNT_ILLEGAL, 63: "账号由于发送非法内容被列入黑名单")' },
  { kind: 'account', codes: ['PRODUCT_UN_SUBSCRIPT', 'PRODUCT_UNSUBSCRIBE', 'PRODUCT_NOT_SUBSCRIBED'], reason: 'the SMS service is not activated on the account', source: 'SMS; INTL' },
  { kind: 'account', codes: ['FUNCTION_NOT_OPENED', 'BIZ_NOT_OPEN_STATUS'], reason: 'PNVS SMS verification is not activated on the account', source: 'PNVS' },
  { kind: 'account', codes: ['FORBIDDEN_ACTION', 'ForbiddenAction'], reason: 'the account may not use the API at all (downgraded), whoever asks', source: 'INTL ("用户接口降级"); fact sheet corrections (ForbiddenAction, API metadata)' },
  { kind: 'account', codes: ['SignatureDoesNotMatch', 'IncompleteSignature'], reason: "the gateway refused the key's signature: the secret is not this key's", source: 'GATEWAY (IncompleteSignature [M]: no SMS page lists it)' },
  { kind: 'account', codes: ['InvalidAccessKeyId.*'], reason: 'the AccessKey is unknown or disabled', source: 'GATEWAY (InvalidAccessKeyId.NotFound, InvalidAccessKeyId.Inactive)' },
  { kind: 'account', codes: ['MissingSecurityToken', 'InvalidSecurityToken.*'], reason: 'the key needs an STS token, or its token expired', source: 'GATEWAY' },
  { kind: 'account', codes: ['Forbidden.RAM', 'Forbidden.NoPermission', 'RAM_PERMISSION_DENY', 'RAM_CHECK_FAILED'], reason: "the key's RAM policy does not allow the send", source: 'GATEWAY; SMS (isp.RAM_PERMISSION_DENY); INTL (RAM_PERMISSION_DENY); PNVS (isv.RAM_PERMISSION_DENY); INTL2019 (isv.RAM_CHECK_FAILED)' },

  // Fail over for this send only: what this message uses is refused; another message may pass.
  { kind: 'send', codes: ['SMS_SIGNATURE_ILLEGAL', 'SMS_SIGN_ILLEGAL', 'SIGN_STATE_ILLEGAL', 'SMS_SIGNATURE_SCENE_ILLEGAL'], reason: 'the signature is unknown, unapproved, banned or of the wrong kind for the template', source: 'SMS' },
  { kind: 'send', codes: ['SMS_TEMPLATE_ILLEGAL', 'SMS_SIGN_NAME_ILLEGAL', 'SMS_CONTENT_CODE_ILLEGAL'], reason: 'the template or signature is unknown, unapproved or withdrawn', source: 'SMS; INTL' },
  { kind: 'send', codes: ['INVALID_SENDERID', 'SENDERID_ERROR'], reason: 'the sender ID is not approved', source: 'INTL; INTL2019 (isv.SENDERID_ERROR)' },
  { kind: 'send', codes: ['TEMPLATE_MISSING_PARAMETERS', 'CONTENT_MISSING_PARAMETERS', 'INVALID_JSON_PARAM', 'EXTEND_CODE_ERROR'], reason: "the account's template or extension code does not match what this configuration sends", source: 'SMS; INTL' },
  { kind: 'send', codes: ['InvalidAction.NotFound', 'InvalidVersion'], reason: 'the endpoint does not serve this API', source: 'GATEWAY' },
  { kind: 'send', codes: ['DENY_IP_RANGE'], reason: "the account refuses mainland sends from this server's address range", source: 'SMS' },

  // Never: the message may have left, so a second send could deliver a second code.
  { kind: 'never', codes: ['SYSTEM_ERROR', 'GATEWAY_ERROR', 'UNKNOWN', 'ServiceUnavailable', 'InternalError'], reason: 'an error inside Aliyun: the message may have been sent', source: 'SMS; INTL; INTL2019; GATEWAY' },
  { kind: 'never', codes: ['SignatureNonceUsed'], reason: 'a proxy repeated the request, so the first copy landed', source: 'GATEWAY' },
  // Never: a refusal about the number, or a protection the operator wants kept.
  { kind: 'never', codes: ['MOBILE_NUMBER_ILLEGAL', 'MOBILE_COUNT_OVER_LIMIT'], reason: 'the number is malformed: another account refuses it too', source: 'SMS; INTL' },
  { kind: 'never', codes: ['BUSINESS_LIMIT*', 'FREQUENCY_FAIL', 'QPS_LIMIT_CONTROL', 'Throttling*'], reason: "flow control: another account would give the number a second allowance", source: 'SMS; INTL; INTL2019; PNVS; GATEWAY' },
  { kind: 'never', codes: ['DAY_LIMIT_CONTROL', 'MONTH_LIMIT_CONTROL'], reason: "the account's own daily or monthly cap, the operator's brake against SMS pumping", source: 'SMS' },
  { kind: 'never', codes: ['DOMESTIC_NUMBER_NOT_SUPPORTED', 'NOT_SUPPORTED_COUNTRY', 'COUNTRY_RESTRICTED'], reason: "the number's region is not served by this route", source: 'SMS; INTL; INTL2019' },
  { kind: 'never', codes: ['TEMPLATE_PARAMS_ILLEGAL', 'PARAM_LENGTH_LIMIT', 'PARAM_NOT_SUPPORT_URL', 'BLACK_KEY_CONTROL_LIMIT', 'SMS_CONTENT_ILLEGAL', 'SMS_SECURITY_INTERCEPTED'], reason: "the message's content is refused, and the same content goes through the fallback", source: 'SMS; INTL' },
  { kind: 'never', codes: ['INVALID_PARAMETERS'], reason: 'a malformed parameter, which may be the number', source: 'SMS; INTL; PNVS' },
  { kind: 'never', codes: ['InvalidTimeStamp.*'], reason: "this host's clock, which the fallback shares; the client already retried on Aliyun's clock", source: 'GATEWAY' },
];

/** Aliyun's prefixes for one code: `isv.` (business) and `isp.` (platform) on the China site and PNVS. */
const bareCode = (code: string): string => code.replace(/^is[vp]\./, '');

const matches = (pattern: string, code: string): boolean =>
  pattern.endsWith('*') ? code.startsWith(pattern.slice(0, -1)) : code === pattern;

const exactRows = new Map(failoverRows.flatMap((row) => row.codes.filter((code) => !code.endsWith('*')).map((code) => [code, row] as const)));
const prefixRows = failoverRows.filter((row) => row.codes.some((code) => code.endsWith('*')));

/** The row for an Aliyun `Code`, in any of its spellings; `undefined` when the table does not list it. */
export const failoverRowFor = (code: string): FailoverRow | undefined => {
  const bare = bareCode(code);
  return exactRows.get(bare) ?? prefixRows.find((row) => row.codes.some((pattern) => matches(pattern, bare)));
};

/**
 * The verdict on an answer that refused the message. An answer with HTTP status 500 or more never
 * fails over, whatever its code: the server was in trouble, and what it did is unknown. PNVS's
 * `OK` with `Success: false` is not in the table, so it never fails over either.
 */
export const refusalVerdict = (code: string, httpStatus: number): FailoverVerdict => {
  if (httpStatus >= 500) {
    return { kind: 'never', reason: `HTTP ${httpStatus}: the server was in trouble, and the message may have been sent` };
  }
  const row = failoverRowFor(code);
  return row ? { kind: row.kind, reason: row.reason } : { kind: 'never', reason: `${code} is not a refusal known to leave nothing sent` };
};

/**
 * The verdict on a request that got no answer of Aliyun's: only one that provably never reached
 * the server (retry-policy.ts: refused connection, DNS, a TLS handshake that never completed, a
 * stale pooled socket with nothing written) fails over, for this send. A timeout, a connection
 * that died after the request was written, or a body that is not Aliyun's may hide a sent message.
 */
export const failureVerdict = (unsent: boolean): FailoverVerdict =>
  unsent
    ? { kind: 'send', reason: 'the request never reached the server' }
    : { kind: 'never', reason: 'the request may have reached Aliyun, and the message may have been sent' };
