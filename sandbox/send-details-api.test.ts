/**
 * QuerySendDetails over real HTTP (docs/aliyun-sms-query-api.md §7): the registry's records,
 * records of real SendSms sends, outcomes set through the operator API, injected records, paging,
 * refusals, exact JSON and XML answers, V1 and V3 signing, a bad signature; and PNVS's own
 * QuerySendDetails on the PNVS host, in PNVS's shape (`Model` array, numeric `TotalCount`,
 * `Success`, no `RequestId`), listing PNVS sends only. The sandbox clock is fixed at
 * 2026-12-05 10:00:00 China time.
 *
 * @module
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.js';
import type { Sandbox } from './index.js';
import { callSandbox, rawRequest, sendSms } from './test-client.js';
import type { CallOptions } from './test-client.js';
import { callSandboxV3 } from './test-client-v3.js';

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

const defaults = { Action: 'QuerySendDetails', Version: '2017-05-25', SendDate: '20261205', PageSize: '10', CurrentPage: '1' };
const details = (params: Record<string, string | undefined>, options?: CallOptions) => {
  const given = Object.entries(params).flatMap(([name, value]) => (value === undefined ? [] : [[name, value] as const]));
  return callSandbox(sandbox, { ...defaults, ...Object.fromEntries(given) }, options);
};

const api = (path: string, method: string, body?: unknown) =>
  rawRequest(`${sandbox.endpoint}${path}`, { method, ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }) });

type Detail = Record<string, string | number>;
const dtos = (reply: { json: unknown }) =>
  ((reply.json as { SmsSendDetailDTOs: { SmsSendDetailDTO: Detail[] } }).SmsSendDetailDTOs.SmsSendDetailDTO);
const body = (reply: { json: unknown }) => reply.json as Record<string, unknown>;

describe('the registry’s records', () => {
  it('lists a delivered, a failed and a pending message, newest first, in full', async () => {
    const reply = await details({ PhoneNumber: '13700137000' });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      RequestId: reply.headers['x-acs-request-id'],
      Code: 'OK',
      Message: 'OK',
      TotalCount: '3',
      SmsSendDetailDTOs: {
        SmsSendDetailDTO: [
          // [assumption A18] pending: no ErrCode, no ReceiveDate
          { PhoneNum: '13700137000', SendStatus: 1, TemplateCode: 'SMS_460100004', Content: '【Logto沙箱】您的验证码为615804，5分钟内有效。', SendDate: '2026-12-05 09:59:00' },
          { PhoneNum: '13700137000', SendStatus: 2, ErrCode: 'UNDELIV', TemplateCode: 'SMS_460100001', Content: '【Logto沙箱】您的登录验证码为730265，5分钟内有效，请勿泄露给他人。', SendDate: '2026-12-05 09:40:00', ReceiveDate: '2026-12-05 09:40:02' },
          { PhoneNum: '13700137000', SendStatus: 3, ErrCode: 'DELIVERED', TemplateCode: 'SMS_460100001', Content: '【Logto沙箱】您的登录验证码为482913，5分钟内有效，请勿泄露给他人。', SendDate: '2026-12-05 09:30:00', ReceiveDate: '2026-12-05 09:30:02' },
        ],
      },
    });
  });

  it('an international number: failed with EXPIRED', async () => {
    expect(dtos(await details({ PhoneNumber: '85261234567' }))).toEqual([
      expect.objectContaining({ PhoneNum: '85261234567', SendStatus: 2, ErrCode: 'EXPIRED', TemplateCode: 'SMS_460200001' }),
    ]);
  });

  it.each([
    { why: 'another day', params: { PhoneNumber: '13700137000', SendDate: '20261204' } },
    { why: 'a number nothing was sent to', params: { PhoneNumber: '13900139000' } },
  ])('$why: TotalCount "0" and an empty list', async ({ params }) => {
    expect(body(await details(params))).toMatchObject({ Code: 'OK', TotalCount: '0', SmsSendDetailDTOs: { SmsSendDetailDTO: [] } });
  });

  it('pages: PageSize 2, page 2 holds the oldest', async () => {
    const reply = await details({ PhoneNumber: '13700137000', PageSize: '2', CurrentPage: '2' });
    expect(body(reply).TotalCount).toBe('3');
    expect(dtos(reply).map((dto) => dto.SendDate)).toEqual(['2026-12-05 09:30:00']);
  });

  it('answers XML with one SmsSendDetailDTO element per record', async () => {
    const reply = await details({ PhoneNumber: '13700137000' }, { format: 'XML' });
    expect(reply.text.match(/<SmsSendDetailDTO>/g)).toHaveLength(3);
    expect(reply.text).toMatch(/<TotalCount>3<\/TotalCount><SmsSendDetailDTOs><SmsSendDetailDTO><PhoneNum>13700137000<\/PhoneNum><SendStatus>1<\/SendStatus>/);
  });
});

describe('records of real sends', () => {
  const send = (phone = '13800138000') =>
    sendSms(sandbox, { PhoneNumbers: phone, SignName: 'Logto沙箱', TemplateCode: 'SMS_460100001', TemplateParam: '{"code":"246810"}', OutId: 'audit-42' });

  it('a SendSms is delivered by default, found by number and BizId, OutId echoed', async () => {
    const bizId = body(await send()).BizId as string;
    await send();
    for (const phone of ['13800138000', '8613800138000', '+8613800138000']) {
      const reply = await details({ PhoneNumber: phone, BizId: bizId });
      expect(reply.json).toMatchObject({ Code: 'OK', TotalCount: '1' });
      expect(dtos(reply)).toEqual([
        {
          PhoneNum: '13800138000',
          SendStatus: 3,
          ErrCode: 'DELIVERED',
          TemplateCode: 'SMS_460100001',
          Content: '【Logto沙箱】您的登录验证码为246810，5分钟内有效，请勿泄露给他人。',
          SendDate: '2026-12-05 10:00:00',
          ReceiveDate: '2026-12-05 10:00:02',
          OutId: 'audit-42',
        },
      ]);
    }
    expect(body(await details({ PhoneNumber: '13800138000' })).TotalCount).toBe('2');
  });

  it('an outcome set by BizId: failed with the carrier code', async () => {
    const bizId = body(await send()).BizId as string;
    expect((await api('/api/delivery-outcomes', 'POST', { bizId, status: 'failed', errCode: 'DB:0102' })).status).toBe(204);
    expect(dtos(await details({ PhoneNumber: '13800138000' }))).toEqual([
      expect.objectContaining({ SendStatus: 2, ErrCode: 'DB:0102', ReceiveDate: '2026-12-05 10:00:02' }),
    ]);
  });

  it('an outcome set by number applies to sends before and after', async () => {
    await send();
    await api('/api/delivery-outcomes', 'POST', { phone: '+8613800138000', status: 'pending' });
    await send();
    const statuses = dtos(await details({ PhoneNumber: '13800138000' })).map((dto) => [dto.SendStatus, dto.ErrCode, dto.ReceiveDate]);
    expect(statuses).toEqual([[1, undefined, undefined], [1, undefined, undefined]]);
  });

  it('a failure without a code is UNDELIV; records reset restores the registry', async () => {
    await api('/api/delivery-outcomes', 'POST', { phone: '13700137000', status: 'failed' });
    expect(dtos(await details({ PhoneNumber: '13700137000' })).map((dto) => dto.ErrCode)).toEqual(['UNDELIV', 'UNDELIV', 'UNDELIV']);
    expect((await api('/api/send-records', 'DELETE')).status).toBe(204);
    expect(dtos(await details({ PhoneNumber: '13700137000' })).map((dto) => dto.SendStatus)).toEqual([1, 2, 3]);
  });

  it('an injected record, then listed by the operator API', async () => {
    const injected = await api('/api/send-records', 'POST', { phone: '13900139000', content: '【Logto沙箱】您的验证码为1234', templateCode: 'SMS_460100004', status: 'failed', errCode: 'DB:0101', minutesAgo: 5 });
    expect(injected.status).toBe(201);
    const bizId = (injected.json as { id: string }).id;
    expect(dtos(await details({ PhoneNumber: '13900139000', BizId: bizId }))).toEqual([
      { PhoneNum: '13900139000', SendStatus: 2, ErrCode: 'DB:0101', TemplateCode: 'SMS_460100004', Content: '【Logto沙箱】您的验证码为1234', SendDate: '2026-12-05 09:55:00', ReceiveDate: '2026-12-05 09:55:02' },
    ]);
    const listed = await api('/api/send-records?phone=13900139000&date=20261205', 'GET');
    expect(listed.json).toEqual([
      { phone: '13900139000', id: bizId, site: 'china', content: '【Logto沙箱】您的验证码为1234', templateCode: 'SMS_460100004', sentAt: '2026-12-05T01:55:00.000Z', receivedAt: '2026-12-05T01:55:02.000Z', status: 'failed', errCode: 'DB:0101', source: 'injected', sendDate: '20261205' },
    ]);
  });

  it('international-site and PNVS sends are not China-site send records', async () => {
    await callSandbox(sandbox, { Action: 'SendMessageToGlobe', Version: '2018-05-01', To: '85291234567', Message: 'Code 2222' });
    await callSandbox(sandbox, { Action: 'SendSmsVerifyCode', Version: '2017-05-25', PhoneNumber: '13800138000', SignName: '速通互联验证码', TemplateCode: '100001', TemplateParam: '{"code":"1234","min":"5"}' });
    expect(sandbox.outbox.list()).toHaveLength(2);
    expect(body(await details({ PhoneNumber: '85291234567' })).TotalCount).toBe('0');
    expect(body(await details({ PhoneNumber: '13800138000' })).TotalCount).toBe('0');
  });
});

describe('QuerySendDetails refusals', () => {
  it.each([
    { why: 'no PhoneNumber', params: { PhoneNumber: '' }, status: 400, code: 'MissingPhoneNumber' },
    { why: 'no SendDate', params: { SendDate: '' }, status: 400, code: 'MissingSendDate' },
    { why: 'no PageSize', params: { PageSize: '' }, status: 400, code: 'MissingPageSize' },
    { why: 'no CurrentPage', params: { CurrentPage: '' }, status: 400, code: 'MissingCurrentPage' },
  ])('[assumption A16] $why → HTTP $status $code', async ({ params, status, code }) => {
    const reply = await details({ PhoneNumber: '13700137000', ...params });
    expect({ status: reply.status, code: body(reply).Code }).toEqual({ status, code });
  });

  it.each([
    { why: 'SendDate with dashes', params: { SendDate: '2026-12-05' } },
    { why: 'SendDate not a day', params: { SendDate: '20261331' } },
    { why: 'SendDate older than 30 days', params: { SendDate: '20261104' } },
    { why: 'PageSize 51', params: { PageSize: '51' } },
    { why: 'PageSize 0', params: { PageSize: '0' } },
    { why: 'CurrentPage 0', params: { CurrentPage: '0' } },
  ])('[assumption A17] $why → HTTP 200 isv.INVALID_PARAMETERS', async ({ params }) => {
    const reply = await details({ PhoneNumber: '13700137000', ...params });
    expect(reply.status).toBe(200);
    expect(Object.keys(body(reply)).sort()).toEqual(['Code', 'Message', 'RequestId']);
    expect(body(reply).Code).toBe('isv.INVALID_PARAMETERS');
  });

  it('SendDate 30 days back is still answered', async () => {
    expect(body(await details({ PhoneNumber: '13700137000', SendDate: '20261105' })).Code).toBe('OK');
  });

  it('a wrong secret → HTTP 400 SignatureDoesNotMatch', async () => {
    const reply = await details({ PhoneNumber: '13700137000' }, { accessKeySecret: 'not-the-secret' });
    expect({ status: reply.status, code: body(reply).Code }).toEqual({ status: 400, code: 'SignatureDoesNotMatch' });
  });

  it('a V3-signed request (the SDK shape) is answered; a V3 one with a wrong secret is refused', async () => {
    const query = { PhoneNumber: '13700137000', SendDate: '20261205', PageSize: '10', CurrentPage: '1' };
    const reply = await callSandboxV3(sandbox, { action: 'QuerySendDetails', query });
    expect(body(reply)).toMatchObject({ Code: 'OK', TotalCount: '3' });
    const refused = await callSandboxV3(sandbox, { action: 'QuerySendDetails', query, accessKeySecret: 'not-the-secret' });
    expect({ status: refused.status, code: body(refused).Code }).toEqual({ status: 400, code: 'SignatureDoesNotMatch' });
  });
});

const pnvsHost = () => ({ ...sandbox, endpoint: sandbox.pnvsEndpoint });
const pnvsQuery = { ...defaults, PhoneNumber: '13800138000' };
const sendCode = () =>
  callSandbox(pnvsHost(), { Action: 'SendSmsVerifyCode', Version: '2017-05-25', PhoneNumber: '13800138000', SignName: '速通互联验证码', TemplateCode: '100001', TemplateParam: '{"code":"4821","min":"5"}' });

describe("PNVS's QuerySendDetails, on the PNVS host (SDK @alicloud/dypnsapi20170525 2.0.0 QuerySendDetailsResponseBody)", () => {
  it('listens apart from the SMS host', () => {
    expect(sandbox.pnvsEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.pnvsEndpoint).not.toBe(sandbox.endpoint);
  });

  it("lists a code it sent in PNVS's shape", async () => {
    const sent = await sendCode();
    const bizId = (sent.json as { Model: { BizId: string } }).Model.BizId;
    const reply = await callSandbox(pnvsHost(), pnvsQuery);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      Code: 'OK',
      Message: 'OK',
      Success: true,
      TotalCount: 1,
      Model: [{ PhoneNum: '13800138000', SendStatus: 3, ErrCode: 'DELIVERED', TemplateCode: '100001', Content: '【速通互联验证码】验证码4821，您正在登录或注册，5分钟内有效，请勿告诉他人。', SendDate: '2026-12-05 10:00:00', ReceiveDate: '2026-12-05 10:00:02' }],
    });
    expect(bizId).toMatch(/^\d{16}\^0$/);
    expect((await callSandbox(pnvsHost(), { ...pnvsQuery, BizId: bizId })).json).toMatchObject({ TotalCount: 1 });
    expect((await callSandbox(pnvsHost(), { ...pnvsQuery, BizId: '1^0' })).json).toEqual({ Code: 'OK', Message: 'OK', Success: true, TotalCount: 0, Model: [] });
  });

  it('is not what the SMS host lists, and the SMS host keeps its shape', async () => {
    await sendCode();
    const reply = await callSandbox(sandbox, pnvsQuery);
    expect(reply.json).toEqual({ RequestId: reply.headers['x-acs-request-id'], Code: 'OK', Message: 'OK', TotalCount: '0', SmsSendDetailDTOs: { SmsSendDetailDTO: [] } });
    expect((await callSandbox(pnvsHost(), { ...pnvsQuery, PhoneNumber: '13700137000' })).json).toMatchObject({ TotalCount: 0, Model: [] });
  });

  it('[assumption A43] refuses a malformed SendDate with its bare code and Success false', async () => {
    const reply = await callSandbox(pnvsHost(), { ...pnvsQuery, SendDate: '2026-12-05' });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ Code: 'INVALID_PARAMETERS', Message: 'SendDate格式错误，应为yyyyMMdd', Success: false });
  });

  it('[assumption A16] answers a missing parameter at the gateway', async () => {
    const reply = await callSandbox(pnvsHost(), { ...pnvsQuery, PageSize: '' });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ Code: 'MissingPageSize' });
  });

  it("serves only PNVS's actions", async () => {
    const reply = await callSandbox(pnvsHost(), { Action: 'SendSms', Version: '2017-05-25', PhoneNumbers: '13800138000', SignName: 'Logto沙箱', TemplateCode: 'SMS_460100001', TemplateParam: '{"code":"1234"}' });
    expect(reply.status).toBe(404);
    expect(reply.json).toMatchObject({ Code: 'InvalidAction.NotFound' });
  });
});
