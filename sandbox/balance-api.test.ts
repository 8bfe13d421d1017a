/**
 * BssOpenApi 2017-12-14 `QueryAccountBalance` over real HTTP: the answer's fields and types as
 * `@alicloud/bssopenapi20171214`'s `QueryAccountBalanceResponseBody.ts` has them (Code, Message,
 * RequestId strings, Success boolean, Data of six strings; Aliyun's example answers `Code: "200"`,
 * `Message: "success"`, help.aliyun.com/document_detail/87997.html), per account, changed through
 * the operator API, and refused by RAM under either of its action names
 * (help.aliyun.com/knowledge_detail/139650.html: `bssapi:QueryAccountBalance`, `bss:DescribeAcccount`).
 *
 * @module
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.js';
import type { Sandbox } from './index.js';
import { callSandbox, rawRequest } from './test-client.js';
import type { CallOptions } from './test-client.js';
import { callSandboxV3 } from './test-client-v3.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.accounts.reset();
});

const balance = (options?: CallOptions) => callSandbox(sandbox, { Action: 'QueryAccountBalance', Version: '2017-12-14' }, options);
const api = (path: string, method: string, payload?: unknown) =>
  rawRequest(`${sandbox.endpoint}${path}`, { method, ...(payload === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) }) });
const data = (reply: { json: unknown }) => (reply.json as { Data: Record<string, string> }).Data;
const backupKey = { accessKeyId: 'LTAI5tSandboxBackupKeyId', accessKeySecret: 'SandboxBackupSecretNotARealKey0' };

describe('QueryAccountBalance', () => {
  it('[assumption A36] answers the first account’s balance, every amount a string as the registry spells it', async () => {
    const reply = await balance();
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      Code: '200',
      Message: 'success',
      RequestId: reply.headers['x-acs-request-id'],
      Success: true,
      Data: {
        AvailableAmount: '1,234.56',
        AvailableCashAmount: '1,234.56',
        CreditAmount: '0.00',
        MybankCreditAmount: '0.00',
        Currency: 'CNY',
        QuotaLimit: '0.00',
      },
    });
  });

  it('answers each field from its own value', async () => {
    const balance6 = { availableAmount: '2,500.00', availableCashAmount: '1,000.00', creditAmount: '1,500.00', mybankCreditAmount: '300.00', currency: 'JPY', quotaLimit: '50.00' };
    expect((await api('/api/accounts', 'POST', { balance: balance6 })).status).toBe(200);
    expect(data(await balance())).toEqual({
      AvailableAmount: '2,500.00',
      AvailableCashAmount: '1,000.00',
      CreditAmount: '1,500.00',
      MybankCreditAmount: '300.00',
      Currency: 'JPY',
      QuotaLimit: '50.00',
    });
  });

  it('another account’s key reads that account’s balance', async () => {
    expect(data(await balance(backupKey)).AvailableAmount).toBe('86.20');
  });

  it('signed V3 as the SDK sends it, and in XML', async () => {
    const v3 = await callSandboxV3(sandbox, { action: 'QueryAccountBalance', version: '2017-12-14' });
    expect({ status: v3.status, amount: data(v3).AvailableAmount }).toEqual({ status: 200, amount: '1,234.56' });
    const xml = await balance({ format: 'XML' });
    expect(xml.text).toMatch(/^<\?xml version='1.0' encoding='UTF-8'\?><QueryAccountBalanceResponse><Code>200<\/Code><Message>success<\/Message><RequestId>[0-9A-F-]+<\/RequestId><Success>true<\/Success><Data><AvailableAmount>1,234.56<\/AvailableAmount>/);
  });

  it('a balance set through the operator API is the next answer; fields not given stay; DELETE restores', async () => {
    const set = await api('/api/accounts', 'POST', { account: 'backup', balance: { availableAmount: '-12.30', currency: 'USD' } });
    expect(set.status).toBe(200);
    expect(set.json).toEqual({
      name: 'backup',
      accountId: '1000000000000002',
      accessKeyIds: ['LTAI5tSandboxBackupKeyId', 'LTAI5tSandboxBackupOwnerKey'],
      state: 'normal',
      balance: { availableAmount: '-12.30', availableCashAmount: '-12.30', creditAmount: '0.00', mybankCreditAmount: '0.00', currency: 'USD', quotaLimit: '0.00' },
    });
    expect(data(await balance(backupKey))).toMatchObject({ AvailableAmount: '-12.30', AvailableCashAmount: '-12.30', Currency: 'USD' });
    expect(data(await balance()).AvailableAmount).toBe('1,234.56');
    expect((await api('/api/accounts', 'DELETE')).status).toBe(204);
    expect(data(await balance(backupKey))).toMatchObject({ AvailableAmount: '86.20', Currency: 'CNY' });
  });

  it.each([
    { why: 'an amount without decimals', payload: { balance: { availableAmount: '100' } }, error: 'balance.availableAmount must be an amount such as "1,234.56", "10000.00" or "-12.30"' },
    { why: 'misplaced separators', payload: { balance: { creditAmount: '12,34.00' } }, error: 'balance.creditAmount must be an amount such as "1,234.56", "10000.00" or "-12.30"' },
    { why: 'a currency the model does not list', payload: { balance: { currency: 'EUR' } }, error: 'balance.currency must be one of CNY, USD, JPY' },
    { why: 'an unknown state', payload: { state: 'frozen' }, error: 'state must be one of normal, arrears, suspended, abnormal' },
    { why: 'an unknown account', payload: { account: 'nope', state: 'arrears' }, error: 'account must be one of primary, backup' },
  ])('POST /api/accounts refuses $why', async ({ payload, error }) => {
    const reply = await api('/api/accounts', 'POST', payload);
    expect({ status: reply.status, json: reply.json }).toEqual({ status: 400, json: { error } });
  });

  it('answers whatever the account’s state: an account in arrears can still read its balance', async () => {
    await api('/api/accounts', 'POST', { state: 'arrears', balance: { availableAmount: '-3.50' } });
    expect(data(await balance()).AvailableAmount).toBe('-3.50');
  });
});

describe('QueryAccountBalance and RAM', () => {
  it('[assumption A37] the send-only key (denied bssapi:QueryAccountBalance) gets HTTP 403 Forbidden.RAM naming it', async () => {
    const reply = await balance({ accessKeyId: 'LTAI5tSandboxSendOnlyKey', accessKeySecret: 'SandboxSendOnlySecretNotReal00' });
    expect(reply.status).toBe(403);
    expect(reply.json).toMatchObject({ Code: 'Forbidden.RAM', AccessDeniedDetail: { AuthAction: 'bssapi:QueryAccountBalance' } });
  });

  it.each([
    { deny: ['bss:DescribeAcccount'], style: 'Forbidden.RAM', authAction: 'bss:DescribeAcccount' },
    { deny: ['bssapi:QueryAccountBalance'], style: 'isp.RAM_PERMISSION_DENY', authAction: 'bssapi:QueryAccountBalance' },
  ])('[assumption A37] denied $deny with style $style → 403 Forbidden.RAM naming $authAction', async ({ deny, style, authAction }) => {
    expect((await api('/api/ram', 'POST', { deny, style })).status).toBe(200);
    const reply = await balance();
    expect(reply.status).toBe(403);
    expect(reply.json).toMatchObject({ Code: 'Forbidden.RAM', AccessDeniedDetail: { AuthAction: authAction } });
  });

  it('denying the balance leaves the key’s SMS actions alone', async () => {
    await api('/api/ram', 'POST', { deny: ['bssapi:QueryAccountBalance'] });
    const template = await callSandbox(sandbox, { Action: 'QuerySmsTemplate', Version: '2017-05-25', TemplateCode: 'SMS_460100001' });
    expect({ status: template.status, code: (template.json as { Code: string }).Code }).toEqual({ status: 200, code: 'OK' });
  });

  it('a key of another account is denied in that account: /api/ram finds the account by the key', async () => {
    expect((await api('/api/ram', 'POST', { accessKeyId: 'LTAI5tSandboxBackupKeyId', deny: ['bssapi:QueryAccountBalance'] })).json).toEqual({
      LTAI5tSandboxBackupKeyId: { actions: ['bssapi:QueryAccountBalance'], style: 'site' },
    });
    expect((await balance(backupKey)).status).toBe(403);
    expect((await balance({ accessKeyId: 'LTAI5tSandboxBackupOwnerKey', accessKeySecret: 'SandboxBackupOwnerSecretNotReal' })).status).toBe(200);
  });
});
