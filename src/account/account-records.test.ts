/**
 * Reading the read-only answers (docs/aliyun-sms-query-api.md §2–§5, §11): statuses as numbers,
 * numeric strings or AUDIT_STATE_* strings; reasons from three places; "no remarks" is no reason.
 */
import { describe, expect, it } from 'vitest';

import { readSign, readTemplate, templateVariables } from './account-records.js';

describe('readTemplate', () => {
  it.each([
    ['QuerySmsTemplate, numbers (§2)', 'QuerySmsTemplate', { TemplateStatus: 0, TemplateType: 1, Reason: '无审批备注', CreateDate: '2024-06-03 10:02:34' }, { state: 'reviewing', kind: 'notification', rawType: 'TemplateType 1', createdOn: '2024-06-03' }],
    ['GetSmsTemplate, strings and AuditInfo (§3)', 'GetSmsTemplate', { TemplateStatus: '2', TemplateType: '0', AuditInfo: { RejectInfo: '模板内容中包含错别字。' } }, { state: 'rejected', kind: 'code', rawType: 'TemplateType "0"', reason: '模板内容中包含错别字。' }],
    ['international with IntlType 2, a verification code (§3)', 'GetSmsTemplate', { TemplateStatus: '1', TemplateType: '3', IntlType: 2 }, { state: 'approved', kind: 'international', rawType: 'TemplateType "3"', intlKind: 'code', rawIntlType: '2' }],
    ['IntlType on a mainland template is not read', 'GetSmsTemplate', { TemplateStatus: '1', TemplateType: '0', IntlType: 1 }, { state: 'approved', kind: 'code', rawType: 'TemplateType "0"' }],
    ['list shape, OuterTemplateType over TemplateType (§4)', 'QuerySmsTemplateList', { AuditStatus: 'AUDIT_SATE_CANCEL', TemplateType: 2, OuterTemplateType: 0, Reason: { RejectInfo: '' } }, { state: 'cancelled', kind: 'code', rawType: 'OuterTemplateType 0, TemplateType 2' }],
    ['a rejection told only by AuditStatus', 'GetSmsTemplate', { AuditStatus: 'AUDIT_STATE_NOT_PASS', TemplateType: '0' }, { state: 'rejected', kind: 'code', rawType: 'TemplateType "0"' }],
    ['an unknown status is never approved (§11)', 'QuerySmsTemplate', { TemplateStatus: 7 }, { state: 'unknown', rawState: 'TemplateStatus 7', kind: 'unknown' }],
    ['no status at all', 'GetSmsTemplate', {}, { state: 'unknown', rawState: 'none given', kind: 'unknown' }],
  ] as const)('%s', (_, action, body, expected) => {
    expect(readTemplate('SMS_1', body, action)).toEqual({ code: 'SMS_1', variables: [], ...expected });
  });

  it('lists each ${variable} of the content once, in order', () => {
    expect(templateVariables('您正在登录${product}，验证码为${code}，${product}提醒您')).toEqual(['product', 'code']);
    expect(readTemplate('SMS_2', { TemplateStatus: 1, TemplateType: 0, TemplateContent: '验证码${code}' }, 'QuerySmsTemplate').variables).toEqual(['code']);
  });
});

describe('readSign', () => {
  it.each([
    [{ SignStatus: 1, Reason: '无审核备注', CreateDate: ' 2019-01-08 16:44:13' }, { state: 'approved', createdOn: '2019-01-08' }],
    [{ SignStatus: 2, Reason: '文件不能证明信息真实性，请重新上传' }, { state: 'rejected', reason: '文件不能证明信息真实性，请重新上传' }],
    [{ SignStatus: 10 }, { state: 'cancelled' }],
  ])('%j', (body, expected) => {
    expect(readSign('阿里云', body)).toEqual({ name: '阿里云', ...expected });
  });
});
