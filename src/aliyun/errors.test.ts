import { ConnectorErrorCodes } from '@logto/connector-kit';
import { describe, expect, it } from 'vitest';

import { codeRules } from './error-codes.js';
import { aliyunError, redact, transportError } from './errors.js';
import type { RouteSummary } from '../plan/route.js';

const route: RouteSummary = {
  site: 'china',
  region: 'mainland',
  regionCode: '86',
  api: 'SendSms 2017-05-25',
  templateCode: 'SMS_123456789',
  to: '138****8000',
};

const { General, RateLimitExceeded, InvalidRequestParameters } = ConnectorErrorCodes;

/**
 * Every code of the fact sheet's error table (../shared/aliyun-sms-api.md §5), the connector code
 * Logto turns it into, and the words that tell the reader what to do.
 */
const table: Array<[code: string, status: number, connectorCode: ConnectorErrorCodes, says: string]> = [
  ['isv.BUSINESS_LIMIT_CONTROL', 200, RateLimitExceeded, 'the user can try again later'],
  ['isv.DAY_LIMIT_CONTROL', 200, General, 'daily SMS cap'],
  ['isv.MONTH_LIMIT_CONTROL', 200, General, 'monthly SMS cap'],
  ['isv.AMOUNT_NOT_ENOUGH', 200, General, 'top up the account'],
  ['isv.OUT_OF_SERVICE', 200, General, 'settle the balance'],
  ['isv.SMS_SIGNATURE_ILLEGAL', 200, General, 'does not accept signName'],
  ['isv.SMS_SIGN_ILLEGAL', 200, General, 'signature in signName is banned'],
  ['isv.SIGN_STATE_ILLEGAL', 200, General, 'signature in signName is not usable'],
  ['isv.SMS_SIGNATURE_SCENE_ILLEGAL', 200, General, 'is not a verification-code template'],
  ['isv.SMS_TEMPLATE_ILLEGAL', 200, General, 'does not accept template SMS_123456789'],
  ['isv.TEMPLATE_MISSING_PARAMETERS', 200, General, "add it to the template's params"],
  ['isv.TEMPLATE_PARAMS_ILLEGAL', 200, General, 'breaks its variable'],
  ['isv.INVALID_PARAMETERS', 200, General, 'malformed parameter'],
  ['isv.INVALID_JSON_PARAM', 200, General, 'JSON object of string values'],
  ['isv.PARAM_LENGTH_LIMIT', 200, General, 'too long'],
  ['isv.PARAM_NOT_SUPPORT_URL', 200, General, 'contains a URL'],
  ['isv.BLACK_KEY_CONTROL_LIMIT', 200, General, 'blacklisted keyword'],
  ['isv.SMS_CONTENT_ILLEGAL', 200, General, 'content is forbidden'],
  ['isv.MOBILE_NUMBER_ILLEGAL', 200, InvalidRequestParameters, 'real mobile number'],
  ['isv.MOBILE_COUNT_OVER_LIMIT', 200, InvalidRequestParameters, 'one number per message'],
  ['isv.DOMESTIC_NUMBER_NOT_SUPPORTED', 200, General, '{"china": "<mainland template>", "overseas": "SMS_123456789"}'],
  ['isv.DENY_IP_RANGE', 200, General, 'IP address range'],
  ['isv.ACCOUNT_NOT_EXISTS', 200, General, 'no account for accessKeyId'],
  ['isv.ACCOUNT_ABNORMAL', 200, General, 'account is abnormal'],
  ['isv.PRODUCT_UN_SUBSCRIPT', 200, General, 'not activated'],
  ['isv.PRODUCT_UNSUBSCRIBE', 200, General, 'not activated'],
  ['isv.EXTEND_CODE_ERROR', 200, General, 'SmsUpExtendCode'],
  ['isp.RAM_PERMISSION_DENY', 200, General, 'may not call SendSms 2017-05-25'],
  ['isp.SYSTEM_ERROR', 200, General, 'check the send records'],
  ['SignatureDoesNotMatch', 400, General, 'accessKeySecret does not belong to accessKeyId'],
  ['InvalidAccessKeyId.NotFound', 404, General, 'does not know accessKeyId'],
  ['InvalidAccessKeyId.Inactive', 400, General, 'AccessKey is disabled'],
  ['SignatureNonceUsed', 400, General, 'replayed'],
  ['InvalidTimeStamp.Expired', 400, General, 'clock is more than 15 minutes off'],
  ['Throttling.User', 400, RateLimitExceeded, 'the user can try again later'],
  ['Throttling', 403, RateLimitExceeded, 'the user can try again later'],
  ['Throttling.Api', 400, RateLimitExceeded, 'the user can try again later'],
  ['Forbidden.RAM', 403, General, 'may not call SendSms 2017-05-25'],
  ['Forbidden.NoPermission', 403, General, 'may not call SendSms 2017-05-25'],
  ['isv.RAM_PERMISSION_DENY', 200, General, 'may not call SendSms 2017-05-25'],
  ['ForbiddenAction', 400, General, "restricted this account's use of SendSms 2017-05-25 (an account-level restriction, not a RAM policy)"],
  ['MissingSecurityToken', 400, General, 'RAM user AccessKey'],
  ['InvalidSecurityToken.Expired', 400, General, 'STS credentials have expired'],
  ['InvalidVersion', 400, General, 'does not serve SendSms 2017-05-25'],
  ['InvalidAction.NotFound', 404, General, 'does not serve SendSms 2017-05-25'],
  ['ServiceUnavailable', 503, General, 'check the send records'],
  ['InternalError', 500, General, 'check the send records'],
  ['QPS_LIMIT_CONTROL', 200, RateLimitExceeded, 'the user can try again later'],
  ['BUSINESS_LIMIT_CONTROL', 200, RateLimitExceeded, 'the user can try again later'],
  // docs/aliyun-intl-api.md §2: an older published international list.
  ['BUSINESS_LIMIT_CONTROL_MINUTE', 200, RateLimitExceeded, 'Alibaba Cloud flow control refused another message for now'],
  ['isv.BUSINESS_LIMIT_HOUR', 200, RateLimitExceeded, 'Alibaba Cloud flow control refused another message for now'],
  ['isv.BUSINESS_LIMIT_DAY', 200, RateLimitExceeded, 'Alibaba Cloud flow control refused another message for now'],
  ['BUSINESS_LIMIT_HOUR', 200, RateLimitExceeded, 'Alibaba Cloud flow control refused another message for now'],
  ['BUSINESS_LIMIT_DAY', 200, RateLimitExceeded, 'Alibaba Cloud flow control refused another message for now'],
  ['BUSINESS_LIMIT_CONTROL_PHONE', 200, RateLimitExceeded, 'Alibaba Cloud flow control refused another message for now'],
  ['MOBILE_NUMBER_ILLEGAL', 200, InvalidRequestParameters, 'real mobile number'],
  ['NOT_SUPPORTED_COUNTRY', 200, InvalidRequestParameters, "does not deliver to this number's country"],
  ['INVALID_SENDERID', 200, General, 'register the sender ID'],
  ['SMS_SIGN_NAME_ILLEGAL', 200, General, 'use a mainland signature approved'],
  ['SMS_CONTENT_CODE_ILLEGAL', 200, General, 'does not accept template SMS_123456789'],
  ['CONTENT_MISSING_PARAMETERS', 200, General, "add it to the template's params"],
  ['INVALID_PARAMETERS', 200, General, 'malformed parameter'],
  ['INVALID_JSON_PARAM', 200, General, 'JSON object of string values'],
  ['PARAM_LENGTH_LIMIT', 200, General, 'too long'],
  ['SMS_CONTENT_ILLEGAL', 200, General, 'content is forbidden'],
  ['SMS_SECURITY_INTERCEPTED', 200, General, 'security check intercepted'],
  ['BLACK_KEY_CONTROL_LIMIT', 200, General, 'blacklisted keyword'],
  ['AMOUNT_NOT_ENOUGH', 200, General, 'top up the account'],
  ['ONLINE_BILLING_FAILED', 200, General, 'could not bill'],
  ['OUT_OF_SERVICE', 200, General, 'settle the balance'],
  ['ACCOUNT_NOT_EXISTS', 200, General, 'no account for accessKeyId'],
  ['ACCOUNT_ILLEGAL', 200, General, 'account is restricted'],
  ['PRODUCT_NOT_SUBSCRIBED', 200, General, 'not activated'],
  ['FORBIDDEN_ACTION', 200, General, "restricted this account's use of SendSms 2017-05-25 (an account-level restriction, not a RAM policy)"],
  ['isv.FORBIDDEN_ACTION', 200, General, "restricted this account's use of SendSms 2017-05-25 (an account-level restriction, not a RAM policy)"],
  ['RAM_PERMISSION_DENY', 200, General, 'may not call SendSms 2017-05-25'],
  ['RAM_CHECK_FAILED', 200, General, 'may not call SendSms 2017-05-25'],
  ['isv.RAM_CHECK_FAILED', 200, General, 'may not call SendSms 2017-05-25'],
  ['SYSTEM_ERROR', 200, General, 'check the send records'],
  ['isv.SOMETHING_NEW', 200, General, 'look the code up at https://help.aliyun.com/zh/sms/developer-reference/api-error-codes'],
  ['constructor', 200, General, 'look the code up'],
];

