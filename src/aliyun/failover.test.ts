/**
 * Which failed sends may go to the fallback account, pinned against facts written here with their
 * source (never against the table itself): every code in every spelling Aliyun uses, the answers
 * that are not refusals, and the transport failures.
 */
import { describe, expect, it } from 'vitest';

import { failoverRows, failureVerdict, refusalVerdict, type FailoverKind } from './failover.js';

const sms = 'help.aliyun.com/zh/sms/developer-reference/api-error-codes';
const intl = 'help.aliyun.com/zh/sms/error-code-intl';
const intl2019 = 'alibabacloud.com/help/doc-detail/116206.htm';
const pnvs = 'alibabacloud.com/help/en/pnvs/developer-reference/api-error-code; docs/aliyun-pnvs-api.md §5';
const gateway = 'fact sheet §1.4 and §5 (gateway codes)';

/** [code as Aliyun documents it, what a failed send with it may do, why, where it is documented]. */
const facts: Array<[code: string, kind: FailoverKind, why: string, source: string]> = [
  // Billing and account: nothing is sent for anyone, so the next sends try the fallback first.
  ['isv.AMOUNT_NOT_ENOUGH', 'account', 'balance too low', sms],
  ['AMOUNT_NOT_ENOUGH', 'account', 'resource plan or balance used up', intl],
  ['isv.OUT_OF_SERVICE', 'account', 'suspended for arrears', sms],
  ['OUT_OF_SERVICE', 'account', 'international SMS suspended', intl],
  ['isv.BILLING_DEDUCTION_ERROR', 'account', 'the charge is abnormal', intl2019],
  ['ONLINE_BILLING_FAILED', 'account', 'the charge failed; the international site charges before submitting', intl],
  ['RESOURCE_NOT_ENOUGH', 'account', 'PNVS: no resource plan, not enough balance', pnvs],
  ['isv.ACCOUNT_NOT_EXISTS', 'account', 'no such account', sms],
  ['ACCOUNT_NOT_EXISTS', 'account', 'no such account', intl],
  ['isv.ACCOUNT_ABNORMAL', 'account', 'account flagged', sms],
  ['ACCOUNT_ILLEGAL', 'account', 'account blocklisted for content it sent', intl],
  // Product not active on the account.
  ['isv.PRODUCT_UN_SUBSCRIPT', 'account', 'SMS not activated', sms],
  ['isv.PRODUCT_UNSUBSCRIBE', 'account', 'SMS not activated', sms],
  ['PRODUCT_NOT_SUBSCRIBED', 'account', 'SMS not activated', intl],
  ['FUNCTION_NOT_OPENED', 'account', 'PNVS SMS verification not opened', pnvs],
  ['BIZ_NOT_OPEN_STATUS', 'account', 'PNVS not activated', pnvs],
  ['FORBIDDEN_ACTION', 'account', 'the account’s API access downgraded', intl],
  ['ForbiddenAction', 'account', 'the account may not use the action at all', 'fact sheet corrections, second round (API metadata)'],
  // Credentials and RAM.
  ['SignatureDoesNotMatch', 'account', 'the secret is not this key’s', gateway],
  ['IncompleteSignature', 'account', 'the signature is malformed [M]', 'src/account/account-queries.ts credentialCodes'],
  ['InvalidAccessKeyId.NotFound', 'account', 'unknown AccessKey', gateway],
  ['InvalidAccessKeyId.Inactive', 'account', 'disabled AccessKey', gateway],
  ['MissingSecurityToken', 'account', 'STS token missing', gateway],
  ['InvalidSecurityToken.Expired', 'account', 'STS token expired', gateway],
  ['InvalidSecurityToken.Malformed', 'account', 'STS token malformed (every InvalidSecurityToken.*)', gateway],
  ['Forbidden.RAM', 'account', 'RAM denies the action', `${gateway}; docs/aliyun-sms-query-api.md §10`],
  ['Forbidden.NoPermission', 'account', 'RAM denies the action', 'docs/aliyun-sms-query-api.md §10 (R4)'],
  ['isp.RAM_PERMISSION_DENY', 'account', 'RAM denies the action (China site)', sms],
  ['RAM_PERMISSION_DENY', 'account', 'RAM denies the action (international site)', intl],
  ['isv.RAM_PERMISSION_DENY', 'account', 'RAM denies the action (PNVS)', pnvs],
  ['isv.RAM_CHECK_FAILED', 'account', 'RAM check failed', intl2019],
  // Signature, template and sender ID: this send fails over, the order stays.
  ['isv.SMS_SIGNATURE_ILLEGAL', 'send', 'signature unknown or unapproved', sms],
  ['isv.SMS_SIGN_ILLEGAL', 'send', 'signature banned', sms],
  ['isv.SIGN_STATE_ILLEGAL', 'send', 'signature unusable', sms],
  ['isv.SMS_SIGNATURE_SCENE_ILLEGAL', 'send', 'code signature with another template kind', sms],
  ['isv.SMS_TEMPLATE_ILLEGAL', 'send', 'template unknown or withdrawn', sms],
  ['SMS_SIGN_NAME_ILLEGAL', 'send', 'signature unknown or blocked', intl],
  ['SMS_CONTENT_CODE_ILLEGAL', 'send', 'template unknown or blocked', intl],
  ['INVALID_SENDERID', 'send', 'sender ID not approved', intl],
  ['isv.SENDERID_ERROR', 'send', 'sender ID malformed', intl2019],
  // The account's configuration for this message.
  ['isv.TEMPLATE_MISSING_PARAMETERS', 'send', 'the template has a variable not filled', sms],
  ['CONTENT_MISSING_PARAMETERS', 'send', 'the content has a variable not filled', intl],
  ['isv.INVALID_JSON_PARAM', 'send', 'TemplateParam refused', sms],
  ['isv.EXTEND_CODE_ERROR', 'send', 'one extension code on several signatures', sms],
  ['InvalidAction.NotFound', 'send', 'the endpoint does not serve the API', gateway],
  ['InvalidVersion', 'send', 'the endpoint does not serve the version', gateway],
  ['isv.DENY_IP_RANGE', 'send', 'the account refuses this address range', sms],
  // Never: the message may have left.
  ['isp.SYSTEM_ERROR', 'never', 'internal error: may have been sent', sms],
  ['SYSTEM_ERROR', 'never', 'internal error', intl],
  ['isp.GATEWAY_ERROR', 'never', 'internal error', intl2019],
  ['isp.UNKNOWN', 'never', 'unknown exception', intl2019],
  ['ServiceUnavailable', 'never', 'transient, may have been sent', gateway],
  ['InternalError', 'never', 'transient, may have been sent', `${gateway}; ${pnvs}`],
  ['SignatureNonceUsed', 'never', 'a proxy repeated the request: the first one landed', gateway],
  // Never: the number, or a protection the operator wants kept.
  ['isv.MOBILE_NUMBER_ILLEGAL', 'never', 'malformed number', sms],
  ['MOBILE_NUMBER_ILLEGAL', 'never', 'malformed number', `${intl}; ${pnvs}`],
  ['isv.MOBILE_COUNT_OVER_LIMIT', 'never', 'too many numbers', sms],
  ['isv.BUSINESS_LIMIT_CONTROL', 'never', 'per-number flow control', sms],
  ['BUSINESS_LIMIT_CONTROL', 'never', 'per-number flow control', pnvs],
  ['BUSINESS_LIMIT_CONTROL_MINUTE', 'never', 'per-number flow control', intl2019],
  ['isv.BUSINESS_LIMIT_HOUR', 'never', 'per-number flow control', intl2019],
  ['isv.BUSINESS_LIMIT_DAY', 'never', 'per-number flow control', intl2019],
  ['BUSINESS_LIMIT_CONTROL_PHONE', 'never', 'per-number flow control', intl2019],
  ['FREQUENCY_FAIL', 'never', 'PNVS interval between codes', pnvs],
  ['QPS_LIMIT_CONTROL', 'never', 'call rate', intl],
  ['Throttling', 'never', 'call rate', gateway],
  ['Throttling.User', 'never', 'call rate', gateway],
  ['Throttling.Api', 'never', 'call rate (every Throttling*)', gateway],
  ['isv.DAY_LIMIT_CONTROL', 'never', "the operator's daily cap", sms],
  ['isv.MONTH_LIMIT_CONTROL', 'never', "the operator's monthly cap", sms],
  ['isv.DOMESTIC_NUMBER_NOT_SUPPORTED', 'never', 'region', sms],
  ['NOT_SUPPORTED_COUNTRY', 'never', 'region', intl],
  ['isv.COUNTRY_RESTRICTED', 'never', 'region', intl2019],
  ['isv.TEMPLATE_PARAMS_ILLEGAL', 'never', 'content', sms],
  ['isv.PARAM_LENGTH_LIMIT', 'never', 'content', sms],
  ['isv.PARAM_NOT_SUPPORT_URL', 'never', 'content', sms],
  ['isv.BLACK_KEY_CONTROL_LIMIT', 'never', 'content', sms],
  ['isv.SMS_CONTENT_ILLEGAL', 'never', 'content', sms],
  ['SMS_SECURITY_INTERCEPTED', 'never', 'content intercepted', intl],
  ['isv.INVALID_PARAMETERS', 'never', 'may be the number', sms],
  ['INVALID_PARAMETERS', 'never', 'may be the number', `${intl}; ${pnvs}`],
  ['InvalidTimeStamp.Expired', 'never', "this host's clock, shared by the fallback", gateway],
];

