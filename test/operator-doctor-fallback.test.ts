/**
 * `doctor` on a configuration with a fallback account, run as an operator runs it (`node lib/cli.js
 * doctor` in a child process) against the sandbox's two accounts: the fallback checked like the
 * primary under `fallback.` ids, `--send` through each account, and whether the two would fail
 * together (the same AccessKey, or two keys of one account by STS GetCallerIdentity).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { accountAccess, connectorConfig, withFallback } from '../sandbox/connector-config.js';
import { registryAccounts, startSandbox, type Sandbox } from '../sandbox/index.js';
import { configFile, removeConfigFiles, runCli, withoutRequestIds } from './operator-cli.js';

let sandbox: Sandbox;
let secrets: string[];

beforeAll(async () => {
  sandbox = await startSandbox();
  secrets = registryAccounts(sandbox.registry).flatMap(({ credentials }) => credentials.map(({ accessKeySecret }) => accessKeySecret));
});
afterAll(async () => {
  await sandbox.close();
  removeConfigFiles();
});
beforeEach(() => {
  sandbox.outbox.clear();
  sandbox.requests.clear();
  sandbox.accounts.reset();
  sandbox.clock.reset();
});

type Check = { id: string; status: string; summary: string; fix?: string };
const doctor = async (given: unknown, ...flags: string[]) => {
  const run = await runCli(['doctor', '--config', configFile(given), '--json', ...flags], { secrets: [...secrets, 'not-the-backup-secret'] });
  return { code: run.code, checks: (withoutRequestIds(run.stdout) as { checks: Check[] }).checks };
};
const row = (checks: Check[], id: string) => checks.find((check) => check.id === id);
const callerIdentityCalls = () => sandbox.requests.list().filter(({ params }) => params.Action === 'GetCallerIdentity').length;

const twoAccounts = () => withFallback(connectorConfig(sandbox), accountAccess(sandbox, 'backup'));

describe('doctor with a fallback account', () => {
  it('checks the fallback like the primary, sends one test message through each account with --send, and finds two accounts apart', async () => {
    const { code, checks } = await doctor(twoAccounts(), '--send', '8613800138000');
    expect(code).toBe(0);
    expect(checks.filter(({ status }) => status === 'fail' || status === 'warn')).toEqual([]);
    expect(row(checks, 'fallback.credentials')).toEqual({ id: 'fallback.credentials', status: 'pass', summary: 'Aliyun accepted AccessKey LTAI****yId and its signatures' });
    expect(row(checks, 'fallback.sign.Logto备用')).toMatchObject({ status: 'pass', summary: 'signature Logto备用 is approved' });
    expect(row(checks, 'fallback.template.SMS_560100001')).toMatchObject({ status: 'pass' });
    expect(row(checks, 'send')).toMatchObject({ status: 'pass' });
    expect(row(checks, 'fallback.send')).toMatchObject({ status: 'pass' });
    expect(row(checks, 'fallback.independence')).toEqual({
      id: 'fallback.independence',
      status: 'pass',
      summary: "the fallback's AccessKey belongs to another Aliyun account (…0002) than the primary's (…0001): an outage of one does not stop the other",
    });
    expect(sandbox.outbox.list().map(({ account }) => account).sort()).toEqual(['backup', 'primary']);
    expect(callerIdentityCalls()).toBe(2);
  });

  it('sends nothing without --send', async () => {
    const { checks } = await doctor(twoAccounts());
    expect(row(checks, 'fallback.send')).toBeUndefined();
    expect(sandbox.outbox.list()).toEqual([]);
  });

  it('warns that two keys of one account fail together: one balance, one set of caps and signatures', async () => {
    const config = { ...connectorConfig(sandbox), fallback: { accessKeyId: 'LTAI5tSandboxSendOnlyKey' }, fallbackAccessKeySecret: 'SandboxSendOnlySecretNotReal00' };
    const { checks } = await doctor(config);
    expect(row(checks, 'fallback.independence')).toEqual({
      id: 'fallback.independence',
      status: 'warn',
      summary: 'both AccessKeys belong to one Aliyun account (…0001): they share its balance, daily and monthly caps and signatures, so both fail together when it runs out of balance or is suspended',
      fix: "give the fallback an AccessKey of another Aliyun account (fallback.accessKeyId and fallbackAccessKeySecret), with that account's own signature and templates",
    });
  });

  it('warns that a fallback on the same AccessKey (PNVS) helps only with signature and template refusals', async () => {
    const config = { ...connectorConfig(sandbox), fallback: { mainlandService: 'pnvs', pnvsSignName: '速通互联验证码', pnvsEndpoint: sandbox.endpoint } };
    const { checks } = await doctor(config);
    expect(row(checks, 'fallback.independence')).toMatchObject({
      status: 'warn',
      summary: "the fallback uses the primary's AccessKey LTAI****yId: it helps when a signature or template is refused, but both fail together when the account runs out of balance, is suspended or flagged, or the key or its RAM policy is refused",
    });
    expect(row(checks, 'fallback.pnvs')).toMatchObject({ status: 'skip' });
    expect(callerIdentityCalls()).toBe(0);
  });

  it('fails the fallback’s own rows when its secret is wrong, and keeps the primary’s passing (exit 1)', async () => {
    const { code, checks } = await doctor({ ...twoAccounts(), fallbackAccessKeySecret: 'not-the-backup-secret' });
    expect(code).toBe(1);
    expect(row(checks, 'credentials')).toMatchObject({ status: 'pass' });
    expect(row(checks, 'fallback.credentials')).toMatchObject({
      status: 'fail',
      summary: 'Aliyun refused the signatures made with accessKeySecret for AccessKey LTAI****yId: the secret does not belong to this AccessKey ID',
    });
    expect(row(checks, 'fallback.independence')).toMatchObject({ status: 'skip' });
  });

  it('reports a fallback the guard refuses under config.fallback…, and checks no account', async () => {
    const { code, checks } = await doctor({ ...twoAccounts(), fallbackAccessKeySecret: undefined });
    expect(code).toBe(1);
    expect(checks[0]).toEqual({
      id: 'config.fallbackAccessKeySecret',
      status: 'fail',
      summary: 'fallbackAccessKeySecret is required when fallback.accessKeyId is set',
      fix: "paste the secret of the fallback's AccessKey",
    });
  });
});
