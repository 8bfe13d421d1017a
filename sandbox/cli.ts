/**
 * `npm run sandbox -- [--port 8787] [--host 127.0.0.1] [--config registry.json]`: starts the
 * sandbox, prints the endpoint, the inbox URL, the AccessKey pair (and every other account's), and
 * a connector config ready to paste (with another account as its fallback on request), logs each
 * API request, and stops cleanly on SIGINT/SIGTERM.
 *
 * @module
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { accountAccess, connectorConfig, pnvsConnectorConfig, withFallback, type Site } from './connector-config.js';
import { loadRegistry, registryAccounts, startSandbox } from './index.js';
import type { Sandbox } from './index.js';

const usage = `Usage: npm run sandbox -- [options]

Local stand-in for Aliyun SMS (dysmsapi) with a web inbox.

Options:
  --host <address>     interface to listen on (default 127.0.0.1)
  --port <number>      port to listen on; 0 picks a free one (default 8787); the
                       PNVS host (dypnsapi) listens on the next one (with 0, a free one)
  --config <file>      registry JSON: credentials, sign names, templates, sender IDs
                       (default sandbox/registry.default.json)
  --site <site>        print the connector config for a "china" (default) or an
                       "international" (alibabacloud.com) account
  --service pnvs       print a China-site config that sends mainland numbers through
                       PNVS (SendSmsVerifyCode, gifted signature) and others through SendSms
  --fallback <account> add that account of the registry (e.g. backup) to the printed
                       config as its fallback, with fallbackAccessKeySecret
  --no-flow-control    never answer isv.BUSINESS_LIMIT_CONTROL (load tests)
  --quiet              do not log requests
  -h, --help           show this help
`;

/** The connector config to paste, or why this registry cannot produce one. */
function printableConfig(sandbox: Sandbox, site: Site, pnvs: boolean, fallback: string | undefined): string {
  try {
    const config = pnvs ? pnvsConnectorConfig(sandbox) : connectorConfig(sandbox, site);
    const full = fallback === undefined ? config : withFallback(config, accountAccess(sandbox, fallback), site);
    return `Connector config:\n${JSON.stringify(full, null, 2)}`;
  } catch (error) {
    return `No connector config: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The first key pair of every account after the first, e.g. a fallback's. */
function otherAccounts(sandbox: Sandbox): string {
  return registryAccounts(sandbox.registry)
    .slice(1)
    .map(({ name, accountId, credentials: [credential] }) =>
      credential === undefined ? '' : `
  Account ${name} (${accountId})
  AccessKeyId      ${credential.accessKeyId}
  AccessKeySecret  ${credential.accessKeySecret}
`,
    )
    .join('');
}

function parseSite(text: string): Site {
  if (text !== 'china' && text !== 'international') {
    throw new TypeError(`--site must be china or international, got "${text}"`);
  }
  return text;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) {
    throw new TypeError(`--port must be an integer from 0 to 65535, got "${text}"`);
  }
  return port;
}

async function main(): Promise<void> {
  let values;
  let port: number;
  let site: Site;
  try {
    ({ values } = parseArgs({
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '8787' },
        config: { type: 'string' },
        site: { type: 'string', default: 'china' },
        service: { type: 'string', default: 'sms' },
        fallback: { type: 'string' },
        'no-flow-control': { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
    port = parsePort(values.port);
    site = parseSite(values.site);
    if (values.service !== 'sms' && (values.service !== 'pnvs' || site !== 'china')) {
      throw new TypeError(`--service must be sms, or pnvs for a China-site account, got "${values.service}"`);
    }
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exitCode = 2;
    return;
  }
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const registry = await loadRegistry(values.config === undefined ? undefined : resolve(values.config));
  const sandbox = await startSandbox({
    host: values.host,
    port,
    registry,
    flowControl: !values['no-flow-control'],
    ...(values.quiet
      ? {}
      : {
          log: (line: string) => {
            console.log(`[${new Date().toISOString()}] ${line}`);
          },
        }),
  });
  // Before printing: whoever reads the banner may signal right away.
  const stop = (signal: NodeJS.Signals): void => {
    console.log(`\n${signal}: stopping the sandbox.`);
    sandbox.close().then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`Aliyun SMS sandbox is running.

  Endpoint         ${sandbox.endpoint}
  PNVS endpoint    ${sandbox.pnvsEndpoint}
  Inbox            ${sandbox.endpoint}/
  AccessKeyId      ${sandbox.accessKeyId}
  AccessKeySecret  ${sandbox.accessKeySecret}
${otherAccounts(sandbox)}
${printableConfig(sandbox, site, values.service === 'pnvs', values.fallback)}

Press Ctrl+C to stop.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
