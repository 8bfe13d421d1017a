/**
 * The send log's line for each way a send ends, exactly: accepted on each route (BizId, MessageId),
 * refused by Aliyun (its code, never its message), no usable answer, refused by the connector at
 * each stage; the day in China time; the masked number; values from the wire escaped and the
 * secret filtered out.
 */
import { ConnectorError, ConnectorErrorCodes, TemplateType } from '@logto/connector-kit';
import { describe, expect, it } from 'vitest';

import { aliyunError, transportError } from '../aliyun/errors.js';
import { parseConfig } from '../config/config.js';
import { planSend } from '../plan/route.js';
import { readLogLine } from '../../test/send-log-reader.js';
import { chinaTimestamp, sendLogLine, type SendFacts } from './send-log.js';

const secret = 'fakeSecretNeverPrinted';
const raw = {
  accessKeyId: 'LTAI5tFakeKeyId',
  accessKeySecret: secret,
  signName: '登录验证',
  templates: [
    { usageType: 'SignIn', templateCode: { china: 'SMS_100000001', overseas: 'SMS_100000002' } },
    { usageType: 'Register', templateCode: 'SMS_200000001' },
    { usageType: 'ForgotPassword', templateCode: 'SMS_300000001' },
    { usageType: 'Generic', templateCode: 'SMS_400000001' },
  ],
};
const config = parseConfig(raw);
const international = parseConfig({ ...raw, site: 'international', templates: raw.templates.map((entry) => ({ ...entry, content: 'Your code is {{code}}' })) });

const signIn = { to: '8613800138000', type: TemplateType.SignIn, payload: { code: '654321' } };
const call = planSend(config, signIn);
const startedAt = new Date('2026-12-05T08:17:07.123Z');
const unplanned: SendFacts = { startedAt, endedAt: new Date(startedAt.getTime() + 84), test: false, type: 'SignIn', to: signIn.to, stage: 'send', secrets: [secret] };
const base: SendFacts = { ...unplanned, call };
const route = 'site=china region=mainland regionCode=86 host=dysmsapi.aliyuncs.com action=SendSms version=2017-05-25 template=SMS_100000001';
const head = 'test=false time=2026-12-05T16:17:07.123+08:00 date=2026-12-05 type=SignIn to=861******8000';

