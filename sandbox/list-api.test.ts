/**
 * QuerySmsTemplateList and QuerySmsSignList over real HTTP (docs/aliyun-sms-query-api.md §4, §5):
 * this account's entries only, newest first, AuditStatus strings, the list's own TemplateType
 * beside OuterTemplateType, paging and its refusal, V1 and V3, a bad signature.
 *
 * @module
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from './index.js';
import type { Sandbox } from './index.js';
import { callSandbox } from './test-client.js';
import type { CallOptions } from './test-client.js';
import { callSandboxV3 } from './test-client-v3.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ flowControl: false });
});
afterAll(() => sandbox.close());

const list = (action: 'QuerySmsTemplateList' | 'QuerySmsSignList', params: Record<string, string> = {}, options?: CallOptions) =>
  callSandbox(sandbox, { Action: action, Version: '2017-05-25', ...params }, options);
type Entry = Record<string, unknown>;
const body = (reply: { json: unknown }) => reply.json as Record<string, unknown>;

describe('QuerySmsTemplateList', () => {
  it('lists this account’s templates, newest first, ten to a page by default', async () => {
    const reply = await list('QuerySmsTemplateList');
    const answer = body(reply);
    const registryOwn = sandbox.registry.templates.filter(({ owner }) => owner === 'this');
    expect(answer).toMatchObject({ RequestId: reply.headers['x-acs-request-id'], Code: 'OK', Message: 'OK', TotalCount: registryOwn.length, CurrentPage: 1, PageSize: 10 });
    const entries = answer.SmsTemplateList as Entry[];
    expect(entries).toHaveLength(10);
    expect(entries[0]).toEqual({
      TemplateCode: 'SMS_460300007',
      TemplateName: 'Sign-in code (international, new)',
      TemplateContent: 'Your sign-in code: ${code}. Valid for 10 minutes.',
      CreateDate: '2026-12-02 09:00:00',
      OrderId: expect.stringMatching(/^20\d{8}$/) as unknown,
      AuditStatus: 'AUDIT_STATE_INIT',
      TemplateType: 6,
      OuterTemplateType: 3,
      Reason: {},
    });
    expect(entries.map((entry) => entry.TemplateCode)).not.toContain('SMS_460300003');
  });

  it.each([
    { code: 'SMS_460300002', fields: { AuditStatus: 'AUDIT_STATE_NOT_PASS', TemplateType: 2, OuterTemplateType: 0, Reason: { RejectDate: '2026-11-28 12:05:00', RejectInfo: '模板内容中包含错别字，请修改后重新提交。', RejectSubInfo: '模板内容中包含错别字，请修改后重新提交。' } } },
    { code: 'SMS_460300004', fields: { AuditStatus: 'AUDIT_STATE_PASS', TemplateType: 1, OuterTemplateType: 2 } },
    { code: 'SMS_460300006', fields: { AuditStatus: 'AUDIT_STATE_PASS', TemplateType: 0, OuterTemplateType: 1 } },
  ])('$code: $fields.AuditStatus, TemplateType $fields.TemplateType, OuterTemplateType $fields.OuterTemplateType', async ({ code, fields }) => {
    const entries = body(await list('QuerySmsTemplateList', { PageSize: '50' })).SmsTemplateList as Entry[];
    expect(entries.find((entry) => entry.TemplateCode === code)).toMatchObject(fields);
  });

  it('page 2 of 5 a page holds the next five', async () => {
    const first = body(await list('QuerySmsTemplateList', { PageSize: '5' })).SmsTemplateList as Entry[];
    const second = body(await list('QuerySmsTemplateList', { PageSize: '5', PageIndex: '2' })).SmsTemplateList as Entry[];
    const all = body(await list('QuerySmsTemplateList', { PageSize: '50' })).SmsTemplateList as Entry[];
    expect([...first, ...second].map((entry) => entry.TemplateCode)).toEqual(all.slice(0, 10).map((entry) => entry.TemplateCode));
  });
});

describe('QuerySmsSignList', () => {
  it('lists this account’s signatures with their review, not another account’s', async () => {
    const answer = body(await list('QuerySmsSignList'));
    expect(answer).toMatchObject({ Code: 'OK', TotalCount: 4, CurrentPage: 1, PageSize: 10 });
    expect(answer.SmsSignList).toEqual([
      { SignName: '沙箱审核中', CreateDate: '2026-12-01 15:00:00', OrderId: expect.any(String) as unknown, AuditStatus: 'AUDIT_STATE_INIT', Reason: {} },
      {
        SignName: '沙箱驳回',
        CreateDate: '2026-11-28 09:30:00',
        OrderId: expect.any(String) as unknown,
        AuditStatus: 'AUDIT_STATE_NOT_PASS',
        Reason: { RejectDate: '2026-11-28 11:30:00', RejectInfo: '通过资质信息，不能判断是否可以申请此签名，请补充营业执照或商标证明。', RejectSubInfo: '通过资质信息，不能判断是否可以申请此签名，请补充营业执照或商标证明。' },
      },
      { SignName: 'Logto沙箱', CreateDate: '2026-11-02 10:00:00', OrderId: expect.any(String) as unknown, AuditStatus: 'AUDIT_STATE_PASS', Reason: {} },
      { SignName: 'LogtoSandbox', CreateDate: '2026-11-02 10:00:00', OrderId: expect.any(String) as unknown, AuditStatus: 'AUDIT_STATE_PASS', Reason: {} },
    ]);
  });
});

describe('list APIs on the wire', () => {
  it.each<{ action: 'QuerySmsTemplateList' | 'QuerySmsSignList'; params: Record<string, string> }>([
    { action: 'QuerySmsTemplateList', params: { PageSize: '51' } },
    { action: 'QuerySmsSignList', params: { PageIndex: '0' } },
  ])('[assumption A22] $action with $params → HTTP 200 isv.INVALID_PARAMETERS', async ({ action, params }) => {
    const reply = await list(action, params);
    expect(reply.status).toBe(200);
    expect(Object.keys(body(reply)).sort()).toEqual(['Code', 'Message', 'RequestId']);
    expect(body(reply).Code).toBe('isv.INVALID_PARAMETERS');
  });

  it.each(['QuerySmsTemplateList', 'QuerySmsSignList'] as const)('%s: V3-signed answered, a wrong secret refused, the send-only key denied', async (action) => {
    expect(body(await callSandboxV3(sandbox, { action })).Code).toBe('OK');
    const refused = await list(action, {}, { accessKeySecret: 'not-the-secret' });
    expect({ status: refused.status, code: body(refused).Code }).toEqual({ status: 400, code: 'SignatureDoesNotMatch' });
    const denied = await list(action, {}, { accessKeyId: 'LTAI5tSandboxSendOnlyKey', accessKeySecret: 'SandboxSendOnlySecretNotReal00' });
    expect({ status: denied.status, code: body(denied).Code }).toEqual({ status: 200, code: 'isp.RAM_PERMISSION_DENY' });
  });

  it('the XML answer repeats SmsSignList per entry', async () => {
    const reply = await list('QuerySmsSignList', {}, { format: 'XML' });
    expect(reply.text.match(/<SmsSignList>/g)).toHaveLength(4);
  });
});
