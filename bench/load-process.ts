/**
 * @module load-process
 * The parent's handle on one peer's load process: ask it for a chunk of sends, wait for the
 * chunk's figures, and at the end for its resident memory. The process stays up for the whole
 * run, so the parent can interleave chunks of every peer.
 */
import type { ChildProcess } from 'node:child_process';

import { forkPeer, type PeerProcessOptions } from './peer-process.js';
import type { ChunkReport, LoadCommand, LoadMessage, SendMode } from './plan.js';

/** A running load process. */
export type LoadProcess = {
  /** The send modes this peer has. */
  modes: SendMode[];
  run(mode: SendMode, concurrency: number, sends: number, firstIndex: number): Promise<ChunkReport>;
  /** Ends the process; resolves with its resident memory in bytes. */
  finish(): Promise<number>;
  /** Kills the process if it is still up. */
  kill(): void;
};

/** Waits for the next message of `kind`, failing with the process's output if it exits or stalls first. */
const next = <K extends LoadMessage['kind']>(
  child: ChildProcess,
  kind: K,
  describe: () => string,
  timeoutMs: number
): Promise<Extract<LoadMessage, { kind: K }>> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanUp();
      child.kill('SIGKILL');
      reject(new Error(`${describe()} gave no ${kind} within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const onMessage = (message: LoadMessage) => {
      if (message.kind === kind) {
        cleanUp();
        resolve(message as Extract<LoadMessage, { kind: K }>);
      }
    };
    const onExit = (code: number | null, signal: string | null) => {
      cleanUp();
      reject(new Error(`${describe()} exited with ${signal ?? code} before ${kind}`));
    };
    const cleanUp = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });

/** Starts a peer's load process and waits until it is ready to send. */
export const startLoadProcess = async (options: Omit<PeerProcessOptions, 'phase'>): Promise<LoadProcess> => {
  const { child, output } = forkPeer({ ...options, phase: 'load' });
  const describe = () => `${options.peer} (load):\n${output.text.trim().slice(-2000)}`;
  const command = (message: LoadCommand) => child.send(message);
  const { modes } = await next(child, 'ready', describe, options.timeoutMs);
  return {
    modes,
    async run(mode, concurrency, sends, firstIndex) {
      const ran = next(child, 'ran', describe, options.timeoutMs);
      command({ kind: 'run', mode, concurrency, sends, firstIndex });
      return (await ran).chunk;
    },
    async finish() {
      // The process exits by itself after answering; wait for that, since `--cpu-prof` writes its
      // profile on exit and `kill()` right after the answer would cut the write short.
      const exited = new Promise<void>((resolve) => {
        child.once('exit', () => {
          resolve();
        });
      });
      const finished = next(child, 'finished', describe, options.timeoutMs);
      command({ kind: 'finish' });
      const { rssBytes } = await finished;
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, options.timeoutMs))]);
      return rssBytes;
    },
    kill() {
      if (child.exitCode === null) {
        child.kill('SIGKILL');
      }
    },
  };
};
