/**
 * QuerySendStatistics over real HTTP: the answer's fields and types as `@alicloud/dysmsapi20170525`
 * 4.6.0 has them (`src/models/QuerySendStatisticsResponseBody.ts`: `Data.TotalSize` number,
 * `Data.TargetList[]` of `SendDate` string and four number counts), per day, per scope (`IsGlobe`,
 * `QuerySendStatisticsRequest.ts`: 1 domestic, 2 international), per signature and template type,
 * paged, from the registry's daily sends and records, real sends with their carrier outcomes, and
 * bulk days seeded through the operator API. The sandbox clock is 2026-12-05 10:00:00 China time.
 *
 * @module
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.js';
import type { Sandbox } from './index.js';
import { callSandbox, rawRequest, sendSms } from './test-client.js';
import type { CallOptions } from './test-client.js';

const now = Date.parse('2026-12-05T02:00:00Z');
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ now: () => now });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.outbox.clear();
  sandbox.accounts.reset();
  sandbox.settings.reset();
  sandbox.clock.reset();
});

const week = { IsGlobe: '1', StartDate: '20261128', EndDate: '20261205', PageIndex: '1', PageSize: '50' };
const statistics = (params: Record<string, string>, options?: CallOptions) =>
  callSandbox(sandbox, { Action: 'QuerySendStatistics', Version: '2017-05-25', ...week, ...params }, options);
const api = (path: string, method: string, payload?: unknown) =>
  rawRequest(`${sandbox.endpoint}${path}`, { method, ...(payload === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) }) });
type Day = { SendDate: string; TotalCount: number; RespondedSuccessCount: number; RespondedFailCount: number; NoRespondedCount: number };
const data = (reply: { json: unknown }) => (reply.json as { Data: { TotalSize: number; TargetList: Day[] } }).Data;
/** `[SendDate, delivered, failed, no receipt]`, the way the tables below write a day. */
const rows = (reply: { json: unknown }) =>
  data(reply).TargetList.map((day) => [day.SendDate, day.RespondedSuccessCount, day.RespondedFailCount, day.NoRespondedCount]);
const backupKey = { accessKeyId: 'LTAI5tSandboxBackupKeyId', accessKeySecret: 'SandboxBackupSecretNotARealKey0' };

