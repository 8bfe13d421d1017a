/**
 * Reading the configuration from Logto against a loopback Logto that answers as Logto's code does
 * (test/fake-logto.ts): the exact requests on the wire, and one sentence with its fix for each
 * way it fails, none holding the app secret, the token or the configuration's secret.
 */
import { once } from 'node:events';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { useFakeLogto } from '../../test/fake-logto-hooks.js';
import { managementApi, otherApi } from '../../test/fake-logto.js';
import { LogtoProblem, logtoEndpoint, readLogtoConfig, type LogtoSource } from './logto-config.js';

const logto = useFakeLogto();
const appId = 'm2m-doctor';
// A secret with characters Basic auth must form-encode (oidc-provider decodes `+` as a space).
const appSecret = 'S3cret+with:colon/and%';
const config = { accessKeyId: 'LTAI5tFakeKeyId', accessKeySecret: 'ConfigSecretNeverPrinted', signName: '阿里云短信测试' };

beforeEach(() => {
  logto.apps.clear();
  logto.apps.set(appId, { secret: appSecret, type: 'MachineToMachine', managementRole: true });
  logto.apps.set('m2m-no-role', { secret: 'no-role-secret', type: 'MachineToMachine', managementRole: false });
  logto.apps.set('spa', { secret: 'spa-secret', type: 'Traditional', managementRole: true });
  logto.connectors = [
    { id: 'email1', connectorId: 'simple-mail-service', type: 'Email', config: { apiKey: 'x' } },
    { id: 'sms1', connectorId: 'aliyun-sms', type: 'Sms', config },
  ];
  logto.requests.length = 0;
  logto.silent = false;
});

const source = (change: Partial<LogtoSource> = {}): LogtoSource => ({
  endpoint: new URL(logto.endpoint),
  appId,
  appSecret,
  resource: managementApi,
  ...change,
});

/** The problem a read fails with, as `summary → fix`; fails the test when it succeeds or fails otherwise. */
const problem = async (from: LogtoSource): Promise<string> => {
  const error: unknown = await readLogtoConfig(from).then(
    () => new Error('the configuration was read'),
    (error_: unknown) => error_
  );
  expect(error).toBeInstanceOf(LogtoProblem);
  const { summary, fix, message } = error as LogtoProblem;
  for (const secret of [appSecret, config.accessKeySecret, ...logto.tokens]) {
    expect(message).not.toContain(secret);
  }
  return `${summary} → ${fix}`;
};

const appFix = 'LOGTO_M2M_APP_ID must be the App ID of a machine-to-machine app and LOGTO_M2M_APP_SECRET one of its secrets (Console → Applications → the app)';
const resourceFix = "set --logto-resource to this tenant's Logto Management API identifier (Console → API resources → Logto Management API): https://default.logto.app/api on Logto OSS, https://<tenant-id>.logto.app/api on Logto Cloud";
const connectorFix = "give --connector the id of this package's connector, the last part of its address in the Console (Connectors → the SMS connector)";
const thisPackageOnly = "this command reads the configuration of this package's connector (aliyun-sms) only: set connector-aliyun-sms up as Logto's SMS connector, or run the command with --config and a configuration file";

