/**
 * `npx tsx demo/failover.ts` (after `npm run build`): the fallback account at work, through Logto's
 * own loader and the built package against the sandbox's two accounts (`primary`, `backup`). Each
 * scenario prints what the sign-in send resolved or failed with, the warning line the connector
 * wrote, the requests each account's key made and the messages each account delivered.
 */
import { ConnectorError, TemplateType } from '@logto/connector-kit';

import { accountAccess, connectorConfig, withFallback } from '../sandbox/connector-config.js';
import { startSandbox } from '../sandbox/index.js';
import { connectorPerSend, loadFactory, pressSend } from './logto-host.js';

const sandbox = await startSandbox();
const base = withFallback(connectorConfig(sandbox), accountAccess(sandbox, 'backup'));
let stored: object = base;
const connector = await connectorPerSend(await loadFactory(), async () => Promise.resolve(stored));
const logged: string[] = [];
console.warn = (line: string) => logged.push(line);

const requests = () => {
  const by = (keyId: string) => sandbox.requests.list().filter(({ params }) => params.AccessKeyId === keyId).length;
  return `requests: primary ${by('LTAI5tSandboxDemoKeyId')}, backup ${by('LTAI5tSandboxBackupKeyId')}`;
};
const delivered = () => `delivered: ${JSON.stringify(sandbox.outbox.list().map(({ account, phone }) => `${account ?? ''} ${phone}`))}`;

/** What one send came to: the receipt, or the error's code and the start of its operator's sentence. */
const outcome = async (sending: Promise<unknown>): Promise<string> => {
  try {
    return `sent: ${JSON.stringify(await sending)}`;
  } catch (error: unknown) {
    if (!(error instanceof ConnectorError)) {
      throw error;
    }
    const operator = JSON.parse(error.message.replace(/^ConnectorError: /, '')) as { errorDescription: string; code?: string };
    return `refused (${error.code}${operator.code ? `, ${operator.code}` : ''}): ${operator.errorDescription.slice(0, 420)}`;
  }
};

const signIn = (to: string) => connector.sendMessage({ to, type: TemplateType.SignIn, payload: { code: '123456', locale: 'en' } });

const scenario = async (title: string, arrange: () => void, act: () => Promise<string>) => {
  sandbox.requests.clear();
  sandbox.outbox.clear();
  logged.length = 0;
  arrange();
  console.log(`\n## ${title}\n${await act()}`);
  for (const line of logged) {
    console.log(`log: ${line}`);
  }
  console.log(`${requests()}\n${delivered()}`);
};

await scenario('primary per-number flow control: a second code to one number within a minute', () => undefined, async () => {
  await signIn('8613800138000');
  return outcome(signIn('8613800138000'));
});
await scenario('primary times out (the sandbox never answers; timeout 1000 ms)', () => {
  stored = { ...base, timeout: 1000 };
  sandbox.faults.set({ kind: 'hang' }, 1);
}, async () => outcome(signIn('8613900139000')));
await scenario('a SendSms whose answer is lost (the send ran, then the connection dropped)', () => {
  stored = base;
  sandbox.faults.set({ kind: 'lost-answer' }, 1);
}, async () => outcome(signIn('8613700137000')));
await scenario('primary out of balance', () => {
  sandbox.accounts.byName('primary')?.standing.set({ balance: { availableAmount: '0.00' } });
}, async () => outcome(signIn('8613600136000')));
await scenario('the next send during the outage', () => undefined, async () => outcome(signIn('8613500135000')));
await scenario("the Console's Send during the outage", () => undefined, async () => outcome(pressSend(connector, '8613400134000', stored)));

await sandbox.close();