/** The spellings Aliyun uses for one business code: bare, `isv.` and `isp.`, whichever the source shows. */
const spellings = (code: string): string[] => {
  const bare = code.replace(/^is[vp]\./, '');
  return /^[A-Z_]+$/.test(bare) ? [bare, `isv.${bare}`, `isp.${bare}`] : [code];
};

describe('which refusals fail over', () => {
  it.each(facts)('%s → %s (%s; %s)', (code, kind) => {
    for (const spelling of spellings(code)) {
      expect({ spelling, kind: refusalVerdict(spelling, 200).kind }).toEqual({ spelling, kind });
    }
  });

  it('the same codes at HTTP 4xx decide alike (gateway refusals come with 400, 403 and 404)', () => {
    for (const [code, kind] of facts) {
      for (const status of [400, 403, 404]) {
        expect({ code, status, kind: refusalVerdict(code, status).kind }).toEqual({ code, status, kind });
      }
    }
  });

  it('an answer with HTTP 5xx never fails over, whatever its code', () => {
    for (const [code] of facts) {
      expect({ code, kind: refusalVerdict(code, 503).kind }).toEqual({ code, kind: 'never' });
      expect(refusalVerdict(code, 500).kind).toBe('never');
    }
  });

  it.each([
    ['OK', "PNVS's OK with Success: false (the answer contradicts itself)"],
    ['isv.SMS_TEST_SIGN_TEMPLATE_LIMIT', 'a code the table does not list'],
    ['SENTINEL_BLOCK_EXCEPTION', 'PNVS: "online billing failed or a system error"; not listed'],
    ['DATA_NOT_EXIST', 'a query code'],
    ['isx.AMOUNT_NOT_ENOUGH', 'not a prefix Aliyun uses'],
    ['AMOUNT_NOT_ENOUGH_SOON', 'a longer code is another code'],
    ['amount_not_enough', 'codes are case-sensitive'],
    ['Forbidden', 'not Forbidden.RAM'],
    ['InvalidAccessKeyId', 'the family without a suffix'],
    ['constructor', 'nothing inherited'],
    ['', 'an empty code'],
  ])('%s never fails over (%s)', (code) => {
    expect(refusalVerdict(code, 200).kind).toBe('never');
  });

  it('the table lets fail over only codes in these facts, with the same kind', () => {
    const known = facts.map(([code, kind]) => ({ bare: code.replace(/^is[vp]\./, ''), kind }));
    for (const row of failoverRows.filter(({ kind }) => kind !== 'never')) {
      for (const code of row.codes) {
        const family = code.endsWith('*') ? known.filter(({ bare }) => bare.startsWith(code.slice(0, -1))) : known.filter(({ bare }) => bare === code);
        expect({ code, kinds: [...new Set(family.map(({ kind }) => kind))] }).toEqual({ code, kinds: [row.kind] });
      }
    }
  });

  it('every row says why and where Aliyun says so', () => {
    for (const row of failoverRows) {
      expect(row.reason.length).toBeGreaterThan(10);
      expect(row.source.length).toBeGreaterThan(2);
    }
  });
});

describe('failures without an answer of Aliyun', () => {
  it.each<[string, boolean, FailoverKind]>([
    ['connection refused, DNS failure, a TLS handshake that never completed, a stale pooled socket with nothing written (retry-policy: unsent)', true, 'send'],
    ['a timeout, a reset after the request was written, HTTP 5xx or a body that is not Aliyun’s (not provably unsent)', false, 'never'],
  ])('%s → %s', (_, unsent, kind) => {
    expect(failureVerdict(unsent).kind).toBe(kind);
  });
});
