/**
 * `npm run demo`: the connector's main job on a fresh machine. Starts the local Aliyun sandbox,
 * loads the built package through Logto's own connector loader, presses the Console's Send
 * button, sends a SignIn code to a mainland number and a Register code to a Hong Kong number,
 * prints each message as the phone shows it with the route taken, then shows a flow-control
 * refusal as the operator sees it. `--keep` keeps the inbox page up afterwards; `--site
 * international` does the same for an Alibaba Cloud international-site account, which sends
 * mainland numbers through SendMessageWithTemplate and the rest through SendMessageToGlobe;
 * `--service pnvs` does it for a China-site account that sends mainland codes through the Phone
 * Number Verification Service (SendSmsVerifyCode, gifted signature and templates) and Hong Kong
 * through SendSms with its own signature, in one config. On a China-site account the demo then
 * runs the operator commands as an operator would (`node lib/cli.js`): `doctor` on a misconfigured
 * copy of the config, and `status` for the sign-in number, one message delivered and one failed.
 */
import { parseArgs } from 'node:util';
import { randomInt } from 'node:crypto';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

import { ConnectorError, TemplateType } from '@logto/connector-kit';

import { connectorConfig, pnvsConnectorConfig, type Site } from '../sandbox/connector-config.js';
import { startSandbox, type Sandbox } from '../sandbox/index.js';
import { buildConnector, connectorPerSend, loadFactory, packageRoot, pressSend } from './logto-host.js';

const { values: options } = parseArgs({
  options: {
    keep: { type: 'boolean', default: false },
    site: { type: 'string', default: 'china' },
    service: { type: 'string', default: 'sms' },
  },
});
const keep = options.keep;
if (options.site !== 'china' && options.site !== 'international') {
  throw new TypeError(`--site must be china or international, got "${options.site}"`);
}
const site: Site = options.site;
if (options.service !== 'sms' && options.service !== 'pnvs') {
  throw new TypeError(`--service must be sms or pnvs, got "${options.service}"`);
}
if (options.service === 'pnvs' && site !== 'china') {
  throw new TypeError('--service pnvs is for China-site accounts; leave out --site');
}
const pnvs = options.service === 'pnvs';
const bold = (text: string) => (process.stdout.isTTY ? `\u001B[1m${text}\u001B[22m` : text);

const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** What reached the sandbox for the latest request, and what the phone shows. */
const describeDelivery = (sandbox: Sandbox, to: string) => {
  const request = sandbox.requests.list().at(-1);
  const [message] = sandbox.outbox.list({ phone: to });
  const parameters = request?.params ?? {};
  const shown = ['PhoneNumbers', 'PhoneNumber', 'To', 'From', 'SignName', 'TemplateCode', 'Type']
    .filter((name) => parameters[name] !== undefined)
    .map((name) => `${name}=${parameters[name] ?? ''}`);
  console.log(
    `   route:   ${parameters.Action ?? '?'} ${parameters.Version ?? ''} → ${shown.join(' ')} (${message?.region ?? 'not delivered'})`
  );
  if (message) {
    console.log(`   phone:   ${bold(message.text)}`);
  }
};

const send = async (sandbox: Sandbox, title: string, to: string, run: () => Promise<unknown>) => {
  console.log(`\n${title}`);
  const receipt = await run();
  describeDelivery(sandbox, to);
  console.log(`   receipt: ${JSON.stringify(receipt)}`);
};

