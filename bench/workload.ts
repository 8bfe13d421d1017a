/**
 * @module workload
 * Runs `total` sends with `concurrency` sends in flight and measures them from inside the peer's
 * process: wall time, CPU time (`process.cpuUsage()`, user + system, every thread of the
 * process), and each send's latency. A failed send is counted, never retried.
 */

/** One send of a SignIn code; rejects when Aliyun's answer is not `OK`. */
export type Send = (to: string, code: string) => Promise<void>;

/** A peer's sends by mode (see plan.ts `SendMode`); a peer that is not a Logto connector has only `reused`. */
export type PeerSends = { served?: Send; reused: Send };

/** What one measured level produced. */
export type LevelResult = {
  concurrency: number;
  sends: number;
  errors: number;
  /** The first few error messages, for the report. */
  errorSamples: string[];
  wallMs: number;
  cpuUs: number;
  /** Every send's latency in ms, in completion order. */
  latenciesMs: number[];
};

/** The `index`-th mainland number of the run: the same kind of number for every peer, `86` + 11 digits. */
export const phoneNumber = (index: number): string => `86138${String(index % 100_000_000).padStart(8, '0')}`;

/** A six-digit code that changes with every send, as a real sign-in would. */
export const signInCode = (index: number): string => String(100_000 + ((index * 7919) % 900_000));

/** Sends `total` codes, `concurrency` at a time, numbering them from `firstIndex`. */
export const runLevel = async (send: Send, concurrency: number, total: number, firstIndex = 0): Promise<LevelResult> => {
  const latenciesMs: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const index = firstIndex + next;
      next += 1;
      const started = performance.now();
      try {
        await send(phoneNumber(index), signInCode(index));
      } catch (error: unknown) {
        errors += 1;
        if (errorSamples.length < 3) {
          errorSamples.push(error instanceof Error ? error.message : String(error));
        }
      }
      latenciesMs.push(performance.now() - started);
    }
  };
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  const wallMs = performance.now() - wallBefore;
  const cpu = process.cpuUsage(cpuBefore);
  return { concurrency, sends: total, errors, errorSamples, wallMs, cpuUs: cpu.user + cpu.system, latenciesMs };
};
