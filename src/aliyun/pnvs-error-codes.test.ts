import { ConnectorErrorCodes } from '@logto/connector-kit';
import { describe, expect, it } from 'vitest';

import { aliyunError } from './errors.js';
import { pnvsCodeRules } from './pnvs-error-codes.js';
import type { RouteSummary } from '../plan/route.js';

const route: RouteSummary = {
  site: 'china',
  region: 'mainland',
  regionCode: '86',
  api: 'SendSmsVerifyCode 2017-05-25',
  templateCode: '100001',
  to: '138****8000',
};

const { General, RateLimitExceeded, InvalidRequestParameters } = ConnectorErrorCodes;

/** PNVS's codes (docs/aliyun-pnvs-api.md §5), what Logto makes of them, and what the reader is told. */
const table: Array<[code: string, connectorCode: ConnectorErrorCodes, says: string]> = [
  ['BUSINESS_LIMIT_CONTROL', RateLimitExceeded, 'the user can try again later'],
  ['isv.BUSINESS_LIMIT_CONTROL', RateLimitExceeded, 'set in the PNVS console'],
  ['FREQUENCY_FAIL', RateLimitExceeded, 'the user can try again later'],
  ['MOBILE_NUMBER_ILLEGAL', InvalidRequestParameters, 'only to mainland China mobile numbers'],
  ['isv.MOBILE_NUMBER_ILLEGAL', InvalidRequestParameters, 'only to mainland China mobile numbers'],
  ['INVALID_PARAMETERS', General, 'check pnvsSignName (a gifted signature), template 100001'],
  ['isv.INVALID_PARAMETERS', General, 'check pnvsSignName (a gifted signature), template 100001'],
  ['isv.OUT_OF_SERVICE', General, 'suspended PNVS'],
  ['FUNCTION_NOT_OPENED', General, 'SMS verification (短信认证) is not opened for this account; in the Aliyun console open 号码认证服务'],
  ['isv.PRODUCT_UNSUBSCRIBE', General, 'Phone Number Verification Service (号码认证服务) is not activated'],
  ['isv.PRODUCT_UN_SUBSCRIPT', General, 'Phone Number Verification Service (号码认证服务) is not activated'],
  ['isp.RAM_PERMISSION_DENY', General, 'grant it dypns:SendSmsVerifyCode'],
  ['isv.RAM_PERMISSION_DENY', General, 'grant it dypns:SendSmsVerifyCode'],
  ['Forbidden.RAM', General, 'grant it dypns:SendSmsVerifyCode'],
  ['isv.SMS_SIGNATURE_ILLEGAL', General, 'does not accept pnvsSignName'],
  ['isv.SMS_TEMPLATE_ILLEGAL', General, 'does not accept template 100001'],
  ['OK', General, 'Code OK but Success false'],
  // Not PNVS's own: the shared gateway codes read the same as for SendSms.
  ['SignatureDoesNotMatch', General, 'accessKeySecret does not belong to accessKeyId'],
  ['Throttling.User', RateLimitExceeded, 'the user can try again later'],
  ['isv.SOMETHING_NEW', General, 'look the code up at https://help.aliyun.com/zh/pnvs/developer-reference/api-return-code'],
  ['constructor', General, 'https://help.aliyun.com/zh/pnvs/'],
];

describe('aliyunError for SendSmsVerifyCode', () => {
  it.each(table)('%s → %s', (code, connectorCode, says) => {
    const error = aliyunError({ code, message: 'Aliyun text', requestId: 'REQ-1', httpStatus: 200 }, route, []);
    expect(error.code).toBe(connectorCode);
    const { errorDescription } = error.data as { errorDescription: string };
    expect(errorDescription).toContain(says);
    expect(errorDescription.endsWith(`(Aliyun ${code}: "Aliyun text", RequestId REQ-1)`)).toBe(true);
    expect(error.data).toMatchObject({ code, requestId: 'REQ-1', route });
  });

  it('covers every PNVS code it knows', () => {
    const tested = new Set(table.map(([code]) => code));
    expect([...pnvsCodeRules.keys()].filter((code) => !tested.has(code))).toEqual([]);
  });

  it('keeps SendSms wording for SendSms: the PNVS table applies only to SendSmsVerifyCode', () => {
    const error = aliyunError({ code: 'isp.RAM_PERMISSION_DENY', message: '', httpStatus: 200 }, { ...route, api: 'SendSms 2017-05-25' }, []);
    expect((error.data as { errorDescription: string }).errorDescription).toContain('may not call SendSms 2017-05-25');
  });
});