/** Runs the built operator command line with the config on stdin; resolves with its output and exit status. */
const operatorCommand = async (args: readonly string[], config: unknown) => {
  const child = spawn(process.execPath, [path.join(packageRoot, 'lib', 'cli.js'), ...args, '--config', '-'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stdin.end(JSON.stringify(config));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout };
};

/** `doctor` on a misconfigured account and `status` for a number with one delivered and one failed message. */
const operatorCommands = async (sandbox: Sandbox, config: ReturnType<typeof connectorConfig>, connector: Awaited<ReturnType<typeof connectorPerSend>>, to: string) => {
  const misconfigured = {
    ...config,
    signName: '沙箱审核中',
    templates: config.templates.map((entry) =>
      entry.usageType === 'Generic'
        ? { ...entry, templateCode: { ...entry.templateCode, china: 'SMS_460300006' } }
        : entry.usageType === 'Register'
          ? { ...entry, templateCode: { ...entry.templateCode, overseas: 'SMS_460100002' } }
          : entry
    ),
  };
  console.log('\n5. `connector-aliyun-sms doctor` on a config with a signature under review, a template variable not filled and a mainland template for overseas numbers (problems only)');
  const doctor = await operatorCommand(['doctor'], misconfigured);
  for (const line of doctor.stdout.split('\n').filter((line) => /^(?:FAIL|WARN)|failed,/.test(line))) {
    console.log(`   ${line}`);
  }
  console.log(`   exit status ${String(doctor.code)}; nothing was sent: the sandbox outbox still holds ${sandbox.outbox.list().length} messages`);

  // Flow control allows one code a minute per number: move the sandbox clock, send again, and let
  // the carrier fail that one; receipts come 2 s after a send.
  sandbox.clock.advance(61_000);
  const receipt = (await connector.sendMessage({ to, type: TemplateType.SignIn, payload: { code: newCode(), locale: 'zh-CN' } }, config)) as { BizId?: string };
  sandbox.records.setOutcome({ id: receipt.BizId ?? '' }, { status: 'failed', errCode: 'UNDELIV' });
  sandbox.clock.advance(3000);
  const day = new Date(sandbox.clock.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  console.log(`\n6. \`connector-aliyun-sms status --phone ${to} --date ${day}\`: did the codes reach the phone?`);
  const status = await operatorCommand(['status', '--phone', to, '--date', day], config);
  for (const line of status.stdout.trimEnd().split('\n')) {
    console.log(`   ${line}`);
  }
};

const main = async () => {
  const sandbox = await startSandbox({ port: keep ? 8787 : 0 }).catch((error: unknown) => {
    // With --keep the inbox gets a memorable address; if another process holds it, any port will do.
    if (keep && (error as { code?: string }).code === 'EADDRINUSE') {
      return startSandbox({ port: 0 });
    }
    throw error;
  });
  const config = pnvs ? pnvsConnectorConfig(sandbox) : connectorConfig(sandbox, site);
  console.log(
    `Aliyun SMS sandbox: ${sandbox.endpoint}   inbox page: ${sandbox.endpoint}/   account site: ${site}${pnvs ? '   mainland numbers: PNVS (SendSmsVerifyCode)' : ''}`
  );

  const factory = await loadFactory();
  const { metadata } = await buildConnector(factory);
  // Every send below runs on a new connector instance, as Logto builds one per request.
  const connector = await connectorPerSend(factory);
  console.log(`Logto's connector loader loaded "${metadata.name.en ?? metadata.id}" (id ${metadata.id}) from the built package.`);

  const mainland = '8613800138000';
  const hongKong = '85268326366';
  const signInNumber = '8613912345678';

  await send(sandbox, `1. Console "Send" button: Generic, code 000000, to +${mainland}`, mainland, () =>
    pressSend(connector, mainland, config)
  );

  const signIn = { to: signInNumber, type: TemplateType.SignIn, payload: { code: newCode(), locale: 'zh-CN' } };
  await send(sandbox, `2. SignIn code ${signIn.payload.code} to mainland +${signInNumber}`, signInNumber, () =>
    connector.sendMessage(signIn, config)
  );

  const register = { to: hongKong, type: TemplateType.Register, payload: { code: newCode(), locale: 'en' } };
  await send(sandbox, `3. Register code ${register.payload.code} to Hong Kong +${hongKong}`, hongKong, () =>
    connector.sendMessage(register, config)
  );

  console.log(`\n4. Another SignIn code to +${signInNumber} within the same minute`);
  try {
    await connector.sendMessage({ ...signIn, payload: { code: newCode() } }, config);
    throw new Error('the sandbox accepted a second code within a minute; flow control is broken');
  } catch (error: unknown) {
    if (!(error instanceof ConnectorError)) {
      throw error;
    }
    const data = error.data as { errorDescription?: string };
    console.log(`   Logto error code: ${bold(error.code)} (end users see "try again later", HTTP 429)`);
    console.log(`   Aliyun code:      ${String((error.data as { code?: string }).code)}`);
    console.log(`   operator reads:   ${data.errorDescription ?? error.message}`);
  }

  if (site === 'china' && !pnvs) {
    await operatorCommands(sandbox, config as ReturnType<typeof connectorConfig>, connector, signInNumber);
  }

  if (keep) {
    console.log(`\nServing the inbox at ${sandbox.endpoint}/ — press Ctrl+C to stop.`);
    const stop = () => {
      void sandbox.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return;
  }
  await sandbox.close();
  console.log('\nDone. Run `npm run demo -- --keep` to keep the inbox page open.');
};

await main();