describe('on the wire', () => {
  it('asks for a client-credentials token with HTTP Basic, then lists the connectors with it, and returns ours whole', async () => {
    await expect(readLogtoConfig(source())).resolves.toEqual({ config, id: 'sms1', origin: logto.endpoint });
    const [token, list] = logto.requests;
    expect(logto.requests).toHaveLength(2);
    expect(token).toMatchObject({ method: 'POST', path: '/oidc/token' });
    expect(token?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(token?.headers.authorization).toBe(`Basic ${Buffer.from('m2m-doctor:S3cret%2Bwith%3Acolon%2Fand%25').toString('base64')}`);
    expect(Object.fromEntries(new URLSearchParams(token?.body))).toEqual({ grant_type: 'client_credentials', resource: managementApi, scope: 'all' });
    expect(list).toMatchObject({ method: 'GET', path: '/api/connectors', body: '' });
    expect(list?.headers.authorization).toBe(`Bearer ${logto.tokens[0] ?? ''}`);
  });

  it('--connector reads that connector by its instance id', async () => {
    await expect(readLogtoConfig(source({ connector: 'sms1' }))).resolves.toMatchObject({ id: 'sms1', config });
    expect(logto.requests.map(({ method, path }) => `${method} ${path}`)).toEqual(['POST /oidc/token', 'GET /api/connectors/sms1']);
  });

  it('--logto-resource asks for that resource, never one derived from the address', async () => {
    await problem(source({ resource: 'https://tenant1.logto.app/api' }));
    expect(new URLSearchParams(logto.requests[0]?.body).get('resource')).toBe('https://tenant1.logto.app/api');
  });
});

describe('each failure is one sentence with its fix', () => {
  it.each<[string, () => void, Partial<LogtoSource>, string]>([
    ['a wrong secret', () => undefined, { appSecret: 'wrong' }, `Logto refused the machine-to-machine app's credentials (invalid_client: client authentication failed) → ${appFix}`],
    ['an app Logto does not know', () => undefined, { appId: 'deleted-app' }, `Logto refused the machine-to-machine app's credentials (invalid_client: client authentication failed) → ${appFix}`],
    [
      'an app that is not machine-to-machine',
      () => undefined,
      { appId: 'spa', appSecret: 'spa-secret' },
      `Logto refused a client-credentials token for this app (unauthorized_client: requested grant type is not allowed for this client): it is not a machine-to-machine app → ${appFix}`,
    ],
    [
      'an app without the Management API role',
      () => undefined,
      { appId: 'm2m-no-role', appSecret: 'no-role-secret' },
      'the machine-to-machine app may not use Logto\'s Management API (auth.forbidden) → assign the app a machine-to-machine role with the Logto Management API permission "all" (Console → Applications → the app → Roles; Logto 1.17 and later create one named "Logto Management API access")',
    ],
    ['a resource Logto does not know', () => undefined, { resource: 'https://tenant1.logto.app/api' }, `Logto does not know the API resource https://tenant1.logto.app/api (invalid_target: resource indicator is missing, or unknown) → ${resourceFix}`],
    [
      "a resource of the tenant that is not the Management API",
      () => undefined,
      { resource: otherApi },
      `Logto's Management API refused the app's token (auth.unauthorized): it was issued for ${otherApi}, which is not this tenant's Management API → ${resourceFix}`,
    ],
    ['no connector with that id', () => undefined, { connector: 'nope' }, `Logto has no connector with id nope (entity.not_found) → ${connectorFix}`],
    [
      'two SMS connectors and no --connector',
      () => logto.connectors.push({ id: 'sms2', connectorId: 'aliyun-sms', type: 'Sms', config }),
      {},
      `Logto has more than one SMS connector and will not list them (connector.more_than_one_sms) → ${connectorFix}`,
    ],
    [
      "Logto's official Aliyun connector",
      () => (logto.connectors = [{ id: 'official1', connectorId: 'aliyun-short-message-service', type: 'Sms', config }]),
      {},
      `connector official1 is Logto's official Aliyun SMS connector (aliyun-short-message-service), not this package's (aliyun-sms) → ${thisPackageOnly}`,
    ],
    [
      "Logto's official Aliyun connector picked by --connector",
      () => (logto.connectors = [{ id: 'official1', connectorId: 'aliyun-short-message-service', type: 'Sms', config }]),
      { connector: 'official1' },
      `connector official1 is Logto's official Aliyun SMS connector (aliyun-short-message-service), not this package's (aliyun-sms) → ${thisPackageOnly}`,
    ],
    [
      "Logto's official PNVS connector",
      () => (logto.connectors = [{ id: 'mas1', connectorId: 'aliyun-short-message-auth-service', type: 'Sms', config }]),
      {},
      `connector mas1 is Logto's official Aliyun PNVS connector (aliyun-short-message-auth-service), not this package's (aliyun-sms) → ${thisPackageOnly}`,
    ],
    [
      'another SMS connector picked by --connector',
      () => undefined,
      { connector: 'email1' },
      `connector email1 is another package's connector (simple-mail-service), not this package's (aliyun-sms) → ${thisPackageOnly}`,
    ],
    ['no SMS connector at all', () => (logto.connectors = []), {}, `Logto at <endpoint> has no connector of this package (aliyun-sms) → ${thisPackageOnly}`],
  ])('%s', async (_, setUp, change, sentence) => {
    setUp();
    expect(await problem(source(change))).toBe(sentence.replace('<endpoint>', logto.endpoint));
  });

  it('an address that is not Logto', async () => {
    expect(await problem(source({ endpoint: new URL(`${logto.endpoint}/not-logto/`) }))).toBe(
      `Logto at ${logto.endpoint} answered POST /oidc/token with HTTP 404 → check that --logto is the address Logto serves, e.g. https://logto.example.com`
    );
  });
});

describe('Logto that cannot be reached', () => {
  const closed = createServer();
  let closedEndpoint = '';
  beforeAll(async () => {
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    closedEndpoint = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    closed.close();
    await once(closed, 'close');
  });
  it('refuses connections', async () => {
    expect(await problem(source({ endpoint: new URL(closedEndpoint) }))).toBe(
      `Logto at ${closedEndpoint} could not be reached (ECONNREFUSED) → check that --logto is the address Logto serves and that this host can reach it`
    );
  });

  it('never answers: the read ends at its timeout', async () => {
    logto.silent = true;
    const started = performance.now();
    expect(await problem(source({ timeoutMs: 300 }))).toBe(
      `Logto at ${logto.endpoint} did not answer POST /oidc/token within 300 ms → check that --logto is the address Logto serves and that this host can reach it`
    );
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('--logto', () => {
  it.each<[string, string]>([
    ['https://logto.example.com', 'https://logto.example.com/'],
    ['http://localhost:3001', 'http://localhost:3001/'],
    ['http://127.0.0.1:3001/', 'http://127.0.0.1:3001/'],
    ['http://logto.internal:3001', '--logto must use https:// (http:// only to a loopback host such as http://localhost:3001): the app secret and the configuration, secret included, travel over it'],
    ['logto.example.com', '--logto logto.example.com is not a URL: give the address Logto serves, e.g. https://logto.example.com'],
    ['https://admin:pw@logto.example.com', '--logto must be only the address Logto serves, with no user name, query or fragment'],
  ])('%s', (given, expected) => {
    const read = logtoEndpoint(given);
    expect(typeof read === 'string' ? read : read.href).toBe(expected);
  });
});
