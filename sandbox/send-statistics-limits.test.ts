/**
 * QuerySendStatistics refusals over real HTTP: missing and malformed parameters (the values are
 * `@alicloud/dysmsapi20170525` 4.6.0's `QuerySendStatisticsRequest.ts`: IsGlobe 1 or 2, dates
 * `yyyyMMdd`, PageSize 1–50, all five required), the range the sandbox refuses, Aliyun's call
 * rate (20 a second per account, fact sheet §2) answered with `Throttling.User`, RAM
 * (`dysms:QuerySendStatistics`), and signature V3 as the SDK sends it.
 *
 * @module
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.js';
import type { Sandbox } from './index.js';
import { callSandbox, rawRequest } from './test-client.js';
import type { CallOptions } from './test-client.js';
import { callSandboxV3 } from './test-client-v3.js';

const now = Date.parse('2026-12-05T02:00:00Z');
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ now: () => now });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.settings.reset();
  sandbox.account.resetDenials();
  sandbox.clock.reset();
});

const week = { IsGlobe: '1', StartDate: '20261128', EndDate: '20261205', PageIndex: '1', PageSize: '10' };
const statistics = (params: Record<string, string> = {}, options?: CallOptions) =>
  callSandbox(sandbox, { Action: 'QuerySendStatistics', Version: '2017-05-25', ...week, ...params }, options);
const api = (path: string, method: string, payload?: unknown) =>
  rawRequest(`${sandbox.endpoint}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });
const outcome = (reply: { status: number; json: unknown }) => {
  const { Code, Message } = reply.json as { Code: string; Message: string };
  return { status: reply.status, code: Code, message: Message };
};
const backupKey = { accessKeyId: 'LTAI5tSandboxBackupKeyId', accessKeySecret: 'SandboxBackupSecretNotARealKey0' };

describe('parameters', () => {
  it.each(['IsGlobe', 'StartDate', 'EndDate', 'PageIndex', 'PageSize'])('[assumption A30] no %s → HTTP 400 Missing%s', async (name) => {
    const reply = await statistics({ [name]: '' });
    expect(outcome(reply)).toEqual({ status: 400, code: `Missing${name}`, message: `${name} is mandatory for this action.` });
  });

  it.each<{ why: string; params: Record<string, string>; message: string }>([
    { why: 'IsGlobe 0', params: { IsGlobe: '0' }, message: 'IsGlobe取值为1（国内短信）或2（国际/港澳台短信）' },
    { why: 'IsGlobe 3', params: { IsGlobe: '3' }, message: 'IsGlobe取值为1（国内短信）或2（国际/港澳台短信）' },
    { why: 'StartDate with dashes', params: { StartDate: '2026-11-28' }, message: 'StartDate和EndDate格式错误，应为yyyyMMdd' },
    { why: 'EndDate not a day', params: { EndDate: '20261131' }, message: 'StartDate和EndDate格式错误，应为yyyyMMdd' },
    { why: 'StartDate after EndDate', params: { StartDate: '20261206' }, message: 'StartDate不能晚于EndDate' },
    { why: 'a range of 31 days', params: { StartDate: '20261105' }, message: 'StartDate与EndDate的跨度不能超过30天' },
    { why: 'PageSize 0', params: { PageSize: '0' }, message: 'PageSize取值范围为1~50' },
    { why: 'PageSize 51', params: { PageSize: '51' }, message: 'PageSize取值范围为1~50' },
    { why: 'PageSize not a number', params: { PageSize: 'ten' }, message: 'PageSize取值范围为1~50' },
    { why: 'PageIndex 0', params: { PageIndex: '0' }, message: 'PageIndex必须是正整数' },
    { why: 'PageIndex 1.5', params: { PageIndex: '1.5' }, message: 'PageIndex必须是正整数' },
    { why: 'TemplateType not a number', params: { TemplateType: 'code' }, message: 'TemplateType取值错误' },
    { why: 'TemplateType -1', params: { TemplateType: '-1' }, message: 'TemplateType取值错误' },
  ])('[assumption A31] [assumption A32] $why → HTTP 200 isv.INVALID_PARAMETERS', async ({ params, message }) => {
    expect(outcome(await statistics(params))).toEqual({ status: 200, code: 'isv.INVALID_PARAMETERS', message });
  });

  it.each<{ why: string; params: Array<Record<string, string>> }>([
    { why: 'PageSize 1 and 50', params: [{ PageSize: '1' }, { PageSize: '50' }] },
    { why: 'a range of exactly 30 days', params: [{ StartDate: '20261106' }] },
    { why: 'one day, a day in the future', params: [{ StartDate: '20261205', EndDate: '20261205' }, { StartDate: '20261210', EndDate: '20261212' }] },
  ])('accepts the edges: $why', async ({ params }) => {
    for (const each of params) {
      expect(outcome(await statistics(each))).toEqual({ status: 200, code: 'OK', message: 'OK' });
    }
  });

  it('[assumption A32] the longest range is a setting', async () => {
    await api('/api/settings', 'POST', { statisticsMaxDays: 7 });
    expect(outcome(await statistics())).toEqual({ status: 200, code: 'isv.INVALID_PARAMETERS', message: 'StartDate与EndDate的跨度不能超过7天' });
    expect(outcome(await statistics({ StartDate: '20261129' })).code).toBe('OK');
  });

  it.each([
    { payload: { statisticsMaxDays: 0 }, error: 'statisticsMaxDays must be a whole number of days from 1 to 3660' },
    { payload: { queryRateLimit: 'no' }, error: 'queryRateLimit must be true or false' },
    { payload: { rate: 5 }, error: 'rate is not a setting; the settings are queryRateLimit, statisticsInternationalSite, statisticsMaxDays' },
  ])('POST /api/settings refuses $payload', async ({ payload, error }) => {
    const reply = await api('/api/settings', 'POST', payload);
    expect({ status: reply.status, json: reply.json }).toEqual({ status: 400, json: { error } });
  });
});

describe('the call rate: 20 a second per account', () => {
  it('[assumption A35] the 21st call in one second is Throttling.User (HTTP 400, the gateway body); the next second admits again', async () => {
    for (let call = 0; call < 20; call += 1) {
      expect((await statistics()).status).toBe(200);
    }
    const refused = await statistics();
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({
      RequestId: refused.headers['x-acs-request-id'],
      HostId: expect.stringMatching(/^127\.0\.0\.1:\d+$/) as unknown,
      Code: 'Throttling.User',
      Message: 'Request was denied due to user flow control.',
      Recommend: expect.stringContaining('Throttling.User') as unknown,
    });
    // Another account has its own rate; other APIs are not limited.
    expect((await statistics({}, backupKey)).status).toBe(200);
    expect((await callSandbox(sandbox, { Action: 'QuerySendDetails', Version: '2017-05-25', PhoneNumber: '13700137000', SendDate: '20261205', PageSize: '10', CurrentPage: '1' })).status).toBe(200);
    sandbox.clock.advance(1000);
    expect((await statistics()).status).toBe(200);
  });

  it('switched off, 25 calls in one second are answered', async () => {
    expect((await api('/api/settings', 'POST', { queryRateLimit: false })).json).toMatchObject({ queryRateLimit: false });
    for (let call = 0; call < 25; call += 1) {
      expect((await statistics()).status).toBe(200);
    }
  });
});

describe('RAM and signing', () => {
  it("the send-only key is denied dysms:QuerySendStatistics: HTTP 200 with the China site's isp.RAM_PERMISSION_DENY", async () => {
    const reply = await statistics({}, { accessKeyId: 'LTAI5tSandboxSendOnlyKey', accessKeySecret: 'SandboxSendOnlySecretNotReal00' });
    expect(outcome(reply)).toEqual({ status: 200, code: 'isp.RAM_PERMISSION_DENY', message: 'RAM权限DENY' });
  });

  it('[assumption A19] a key set to the gateway style: HTTP 403 Forbidden.RAM naming it', async () => {
    await api('/api/ram', 'POST', { deny: ['dysms:QuerySendStatistics'], style: 'Forbidden.RAM' });
    const reply = await statistics();
    expect(reply.status).toBe(403);
    expect(reply.json).toMatchObject({ Code: 'Forbidden.RAM', AccessDeniedDetail: { AuthAction: 'dysms:QuerySendStatistics' } });
  });

  it('a key set to the older style: HTTP 200 isp.RAM_PERMISSION_DENY', async () => {
    await api('/api/ram', 'POST', { deny: ['dysms:QuerySendStatistics'], style: 'isp.RAM_PERMISSION_DENY' });
    expect(outcome(await statistics())).toEqual({ status: 200, code: 'isp.RAM_PERMISSION_DENY', message: 'RAM权限DENY' });
  });

  it('a wrong secret: HTTP 400 SignatureDoesNotMatch', async () => {
    expect(outcome(await statistics({}, { accessKeySecret: 'wrong' })).code).toBe('SignatureDoesNotMatch');
  });

  it('signed V3 as the SDK sends it (parameters in the query, POST, no body): the same answer', async () => {
    const query = { ...week, SignName: 'Logto沙箱', StartDate: '20261202', EndDate: '20261202' };
    const reply = await callSandboxV3(sandbox, { action: 'QuerySendStatistics', query });
    expect(reply.status).toBe(200);
    expect((reply.json as { Data: unknown }).Data).toEqual({
      TotalSize: 1,
      TargetList: [{ SendDate: '20261202', TotalCount: 449, RespondedSuccessCount: 182, RespondedFailCount: 263, NoRespondedCount: 4 }],
    });
  });
});
