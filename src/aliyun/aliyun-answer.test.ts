import { describe, expect, it } from 'vitest';

import { isAccepted, readAnswer, receiptOf } from './aliyun-answer.js';

describe('readAnswer', () => {
  it.each<[string, string, ReturnType<typeof readAnswer>]>([
    [
      'SendSms success',
      '{"Code":"OK","Message":"OK","BizId":"1^0","RequestId":"R"}',
      { body: { Code: 'OK', Message: 'OK', BizId: '1^0', RequestId: 'R' }, outcome: { code: 'OK', message: 'OK', requestId: 'R' } },
    ],
    [
      'gateway error',
      '{"RequestId":"R","HostId":"h","Code":"SignatureDoesNotMatch","Message":"m","Recommend":"u"}',
      {
        body: { RequestId: 'R', HostId: 'h', Code: 'SignatureDoesNotMatch', Message: 'm', Recommend: 'u' },
        outcome: { code: 'SignatureDoesNotMatch', message: 'm', requestId: 'R' },
      },
    ],
    [
      '2018-05-01 answer',
      '{"ResponseCode":"OK","ResponseDescription":"accepted","MessageId":"M","RequestId":"R"}',
      {
        body: { ResponseCode: 'OK', ResponseDescription: 'accepted', MessageId: 'M', RequestId: 'R' },
        outcome: { code: 'OK', message: 'accepted', requestId: 'R' },
      },
    ],
    ['a code without message or RequestId', '{"Code":"isp.SYSTEM_ERROR"}', { body: { Code: 'isp.SYSTEM_ERROR' }, outcome: { code: 'isp.SYSTEM_ERROR', message: '' } }],
    [
      'PNVS success',
      '{"Code":"OK","Message":"成功","Success":true,"RequestId":"R","Model":{"BizId":"9^0","RequestId":"m"}}',
      {
        body: { Code: 'OK', Message: '成功', Success: true, RequestId: 'R', Model: { BizId: '9^0', RequestId: 'm' } },
        outcome: { code: 'OK', message: '成功', requestId: 'R', success: true },
      },
    ],
    [
      'PNVS refusal',
      '{"Code":"FREQUENCY_FAIL","Message":"check frequency failed","Success":false,"RequestId":"R"}',
      {
        body: { Code: 'FREQUENCY_FAIL', Message: 'check frequency failed', Success: false, RequestId: 'R' },
        outcome: { code: 'FREQUENCY_FAIL', message: 'check frequency failed', requestId: 'R', success: false },
      },
    ],
    ['HTML', '<html>502 Bad Gateway</html>', undefined],
    ['truncated JSON', '{"Code":"OK","Mess', undefined],
    ['a JSON array', '[{"Code":"OK"}]', undefined],
    ['a JSON string', '"OK"', undefined],
    ['null', 'null', undefined],
    ['a numeric code', '{"Code":200}', undefined],
    ['no code at all', '{"Message":"OK"}', undefined],
  ])('%s', (_, text, expected) => {
    expect(readAnswer(text)).toEqual(expected);
  });
});

describe('readAnswer of an API that answers a success without a code (codelessIsOk)', () => {
  const sts = '{"RequestId":"R","AccountId":"1000000000000001","IdentityType":"RAMUser","UserId":"2","PrincipalId":"2","Arn":"acs:ram::1000000000000001:user/u"}';

  it('reads STS GetCallerIdentity as OK (Aliyun’s STS SDK, sts20150401 GetCallerIdentityResponseBody.ts has no Code)', () => {
    expect(readAnswer(sts, { codelessIsOk: true })?.outcome).toEqual({ code: 'OK', message: '', requestId: 'R' });
  });

  it.each<[string, string]>([
    ['without the option, as every send is read', sts],
  ])('is not an answer %s', (_, text) => {
    expect(readAnswer(text)).toBeUndefined();
  });

  it.each<[string, string, string | undefined]>([
    ['a refusal keeps its code', '{"RequestId":"R","Code":"InvalidAccessKeyId.NotFound","Message":"m"}', 'InvalidAccessKeyId.NotFound'],
    ['a body without RequestId is still not an answer', '{"AccountId":"1"}', undefined],
  ])('%s', (_, text, code) => {
    expect(readAnswer(text, { codelessIsOk: true })?.outcome.code).toBe(code);
  });
});

describe('isAccepted', () => {
  it.each<[string, Parameters<typeof isAccepted>[0], boolean]>([
    ['SendSms OK, no Success flag', { code: 'OK', message: 'OK' }, true],
    ['PNVS OK and Success', { code: 'OK', message: '', success: true }, true],
    ['PNVS OK but Success false: not taken as sent', { code: 'OK', message: '', success: false }, false],
    ['a refusal with Success true: the code wins', { code: 'FREQUENCY_FAIL', message: '', success: true }, false],
    ['a refusal', { code: 'isv.BUSINESS_LIMIT_CONTROL', message: '' }, false],
  ])('%s', (_, outcome, expected) => {
    expect(isAccepted(outcome)).toBe(expected);
  });
});

describe('receiptOf', () => {
  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['SendSms', { Code: 'OK', BizId: '1^0', RequestId: 'R', Message: 'OK' }, { BizId: '1^0', RequestId: 'R' }],
    ['2018-05-01', { ResponseCode: 'OK', MessageId: 'M', RequestId: 'R' }, { MessageId: 'M', RequestId: 'R' }],
    [
      "PNVS: Model.BizId and the top-level RequestId, never Model's VerifyCode",
      { Code: 'OK', Success: true, RequestId: 'R', Model: { BizId: '9^0', RequestId: 'm', VerifyCode: '1234', OutId: 'o' } },
      { BizId: '9^0', RequestId: 'R' },
    ],
    ['a Model that is not an object', { Code: 'OK', RequestId: 'R', Model: 'x' }, { RequestId: 'R' }],
  ])('%s', (_, body, expected) => {
    expect(receiptOf(body)).toEqual(expected);
  });
});