describe('sendLogLine', () => {
  it('an accepted SendSms: its route, BizId and RequestId', () => {
    const line = sendLogLine({ ...base, receipt: { BizId: '900619746936498^0', RequestId: 'F655A8D5-B967-440B-8683-DAD6FF8DE990' } });
    expect(line).toBe(`event=aliyun-sms.send outcome=accepted ${head} ${route} bizId=900619746936498^0 requestId=F655A8D5-B967-440B-8683-DAD6FF8DE990 ms=84`);
  });

  it('an accepted SendMessageToGlobe: MessageId, and a template that is the entry text, quoted', () => {
    const globe = planSend(international, { ...signIn, to: '85261234567' });
    const line = sendLogLine({ ...base, to: '85261234567', call: globe, receipt: { MessageId: '1008030300000001', RequestId: 'R-1' } });
    expect(line).toBe(
      'event=aliyun-sms.send outcome=accepted test=false time=2026-12-05T16:17:07.123+08:00 date=2026-12-05 type=SignIn to=852****4567 site=international region=overseas regionCode=852 host=dysmsapi.ap-southeast-1.aliyuncs.com action=SendMessageToGlobe version=2018-05-01 template="content of SignIn" messageId=1008030300000001 requestId=R-1 ms=84'
    );
  });

  it("a refusal by Aliyun: its code and RequestId, never its Message (SignatureDoesNotMatch's echoes the string to sign)", () => {
    const error = aliyunError(
      { code: 'SignatureDoesNotMatch', message: `Specified signature is not matched. server string to sign is:POST&%2F&AccessKeyId%3DLTAI5tFakeKeyId ${secret}`, requestId: 'R-2', httpStatus: 400 },
      call.route,
      [secret]
    );
    const line = sendLogLine({ ...base, error });
    expect(line).toBe(`event=aliyun-sms.send outcome=refused by=aliyun code=SignatureDoesNotMatch error=general ${head} ${route} requestId=R-2 ms=84`);
  });

  it('no usable answer: the failure in one word, the retry count when there was a retry', () => {
    expect(sendLogLine({ ...base, error: transportError({ kind: 'timeout', timeout: 10_000 }, call.endpoint, call.route, []) })).toBe(
      `event=aliyun-sms.send outcome=failed failure=timeout error=general ${head} ${route} ms=84`
    );
    expect(
      sendLogLine({ ...base, error: transportError({ kind: 'network', errorCode: 'ECONNRESET' }, call.endpoint, call.route, [], { attempts: 2, clockOffsetMs: 0 }) })
    ).toBe(`event=aliyun-sms.send outcome=failed failure=ECONNRESET error=general ${head} ${route} attempts=2 ms=84`);
    expect(sendLogLine({ ...base, error: transportError({ kind: 'not-aliyun', httpStatus: 503, body: '<html>' }, call.endpoint, call.route, []) })).toMatch(
      / outcome=failed failure=http-503 /
    );
  });

  it.each<[string, SendFacts['stage'], () => unknown, string]>([
    ['a message not shaped like Logto’s', 'message', () => new ConnectorError(ConnectorErrorCodes.InvalidRequestParameters, 'x'), 'reason=message error=invalid_request_parameters'],
    ['an invalid configuration', 'config', () => new ConnectorError(ConnectorErrorCodes.InvalidConfig, 'x'), 'reason=config error=invalid_config'],
    ['a number that is not one', 'plan', () => catching(() => planSend(config, { ...signIn, to: '12' })), 'reason=number error=invalid_request_parameters'],
    ['a region not allowed', 'plan', () => catching(() => planSend({ ...config, allowedRegionCodes: ['86'] }, { ...signIn, to: '85261234567' })), 'reason=region error=general'],
    ['a mainland number at a Jakarta endpoint', 'plan', () => catching(() => planSend({ ...international, endpoint: 'https://dysmsapi.ap-southeast-5.aliyuncs.com' }, signIn)), 'reason=region error=general'],
    ['an entry without a template code', 'plan', () => new ConnectorError(ConnectorErrorCodes.TemplateNotFound, 'x'), 'reason=template error=template_not_found'],
  ])('refused by the connector before sending: %s', (_, stage, error, says) => {
    expect(sendLogLine({ ...unplanned, stage, error: error() })).toBe(`event=aliyun-sms.send outcome=refused by=connector ${says} ${head} ms=84`);
  });

  it('with a fallback account: which account sent, the primary’s code, whether the primary was passed over; a failure names the last account tried', () => {
    const fields = (facts: Partial<SendFacts>) => readLogLine(sendLogLine({ ...base, fallback: true, ...facts }));
    expect(fields({ receipt: { BizId: '1^0', account: 'fallback', primaryRefusal: 'isv.AMOUNT_NOT_ENOUGH', primarySkipped: true } })).toMatchObject({
      account: 'fallback',
      primaryCode: 'isv.AMOUNT_NOT_ENOUGH',
      primarySkipped: 'true',
    });
    expect(fields({ receipt: { BizId: '1^0', account: 'primary' } })).toMatchObject({ account: 'primary' });
    const both = new ConnectorError(ConnectorErrorCodes.General, {
      code: 'isv.OUT_OF_SERVICE',
      account: 'fallback',
      accounts: [{ account: 'primary', code: 'isv.AMOUNT_NOT_ENOUGH' }, { account: 'fallback', code: 'isv.OUT_OF_SERVICE' }],
    });
    expect(fields({ error: both })).toMatchObject({ outcome: 'refused', code: 'isv.OUT_OF_SERVICE', account: 'fallback', primaryCode: 'isv.AMOUNT_NOT_ENOUGH' });
    // The primary's own refusal (never failed over, or the Console's Send) says only which account.
    const alone = fields({ error: aliyunError({ code: 'isv.BUSINESS_LIMIT_CONTROL', message: 'm', httpStatus: 200 }, call.route, []) });
    expect([alone.account, alone.primaryCode]).toEqual(['primary', undefined]);
    // Without a fallback, no account field at all.
    expect(readLogLine(sendLogLine({ ...base, receipt: { BizId: '1^0' } })).account).toBeUndefined();
  });

  it('the Console’s Send is marked test=true', () => {
    expect(readLogLine(sendLogLine({ ...base, test: true, receipt: { BizId: '1^0' } }))).toMatchObject({ outcome: 'accepted', test: 'true' });
  });

  it('the day is China’s: 21:00 UTC is the next calendar day', () => {
    const late = new Date('2026-12-04T21:00:00.000Z');
    expect(chinaTimestamp(late)).toBe('2026-12-05T05:00:00.000+08:00');
    expect(readLogLine(sendLogLine({ ...base, startedAt: late, endedAt: late, receipt: {} }))).toMatchObject({ date: '2026-12-05', ms: '0' });
    const beforeMidnight = new Date('2026-12-04T15:59:59.999Z');
    expect(readLogLine(sendLogLine({ ...base, startedAt: beforeMidnight, endedAt: beforeMidnight, receipt: {} })).date).toBe('2026-12-04');
  });

  it('numbers: masked as elsewhere, and nothing of one shorter than 7 characters', () => {
    const to = (value: unknown) => readLogLine(sendLogLine({ ...base, to: value, receipt: {} })).to;
    expect([to('8613800138000'), to(' 13800138000 '), to('1234567'), to('123456'), to('12'), to(42)]).toEqual(['861******8000', '138****8000', '12***67', '******', '**', undefined]);
  });

  it('hostile values from Logto and from the wire stay inside their field, and the secret never shows', () => {
    const line = sendLogLine({
      ...base,
      type: 'SignIn\nevent=aliyun-sms.send outcome=accepted',
      to: '8613800138000"\r\n',
      error: aliyunError({ code: `isv.X\n${secret} ok=1`, message: 'm', requestId: 'R "3"\u2028', httpStatus: 200 }, call.route, [secret]),
    });
    expect(line).toMatch(/^[\x20-\x7E]*$/);
    expect(line).not.toContain(secret);
    expect(line).not.toContain('654321');
    expect(readLogLine(line)).toMatchObject({ outcome: 'refused', code: 'isv.X\n[redacted] ok=1', type: 'SignIn\nevent=aliyun-sms.send outcome=accepted', requestId: 'R "3"\u2028' });
  });
});

/** The error `run` throws. */
function catching(run: () => unknown): unknown {
  try {
    run();
  } catch (error: unknown) {
    return error;
  }
  throw new Error('expected a throw');
}