describe('the default registry’s week', () => {
  it('answers every field with the SDK model’s names and types, newest day first', async () => {
    const reply = await statistics({ SignName: 'Logto沙箱' });
    expect(reply.status).toBe(200);
    // Hand-added from registry.default.json: dailySends (SMS_460100001 + SMS_460100002) and, today,
    // the three sendRecords to 13700137000 (one delivered, one failed, one pending).
    const day = (SendDate: string, delivered: number, failed: number, pending: number): Day => ({
      SendDate,
      TotalCount: delivered + failed + pending,
      RespondedSuccessCount: delivered,
      RespondedFailCount: failed,
      NoRespondedCount: pending,
    });
    expect(reply.json).toEqual({
      RequestId: reply.headers['x-acs-request-id'],
      Code: 'OK',
      Message: 'OK',
      Data: {
        TotalSize: 8,
        TargetList: [
          day('20261205', 120 + 12 + 1, 1 + 0 + 1, 35 + 6 + 1),
          day('20261204', 407 + 49, 6 + 0, 2 + 1),
          day('20261203', 398 + 58, 7 + 1, 1 + 0),
          day('20261202', 161 + 21, 233 + 30, 4 + 0),
          day('20261201', 410 + 55, 9 + 1, 0),
          day('20261130', 395 + 61, 5 + 2, 0),
          day('20261129', 402 + 47, 8 + 0, 0),
          day('20261128', 380 + 52, 6 + 1, 0),
        ],
      },
    });
  });

  it.each<{ why: string; params: Record<string, string>; expected: Array<[string, number, number, number]> }>([
    { why: 'IsGlobe 2, one signature: the international days and today’s failed record to 85261234567', params: { IsGlobe: '2', SignName: 'Logto沙箱' }, expected: [['20261205', 6, 1, 4], ['20261204', 25, 3, 1], ['20261203', 21, 0, 0], ['20261202', 23, 1, 0], ['20261201', 26, 1, 0], ['20261130', 22, 2, 0], ['20261129', 19, 0, 0], ['20261128', 24, 1, 0]] },
    { why: 'no SignName: the other signature’s notifications join three days', params: { StartDate: '20261202', EndDate: '20261204' }, expected: [['20261204', 456 + 1466, 6 + 11, 3 + 3], ['20261203', 456 + 1502, 8 + 9, 1], ['20261202', 182 + 1480, 263 + 12, 4]] },
    { why: 'TemplateType 1 (notification), no SignName: only those notifications', params: { TemplateType: '1' }, expected: [['20261204', 1466, 11, 3], ['20261203', 1502, 9, 0], ['20261202', 1480, 12, 0]] },
    { why: 'TemplateType 0 (verification code): the sign-in and registration codes', params: { SignName: 'Logto沙箱', TemplateType: '0', StartDate: '20261202', EndDate: '20261202' }, expected: [['20261202', 182, 263, 4]] },
    { why: 'TemplateType 3 (international), IsGlobe 2', params: { IsGlobe: '2', TemplateType: '3', StartDate: '20261204', EndDate: '20261204' }, expected: [['20261204', 25, 3, 1]] },
    { why: 'TemplateType 7 (digital): the account has none', params: { TemplateType: '7' }, expected: [] },
    { why: 'a signature nobody sent with', params: { SignName: '沙箱审核中' }, expected: [] },
    { why: 'one day', params: { SignName: 'Logto沙箱', StartDate: '20261202', EndDate: '20261202' }, expected: [['20261202', 182, 263, 4]] },
    { why: 'days before any traffic', params: { StartDate: '20261101', EndDate: '20261127' }, expected: [] },
  ])('$why', async ({ params, expected }) => {
    const reply = await statistics(params);
    expect(rows(reply)).toEqual(expected);
    expect(data(reply).TotalSize).toBe(expected.length);
  });

  it.each([
    { page: '2', dates: ['20261202', '20261201', '20261130'] },
    { page: '3', dates: ['20261129', '20261128'] },
    { page: '4', dates: [] },
  ])('[assumption A33] pages of 3: page $page holds $dates, TotalSize stays 8', async ({ page, dates }) => {
    const reply = await statistics({ SignName: 'Logto沙箱', PageSize: '3', PageIndex: page });
    expect(data(reply).TotalSize).toBe(8);
    expect(data(reply).TargetList.map((day) => day.SendDate)).toEqual(dates);
  });

  it('answers XML with one TargetList element per day', async () => {
    const reply = await statistics({ SignName: 'Logto沙箱', StartDate: '20261204' }, { format: 'XML' });
    expect(reply.text).toContain(
      '<Data><TotalSize>2</TotalSize><TargetList><SendDate>20261205</SendDate><TotalCount>177</TotalCount><RespondedSuccessCount>133</RespondedSuccessCount><RespondedFailCount>2</RespondedFailCount><NoRespondedCount>42</NoRespondedCount></TargetList><TargetList><SendDate>20261204</SendDate>',
    );
  });

  it('another account’s key sees that account’s traffic only', async () => {
    expect(rows(await statistics({ SignName: 'Logto备用' }, backupKey))).toEqual([['20261204', 2, 0, 0], ['20261203', 3, 0, 0]]);
    expect(rows(await statistics({ SignName: 'Logto沙箱' }, backupKey))).toEqual([]);
  });
});

describe('real sends and their carrier outcomes', () => {
  // LogtoSandbox has no traffic today in the registry, so today's row is what these tests send.
  const today = { SignName: 'LogtoSandbox', StartDate: '20261205', EndDate: '20261205' };
  const send = (phone: string, template = 'SMS_460100001') =>
    sendSms(sandbox, { PhoneNumbers: phone, SignName: 'LogtoSandbox', TemplateCode: template, TemplateParam: '{"code":"2468"}' });
  const bizId = async (reply: Promise<{ json: unknown }>) => ((await reply).json as { BizId: string }).BizId;

  it('a send is delivered by default; outcomes set by BizId and by number count as failed and awaiting a receipt', async () => {
    await send('13800138001');
    const failed = await bizId(send('13800138002'));
    await send('13800138003');
    await api('/api/delivery-outcomes', 'POST', { bizId: failed, status: 'failed', errCode: 'DB:0101' });
    await api('/api/delivery-outcomes', 'POST', { phone: '13800138003', status: 'pending' });
    expect(rows(await statistics(today))).toEqual([['20261205', 1, 1, 1]]);
  });

  it('a send to Hong Kong counts under IsGlobe 2, not 1', async () => {
    await send('85291234567', 'SMS_460200001');
    expect(rows(await statistics({ ...today, IsGlobe: '2' }))).toEqual([['20261205', 1, 0, 0]]);
    expect(rows(await statistics(today))).toEqual([]);
  });

  it('a refused send (flow control) is not counted', async () => {
    await send('13800138001');
    expect(((await send('13800138001')).json as { Code: string }).Code).toBe('isv.BUSINESS_LIMIT_CONTROL');
    expect(rows(await statistics(today))).toEqual([['20261205', 1, 0, 0]]);
  });

  it('[assumption A34] PNVS sends never count; international-site sends only when switched on', async () => {
    await callSandbox(sandbox, { Action: 'SendSmsVerifyCode', Version: '2017-05-25', PhoneNumber: '13800138004', SignName: '速通互联验证码', TemplateCode: '100001', TemplateParam: '{"code":"1234","min":"5"}' });
    await callSandbox(sandbox, { Action: 'SendMessageWithTemplate', Version: '2018-05-01', To: '8613800138005', From: 'LogtoSandbox', TemplateCode: 'SMS_460100001', TemplateParam: '{"code":"1234"}' });
    await callSandbox(sandbox, { Action: 'SendMessageToGlobe', Version: '2018-05-01', To: '85291234567', Message: 'Your code is 1234' });
    expect(sandbox.outbox.list()).toHaveLength(3);
    const day = { StartDate: '20261205', EndDate: '20261205' };
    expect(rows(await statistics({ ...day, SignName: '速通互联验证码' }))).toEqual([]);
    expect(rows(await statistics({ ...day, SignName: 'LogtoSandbox' }))).toEqual([]);
    expect((await api('/api/settings', 'POST', { statisticsInternationalSite: true })).status).toBe(200);
    expect(rows(await statistics({ ...day, SignName: 'LogtoSandbox' }))).toEqual([['20261205', 1, 0, 0]]);
    // The Globe message has no signature: it counts for the account, not for a SignName.
    expect(rows(await statistics({ ...day, IsGlobe: '2' }))).toEqual([['20261205', 6 + 1, 1, 4]]);
  });
});

