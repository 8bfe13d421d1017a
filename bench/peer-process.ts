/**
 * @module peer-process
 * Starts one peer process (bench/harness.ts, built to plain JavaScript) with the DNS preload and
 * the run's CA, and waits for its report. Output is kept and shown only when the process fails.
 */
import { fork } from 'node:child_process';
import { pathToFileURL } from 'node:url';

import { childEnvironment } from './child-environment.js';
import type { PeerReport, Phase } from './plan.js';

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

/** Runs the peer process to its report. */
export const runPeerProcess = (options: PeerProcessOptions): Promise<PeerReport> => {
  const profiling = options.cpuProfileDirectory === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDirectory}`];
  const child = fork(options.harness, [options.peer, options.phase], {
    execArgv: ['--import', pathToFileURL(options.dnsPreload).href, ...profiling],
    env: childEnvironment(options.environment),
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    let report: PeerReport | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('message', (message) => {
      report = message as PeerReport;
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (report !== undefined && code === 0) {
        resolve(report);
        return;
      }
      const ending = signal === 'SIGKILL' ? `was stopped after ${options.timeoutMs / 1000} s` : `exited with ${signal ?? code}`;
      reject(new Error(`${options.peer} (${options.phase}) ${ending} without a report:\n${output.trim().slice(-2000)}`));
    });
  });
};
