/**
 * @module peer-process
 * Starts one peer process (bench/harness.ts, built to plain JavaScript) with the DNS preload and
 * the run's CA. A one-shot process is waited for until its report; output is kept and shown only
 * when a process fails.
 */
import { fork } from 'node:child_process';
import { pathToFileURL } from 'node:url';

import { childEnvironment } from './child-environment.js';
import type { Phase, RoundTripReport } from './plan.js';

/** How to start a peer process. */
export type PeerProcessOptions = {
  harness: string;
  dnsPreload: string;
  peer: string;
  phase: Phase;
  /** Variables added to a clean environment: fixture, plan, CA, the address Aliyun resolves to. */
  environment: Record<string, string>;
  /** Where to write a CPU profile, if one is wanted. */
  cpuProfileDirectory?: string;
  timeoutMs: number;
};

/** Forks a peer process with the DNS preload, the run's environment and, if asked, CPU profiling. */
export const forkPeer = (options: PeerProcessOptions) => {
  const profiling = options.cpuProfileDirectory === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDirectory}`];
  const child = fork(options.harness, [options.peer, options.phase], {
    execArgv: ['--import', pathToFileURL(options.dnsPreload).href, ...profiling],
    env: childEnvironment(options.environment),
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const output = { text: '' };
  child.stdout?.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
  return { child, output };
};

/** Runs a one-shot peer process (round trips) to its report. */
export const runPeerProcess = (options: PeerProcessOptions): Promise<RoundTripReport> => {
  const { child, output } = forkPeer(options);
  return new Promise((resolve, reject) => {
    let report: RoundTripReport | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('message', (message) => {
      report = message as RoundTripReport;
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (report !== undefined && code === 0) {
        resolve(report);
        return;
      }
      const ending = signal === 'SIGKILL' ? `was stopped after ${options.timeoutMs / 1000} s` : `exited with ${signal ?? code}`;
      reject(new Error(`${options.peer} (${options.phase}) ${ending} without a report:\n${output.text.trim().slice(-2000)}`));
    });
  });
};
