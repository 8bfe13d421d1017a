/**
 * RAM denial over real HTTP (docs/aliyun-sms-query-api.md §10): a registry AccessKey denied
 * actions is refused, after its signature is verified, by default with the code each API
 * documents (2017-05-25 `isp.RAM_PERMISSION_DENY`, 2018-05-01 `RAM_PERMISSION_DENY`, PNVS
 * `isv.RAM_PERMISSION_DENY`; test/aliyun-facts-sandbox.test.ts checks them against the facts), or in
 * the style set for it: the gateway's HTTP 403 `Forbidden.RAM` naming the action in
 * `AccessDeniedDetail`, or one exact spelling; denials set through the operator API, sends
 * included; an action the account may not call at all is `ForbiddenAction`.
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

describe('the send-only key of the default registry (per-site codes)', () => {
  it.each(reads)('%s → HTTP 200 isp.RAM_PERMISSION_DENY', async (action, params) => {
    const reply = await callSandbox(sandbox, { Action: action, Version: '2017-05-25', ...params }, sendOnly);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ RequestId: reply.headers['x-acs-request-id'], Code: 'isp.RAM_PERMISSION_DENY', Message: 'RAM权限DENY' });
  });

  it('may still send: SendSms is not denied', async () => {
    expect(body(await sendSms(sandbox, signIn, sendOnly)).Code).toBe('OK');
  });

  it('V3-signed: the same refusal, with the key taken from Authorization', async () => {
    const reply = await callSandboxV3(sandbox, { action: 'GetSmsTemplate', query: { TemplateCode: 'SMS_460100001' }, ...sendOnly });
    expect({ status: reply.status, code: body(reply).Code }).toEqual({ status: 200, code: 'isp.RAM_PERMISSION_DENY' });
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

describe('the gateway style', () => {
  it.each(reads)('[assumption A19] %s → HTTP 403 Forbidden.RAM naming its dysms: action', async (action, params) => {
    await api('/api/ram', 'POST', { accessKeyId: sendOnly.accessKeyId, deny: [`dysms:${action}`], style: 'Forbidden.RAM' });
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

  it('[assumption A19] Forbidden.NoPermission: the same shape, HTTP 403', async () => {
    await api('/api/ram', 'POST', { accessKeyId: sendOnly.accessKeyId, deny: ['dysms:GetSmsSign'], style: 'Forbidden.NoPermission' });
    const reply = await callSandboxV3(sandbox, { action: 'GetSmsSign', query: { SignName: 'Logto沙箱' }, ...sendOnly });
    expect({ status: reply.status, code: body(reply).Code, action: (body(reply).AccessDeniedDetail as Record<string, string>).AuthAction }).toEqual({ status: 403, code: 'Forbidden.NoPermission', action: 'dysms:GetSmsSign' });
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
    expect(set.json).toMatchObject({ LTAI5tSandboxDemoKeyId: { actions: ['dysms:SendSms'], style: 'site' } });
    const reply = await sendSms(sandbox, signIn);
    expect({ status: reply.status, code: body(reply).Code }).toEqual({ status: 200, code: 'isp.RAM_PERMISSION_DENY' });
    expect(sandbox.outbox.list()).toEqual([]);
  });

  it.each([
    ['isv.RAM_PERMISSION_DENY', 'QuerySendDetails'],
    ['isv.RAM_CHECK_FAILED', 'GetSmsTemplate'],
    ['RAM_CHECK_FAILED', 'GetSmsSign'],
  ] as const)('style %s: exactly that code, from %s', async (style, action) => {
    const params: Readonly<Record<string, string>> = reads.find(([name]) => name === action)?.[1] ?? {};
    await api('/api/ram', 'POST', { deny: [`dysms:${action}`], style });
    const reply = await callSandbox(sandbox, { Action: action, Version: '2017-05-25', ...params });
    expect({ status: reply.status, json: reply.json }).toEqual({ status: 200, json: { RequestId: reply.headers['x-acs-request-id'], Code: style, Message: 'RAM权限DENY' } });
  });

  it('an empty list allows everything again; DELETE restores the registry’s denials', async () => {
    await api('/api/ram', 'POST', { accessKeyId: 'LTAI5tSandboxSendOnlyKey', deny: [] });
    expect(body(await callSandbox(sandbox, { Action: 'GetSmsSign', Version: '2017-05-25', SignName: 'Logto沙箱' }, sendOnly)).Code).toBe('OK');
    expect((await api('/api/ram', 'DELETE')).status).toBe(204);
    expect(body(await callSandbox(sandbox, { Action: 'GetSmsSign', Version: '2017-05-25', SignName: 'Logto沙箱' }, sendOnly)).Code).toBe('isp.RAM_PERMISSION_DENY');
  });

  it.each([
    { why: 'an unknown AccessKey', payload: { accessKeyId: 'LTAI-nope', deny: [] }, error: "accessKeyId must be one of the registry's: LTAI5tSandboxDemoKeyId, LTAI5tSandboxSendOnlyKey, LTAI5tSandboxLegacyDenyKey" },
    { why: 'an action without its service', payload: { deny: ['SendSms'] }, error: 'body.deniedActions: SendSms is not a RAM action such as dysms:QuerySendDetails' },
    {
      why: 'an unknown style',
      payload: { deny: ['dysms:SendSms'], style: 'Forbidden' },
      error: 'body.ramDenial must be one of site, Forbidden.RAM, Forbidden.NoPermission, isp.RAM_PERMISSION_DENY, isv.RAM_PERMISSION_DENY, RAM_PERMISSION_DENY, isv.RAM_CHECK_FAILED, RAM_CHECK_FAILED',
    },
  ])('$why → 400 with the sentence', async ({ payload, error }) => {
    const reply = await api('/api/ram', 'POST', payload);
    expect({ status: reply.status, json: reply.json }).toEqual({ status: 400, json: { error } });
  });
});

describe('an action the account may not call at all', () => {
  it('GetSmsTemplate → HTTP 400 ForbiddenAction for every key, after RAM; DELETE allows it again', async () => {
    expect((await api('/api/forbidden-actions', 'POST', { actions: ['GetSmsTemplate'] })).json).toEqual(['GetSmsTemplate']);
    const reply = await callSandbox(sandbox, { Action: 'GetSmsTemplate', Version: '2017-05-25', TemplateCode: 'SMS_460100001' });
    expect({ status: reply.status, code: body(reply).Code, message: body(reply).Message }).toEqual({ status: 400, code: 'ForbiddenAction', message: 'Access to the account is denied. Please contact the administrator.' });
    // [assumption A23] a key denied the action by RAM hears about RAM first.
    expect(body(await callSandbox(sandbox, { Action: 'GetSmsTemplate', Version: '2017-05-25', TemplateCode: 'SMS_460100001' }, sendOnly)).Code).toBe('isp.RAM_PERMISSION_DENY');
    expect(body(await callSandbox(sandbox, { Action: 'GetSmsSign', Version: '2017-05-25', SignName: 'Logto沙箱' })).Code).toBe('OK');
    expect((await api('/api/forbidden-actions', 'DELETE')).status).toBe(204);
    expect(body(await callSandbox(sandbox, { Action: 'GetSmsTemplate', Version: '2017-05-25', TemplateCode: 'SMS_460100001' })).Code).toBe('OK');
  });

  it('refuses a name that is not an action, with the sentence', async () => {
    const reply = await api('/api/forbidden-actions', 'POST', { actions: ['dysms:GetSmsTemplate'] });
    expect({ status: reply.status, json: reply.json }).toEqual({ status: 400, json: { error: 'actions: dysms:GetSmsTemplate is not an API action such as GetSmsTemplate' } });
  });
});

describe('an action this endpoint does not know', () => {
  it('GetSmsTemplate → HTTP 404 InvalidAction.NotFound, QuerySmsTemplate still answers; DELETE knows it again', async () => {
    expect((await api('/api/unknown-actions', 'POST', { actions: ['GetSmsTemplate'] })).json).toEqual(['GetSmsTemplate']);
    const reply = await callSandbox(sandbox, { Action: 'GetSmsTemplate', Version: '2017-05-25', TemplateCode: 'SMS_460100001' });
    expect({ status: reply.status, code: body(reply).Code }).toEqual({ status: 404, code: 'InvalidAction.NotFound' });
    expect(body(await callSandbox(sandbox, { Action: 'QuerySmsTemplate', Version: '2017-05-25', TemplateCode: 'SMS_460100001' })).Code).toBe('OK');
    expect((await api('/api/unknown-actions', 'DELETE')).status).toBe(204);
    expect(body(await callSandbox(sandbox, { Action: 'GetSmsTemplate', Version: '2017-05-25', TemplateCode: 'SMS_460100001' })).Code).toBe('OK');
  });
});
