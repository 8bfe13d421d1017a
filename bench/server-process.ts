/**
 * @module server-process
 * Starts bench/sandbox-process.ts (the sandbox, the delay proxy and the control port) in its own
 * process under tsx, and talks to its control port.
 */
import { fork } from 'node:child_process';
import path from 'node:path';

import { childEnvironment } from './child-environment.js';
import { sandboxAddress, type SandboxProcessArguments } from './loopback.js';

/** The running server process. */
export type ServerProcess = {
  controlUrl: string;
  /** API requests the sandbox answered so far. */
  requestCount(): Promise<number>;
  stop(): Promise<void>;
};

/** Forks the server process and resolves once it listens; rejects with its explanation if it cannot. */
export const startServerProcess = (bench: string, args: SandboxProcessArguments): Promise<ServerProcess> => {
  const child = fork(path.join(bench, 'sandbox-process.ts'), [JSON.stringify(args)], {
    execArgv: ['--import', 'tsx'],
    env: childEnvironment(),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      reject(new Error(`the sandbox process exited with ${code ?? 'a signal'} before it was ready`));
    });
    child.once('message', (message: { ready?: boolean; controlPort?: number; error?: string }) => {
      if (message.error !== undefined || message.controlPort === undefined) {
        reject(new Error(message.error ?? 'the sandbox process did not say where it listens'));
        return;
      }
      const controlUrl = `http://${sandboxAddress}:${message.controlPort}`;
      resolve({
        controlUrl,
        requestCount: async () => ((await (await fetch(`${controlUrl}/count`)).json()) as { requests: number }).requests,
        stop: () =>
          new Promise<void>((stopped) => {
            child.removeAllListeners('exit');
            child.once('exit', () => {
              stopped();
            });
            child.disconnect();
          }),
      });
    });
  });
};