describe('aliyunError', () => {
  it.each(table)('%s (HTTP %i) → %s', (code, httpStatus, connectorCode, says) => {
    const error = aliyunError({ code, message: 'Aliyun text', requestId: 'REQ-1', httpStatus }, route, ['fakeSecret']);
    expect(error.code).toBe(connectorCode);
    expect(error.data).toEqual({
      errorDescription: expect.stringContaining(says) as string,
      code,
      message: 'Aliyun text',
      requestId: 'REQ-1',
      httpStatus,
      attempts: 1,
      route,
    });
    expect((error.data as { errorDescription: string }).errorDescription).toMatch(
      new RegExp(`\\(Aliyun ${code.replaceAll('.', '\\.')}: "Aliyun text", RequestId REQ-1\\)$`)
    );
  });

  it('covers every code it knows', () => {
    const tested = new Set(table.map(([code]) => code));
    expect([...codeRules.keys()].filter((code) => !tested.has(code))).toEqual([]);
  });

  it('keeps the echoed string to sign out of SignatureDoesNotMatch', () => {
    const error = aliyunError(
      {
        code: 'SignatureDoesNotMatch',
        message: 'Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3Dx',
        requestId: 'REQ-2',
        httpStatus: 400,
      },
      route,
      []
    );
    expect(error.data).toMatchObject({ message: 'Specified signature is not matched with our calculation.' });
  });

  it("redacts every listed secret from Aliyun's Message, in data and in the sentence", () => {
    const error = aliyunError(
      { code: 'isv.SOMETHING_NEW', message: 'fakeSecret sig/nat+ure= sig%2Fnat%2Bure%3D rest', requestId: 'REQ-3', httpStatus: 200 },
      route,
      ['fakeSecret', 'sig/nat+ure=', 'sig%2Fnat%2Bure%3D']
    );
    expect(error.data).toMatchObject({ message: '[redacted] [redacted] [redacted] rest' });
    expect((error.data as { errorDescription: string }).errorDescription).toContain('"[redacted] [redacted] [redacted] rest"');
  });
});

