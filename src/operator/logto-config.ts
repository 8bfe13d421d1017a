/**
 * @module logto-config
 * Where `doctor --logto` and `status --logto` get the configuration: the running Logto, so the
 * operator never copies it (secret included) out of Logto by hand. The address and the app's
 * credentials (from the environment), which connector is this package's among the tenant's, and
 * `doctor`'s line saying which was read. The requests themselves: logto-client.ts.
 */
import type { Check } from './doctor-checks.js';
import { connectorFix, fetchConnectors, LogtoProblem, notLogto, requestToken, type LogtoSource } from './logto-client.js';
import { connectorId as ourConnectorId } from '../metadata.js';
import { isLoopbackHost } from '../plan/endpoint.js';

export { LogtoProblem, type LogtoSource } from './logto-client.js';

/** The Logto Management API's identifier on Logto OSS; Logto Cloud's is `https://<tenant-id>.logto.app/api`. */
export const defaultManagementApi = 'https://default.logto.app/api';

/** How long each request to Logto may take, as the connector's own default `timeout`. */
export const logtoTimeoutMs = 10_000;

/** Logto's own Aliyun connectors (`packages/connectors/connector-aliyun-sms*` `constant.ts`), whose configurations this command does not read. */
const officialConnectors: Readonly<Record<string, string>> = {
  'aliyun-short-message-service': "Logto's official Aliyun SMS connector",
  'aliyun-short-message-auth-service': "Logto's official Aliyun PNVS connector",
};

/** What was read: the stored configuration, and which connector and Logto it came from. */
export type LogtoConfig = { config: unknown; id: string; origin: string };

/** The `--logto` address as a URL, or what is wrong with it: https, or http to a loopback host only, since the app secret and the configuration travel over it. */
export const logtoEndpoint = (text: string): URL | string => {
  if (!URL.canParse(text)) {
    return `--logto ${text} is not a URL: give the address Logto serves, e.g. https://logto.example.com`;
  }
  const url = new URL(text);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    return `--logto must use https:// (http:// only to a loopback host such as http://localhost:3001): the app secret and the configuration, secret included, travel over it`;
  }
  if (url.username || url.password || url.search || url.hash) {
    return '--logto must be only the address Logto serves, with no user name, query or fragment';
  }
  return url;
};

/** The flags that choose where the configuration comes from. */
export type SourceFlags = { config?: string; logto?: string; 'logto-resource'?: string; connector?: string };

type Env = Readonly<Record<string, string | undefined>>;

/** Where the flags say the configuration comes from: `--config` (a file, `-` for stdin) or `--logto`, exactly one; or the usage problem. */
export const configSource = (flags: SourceFlags, env: Env): { file: string } | LogtoSource | string => {
  if (flags.logto !== undefined) {
    return flags.config === undefined ? logtoSourceOf(flags, env) : '--config and --logto are alternatives: give one of them';
  }
  if (flags['logto-resource'] !== undefined || flags.connector !== undefined) {
    return '--logto-resource and --connector go with --logto';
  }
  return flags.config === undefined ? '--config <file|-> or --logto <endpoint> is required' : { file: flags.config };
};

/**
 * The source `--logto` names, with the app's credentials from the environment (never from the
 * command line, where other users of the host see them), or the usage problem with it.
 */
const logtoSourceOf = (flags: SourceFlags, env: Env): LogtoSource | string => {
  const endpoint = logtoEndpoint(flags.logto ?? '');
  if (typeof endpoint === 'string') {
    return endpoint;
  }
  const appId = env.LOGTO_M2M_APP_ID?.trim();
  const appSecret = env.LOGTO_M2M_APP_SECRET?.trim();
  if (!appId || !appSecret) {
    return `--logto reads the machine-to-machine app's credentials from the environment: set ${!appId ? 'LOGTO_M2M_APP_ID' : 'LOGTO_M2M_APP_SECRET'} (see docs/operator-commands.md)`;
  }
  const resource = flags['logto-resource'] ?? defaultManagementApi;
  if (!URL.canParse(resource)) {
    return `--logto-resource ${resource} is not an API identifier: give the Logto Management API's, e.g. https://<tenant-id>.logto.app/api`;
  }
  if (flags.connector !== undefined && flags.connector.trim() === '') {
    return '--connector needs the id of the connector';
  }
  return { endpoint, appId, appSecret, resource, ...(flags.connector === undefined ? {} : { connector: flags.connector.trim() }) };
};

const thisPackageOnly = `this command reads the configuration of this package's connector (${ourConnectorId}) only: set connector-aliyun-sms up as Logto's SMS connector, or run the command with --config and a configuration file`;

type ConnectorRow = { id: string; connectorId: string; type?: unknown; config?: unknown };

const isRow = (value: unknown): value is ConnectorRow =>
  typeof value === 'object' && value !== null && typeof (value as ConnectorRow).id === 'string' && typeof (value as ConnectorRow).connectorId === 'string';

/** The sentence for a connector that is not this package's: Logto's own Aliyun connector, or another. */
const notOurs = (row: ConnectorRow): LogtoProblem =>
  new LogtoProblem(
    `connector ${row.id} is ${officialConnectors[row.connectorId] ?? `another package's connector`} (${row.connectorId}), not this package's (${ourConnectorId})`,
    thisPackageOnly
  );

/** This package's connector among Logto's, or the sentence that says what Logto has instead. */
const ours = (rows: readonly ConnectorRow[], origin: string): ConnectorRow => {
  const mine = rows.filter((row) => row.connectorId === ourConnectorId);
  const [only] = mine;
  if (only !== undefined && mine.length === 1) {
    return only;
  }
  if (mine.length > 1) {
    throw new LogtoProblem(`Logto has ${mine.length} connectors of this package (${mine.map(({ id }) => id).join(', ')})`, connectorFix);
  }
  const sms = rows.find((row) => row.type === 'Sms' || officialConnectors[row.connectorId] !== undefined);
  throw sms === undefined ? new LogtoProblem(`Logto at ${origin} has no connector of this package (${ourConnectorId})`, thisPackageOnly) : notOurs(sms);
};

/** Reads the configuration of this package's connector from Logto; rejects with a {@link LogtoProblem}. */
export const readLogtoConfig = async (source: LogtoSource): Promise<LogtoConfig> => {
  const timeoutMs = source.timeoutMs ?? logtoTimeoutMs;
  const origin = source.endpoint.origin;
  const token = await requestToken(source, timeoutMs);
  const { json, what } = await fetchConnectors(source, token, timeoutMs);
  const rows: unknown = source.connector === undefined ? json : [json];
  if (!Array.isArray(rows) || !rows.every(isRow)) {
    throw notLogto(what, origin);
  }
  const row = source.connector === undefined ? ours(rows, origin) : (rows[0] as ConnectorRow);
  if (row.connectorId !== ourConnectorId) {
    throw notOurs(row);
  }
  return { config: row.config, id: row.id, origin };
};

/** `doctor`'s first line with `--logto`: which connector of which Logto was read, or why none could be; nothing without it. */
export const logtoChecks = (read: LogtoConfig | LogtoProblem | undefined): Check[] => {
  if (read === undefined) {
    return [];
  }
  if (read instanceof LogtoProblem) {
    return [
      { id: 'logto', status: 'fail', summary: read.summary, fix: read.fix },
      { id: 'account', status: 'skip', summary: 'the account was not checked: the configuration could not be read from Logto' },
    ];
  }
  return [{ id: 'logto', status: 'pass', summary: `read the configuration of connector ${read.id} (${ourConnectorId}) from Logto at ${read.origin}` }];
};
