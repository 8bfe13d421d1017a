/**
 * @module metadata-cost
 * What Logto's loader spends, per request that builds connectors, on this package's metadata:
 * `buildRawConnector` reads the logo (inlined as a data URL) and the file named by `readme` from
 * the package folder every time (`@logto/cli` `parseMetadata`). Times that step alone for each
 * Markdown file given, sequentially and 16 at a time, after a warm-up.
 *
 *   npx tsx bench/metadata-cost.ts README.md docs/console-guide.md
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { parseMetadata } from '@logto/cli/lib/connector/index.js';

import { metadata } from '../lib/metadata.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** CPU µs and wall µs per call over `calls` calls, `concurrency` in flight. */
const measure = async (readme: string, calls: number, concurrency: number) => {
  const withReadme = { ...metadata, readme: `./${readme}` };
  let next = 0;
  const worker = async () => {
    while (next < calls) {
      next += 1;
      await parseMetadata(withReadme, root);
    }
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const used = process.cpuUsage(cpu);
  return { cpuUs: (used.user + used.system) / calls, wallUs: ((performance.now() - started) * 1000) / calls };
};

const files = process.argv.slice(2);
for (const file of files) {
  await measure(file, 2000, 16);
}
// Interleaved rounds, so a change in the machine's load falls on every file alike.
const results = new Map(files.map((file) => [file, { sequential: [] as number[], concurrent: [] as number[] }]));
for (let round = 0; round < 5; round += 1) {
  for (const file of files) {
    results.get(file)?.sequential.push((await measure(file, 1000, 1)).cpuUs);
    results.get(file)?.concurrent.push((await measure(file, 1000, 16)).cpuUs);
  }
}
const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
for (const [file, { sequential, concurrent }] of results) {
  console.log(
    `${file} (${statSync(path.join(root, file)).size} bytes): CPU per parseMetadata ${median(sequential).toFixed(0)} µs one at a time, ${median(concurrent).toFixed(0)} µs 16 at a time (median of 5 rounds)`
  );
}
