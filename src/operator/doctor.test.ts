/**
 * `doctor` and `status` on the wire, against nock with the network shut: the exact parameters of
 * each read-only request, the fallback from `GetSms*` to the older `QuerySms*`, both forms of a RAM
 * denial, and answers shaped as docs/aliyun-sms-query-api.md shows them (which the sandbox does
 * not produce: numeric `Query*` statuses, `AccessDeniedDetail`, paged send records, QueryMessage).
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { createAliyunClient } from '../aliyun/aliyun-client.js';
import { parseConfig } from '../config/config.js';
import { runDoctor } from './doctor.js';
import { queryMessageReading } from '../account/message-records.js';
import { querySendStatus } from './send-status.js';

const host = 'https://dysmsapi.aliyuncs.com';
const config = {
  accessKeyId: 'LTAI5tFakeKeyIdForTests',
  accessKeySecret: 'FakeSecretForTestsOnly0000000',
  signName: '阿里云短信测试',
  allowedRegionCodes: ['86'],
  templates: ['SignIn', 'Register', 'ForgotPassword', 'Generic'].map((usageType) => ({ usageType, templateCode: 'SMS_154950909' })),
};

let nonce = 0;
const client = () => createAliyunClient({ nonce: () => `nonce-${(nonce += 1)}`, now: () => new Date('2026-12-05T08:00:00Z'), warn: () => undefined });

beforeAll(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
});

type Form = Record<string, string>;
const form = (body: string): Form => Object.fromEntries(new URLSearchParams(body));
const date = { Date: 'Sat, 05 Dec 2026 08:00:01 GMT' };

/** Answers each POST by its Action; records every request's parameters. */
const aliyun = (answers: Record<string, (request: Form) => [number, object]>) => {
  const seen: Form[] = [];
  nock(host)
    .persist()
    .post('/')
    .reply((_, body) => {
      const request = form(body as string);
      seen.push(request);
      const answer = answers[request.Action ?? ''];
      return answer ? [...answer(request), date] : [404, { Code: 'InvalidAction.NotFound', Message: 'Specified api is not found', RequestId: 'R-404' }, date];
    });
  return seen;
};

