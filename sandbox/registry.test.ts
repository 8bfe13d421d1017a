/**
 * The default registry and the registry checks: a broken config file must fail at start-up with
 * a message naming the field.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { loadRegistry, parseRegistry } from './registry.js';
import { templateVariables } from './template-params.js';

describe('registry.default.json', () => {
  it('has a demo credential, a Chinese and an ASCII sign name, sender IDs', async () => {
    const registry = await loadRegistry();
    expect(registry.credentials[0]?.accessKeyId).toBe('LTAI5tSandboxDemoKeyId');
    expect(registry.signNames).toEqual(expect.arrayContaining(['Logto沙箱', 'LogtoSandbox']));
    expect(registry.intlSignNames.length).toBeGreaterThan(0);
    expect(registry.senderIds.length).toBeGreaterThan(0);
  });

  it.each(['mainland', 'international'] as const)('has a %s code template for every usage type', async (scope) => {
    const registry = await loadRegistry();
    const usages = registry.templates
      .filter((template) => template.scope === scope && template.kind === 'code')
      .map(({ usageType }) => usageType);
    expect(usages).toEqual(expect.arrayContaining(['SignIn', 'Register', 'ForgotPassword', 'Generic']));
  });

  it('has English content in international templates, one variable in code templates', async () => {
    const registry = await loadRegistry();
    for (const template of registry.templates) {
      if (template.scope === 'international') {
        expect(template.content).toMatch(/^[\x20-\x7e]+$/);
      }
      if (template.kind === 'code') {
        expect(templateVariables(template.content)).toEqual(['code']);
      }
    }
  });
});

describe('registry.default.json: the account states', () => {
  it('has an example of every review state and owner, and of each template kind and scope', async () => {
    const registry = await loadRegistry();
    const states = new Set(registry.templates.map(({ status, owner }) => `${status}/${owner}`));
    expect([...states]).toEqual(expect.arrayContaining(['approved/this', 'reviewing/this', 'rejected/this', 'approved/other']));
    const kinds = new Set(registry.templates.map(({ scope, kind }) => `${scope}/${kind}`));
    expect([...kinds]).toEqual(expect.arrayContaining(['mainland/code', 'mainland/notification', 'mainland/marketing', 'international/code', 'international/marketing']));
    expect(registry.signatures.map(({ status, owner }) => `${status}/${owner}`)).toEqual(expect.arrayContaining(['approved/this', 'reviewing/this', 'rejected/this', 'approved/other']));
  });

  it('keeps the demo key unrestricted and has a send-only key', async () => {
    const registry = await loadRegistry();
    expect(registry.credentials[0]).not.toHaveProperty('denied');
    expect(registry.credentials.find(({ accessKeyId }) => accessKeyId === 'LTAI5tSandboxSendOnlyKey')?.denied?.actions).toContain('dysms:GetSmsTemplate');
  });

  it('has delivered, failed and pending send records', async () => {
    const registry = await loadRegistry();
    expect(new Set(registry.sendRecords.map(({ status }) => status))).toEqual(new Set(['delivered', 'failed', 'pending']));
  });
});

describe('parseRegistry', () => {
  const minimal = {
    credentials: [{ accessKeyId: 'id', accessKeySecret: 'secret' }],
    signNames: ['S'],
    templates: [{ code: 'SMS_1', name: 'n', scope: 'mainland', kind: 'code', content: '${code}' }],
  };

  it('fills optional lists', () => {
    expect(parseRegistry(minimal)).toMatchObject({ intlSignNames: [], senderIds: [], sendRecords: [] });
  });

  it('an entry without a review is approved, of this account, created on the default date', () => {
    const registry = parseRegistry(minimal);
    expect(registry.templates[0]).toMatchObject({ status: 'approved', owner: 'this', createdAt: '2026-11-02 10:00:00' });
    expect(registry.signatures).toEqual([{ name: 'S', status: 'approved', owner: 'this', createdAt: '2026-11-02 10:00:00' }]);
    expect(registry.credentials[0]).not.toHaveProperty('denied');
  });

  it.each([
    ['not an object', [], 'registry must be an object'],
    ['no credentials', { ...minimal, credentials: [] }, 'registry.credentials must hold at least one AccessKey pair'],
    ['empty secret', { ...minimal, credentials: [{ accessKeyId: 'id', accessKeySecret: '' }] }, 'registry.credentials[0].accessKeySecret must be a non-empty string'],
    ['sign names not a list', { ...minimal, signNames: 'S' }, 'registry.signNames must be an array'],
    ['bad scope', { ...minimal, templates: [{ ...minimal.templates[0], scope: 'global' }] }, 'registry.templates[0].scope must be one of mainland, international'],
    ['code template with two variables', { ...minimal, templates: [{ ...minimal.templates[0], content: '${a}${b}' }] }, 'registry.templates[0].content must have exactly one ${variable} for a code template'],
    ['duplicate template code', { ...minimal, templates: [minimal.templates[0], minimal.templates[0]] }, 'registry.templates has two templates with code SMS_1'],
    ['bad usage type', { ...minimal, templates: [{ ...minimal.templates[0], usageType: 'Login' }] }, 'registry.templates[0].usageType must be one of SignIn, Register, ForgotPassword, Generic'],
    ['a template in an unknown review state', { ...minimal, templates: [{ ...minimal.templates[0], status: 'pending' }] }, 'registry.templates[0].status must be one of reviewing, approved, rejected, cancelled'],
    ['a rejected template without a reason', { ...minimal, templates: [{ ...minimal.templates[0], status: 'rejected' }] }, 'registry.templates[0].reason must be a non-empty string'],
    ['a reason on an approved template', { ...minimal, templates: [{ ...minimal.templates[0], reason: 'x' }] }, 'registry.templates[0].reason is only for a rejected entry (status "rejected")'],
    ['an unknown owner', { ...minimal, templates: [{ ...minimal.templates[0], owner: 'them' }] }, 'registry.templates[0].owner must be one of this, other'],
    ['a kind Aliyun does not have', { ...minimal, templates: [{ ...minimal.templates[0], kind: 'promo' }] }, 'registry.templates[0].kind must be one of code, notification, marketing'],
    ['a date without a time', { ...minimal, templates: [{ ...minimal.templates[0], createdAt: '2026-11-02' }] }, 'registry.templates[0].createdAt must be a date and time such as "2026-11-02 10:00:00"'],
    ['a signature also in signNames', { ...minimal, signatures: [{ name: 'S', status: 'reviewing' }] }, 'registry.signatures names S twice (or also in signNames)'],
    ['a signature without a name', { ...minimal, signatures: [{ status: 'reviewing' }] }, 'registry.signatures[0].name must be a non-empty string'],
    ['a denied action without its service', { ...minimal, credentials: [{ accessKeyId: 'id', accessKeySecret: 'secret', deniedActions: ['QuerySendDetails'] }] }, 'registry.credentials[0].deniedActions: QuerySendDetails is not a RAM action such as dysms:QuerySendDetails'],
    ['an unknown RAM denial style', { ...minimal, credentials: [{ accessKeyId: 'id', accessKeySecret: 'secret', deniedActions: [], ramDenial: 'NoPermission' }] }, 'registry.credentials[0].ramDenial must be one of site, Forbidden.RAM, Forbidden.NoPermission, isp.RAM_PERMISSION_DENY, isv.RAM_PERMISSION_DENY, RAM_PERMISSION_DENY, isv.RAM_CHECK_FAILED, RAM_CHECK_FAILED'],
    ['an unknown reading', { ...minimal, readings: { intlType: 'sdk-5' } }, 'registry.readings.intlType must be one of sdk-4.6.0, sdk-4.1.2'],
    ['a reading that does not exist', { ...minimal, readings: { templateType: 'old' } }, 'registry.readings.templateType is not a reading; the readings are intlType, queryMessageStatus, unknownMessageId, intlCodes'],
    ['a forbidden action named as a RAM action', { ...minimal, forbiddenActions: ['dysms:GetSmsSign'] }, 'registry.forbiddenActions: dysms:GetSmsSign is not an API action such as GetSmsTemplate'],
    ['a send record in the future', { ...minimal, sendRecords: [{ phone: '13800138000', minutesAgo: -1, content: 'c', status: 'delivered' }] }, 'registry.sendRecords[0].minutesAgo must be a number of minutes, 0 or more'],
    ['a send record with an unknown status', { ...minimal, sendRecords: [{ phone: '13800138000', minutesAgo: 1, content: 'c', status: 'sent' }] }, 'registry.sendRecords[0].status must be one of delivered, failed, pending'],
  ])('refuses %s', (_why, value, message) => {
    expect(() => parseRegistry(value)).toThrow(new TypeError(message));
  });
});
