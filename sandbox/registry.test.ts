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

describe('registry.default.json: the accounts', () => {
  it('has a second account usable as a fallback: its own keys, approved signature and code templates for every usage type', async () => {
    const registry = await loadRegistry();
    const [backup] = registry.accounts;
    expect(backup).toMatchObject({ name: 'backup', accountId: '1000000000000002', state: 'normal', signNames: ['Logto备用'] });
    for (const scope of ['mainland', 'international'] as const) {
      const usages = backup!.templates.filter((template) => template.scope === scope && template.status === 'approved').map(({ usageType }) => usageType);
      expect(usages).toEqual(['SignIn', 'Register', 'ForgotPassword', 'Generic']);
    }
    const codes = new Set(registry.templates.map(({ code }) => code));
    expect(backup!.templates.filter(({ code }) => codes.has(code))).toEqual([]);
    expect(backup!.credentials.map(({ ramUser }) => ramUser)).toEqual(['logto-sms-backup', undefined]);
  });

  it('has a week of daily sends with one bad day, and money on both accounts', async () => {
    const registry = await loadRegistry();
    const signIn = registry.dailySends.filter(({ templateCode }) => templateCode === 'SMS_460100001');
    expect(signIn.map(({ daysAgo }) => daysAgo).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const rates = signIn.filter(({ daysAgo }) => daysAgo > 0).map(({ delivered, failed }) => delivered / (delivered + failed));
    expect(rates.filter((rate) => rate < 0.5)).toHaveLength(1);
    expect(rates.filter((rate) => rate > 0.95)).toHaveLength(6);
    expect([registry.balance.availableAmount, registry.accounts[0]!.balance.availableAmount]).toEqual(['1,234.56', '86.20']);
  });
});

describe('parseRegistry', () => {
  const minimal = {
    credentials: [{ accessKeyId: 'id', accessKeySecret: 'secret' }],
    signNames: ['S'],
    templates: [{ code: 'SMS_1', name: 'n', scope: 'mainland', kind: 'code', content: '${code}' }],
  };

  it('fills optional lists', () => {
    expect(parseRegistry(minimal)).toMatchObject({ intlSignNames: [], senderIds: [], sendRecords: [], dailySends: [], accounts: [] });
  });

  it('a registry written for one account is the account primary, in good standing with money on it', () => {
    expect(parseRegistry(minimal)).toMatchObject({
      name: 'primary',
      accountId: '1000000000000001',
      state: 'normal',
      balance: { availableAmount: '10,000.00', availableCashAmount: '10,000.00', creditAmount: '0.00', mybankCreditAmount: '0.00', currency: 'CNY', quotaLimit: '0.00' },
    });
  });

  it('reads other accounts with the same fields and defaults', () => {
    const registry = parseRegistry({
      ...minimal,
      accounts: [{ ...minimal, credentials: [{ accessKeyId: 'id2', accessKeySecret: 's', ramUser: 'sms' }], state: 'arrears', balance: { availableAmount: '-5.00' } }],
    });
    expect(registry.accounts).toEqual([
      expect.objectContaining({
        name: 'account-2',
        accountId: '1000000000000002',
        state: 'arrears',
        credentials: [{ accessKeyId: 'id2', accessKeySecret: 's', ramUser: 'sms' }],
        balance: expect.objectContaining({ availableAmount: '-5.00', availableCashAmount: '-5.00' }) as unknown,
      }),
    ]);
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
    ['two accounts with one key', { ...minimal, accounts: [minimal] }, 'registry: two accounts have the accessKeyId id'],
    ['two accounts with one name', { ...minimal, name: 'a', accounts: [{ ...minimal, name: 'a', credentials: [{ accessKeyId: 'id2', accessKeySecret: 's' }] }] }, 'registry: two accounts have the name a'],
    ['two accounts with one account ID', { ...minimal, accounts: [{ ...minimal, accountId: '1000000000000001', credentials: [{ accessKeyId: 'id2', accessKeySecret: 's' }] }] }, 'registry: two accounts have the accountId 1000000000000001'],
    ['an account that is not an object', { ...minimal, accounts: ['backup'] }, 'registry.accounts[0] must be an object'],
    ['an account without credentials', { ...minimal, accounts: [{ signNames: [], templates: [] }] }, 'registry.accounts[0].credentials must be an array'],
    ['a name with a space', { ...minimal, name: 'my account' }, 'registry.name must be 1-32 letters, digits, "-" or "_", starting with a letter or digit'],
    ['a short account ID', { ...minimal, accountId: '12345' }, 'registry.accountId must be 16 digits, like an Aliyun account ID'],
    ['an unknown state', { ...minimal, state: 'closed' }, 'registry.state must be one of normal, arrears, suspended, abnormal'],
    ['an amount as a number', { ...minimal, balance: { availableAmount: 12.5 } }, 'registry.balance.availableAmount must be a non-empty string'],
    ['an amount with one decimal', { ...minimal, balance: { availableAmount: '12.5' } }, 'registry.balance.availableAmount must be an amount such as "1,234.56", "10000.00" or "-12.30"'],
    ['a currency the model does not list', { ...minimal, balance: { currency: 'HKD' } }, 'registry.balance.currency must be one of CNY, USD, JPY'],
    ['an empty RAM user', { ...minimal, credentials: [{ accessKeyId: 'id', accessKeySecret: 'secret', ramUser: '' }] }, 'registry.credentials[0].ramUser must be a non-empty string'],
    ['a daily send without daysAgo', { ...minimal, dailySends: [{ delivered: 1 }] }, 'registry.dailySends[0].daysAgo must be a whole number from 0 to 10000000'],
    ['a daily send with a fraction', { ...minimal, dailySends: [{ daysAgo: 1, failed: 0.5 }] }, 'registry.dailySends[0].failed must be a whole number from 0 to 10000000'],
    ['a daily send to nowhere', { ...minimal, dailySends: [{ daysAgo: 1, scope: 'abroad' }] }, 'registry.dailySends[0].scope must be one of mainland, international'],
    ['a denied action of another service', { ...minimal, credentials: [{ accessKeyId: 'id', accessKeySecret: 'secret', deniedActions: ['sts:GetCallerIdentity'] }] }, 'registry.credentials[0].deniedActions: sts:GetCallerIdentity is not a RAM action such as dysms:QuerySendDetails'],
  ])('refuses %s', (_why, value, message) => {
    expect(() => parseRegistry(value)).toThrow(new TypeError(message));
  });
});
