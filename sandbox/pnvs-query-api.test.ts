/**
 * The PNVS host over real HTTP: `SendSmsVerifyCode` and PNVS's own `QuerySendDetails`, in the
 * shape of SDK `@alicloud/dypnsapi20170525` 2.0.0 (`QuerySendDetailsResponseBody`: `Model` array,
 * numeric `TotalCount`, `Success`, no `RequestId`), listing PNVS sends only; the SMS host's
 * `QuerySendDetails` keeps its own shape and does not list them. The sandbox clock is fixed at
 * 2026-12-05 10:00:00 China time.
 *
 * @module
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.js';
import type { Sandbox } from './index.js';
import { callSandbox } from './test-client.js';

const now = Date.parse('2026-12-05T02:00:00Z');
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ flowControl: false, now: () => now });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.outbox.clear();
  sandbox.records.reset();
});

const pnvsHost = () => ({ ...sandbox, endpoint: sandbox.pnvsEndpoint });
const query = { Action: 'QuerySendDetails', Version: '2017-05-25', PhoneNumber: '13800138000', SendDate: '20261205', PageSize: '10', CurrentPage: '1' };
const sendCode = () =>
  callSandbox(pnvsHost(), { Action: 'SendSmsVerifyCode', Version: '2017-05-25', PhoneNumber: '13800138000', SignName: '速通互联验证码', TemplateCode: '100001', TemplateParam: '{"code":"4821","min":"5"}' });

describe('the PNVS host', () => {
  it('listens apart from the SMS host', () => {
    expect(sandbox.pnvsEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.pnvsEndpoint).not.toBe(sandbox.endpoint);
  });

  it("lists a code it sent in PNVS's shape", async () => {
    const sent = await sendCode();
    const bizId = (sent.json as { Model: { BizId: string } }).Model.BizId;
    const reply = await callSandbox(pnvsHost(), query);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      Code: 'OK',
      Message: 'OK',
      Success: true,
      TotalCount: 1,
      Model: [{ PhoneNum: '13800138000', SendStatus: 3, ErrCode: 'DELIVERED', TemplateCode: '100001', Content: '【速通互联验证码】验证码4821，您正在登录或注册，5分钟内有效，请勿告诉他人。', SendDate: '2026-12-05 10:00:00', ReceiveDate: '2026-12-05 10:00:02' }],
    });
    expect(bizId).toMatch(/^\d{16}\^0$/);
    expect((await callSandbox(pnvsHost(), { ...query, BizId: bizId })).json).toMatchObject({ TotalCount: 1 });
    expect((await callSandbox(pnvsHost(), { ...query, BizId: '1^0' })).json).toEqual({ Code: 'OK', Message: 'OK', Success: true, TotalCount: 0, Model: [] });
  });

  it('is not what the SMS host lists, and the SMS host keeps its shape', async () => {
    await sendCode();
    const reply = await callSandbox(sandbox, query);
    expect(reply.json).toEqual({ RequestId: reply.headers['x-acs-request-id'], Code: 'OK', Message: 'OK', TotalCount: '0', SmsSendDetailDTOs: { SmsSendDetailDTO: [] } });
    expect((await callSandbox(pnvsHost(), { ...query, PhoneNumber: '13700137000' })).json).toMatchObject({ TotalCount: 0, Model: [] });
  });

  it('[assumption A23] refuses a malformed SendDate with its bare code and Success false', async () => {
    const reply = await callSandbox(pnvsHost(), { ...query, SendDate: '2026-12-05' });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ Code: 'INVALID_PARAMETERS', Message: 'SendDate格式错误，应为yyyyMMdd', Success: false });
  });

  it('[assumption A16] answers a missing parameter at the gateway', async () => {
    const reply = await callSandbox(pnvsHost(), { ...query, PageSize: '' });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ Code: 'MissingPageSize' });
  });

  it("serves only PNVS's actions", async () => {
    const reply = await callSandbox(pnvsHost(), { Action: 'SendSms', Version: '2017-05-25', PhoneNumbers: '13800138000', SignName: 'Logto沙箱', TemplateCode: 'SMS_460100001', TemplateParam: '{"code":"1234"}' });
    expect(reply.status).toBe(404);
    expect(reply.json).toMatchObject({ Code: 'InvalidAction.NotFound' });
  });
});
