/**
 * RAM denial over real HTTP (docs/aliyun-sms-query-api.md §10): a registry AccessKey denied
 * actions is refused with HTTP 403 `Forbidden.RAM` naming the action in `AccessDeniedDetail`, or
 * with the older HTTP 200 `isp.RAM_PERMISSION_DENY`, after its signature is verified; denials set
 * through the operator API, sends included.
 *
 * @module
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.js';
import type { Sandbox } from './index.js';
import { callSandbox, rawRequest, sendSms } from './test-client.js';
import { callSandboxV3 } from './test-client-v3.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ flowControl: false });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.account.reset();
  sandbox.outbox.clear();
});

const sendOnly = { accessKeyId: 'LTAI5tSandboxSendOnlyKey', accessKeySecret: 'SandboxSendOnlySecretNotReal00' };
const legacy = { accessKeyId: 'LTAI5tSandboxLegacyDenyKey', accessKeySecret: 'SandboxLegacyDenySecretNotReal' };

const reads = [
  ['QuerySmsTemplate', { TemplateCode: 'SMS_460100001' }],
  ['GetSmsTemplate', { TemplateCode: 'SMS_460100001' }],
  ['QuerySmsSign', { SignName: 'Logto沙箱' }],
  ['GetSmsSign', { SignName: 'Logto沙箱' }],
  ['QuerySendDetails', { PhoneNumber: '13700137000', SendDate: '20261205', PageSize: '10', CurrentPage: '1' }],
] as const;

const signIn = { PhoneNumbers: '13800138000', SignName: 'Logto沙箱', TemplateCode: 'SMS_460100001', TemplateParam: '{"code":"123456"}' };
const body = (reply: { json: unknown }) => reply.json as Record<string, unknown>;
const api = (path: string, method: string, payload?: unknown) =>
  rawRequest(`${sandbox.endpoint}${path}`, { method, ...(payload === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) }) });

describe('the send-only key of the default registry', () => {
  it.each(reads)('[assumption A19] %s → HTTP 403 Forbidden.RAM naming its dysms: action', async (action, params) => {
    const reply = await callSandbox(sandbox, { Action: action, Version: '2017-05-25', ...params }, sendOnly);
    const requestId = reply.headers['x-acs-request-id'] as string;
    expect(reply.status).toBe(403);
    expect(reply.json).toEqual({
      RequestId: requestId,
      HostId: new URL(sandbox.endpoint).host,
      Code: 'Forbidden.RAM',
      Message: "User not authorized to operate on the specified resource, or this API doesn't support RAM.",
      Recommend: `https://api.aliyun.com/troubleshoot?q=Forbidden.RAM&product=Dysmsapi&requestId=${requestId}`,
      AccessDeniedDetail: {
        AuthAction: `dysms:${action}`,
        AuthPrincipalType: 'SubUser',
        AuthPrincipalOwnerId: '1000000000000000',
        AuthPrincipalDisplayName: 'sandbox-ram-user',
        PolicyType: 'AccountLevelIdentityBasedPolicy',
        NoPermissionType: 'ImplicitDeny',
        EncodedDiagnosticMessage: 'sandbox',
      },
    });
  });

  it('may still send: SendSms is not denied', async () => {
    expect(body(await sendSms(sandbox, signIn, sendOnly)).Code).toBe('OK');
  });

  it('V3-signed: the same 403, with the key taken from Authorization', async () => {
    const reply = await callSandboxV3(sandbox, { action: 'GetSmsTemplate', query: { TemplateCode: 'SMS_460100001' }, ...sendOnly });
    expect({ status: reply.status, code: body(reply).Code }).toEqual({ status: 403, code: 'Forbidden.RAM' });
  });

  it('a wrong secret is SignatureDoesNotMatch: the signature is checked before RAM', async () => {
    const reply = await callSandbox(sandbox, { Action: 'GetSmsTemplate', Version: '2017-05-25', TemplateCode: 'SMS_460100001' }, { ...sendOnly, accessKeySecret: 'not-the-secret' });
    expect({ status: reply.status, code: body(reply).Code }).toEqual({ status: 400, code: 'SignatureDoesNotMatch' });
  });

  it('the demo key may call every read', async () => {
    for (const [action, params] of reads) {
      expect(body(await callSandbox(sandbox, { Action: action, Version: '2017-05-25', ...params })).Code).toBe('OK');
    }
  });
});

describe('the legacy-style key', () => {
  it('QuerySendDetails → HTTP 200 isp.RAM_PERMISSION_DENY', async () => {
    const [, params] = reads[4];
    const reply = await callSandbox(sandbox, { Action: 'QuerySendDetails', Version: '2017-05-25', ...params }, legacy);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ RequestId: reply.headers['x-acs-request-id'], Code: 'isp.RAM_PERMISSION_DENY', Message: 'RAM权限DENY' });
  });

  it('GetSmsTemplate is allowed', async () => {
    const reply = await callSandbox(sandbox, { Action: 'GetSmsTemplate', Version: '2017-05-25', TemplateCode: 'SMS_460100001' }, legacy);
    expect(body(reply).Code).toBe('OK');
  });
});

describe('denials through the operator API', () => {
  it('denying dysms:SendSms to the demo key refuses the send and delivers nothing', async () => {
    const set = await api('/api/ram', 'POST', { deny: ['dysms:SendSms'] });
    expect(set.status).toBe(200);
    expect(set.json).toMatchObject({ LTAI5tSandboxDemoKeyId: { actions: ['dysms:SendSms'], style: 'Forbidden.RAM' } });
    const reply = await sendSms(sandbox, signIn);
    expect(reply.status).toBe(403);
    expect((body(reply).AccessDeniedDetail as Record<string, string>).AuthAction).toBe('dysms:SendSms');
    expect(sandbox.outbox.list()).toEqual([]);
  });

  it('PNVS SendSmsVerifyCode is named dypns:', async () => {
    await api('/api/ram', 'POST', { deny: ['dypns:SendSmsVerifyCode'], style: 'isp.RAM_PERMISSION_DENY' });
    const reply = await callSandbox(sandbox, { Action: 'SendSmsVerifyCode', Version: '2017-05-25', PhoneNumber: '13800138000', SignName: '速通互联验证码', TemplateCode: '100001', TemplateParam: '{"code":"1234","min":"5"}' });
    expect(body(reply).Code).toBe('isp.RAM_PERMISSION_DENY');
  });

  it('an empty list allows everything again; DELETE restores the registry’s denials', async () => {
    await api('/api/ram', 'POST', { accessKeyId: 'LTAI5tSandboxSendOnlyKey', deny: [] });
    expect(body(await callSandbox(sandbox, { Action: 'GetSmsSign', Version: '2017-05-25', SignName: 'Logto沙箱' }, sendOnly)).Code).toBe('OK');
    expect((await api('/api/ram', 'DELETE')).status).toBe(204);
    expect(body(await callSandbox(sandbox, { Action: 'GetSmsSign', Version: '2017-05-25', SignName: 'Logto沙箱' }, sendOnly)).Code).toBe('Forbidden.RAM');
  });

  it.each([
    { why: 'an unknown AccessKey', payload: { accessKeyId: 'LTAI-nope', deny: [] }, error: "accessKeyId must be one of the registry's: LTAI5tSandboxDemoKeyId, LTAI5tSandboxSendOnlyKey, LTAI5tSandboxLegacyDenyKey" },
    { why: 'an action without its service', payload: { deny: ['SendSms'] }, error: 'body.deniedActions: SendSms is not a RAM action such as dysms:QuerySendDetails' },
    { why: 'an unknown style', payload: { deny: ['dysms:SendSms'], style: 'Forbidden' }, error: 'body.ramDenial must be one of Forbidden.RAM, isp.RAM_PERMISSION_DENY' },
  ])('$why → 400 with the sentence', async ({ payload, error }) => {
    const reply = await api('/api/ram', 'POST', payload);
    expect({ status: reply.status, json: reply.json }).toEqual({ status: 400, json: { error } });
  });
});
