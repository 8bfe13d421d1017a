/**
 * Shared set-up of the end-to-end suites: a sandbox on an ephemeral loopback port and the built
 * package loaded through Logto's loader, started before a file's tests and closed after them.
 * Every send runs on a new connector instance, as in Logto. The send log's lines, which Logto's
 * standard output would get, are kept in `sendLog` (demo/logto-host.ts `withSendLog`).
 */
import type { SmsConnector } from '@logto/connector-kit';
import { afterAll, beforeAll } from 'vitest';

import { connectorPerSend, loadFactory, withSendLog } from '../demo/logto-host.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox/index.js';

/** What a suite sends with; filled in before its first test runs. */
export type Harness = {
  sandbox: Sandbox;
  /** Sends as Logto does: with a config argument, the Console's Send; without, a sign-in send reading `stored`. */
  connector: SmsConnector;
  /** The configuration Logto has stored for the connector, which sign-in sends read. */
  stored?: unknown;
  /** The send log's lines, oldest first. */
  sendLog: string[];
};

/** Registers the hooks that start and stop the sandbox and load the connector for this file. */
export const useSandboxAndConnector = (options: SandboxOptions = {}): Harness => {
  const harness = { sendLog: [] } as unknown as Harness;
  beforeAll(async () => {
    harness.sandbox = await startSandbox(options);
    // A fresh connector instance for every send, as Logto builds one per request.
    const getConfig = async () => (harness.stored === undefined ? Promise.reject(new Error('no stored config: set harness.stored')) : harness.stored);
    harness.connector = await connectorPerSend(await withSendLog(await loadFactory(), (line) => harness.sendLog.push(line)), getConfig);
  });
  afterAll(async () => {
    await harness.sandbox.close();
  });
  return harness;
};
