/**
 * The gateway checks over real HTTP (fact sheet §1): status and Code for every rejection, JSON and
 * XML, GET and POST, nonce reuse and clock skew on the sandbox clock.
 *
 * @module
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.js';
import type { Sandbox } from './index.js';
import { stringToSign } from './signature-v1.js';
import { callSandbox, formatTimestamp, rawRequest, sendSms, signParams } from './test-client.js';
import type { CallOptions } from './test-client.js';

const minute = 60_000;
const valid = {
  PhoneNumbers: '13800138000',
  SignName: 'Logto沙箱',
  TemplateCode: 'SMS_460100001',
  TemplateParam: '{"code":"123456"}',
};

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ flowControl: false });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.clock.reset();
});

const codeOf = (json: unknown): unknown => (json as Record<string, unknown> | undefined)?.Code;

describe('gateway rejections (§1.4, §5; HTTP statuses: assumption A6)', () => {
  const rows: Array<[why: string, params: Record<string, string>, options: CallOptions, status: number, code: string]> = [
    ...['Action', 'Version', 'AccessKeyId', 'Signature', 'SignatureMethod', 'SignatureNonce', 'SignatureVersion', 'Timestamp'].map(
      (name): [string, Record<string, string>, CallOptions, number, string] => [
        `no ${name}`, { Action: 'SendSms', Version: '2017-05-25', ...valid }, { omit: [name] }, 400, `Missing${name}`,
      ],
    ),
    ['empty SignatureNonce counts as missing', { Action: 'SendSms', Version: '2017-05-25', ...valid }, { nonce: '' }, 400, 'MissingSignatureNonce'],
    ['unknown Version', { Action: 'SendSms', Version: '2016-09-27', ...valid }, {}, 400, 'InvalidVersion'],
    ['unknown Action', { Action: 'SendBatchSms', Version: '2017-05-25' }, {}, 404, 'InvalidAction.NotFound'],
    ['SendSms is not a 2018-05-01 action', { Action: 'SendSms', Version: '2018-05-01', ...valid }, {}, 404, 'InvalidAction.NotFound'],
    ['SignatureMethod other than HMAC-SHA1', { Action: 'SendSms', Version: '2017-05-25', SignatureMethod: 'HMAC-SHA256', ...valid }, {}, 400, 'InvalidSignatureMethod'],
    ['[assumption A9] SignatureVersion other than 1.0', { Action: 'SendSms', Version: '2017-05-25', SignatureVersion: '2.0', ...valid }, {}, 400, 'InvalidSignatureVersion'],
    ['unknown AccessKeyId', { Action: 'SendSms', Version: '2017-05-25', ...valid }, { accessKeyId: 'LTAI5tNobody' }, 404, 'InvalidAccessKeyId.NotFound'],
    ['Timestamp with a space instead of T', { Action: 'SendSms', Version: '2017-05-25', ...valid }, { timestamp: '2024-01-01 00:00:00' }, 400, 'InvalidTimeStamp.Format'],
    ['Timestamp with an offset instead of Z', { Action: 'SendSms', Version: '2017-05-25', ...valid }, { timestamp: '2024-01-01T08:00:00+08:00' }, 400, 'InvalidTimeStamp.Format'],
    ['Timestamp on a day that does not exist', { Action: 'SendSms', Version: '2017-05-25', ...valid }, { timestamp: '2024-02-30T00:00:00Z' }, 400, 'InvalidTimeStamp.Format'],
    ['Timestamp from 2017', { Action: 'SendSms', Version: '2017-05-25', ...valid }, { timestamp: '2017-07-12T02:42:19Z' }, 400, 'InvalidTimeStamp.Expired'],
    ['wrong secret', { Action: 'SendSms', Version: '2017-05-25', ...valid }, { accessKeySecret: 'not-the-secret' }, 400, 'SignatureDoesNotMatch'],
    ['parameter changed after signing', { Action: 'SendSms', Version: '2017-05-25', ...valid }, { tamper: { PhoneNumbers: '13900139000' } }, 400, 'SignatureDoesNotMatch'],
    ['signed as GET, sent as POST', { Action: 'SendSms', Version: '2017-05-25', ...valid }, { signAs: 'GET' }, 400, 'SignatureDoesNotMatch'],
    ['signed as POST, sent as GET', { Action: 'SendSms', Version: '2017-05-25', ...valid }, { method: 'GET', signAs: 'POST' }, 400, 'SignatureDoesNotMatch'],
  ];

  it.each(rows)('%s → HTTP %i %s', async (_why, params, options, status, code) => {
    const reply = await callSandbox(sandbox, params, options);
    expect({ status: reply.status, code: codeOf(reply.json) }).toEqual({ status, code });
  });

  it('answers with the gateway error body and headers (§1.4)', async () => {
    const reply = await sendSms(sandbox, valid, { omit: ['SignatureNonce'] });
    const body = reply.json as Record<string, string>;
    expect(body).toEqual({
      RequestId: reply.headers['x-acs-request-id'],
      HostId: new URL(sandbox.endpoint).host,
      Code: 'MissingSignatureNonce',
      Message: 'SignatureNonce is mandatory for this action.',
      Recommend: expect.stringContaining('q=MissingSignatureNonce') as unknown,
    });
    expect(body.RequestId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  });

  it('echoes the server string to sign in SignatureDoesNotMatch (§1.4)', async () => {
    const params = { Action: 'SendSms', Version: '2017-05-25', ...valid };
    const signed = signParams(sandbox, params, { accessKeySecret: 'wrong' });
    const reply = await callSandbox(sandbox, params, {
      accessKeySecret: 'wrong',
      nonce: signed.SignatureNonce ?? '',
      timestamp: signed.Timestamp ?? '',
    });
    expect((reply.json as Record<string, string>).Message).toBe(
      `Specified signature is not matched with our calculation. server string to sign is:${stringToSign('POST', signed)}`,
    );
  });

  it('answers XML unless Format is JSON (§0), as an Error document', async () => {
    const reply = await sendSms(sandbox, valid, { format: 'XML', accessKeySecret: 'wrong' });
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toBe('text/xml;charset=utf-8');
    expect(reply.text).toMatch(/^<\?xml version='1.0' encoding='UTF-8'\?><Error><RequestId>[0-9A-F-]{36}<\/RequestId><HostId>/);
    expect(reply.text).toContain('<Code>SignatureDoesNotMatch</Code>');
  });
});

describe('accepted requests', () => {
  it.each([
    ['POST form body, Format=JSON', { method: 'POST', format: 'JSON' }, 'application/json;charset=utf-8'],
    ['GET query, Format=JSON', { method: 'GET', format: 'JSON' }, 'application/json;charset=utf-8'],
    ['Format=json, lower case, as real clients send', { format: 'json' }, 'application/json;charset=utf-8'],
    ['Format absent → XML', { omit: ['Format'] }, 'text/xml;charset=utf-8'],
    ['GET with Format=XML', { method: 'GET', format: 'XML' }, 'text/xml;charset=utf-8'],
    ['[assumption A7] Timestamp with milliseconds', { timestamp: new Date().toISOString() }, 'application/json;charset=utf-8'],
  ] as Array<[string, CallOptions, string]>)('%s', async (_why, options, contentType) => {
    const reply = await sendSms(sandbox, valid, options);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(contentType);
    const code = reply.json === undefined ? /<Code>(\w+)<\/Code>/.exec(reply.text)?.[1] : codeOf(reply.json);
    expect(code).toBe('OK');
  });

  it('merges query and form body for POST, like Aliyun', async () => {
    const signed = signParams(sandbox, { Action: 'SendSms', Version: '2017-05-25', ...valid });
    const { Action, Version, ...rest } = signed;
    const reply = await rawRequest(`${sandbox.endpoint}/?Action=${Action}&Version=${Version}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
      body: new URLSearchParams(rest).toString(),
    });
    expect(codeOf(reply.json)).toBe('OK');
  });

  it('dates every answer with the sandbox clock', async () => {
    sandbox.clock.advance(3 * 60 * minute);
    const reply = await sendSms(sandbox, valid);
    expect(Math.abs(Date.parse(reply.headers.date ?? '') - sandbox.clock.now())).toBeLessThan(2000);
    expect(reply.headers['x-acs-request-id']).toBe((reply.json as Record<string, string>).RequestId);
  });
});

describe('clock skew (§1.4: ±15 minutes of sandbox time)', () => {
  it.each([
    { why: 'client 16 min behind', advance: 16 * minute, code: 'InvalidTimeStamp.Expired' },
    { why: 'client 16 min ahead', advance: -16 * minute, code: 'InvalidTimeStamp.Expired' },
    { why: 'client 14 min behind', advance: 14 * minute, code: 'OK' },
    { why: 'client 14 min ahead', advance: -14 * minute, code: 'OK' },
  ])('$why → $code', async ({ advance, code }) => {
    sandbox.clock.advance(advance);
    const reply = await sendSms(sandbox, valid, { timestamp: formatTimestamp(Date.now()) });
    expect(codeOf(reply.json)).toBe(code);
  });
});

describe('nonce reuse (§1.4)', () => {
  it('[assumption A8] refuses a nonce seen within 15 minutes, accepts it again after', async () => {
    const nonce = 'c0ffee00-0000-4000-8000-000000000001';
    expect(codeOf((await sendSms(sandbox, valid, { nonce })).json)).toBe('OK');
    const replay = await sendSms(sandbox, valid, { nonce });
    expect({ status: replay.status, code: codeOf(replay.json) }).toEqual({ status: 400, code: 'SignatureNonceUsed' });
    sandbox.clock.advance(15 * minute + 1000);
    expect(codeOf((await sendSms(sandbox, valid, { nonce })).json)).toBe('OK');
  });

  it('does not burn the nonce of a request that failed the signature check', async () => {
    const nonce = 'c0ffee00-0000-4000-8000-000000000002';
    expect(codeOf((await sendSms(sandbox, valid, { nonce, accessKeySecret: 'wrong' })).json)).toBe('SignatureDoesNotMatch');
    expect(codeOf((await sendSms(sandbox, valid, { nonce })).json)).toBe('OK');
  });

  it('burns the nonce of a request refused for business reasons', async () => {
    const nonce = 'c0ffee00-0000-4000-8000-000000000003';
    expect(codeOf((await sendSms(sandbox, { ...valid, SignName: 'Nope' }, { nonce })).json)).toBe('isv.SMS_SIGNATURE_ILLEGAL');
    expect(codeOf((await sendSms(sandbox, valid, { nonce })).json)).toBe('SignatureNonceUsed');
  });
});