describe('transportError', () => {
  it.each<[string, Parameters<typeof transportError>[0], string]>([
    ['timeout', { kind: 'timeout', timeout: 3000 }, 'No complete answer from dysmsapi.aliyuncs.com within 3000 ms (timeout). The message may have been sent'],
    ['refused', { kind: 'network', errorCode: 'ECONNREFUSED' }, 'Could not connect to dysmsapi.aliyuncs.com: connection refused (ECONNREFUSED)'],
    ['DNS', { kind: 'network', errorCode: 'ENOTFOUND' }, 'Could not resolve dysmsapi.aliyuncs.com (DNS ENOTFOUND)'],
    ['TLS', { kind: 'network', errorCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, 'The TLS connection to dysmsapi.aliyuncs.com failed (DEPTH_ZERO_SELF_SIGNED_CERT)'],
    ['TLS during the handshake', { kind: 'network', errorCode: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', duringHandshake: true }, 'failed (UNABLE_TO_VERIFY_LEAF_SIGNATURE): its certificate is not trusted here'],
    ['TLS after the handshake: may have been sent', { kind: 'network', errorCode: 'ERR_SSL_WRONG_VERSION_NUMBER', duringHandshake: false }, 'failed after it was established (ERR_SSL_WRONG_VERSION_NUMBER). The message may have been sent'],
    ['reset', { kind: 'network', errorCode: 'ECONNRESET' }, 'The connection to dysmsapi.aliyuncs.com failed before Aliyun answered (ECONNRESET). The message may have been sent'],
    ['HTML from a proxy', { kind: 'not-aliyun', httpStatus: 502, body: '<html>Bad Gateway</html>' }, 'dysmsapi.aliyuncs.com answered HTTP 502 with a body that is not Aliyun\'s JSON'],
  ])('%s', (_, failure, says) => {
    const error = transportError(failure, 'https://dysmsapi.aliyuncs.com', route, []);
    expect(error.code).toBe(General);
    expect((error.data as { errorDescription: string }).errorDescription).toContain(says);
    expect(error.data).toMatchObject({ failure, route });
  });

  it('trims and redacts a foreign body', () => {
    const body = `echo Signature=abc%2B= secret=fakeSecret ${'x'.repeat(1000)}`;
    const error = transportError({ kind: 'not-aliyun', httpStatus: 500, body }, 'https://dysmsapi.aliyuncs.com', route, ['fakeSecret', 'abc%2B=']);
    const text = JSON.stringify(error.data);
    expect(text).not.toContain('fakeSecret');
    expect(text).not.toContain('abc%2B=');
    expect((error.data as { failure: { body: string } }).failure.body).toHaveLength(301);
  });
});

describe('redact', () => {
  it('removes every occurrence and ignores empty secrets', () => {
    expect(redact('a S b S', ['S', ''])).toBe('a [redacted] b [redacted]');
  });
});