describe('a day seeded in bulk through the operator API', () => {
  it('100 sends, 80 delivered and 20 failed, on a given China day', async () => {
    const seeded = await api('/api/daily-sends', 'POST', { date: '20261130', signName: 'LogtoSandbox', templateCode: 'SMS_460100001', delivered: 80, failed: 20 });
    expect(seeded.status).toBe(201);
    expect(seeded.json).toEqual({ day: '20261130', scope: 'mainland', signName: 'LogtoSandbox', templateCode: 'SMS_460100001', delivered: 80, failed: 20, pending: 0 });
    expect(data(await statistics({ SignName: 'LogtoSandbox', StartDate: '20261130', EndDate: '20261130' })).TargetList).toEqual([
      { SendDate: '20261130', TotalCount: 100, RespondedSuccessCount: 80, RespondedFailCount: 20, NoRespondedCount: 0 },
    ]);
  });

  it('daysAgo counts China-time days back; the signature defaults to the account’s first; DELETE restores the registry’s', async () => {
    expect((await api('/api/daily-sends', 'POST', { daysAgo: 1, delivered: 1000 })).json).toMatchObject({ day: '20261204', signName: 'Logto沙箱' });
    expect(rows(await statistics({ SignName: 'Logto沙箱', StartDate: '20261204', EndDate: '20261204' }))).toEqual([['20261204', 456 + 1000, 6, 3]]);
    expect((await api('/api/daily-sends', 'DELETE')).status).toBe(204);
    expect(rows(await statistics({ SignName: 'Logto沙箱', StartDate: '20261204', EndDate: '20261204' }))).toEqual([['20261204', 456, 6, 3]]);
  });

  it('[assumption A33] a day whose counts are all zero is not listed', async () => {
    expect((await api('/api/daily-sends', 'POST', { date: '20261130', signName: 'LogtoSandbox' })).status).toBe(201);
    expect(rows(await statistics({ SignName: 'LogtoSandbox', StartDate: '20261129', EndDate: '20261201' }))).toEqual([]);
  });

  it('for another account, and listed per account', async () => {
    await api('/api/daily-sends', 'POST', { account: 'backup', date: '20261201', scope: 'international', failed: 7 });
    expect(rows(await statistics({ IsGlobe: '2', SignName: 'Logto备用' }, backupKey))).toEqual([['20261201', 0, 7, 0]]);
    expect((await api('/api/daily-sends?account=backup', 'GET')).json).toContainEqual({ day: '20261201', scope: 'international', signName: 'Logto备用', delivered: 0, failed: 7, pending: 0 });
  });

  it.each([
    { why: 'a date that is not a day', payload: { date: '20261131' }, error: 'date must be a day written yyyyMMdd, such as 20261204' },
    { why: 'a negative count', payload: { failed: -1 }, error: 'body.failed must be a whole number from 0 to 10000000' },
    { why: 'an unknown scope', payload: { scope: 'global' }, error: 'body.scope must be one of mainland, international' },
    { why: 'an unknown account', payload: { account: 'tertiary' }, error: 'account must be one of primary, backup' },
    { why: 'daysAgo in the future', payload: { daysAgo: -1 }, error: 'daysAgo must be a whole number of days, 0 or more' },
  ])('$why → 400 naming it', async ({ payload, error }) => {
    const reply = await api('/api/daily-sends', 'POST', payload);
    expect({ status: reply.status, json: reply.json }).toEqual({ status: 400, json: { error } });
  });
});
