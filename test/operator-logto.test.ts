/**
 * `doctor --logto` and `status --logto` as an operator runs them: the built CLI in a child process
 * reads the configuration from a loopback Logto that answers as Logto's code does
 * (fake-logto.ts), then checks the account in the sandbox that configuration points at. The app's
 * credentials come from the environment; no run prints the app secret, a token or the
 * configuration's secret.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { connectorConfig } from '../sandbox/connector-config.js';
import { startSandbox, type Sandbox } from '../sandbox/index.js';
import { managementApi } from './fake-logto.js';
import { useFakeLogto } from './fake-logto-hooks.js';
import { runCli, withoutRequestIds } from './operator-cli.js';

const logto = useFakeLogto();
let sandbox: Sandbox;
const app = { LOGTO_M2M_APP_ID: 'm2m-doctor', LOGTO_M2M_APP_SECRET: 'M2mSecretNeverPrinted0000' };

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  logto.apps.clear();
  logto.apps.set(app.LOGTO_M2M_APP_ID, { secret: app.LOGTO_M2M_APP_SECRET, type: 'MachineToMachine', managementRole: true });
  logto.connectors = [{ id: 'k3v9sms', connectorId: 'aliyun-sms', type: 'Sms', config: connectorConfig(sandbox) }];
  logto.requests.length = 0;
  logto.silent = false;
  sandbox.outbox.clear();
  sandbox.requests.clear();
});

const secrets = () => [app.LOGTO_M2M_APP_SECRET, ...logto.tokens, ...sandbox.registry.credentials.map(({ accessKeySecret }) => accessKeySecret)];
const cli = async (args: string[], env: Record<string, string | undefined> = app) => runCli(args, { env, secrets: secrets() });
type Report = { checks: Array<{ id: string; status: string; summary: string; fix?: string }> };

describe('doctor --logto', () => {
  it("reads this package's connector from Logto and checks the account it names, saying which connector it read", async () => {
    const run = await cli(['doctor', '--logto', logto.endpoint, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { checks } = withoutRequestIds(run.stdout) as Report;
    expect(checks[0]).toEqual({ id: 'logto', status: 'pass', summary: `read the configuration of connector k3v9sms (aliyun-sms) from Logto at ${logto.endpoint}` });
    expect(checks[1]).toEqual({ id: 'config', status: 'pass', summary: 'the configuration is valid (site china, mainland numbers through SendSms)' });
    expect(checks.find(({ id }) => id === 'credentials')?.status).toBe('pass');
    expect(logto.requests.map(({ method, path }) => `${method} ${path}`)).toEqual(['POST /oidc/token', 'GET /api/connectors']);
    expect(new URLSearchParams(logto.requests[0]?.body).get('resource')).toBe(managementApi);
  });

  it('a refusal is a failed check with its fix, in the table too, and the account is not asked', async () => {
    const run = await cli(['doctor', '--logto', logto.endpoint], { ...app, LOGTO_M2M_APP_SECRET: 'WrongSecretAlsoNeverPrinted' });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        "FAIL  logto    Logto refused the machine-to-machine app's credentials (invalid_client: client authentication failed)  → LOGTO_M2M_APP_ID must be the App ID of a machine-to-machine app and LOGTO_M2M_APP_SECRET one of its secrets (Console → Applications → the app)",
        'SKIP  account  the account was not checked: the configuration could not be read from Logto',
        '',
        '1 failed, 0 warnings, 0 passed, 1 not checked',
        '',
      ].join('\n')
    );
    expect(run.stdout).not.toContain('WrongSecretAlsoNeverPrinted');
    expect(sandbox.requests.count).toBe(0);
  });

  it('--connector and --logto-resource reach Logto as given', async () => {
    const run = await cli(['doctor', '--logto', logto.endpoint, '--connector', 'k3v9sms', '--logto-resource', managementApi, '--json']);
    expect(run.code).toBe(0);
    expect(logto.requests.map(({ method, path }) => `${method} ${path}`)).toEqual(['POST /oidc/token', 'GET /api/connectors/k3v9sms']);
  });
});

describe('a Logto that never answers', () => {
  // The 10 s bound docs/operator-commands.md states, with Node's start-up: far below the kill timer.
  it('doctor --logto ends after 10 s with the sentence, exit 1', async () => {
    logto.silent = true;
    const run = await runCli(['doctor', '--logto', logto.endpoint, '--json'], { env: app, secrets: secrets(), killAfterMs: 25_000 });
    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(20_000);
    expect((JSON.parse(run.stdout) as Report).checks[0]).toEqual({
      id: 'logto',
      status: 'fail',
      summary: `Logto at ${logto.endpoint} did not answer POST /oidc/token within 10000 ms`,
      fix: 'check that --logto is the address Logto serves and that this host can reach it',
    });
  });
});

describe('status --logto', () => {
  it('reads the configuration from Logto, and prints a refusal on stderr with exit 1', async () => {
    const ok = await cli(['status', '--logto', logto.endpoint, '--phone', '13800000001', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toHaveProperty('messages');
    logto.connectors = [{ id: 'official1', connectorId: 'aliyun-short-message-service', type: 'Sms', config: connectorConfig(sandbox) }];
    const refused = await cli(['status', '--logto', logto.endpoint, '--phone', '13800000001']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      "status: connector official1 is Logto's official Aliyun SMS connector (aliyun-short-message-service), not this package's (aliyun-sms): this command reads the configuration of this package's connector (aliyun-sms) only: set connector-aliyun-sms up as Logto's SMS connector, or run the command with --config and a configuration file\n"
    );
  });
});

describe('usage: --config and --logto are alternatives, and nothing secret goes on the command line', () => {
  it.each<[string, string[], Record<string, string | undefined>, string]>([
    ['both', ['doctor', '--config', 'x.json', '--logto', 'http://127.0.0.1:1'], app, '--config and --logto are alternatives: give one of them'],
    ['neither', ['doctor'], app, '--config <file|-> or --logto <endpoint> is required'],
    ['no app id', ['doctor', '--logto', 'http://127.0.0.1:1'], { ...app, LOGTO_M2M_APP_ID: undefined }, "--logto reads the machine-to-machine app's credentials from the environment: set LOGTO_M2M_APP_ID"],
    ['no app secret', ['status', '--logto', 'http://127.0.0.1:1', '--phone', '13800000001'], { ...app, LOGTO_M2M_APP_SECRET: '' }, "--logto reads the machine-to-machine app's credentials from the environment: set LOGTO_M2M_APP_SECRET"],
    ['plain http to another host', ['doctor', '--logto', 'http://logto.internal:3001'], app, '--logto must use https:// (http:// only to a loopback host such as http://localhost:3001)'],
    ['--connector without --logto', ['doctor', '--config', 'x.json', '--connector', 'k3v9sms'], app, '--logto-resource and --connector go with --logto'],
    ['the secret as a flag', ['doctor', '--logto', 'http://127.0.0.1:1', '--logto-secret', 'x'], app, "Unknown option '--logto-secret'"],
  ])('%s: exit 2', async (_, args, env, sentence) => {
    const run = await runCli(args, { env: { LOGTO_M2M_APP_ID: undefined, LOGTO_M2M_APP_SECRET: undefined, ...env } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(sentence);
    expect(logto.requests).toEqual([]);
  });
});