describe('doctor on the wire', () => {
  it('asks GetSmsTemplate with exactly these parameters, falls back to QuerySmsTemplate, and reads numeric states', async () => {
    const seen = aliyun({
      GetSmsSign: () => [200, { Code: 'OK', Message: 'OK', RequestId: 'R-SIGN', SignName: '阿里云短信测试', SignStatus: 1, CreateDate: ' 2019-01-08 16:44:13' }],
      QuerySmsTemplate: () => [
        200,
        { Code: 'OK', Message: 'OK', RequestId: 'R-TPL', TemplateCode: 'SMS_154950909', TemplateContent: '您的验证码为${code}，请于${minutes}分钟内填写。', TemplateType: 0, TemplateStatus: 2, CreateDate: '2026-11-30 10:02:34', Reason: '模板内容中包含错别字。' },
      ],
      QuerySendDetails: () => [200, { Code: 'isp.RAM_PERMISSION_DENY', Message: 'RAM permission deny', RequestId: 'R-RAM' }],
      QuerySendStatistics: () => [200, { Code: 'OK', Message: 'OK', RequestId: 'R-STAT', Data: { TotalSize: 0, TargetList: [] } }],
    });
    // The balance goes to the billing host, business.aliyuncs.com, which nock does not answer here.
    const checks = await runDoctor(config, { client: client() });
    const get = seen.find((request) => request.Action === 'GetSmsTemplate');
    expect({ ...get, SignatureNonce: '<nonce>', Signature: '<signature>' }).toEqual({
      AccessKeyId: 'LTAI5tFakeKeyIdForTests',
      Action: 'GetSmsTemplate',
      Format: 'JSON',
      RegionId: 'cn-hangzhou',
      Signature: '<signature>',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '<nonce>',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_154950909',
      Timestamp: '2026-12-05T08:00:00Z',
      Version: '2017-05-25',
    });
    expect(seen.map((request) => request.Action).sort()).toEqual(['GetSmsSign', 'GetSmsTemplate', 'QuerySendDetails', 'QuerySendStatistics', 'QuerySmsTemplate']);
    const statistics = seen.find((request) => request.Action === 'QuerySendStatistics');
    expect(statistics).toMatchObject({ IsGlobe: '1', PageIndex: '1', PageSize: '1', Version: '2017-05-25' });
    expect(statistics?.StartDate).toMatch(/^\d{8}$/);
    expect(statistics?.EndDate).toBe(statistics?.StartDate);
    expect(checks.filter((check) => check.id === 'ram.dysms:QuerySendStatistics' || check.id === 'balance')).toEqual([
      { id: 'ram.dysms:QuerySendStatistics', status: 'pass', summary: 'this AccessKey may call dysms:QuerySendStatistics' },
      {
        id: 'balance',
        status: 'skip',
        summary: expect.stringMatching(/^the balance could not be read: could not reach business\.aliyuncs\.com \(/) as string,
        fix: 'if this endpoint does not forward the billing API, pass --billing-endpoint https://business.aliyuncs.com',
      },
    ]);
    // No sending action, not even as a probe.
    expect(seen.some((request) => /^Send/.test(request.Action ?? ''))).toBe(false);
    expect(checks.filter((check) => check.id.startsWith('template') || check.id.startsWith('ram.dysms:QuerySendDetails') || check.id === 'clock')).toEqual([
      { id: 'clock', status: 'pass', summary: "this host's clock is within 1 s of Aliyun's Date" },
      {
        id: 'ram.dysms:QuerySendDetails',
        status: 'warn',
        summary: 'this AccessKey may not call dysms:QuerySendDetails',
        fix: 'add dysms:QuerySendDetails to its RAM policy (optional: sign-ins work without it; see docs/operator-commands.md)',
        aliyun: { code: 'isp.RAM_PERMISSION_DENY' },
      },
      {
        id: 'template.SMS_154950909',
        status: 'fail',
        summary:
          'template SMS_154950909 was rejected: 模板内容中包含错别字。 (read through QuerySmsTemplate, the older action: this endpoint does not know GetSmsTemplate, and Aliyun documents QuerySmsTemplate as taken offline)',
        fix: 'edit and resubmit it in the Aliyun SMS console (短信服务 → 国内消息 / 国际/港澳台消息), or use an approved template',
        aliyun: { requestId: 'R-TPL' },
      },
      {
        id: 'template.SMS_154950909.params.SignIn.0.minutes',
        status: 'fail',
        summary: 'template SMS_154950909 needs ${minutes}, which params of the SignIn entry (templates[0]) does not fill',
        fix: 'add "minutes": "<value or {{placeholder}}>" to params of the SignIn entry (templates[0])',
      },
      ...['Register.1', 'ForgotPassword.2', 'Generic.3'].map((entry) => ({
        id: `template.SMS_154950909.params.${entry}.minutes`,
        status: 'fail',
        summary: `template SMS_154950909 needs \${minutes}, which params of the ${entry.split('.')[0] ?? ''} entry (templates[${entry.split('.')[1] ?? ''}]) does not fill`,
        fix: `add "minutes": "<value or {{placeholder}}>" to params of the ${entry.split('.')[0] ?? ''} entry (templates[${entry.split('.')[1] ?? ''}])`,
      })),
    ]);
  });

  it("names the RAM action from Forbidden.RAM's AccessDeniedDetail", async () => {
    const denied = (action: string) => (): [number, object] => [
      403,
      { Code: 'Forbidden.RAM', Message: "User not authorized to operate on the specified resource, or this API doesn't support RAM.", RequestId: 'R-403', AccessDeniedDetail: { AuthAction: `dysms:${action}`, NoPermissionType: 'ImplicitDeny' } },
    ];
    aliyun({ GetSmsSign: denied('GetSmsSign'), GetSmsTemplate: denied('GetSmsTemplate'), QuerySendDetails: denied('QuerySendDetails') });
    const checks = await runDoctor(config, { client: client() });
    expect(checks.find((check) => check.id === 'sign.阿里云短信测试')).toEqual({
      id: 'sign.阿里云短信测试',
      status: 'skip',
      summary: 'signature 阿里云短信测试 could not be read: this AccessKey may not call dysms:GetSmsSign',
      fix: 'grant dysms:GetSmsSign (the optional read-only policy in docs/operator-commands.md) to check it',
      aliyun: { code: 'Forbidden.RAM', requestId: 'R-403' },
    });
    expect(checks.find((check) => check.id === 'credentials')?.status).toBe('pass');
    expect(checks.some((check) => check.status === 'fail')).toBe(false);
  });

  it("warns when this host's clock is off by more than Aliyun accepts, from the refused timestamp and Aliyun's Date", async () => {
    const late = { Date: 'Sat, 05 Dec 2026 08:20:00 GMT' };
    nock(host)
      .persist()
      .post('/')
      .reply((_, body) =>
        form(body as string).Timestamp === '2026-12-05T08:00:00Z'
          ? [400, { Code: 'InvalidTimeStamp.Expired', Message: 'Specified time stamp or date value is expired.', RequestId: 'R-TS' }, late]
          : [200, { Code: 'OK', Message: 'OK', RequestId: 'R-OK', SignStatus: 1, TemplateStatus: 1, TemplateType: 0, TemplateContent: '${code}' }, late]
      );
    const checks = await runDoctor(config, { client: client() });
    expect(checks.find((check) => check.id === 'clock')).toEqual({
      id: 'clock',
      status: 'warn',
      summary: "this host's clock is 1200 s off Aliyun's, beyond the 15 minutes Aliyun accepts: Aliyun refused the first request's timestamp",
      fix: "synchronise the clock (NTP); the connector signs with Aliyun's clock after one refused request per process, but only then",
    });
  });

  it('fails the credentials on InvalidAccessKeyId.NotFound, masking the AccessKey ID', async () => {
    const unknown = (): [number, object] => [404, { Code: 'InvalidAccessKeyId.NotFound', Message: 'Specified access key is not found.', RequestId: 'R-AK' }];
    aliyun({ GetSmsSign: unknown, GetSmsTemplate: unknown, QuerySendDetails: unknown });
    const checks = await runDoctor(config, { client: client() });
    expect(checks.find((check) => check.id === 'credentials')).toEqual({
      id: 'credentials',
      status: 'fail',
      summary: 'Aliyun does not know AccessKey ID LTAI****sts',
      fix: 'copy the AccessKey ID of an active AccessKey from the RAM console into accessKeyId',
      aliyun: { code: 'InvalidAccessKeyId.NotFound', requestId: 'R-AK' },
    });
    expect(JSON.stringify(checks)).not.toContain(config.accessKeyId);
  });
});

describe('status on the wire', () => {
  const detail = (status: number, errCode: string) => ({
    PhoneNum: '13800138000', SendStatus: status, ErrCode: errCode, TemplateCode: 'SMS_154950909',
    Content: '【阿里云短信测试】您的验证码为123456', SendDate: '2026-12-05 16:44:10', ReceiveDate: '2026-12-05 16:44:13', OutId: '',
  });

  it('asks QuerySendDetails for the number and day, reads every page, and maps SendStatus', async () => {
    const seen = aliyun({
      QuerySendDetails: ({ CurrentPage }) => [
        200,
        {
          Code: 'OK', Message: 'OK', RequestId: `R-P${CurrentPage ?? ''}`, TotalCount: '51',
          SmsSendDetailDTOs: { SmsSendDetailDTO: CurrentPage === '1' ? Array.from({ length: 50 }, () => detail(3, 'DELIVERED')) : [detail(2, 'DB:0101')] },
        },
      ],
    });
    const report = await querySendStatus(client(), parseConfig(config), { phone: '+86 138 0013 8000', date: '2026-12-05' });
    expect(seen.map(({ PhoneNumber, SendDate, PageSize, CurrentPage, BizId }) => ({ PhoneNumber, SendDate, PageSize, CurrentPage, BizId }))).toEqual([
      { PhoneNumber: '13800138000', SendDate: '20261205', PageSize: '50', CurrentPage: '1', BizId: undefined },
      { PhoneNumber: '13800138000', SendDate: '20261205', PageSize: '50', CurrentPage: '2', BizId: undefined },
    ]);
    expect(report.kind === 'messages' && report.messages.at(-1)).toEqual({
      status: 'failed',
      aliyunStatus: '2',
      errorCode: 'DB:0101',
      sentAt: '2026-12-05T16:44:10+08:00',
      receivedAt: '2026-12-05T16:44:13+08:00',
      templateCode: 'SMS_154950909',
    });
    expect(report.kind === 'messages' && report.messages[0]).toEqual({
      status: 'delivered',
      aliyunStatus: '3',
      sentAt: '2026-12-05T16:44:10+08:00',
      receivedAt: '2026-12-05T16:44:13+08:00',
      templateCode: 'SMS_154950909',
    });
  });

  it("looks a message up by MessageId on the international site (QueryMessage's own Status enum)", async () => {
    nock('https://dysmsapi.ap-southeast-1.aliyuncs.com')
      .post('/', (body: Form) => body.Action === 'QueryMessage' && body.Version === '2018-05-01' && body.MessageId === '1008030300')
      .reply(200, {
        ResponseCode: 'OK', ResponseDescription: 'OK', RequestId: 'R-Q', MessageId: '1008030300', Status: '2', ErrorCode: 'EXPIRED',
        SendDate: 'Mon, 24 Dec 2018 16:58:22 +0800', ReceiveDate: 'Mon, 24 Dec 2018 16:58:48 +0800',
      });
    const report = await querySendStatus(client(), parseConfig({ ...config, site: 'international', templates: config.templates.map((entry) => ({ ...entry, content: 'Code {{code}}' })) }), {
      phone: '85261234567',
      date: '2026-12-05',
      bizId: '1008030300',
    });
    expect(report).toMatchObject({
      kind: 'messages',
      site: 'international',
      source: 'QueryMessage 2018-05-01',
      messages: [{ status: 'failed', aliyunStatus: '2', bizId: '1008030300', errorCode: 'EXPIRED', sentAt: '2018-12-24T08:58:22.000Z', receivedAt: '2018-12-24T08:58:48.000Z' }],
    });
    expect(report.kind === 'messages' && report.notes?.[0]).toBe(queryMessageReading);
  });
});
