/**
 * QueryMessage (2018-05-01) over real HTTP (docs/aliyun-sms-query-api.md §8): a message sent with
 * SendMessageToGlobe or SendMessageWithTemplate, by MessageId, with the outcome the operator API
 * sets; its own Status enum; refusals; RAM; V1 and V3; a bad signature. The sandbox clock is fixed
 * at 2026-12-05 10:00:00 China time.
 *
 * @module
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.js';
import type { Sandbox } from './index.js';
import { callSandbox, rawRequest, sendSms } from './test-client.js';
import type { CallOptions } from './test-client.js';
import { callSandboxV3 } from './test-client-v3.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ flowControl: false, now: () => Date.parse('2026-12-05T02:00:00Z') });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.outbox.clear();
  sandbox.records.reset();
  sandbox.account.resetReadings();
});

const body = (reply: { json: unknown }) => reply.json as Record<string, unknown>;
const queryMessage = (messageId: string, options?: CallOptions) =>
  callSandbox(sandbox, { Action: 'QueryMessage', Version: '2018-05-01', MessageId: messageId }, options);
const globe = async () =>
  body(await callSandbox(sandbox, { Action: 'SendMessageToGlobe', Version: '2018-05-01', To: '85291234567', Message: 'Your code is 2468' })).MessageId as string;

describe('QueryMessage', () => {
  it('a delivered Globe message, in full', async () => {
    const messageId = await globe();
    const reply = await queryMessage(messageId);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      RequestId: reply.headers['x-acs-request-id'],
      ResponseCode: 'OK',
      ResponseDescription: 'The SMS Send Request was accepted',
      To: '85291234567',
      MessageId: messageId,
      Message: 'Your code is 2468',
      Status: '1',
      ErrorCode: 'DELIVERED',
      ErrorDescription: 'success',
      SendDate: 'Sat, 05 Dec 2026 10:00:00 +0800',
      ReceiveDate: 'Sat, 05 Dec 2026 10:00:02 +0800',
      NumberDetail: { Carrier: 'Sandbox Mobile', Region: 'HK', Country: 'Hong Kong SAR China' },
    });
  });

  it('failed (Status "2") and pending (Status "3") as the operator API sets them', async () => {
    const messageId = await globe();
    await rawRequest(`${sandbox.endpoint}/api/delivery-outcomes`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ bizId: messageId, status: 'failed', errCode: 'EXPIRED' }) });
    expect(body(await queryMessage(messageId))).toMatchObject({ Status: '2', ErrorCode: 'EXPIRED', ErrorDescription: 'failed' });
    await rawRequest(`${sandbox.endpoint}/api/delivery-outcomes`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ phone: '85291234567', status: 'pending' }) });
    await rawRequest(`${sandbox.endpoint}/api/delivery-outcomes`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ bizId: messageId, status: 'pending' }) });
    const pending = body(await queryMessage(messageId));
    expect(pending).toMatchObject({ Status: '3' });
    expect(pending).not.toHaveProperty('ErrorCode');
    expect(pending).not.toHaveProperty('ReceiveDate');
  });

  it('a SendMessageWithTemplate message to a mainland number: To with 86', async () => {
    const sent = body(await callSandbox(sandbox, { Action: 'SendMessageWithTemplate', Version: '2018-05-01', To: '8613800138000', From: 'Logto沙箱', TemplateCode: 'SMS_460100001', TemplateParam: '{"code":"1357"}' }));
    expect(body(await queryMessage(sent.MessageId as string))).toMatchObject({ To: '8613800138000', Status: '1', NumberDetail: { Region: 'CN', Country: 'China' } });
  });

  it('[assumption A21] an unknown MessageId → HTTP 200 DATA_NOT_EXIST', async () => {
    const reply = await queryMessage('1000000000000000');
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ RequestId: reply.headers['x-acs-request-id'], ResponseCode: 'DATA_NOT_EXIST', ResponseDescription: 'The queried SMS record does not exist. Please try again later.' });
  });

  it('an unknown MessageId in the older readings: INVALID_PARAMETERS, or the prefixed isv.DATA_NOT_EXIST', async () => {
    sandbox.account.setReadings({ unknownMessageId: 'INVALID_PARAMETERS' });
    expect(body(await queryMessage('1000000000000000'))).toMatchObject({ ResponseCode: 'INVALID_PARAMETERS', ResponseDescription: 'The MessageId does not exist.' });
    sandbox.account.setReadings({ unknownMessageId: 'DATA_NOT_EXIST', intlCodes: 'prefixed' });
    expect(body(await queryMessage('1000000000000000')).ResponseCode).toBe('isv.DATA_NOT_EXIST');
  });

  it('[assumption A5] no MessageId → HTTP 200 INVALID_PARAMETERS', async () => {
    const reply = await queryMessage('');
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ RequestId: reply.headers['x-acs-request-id'], ResponseCode: 'INVALID_PARAMETERS', ResponseDescription: 'MessageId is mandatory for this action.' });
  });

  it('a China-site SendSms BizId is not a MessageId', async () => {
    const sent = body(await sendSms(sandbox, { PhoneNumbers: '13800138000', SignName: 'Logto沙箱', TemplateCode: 'SMS_460100001', TemplateParam: '{"code":"123456"}' }));
    expect(body(await queryMessage(sent.BizId as string)).ResponseCode).toBe('DATA_NOT_EXIST');
  });

  it("the send-only key → HTTP 200 with the international site's bare RAM_PERMISSION_DENY", async () => {
    const reply = await queryMessage(await globe(), { accessKeyId: 'LTAI5tSandboxSendOnlyKey', accessKeySecret: 'SandboxSendOnlySecretNotReal00' });
    expect({ status: reply.status, json: reply.json }).toEqual({ status: 200, json: { RequestId: reply.headers['x-acs-request-id'], ResponseCode: 'RAM_PERMISSION_DENY', ResponseDescription: 'RAM权限DENY' } });
  });

  it('V3-signed: answered; with a wrong secret: SignatureDoesNotMatch', async () => {
    const messageId = await globe();
    expect(body(await callSandboxV3(sandbox, { action: 'QueryMessage', version: '2018-05-01', query: { MessageId: messageId } }))).toMatchObject({ ResponseCode: 'OK', Status: '1' });
    const refused = await queryMessage(messageId, { accessKeySecret: 'not-the-secret' });
    expect({ status: refused.status, code: body(refused).Code }).toEqual({ status: 400, code: 'SignatureDoesNotMatch' });
  });
});
