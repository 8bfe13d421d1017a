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
 * through SendSms with its own signature, in one config. Every send prints the line the connector
 * writes to Logto's standard output (the send log). The demo then runs the operator commands as an
 * operator would (`node lib/cli.js`): on a China-site account `doctor` on a misconfigured copy of
 * the config, `status` for a message found by the BizId of its send-log line (delivered, then one
 * the carrier failed), and `report` on the sandbox's week of deliveries, whose failing day makes
 * `--min-rate` exit 1; on an international-site account `status --message-id` with the MessageId
 * of the Hong Kong send's line.
 */
import { parseArgs } from 'node:util';

import { ConnectorError, TemplateType } from '@logto/connector-kit';

import { connectorConfig, pnvsConnectorConfig, type Site } from '../sandbox/connector-config.js';
import { startSandbox, type Sandbox } from '../sandbox/index.js';
import { buildConnector, connectorPerSend, loadFactory, pressSend, withSendLog } from './logto-host.js';
import { chinaOperatorSteps, internationalStatus, newCode, SendLogBook } from './operator-steps.js';

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

/** The send log's lines, printed after each step as Logto's standard output would show them. */
const sendLog = new SendLogBook();

const send = async (sandbox: Sandbox, title: string, to: string, run: () => Promise<unknown>) => {
  console.log(`\n${title}`);
  const receipt = await run();
  describeDelivery(sandbox, to);
  console.log(`   receipt: ${JSON.stringify(receipt)}`);
  sendLog.print();
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
  // Every send below runs on a new connector instance, as Logto builds one per request; sign-in
  // sends read the stored config, as Logto's do. The send log is captured to print it per step.
  const connector = await connectorPerSend(await withSendLog(factory, (line) => {
    sendLog.write(line);
  }), async () => config);
  console.log(`Logto's connector loader loaded "${metadata.name.en ?? metadata.id}" (id ${metadata.id}) from the built package.`);

  const mainland = '8613800138000';
  const hongKong = '85268326366';
  const signInNumber = '8613912345678';

  await send(sandbox, `1. Console "Send" button: Generic, code 000000, to +${mainland}`, mainland, () =>
    pressSend(connector, mainland, config)
  );

  const signIn = { to: signInNumber, type: TemplateType.SignIn, payload: { code: newCode(), locale: 'zh-CN' } };
  await send(sandbox, `2. SignIn code ${signIn.payload.code} to mainland +${signInNumber} (a sign-in: the stored config)`, signInNumber, () =>
    connector.sendMessage(signIn)
  );

  const register = { to: hongKong, type: TemplateType.Register, payload: { code: newCode(), locale: 'en' } };
  await send(sandbox, `3. Register code ${register.payload.code} to Hong Kong +${hongKong}`, hongKong, () =>
    connector.sendMessage(register)
  );

  console.log(`\n4. Another SignIn code to +${signInNumber} within the same minute`);
  try {
    await connector.sendMessage({ ...signIn, payload: { code: newCode() } });
    throw new Error('the sandbox accepted a second code within a minute; flow control is broken');
  } catch (error: unknown) {
    if (!(error instanceof ConnectorError)) {
      throw error;
    }
    // A sign-in send: `data` is what the end user's browser gets; the message, what Logto's audit log keeps.
    const shown = error.data as { errorDescription?: string };
    const kept = JSON.parse(error.message.replace(/^ConnectorError: /, '')) as { errorDescription?: string; code?: string };
    console.log(`   Logto error code: ${bold(error.code)} (HTTP 429)`);
    console.log(`   end user reads:   ${shown.errorDescription ?? ''}`);
    console.log(`   Aliyun code:      ${String(kept.code)}`);
    console.log(`   audit log keeps:  ${kept.errorDescription ?? error.message}`);
  }
  sendLog.print();

  if (site === 'china' && !pnvs) {
    await chinaOperatorSteps(sandbox, config as ReturnType<typeof connectorConfig>, connector, signInNumber, sendLog);
  }
  if (site === 'international') {
    await internationalStatus(config, hongKong, sendLog);
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
