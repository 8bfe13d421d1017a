/**
 * @module loopback
 * Where the benchmark's servers listen on this machine, and what the server process is started
 * with. Both addresses serve port 443, the port of the peers' hard-coded `https://` host.
 */

/** The address every peer resolves `*.aliyuncs.com` to for the load figures: the sandbox. */
export const sandboxAddress = '127.0.0.1';

/** The address the peers resolve it to for the round-trip figures: the delay proxy. */
export const proxyAddress = '127.0.0.2';

/** What bench/sandbox-process.ts is started with (as JSON, its only argument). */
export type SandboxProcessArguments = { keyPath: string; certPath: string; rttMs: number };
