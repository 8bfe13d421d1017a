/**
 * The gateway's checks on signature V3 requests over real HTTP: the request shape Aliyun's current
 * SDK (`@alicloud/dysmsapi20170525`) sends is accepted, and every rejection answers the same code
 * as its V1 counterpart (gateway.test.ts).
 *
 * @module
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.js';
import type { Sandbox } from './index.js';
import { formatTimestamp } from './test-client.js';
import { callSandboxV3 } from './test-client-v3.js';
import type { V3CallOptions } from './test-client-v3.js';

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
  sandbox.outbox.clear();
});

const codeOf = (json: unknown): unknown => (json as Record<string, unknown> | undefined)?.Code;

describe('V3 requests the SDK way', () => {
  it('accepts SendSms with its parameters in the query and answers JSON without Format', async () => {
    const reply = await callSandboxV3(sandbox, { query: valid });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(reply.json).toMatchObject({ Code: 'OK', Message: 'OK', BizId: expect.stringMatching(/^\d{16}\^0$/) as unknown });
    expect(sandbox.outbox.list({ phone: '13800138000' })).toHaveLength(1);
  });

  it('records the action and version from the headers as parameters', async () => {
    await callSandboxV3(sandbox, { query: valid });
    expect(sandbox.requests.list().at(-1)?.params).toMatchObject({ Action: 'SendSms', Version: '2017-05-25', ...valid });
  });

  it.each<[string, V3CallOptions]>([
    ['a form body with content-type signed', { form: valid }],
    ['GET with the parameters in the query', { method: 'GET', query: valid }],
  ])('accepts %s', async (_why, options) => {
    const reply = await callSandboxV3(sandbox, options);
    expect({ status: reply.status, code: codeOf(reply.json) }).toEqual({ status: 200, code: 'OK' });
  });

  it('answers XML when the query asks for Format=XML', async () => {
    const reply = await callSandboxV3(sandbox, { query: { ...valid, Format: 'XML' } });
    expect(reply.text).toMatch(/^<\?xml version='1.0' encoding='UTF-8'\?><SendSmsResponse>.*<Code>OK<\/Code>/);
  });
});

describe('V3 rejections answer the V1 codes', () => {
  const rows: Array<[why: string, options: V3CallOptions, status: number, code: string]> = [
    ['no x-acs-action', { query: valid, omit: ['x-acs-action'] }, 400, 'MissingAction'],
    ['no x-acs-version', { query: valid, omit: ['x-acs-version'] }, 400, 'MissingVersion'],
    ['no Credential', { query: valid, omit: ['Credential'] }, 400, 'MissingAccessKeyId'],
    ['no Signature', { query: valid, omit: ['Signature'] }, 400, 'MissingSignature'],
    ['no x-acs-signature-nonce', { query: valid, omit: ['x-acs-signature-nonce'] }, 400, 'MissingSignatureNonce'],
    ['no x-acs-date', { query: valid, omit: ['x-acs-date'] }, 400, 'MissingTimestamp'],
    ['unknown version', { query: valid, version: '2016-09-27' }, 400, 'InvalidVersion'],
    ['unknown action', { query: valid, action: 'SendBatchSms' }, 404, 'InvalidAction.NotFound'],
    ['an algorithm other than ACS3-HMAC-SHA256', { query: valid, algorithm: 'ACS3-HMAC-SM3' }, 400, 'InvalidSignatureMethod'],
    ['unknown AccessKeyId', { query: valid, accessKeyId: 'LTAI5tNobody' }, 404, 'InvalidAccessKeyId.NotFound'],
    ['x-acs-date with an offset', { query: valid, date: '2024-01-01T08:00:00+08:00' }, 400, 'InvalidTimeStamp.Format'],
    ['x-acs-date from 2017', { query: valid, date: '2017-07-12T02:42:19Z' }, 400, 'InvalidTimeStamp.Expired'],
    ['wrong secret', { query: valid, accessKeySecret: 'not-the-secret' }, 400, 'SignatureDoesNotMatch'],
    ['query changed after signing', { query: valid, tamperQuery: { PhoneNumbers: '13900139000' } }, 400, 'SignatureDoesNotMatch'],
    ['body changed after signing', { form: valid, tamperBody: 'PhoneNumbers=13900139000' }, 400, 'SignatureDoesNotMatch'],
    ['an x-acs-* header left out of SignedHeaders', { query: valid, leaveUnsigned: ['x-acs-signature-nonce'] }, 400, 'SignatureDoesNotMatch'],
    ['host left out of SignedHeaders', { query: valid, leaveUnsigned: ['host'] }, 400, 'SignatureDoesNotMatch'],
  ];

  it.each(rows)('%s → HTTP %i %s', async (_why, options, status, code) => {
    const reply = await callSandboxV3(sandbox, options);
    expect({ status: reply.status, code: codeOf(reply.json) }).toEqual({ status, code });
  });

  it('names the missing header in the message', async () => {
    const reply = await callSandboxV3(sandbox, { query: valid, omit: ['x-acs-date'] });
    expect(reply.json).toMatchObject({ Code: 'MissingTimestamp', Message: 'x-acs-date is mandatory for this action.' });
  });

  it('echoes the V3 string to sign in SignatureDoesNotMatch', async () => {
    const reply = await callSandboxV3(sandbox, { query: valid, accessKeySecret: 'wrong' });
    expect((reply.json as { Message: string }).Message).toMatch(/server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}$/);
  });

  it('refuses a reused nonce, and only after the signature passed', async () => {
    const nonce = 'b3f1c9a0-3c1e-4e7a-9d55-6f1f2a0c1d11';
    const forged = await callSandboxV3(sandbox, { query: valid, nonce, accessKeySecret: 'wrong' });
    expect(codeOf(forged.json)).toBe('SignatureDoesNotMatch');
    const first = await callSandboxV3(sandbox, { query: valid, nonce });
    const second = await callSandboxV3(sandbox, { query: valid, nonce });
    expect([codeOf(first.json), second.status, codeOf(second.json)]).toEqual(['OK', 400, 'SignatureNonceUsed']);
  });

  it('checks x-acs-date against the sandbox clock', async () => {
    sandbox.clock.advance(16 * minute);
    const skewed = await callSandboxV3(sandbox, { query: valid, date: formatTimestamp(Date.now()) });
    expect(codeOf(skewed.json)).toBe('InvalidTimeStamp.Expired');
  });
});
