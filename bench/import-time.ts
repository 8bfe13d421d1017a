/**
 * @module import-time
 * Time to import a module cold: a fresh `node` process (no loader hooks, no inherited
 * `NODE_OPTIONS`) times `await import(entry)` and nothing else. Process start-up is outside the
 * figure; the operating system's file cache is warm after the first sample, V8's code cache never is.
 */
import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';

import { childEnvironment } from './child-environment.js';

/** The script each fresh process runs: time one dynamic import, print the milliseconds. */
const timingScript = (entry: string) =>
  [
    'const started = performance.now();',
    `await import(${JSON.stringify(pathToFileURL(entry).href)});`,
    'process.stdout.write(String(performance.now() - started));',
  ].join('\n');

/** Milliseconds one fresh process took to import `entry` (an absolute file path). */
export const timeColdImport = (entry: string, cwd: string): Promise<number> => {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '--eval', timingScript(entry)], { cwd, env: childEnvironment() }, (error, stdout, stderr) => {
      const ms = Number(stdout);
      if (error || !Number.isFinite(ms)) {
        reject(new Error(`importing ${entry} failed: ${error?.message ?? ''} ${stderr}`.trim()));
        return;
      }
      resolve(ms);
    });
  });
};
