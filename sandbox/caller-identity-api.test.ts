/**
 * STS 2015-04-01 `GetCallerIdentity` over real HTTP: the answer's fields as `@alicloud/sts20150401`'s
 * `GetCallerIdentityResponseBody.ts` has them (AccountId, UserId, PrincipalId, Arn, IdentityType,
 * RequestId, all strings; RoleId only for a role), the same AccountId for two keys of one account,
 * and no RAM permission needed ("No authorization for this operation",
 * help.aliyun.com/en/ram/developer-reference/api-sts-2015-04-01-getcalleridentity).
 *
 * @module
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from './index.js';
import type { Sandbox } from './index.js';
import { callSandbox, rawRequest } from './test-client.js';
import { callSandboxV3 } from './test-client-v3.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const keys = {
  demo: ['LTAI5tSandboxDemoKeyId', 'SandboxDemoSecretNotARealKey00'],
  sendOnly: ['LTAI5tSandboxSendOnlyKey', 'SandboxSendOnlySecretNotReal00'],
  backup: ['LTAI5tSandboxBackupKeyId', 'SandboxBackupSecretNotARealKey0'],
  backupOwner: ['LTAI5tSandboxBackupOwnerKey', 'SandboxBackupOwnerSecretNotReal'],
} as const;
const identity = async (key: keyof typeof keys) => {
  const [accessKeyId, accessKeySecret] = keys[key];
  const reply = await callSandbox(sandbox, { Action: 'GetCallerIdentity', Version: '2015-04-01' }, { accessKeyId, accessKeySecret });
  expect(reply.status).toBe(200);
  return reply.json as Record<string, string>;
};

describe('GetCallerIdentity', () => {
  it.each([
    { key: 'demo', accountId: '1000000000000001', type: 'RAMUser', arn: 'acs:ram::1000000000000001:user/logto-sms' },
    { key: 'sendOnly', accountId: '1000000000000001', type: 'RAMUser', arn: 'acs:ram::1000000000000001:user/logto-send-only' },
    { key: 'backup', accountId: '1000000000000002', type: 'RAMUser', arn: 'acs:ram::1000000000000002:user/logto-sms-backup' },
    { key: 'backupOwner', accountId: '1000000000000002', type: 'Account', arn: 'acs:ram::1000000000000002:root' },
  ] as const)('[assumption A38] the $key key: account $accountId, $type, $arn', async ({ key, accountId, type, arn }) => {
    const answer = await identity(key);
    expect(Object.keys(answer).sort()).toEqual(['AccountId', 'Arn', 'IdentityType', 'PrincipalId', 'RequestId', 'UserId']);
    expect(answer).toMatchObject({ AccountId: accountId, IdentityType: type, Arn: arn });
    expect(answer.UserId).toMatch(/^\d{16}$/);
    expect(answer.PrincipalId).toBe(answer.UserId);
    if (type === 'Account') {
      expect(answer.UserId).toBe(accountId);
    }
  });

  it('two keys of one account answer one AccountId and two users; two accounts answer two AccountIds', async () => {
    const [demo, sendOnly, backup] = [await identity('demo'), await identity('sendOnly'), await identity('backup')];
    expect(demo.AccountId).toBe(sendOnly.AccountId);
    expect(demo.UserId).not.toBe(sendOnly.UserId);
    expect(backup.AccountId).not.toBe(demo.AccountId);
    expect((await identity('demo')).UserId).toBe(demo.UserId);
  });

  it('needs no permission: a key denied every SMS action still gets its identity', async () => {
    await rawRequest(`${sandbox.endpoint}/api/ram`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ deny: ['dysms:SendSms', 'dysms:QuerySendStatistics', 'bssapi:QueryAccountBalance'] }),
    });
    expect((await identity('demo')).AccountId).toBe('1000000000000001');
    sandbox.account.resetDenials();
  });

  it('signed V3 as the SDK sends it', async () => {
    const reply = await callSandboxV3(sandbox, { action: 'GetCallerIdentity', version: '2015-04-01' });
    expect(reply.json).toMatchObject({ AccountId: '1000000000000001', IdentityType: 'RAMUser' });
  });

  it('a wrong secret is still refused by the gateway', async () => {
    const reply = await callSandbox(sandbox, { Action: 'GetCallerIdentity', Version: '2015-04-01' }, { accessKeySecret: 'wrong' });
    expect({ status: reply.status, code: (reply.json as { Code: string }).Code }).toEqual({ status: 400, code: 'SignatureDoesNotMatch' });
  });
});
