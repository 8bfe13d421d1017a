import { describe, expect, it } from 'vitest';

import { readAnswer } from './aliyun-answer.js';

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
