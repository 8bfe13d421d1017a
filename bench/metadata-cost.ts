/**
 * @module metadata-cost
 * What Logto's loader spends, per request that builds connectors, on this package's metadata:
 * `buildRawConnector` reads the logo, unless it is a URL already, and the file named by `readme`
 * from the package folder every time (`@logto/cli` `parseMetadata`). Times that step alone for each
 * Markdown file given as `readme`, with the logo as the metadata carries it (a data URL) and as the
 * path `./logo.svg`, sequentially and 16 at a time, after a warm-up.
 *
 *   npx tsx bench/metadata-cost.ts README.md docs/console-guide.md
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { parseMetadata } from '@logto/cli/lib/connector/index.js';

import createConnector from '../lib/index.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { metadata } = await createConnector({
  getConfig: () => Promise.reject(new Error('metadata-cost sends nothing')),
});

/** The metadata Logto's loader would see with `readme` and, if given, `logo` replaced. */
type Variant = { label: string; readme: string; logo?: string };

/** CPU µs and wall µs per call over `calls` calls, `concurrency` in flight. */
const measure = async ({ readme, logo }: Variant, calls: number, concurrency: number) => {
  const variant = { ...metadata, readme: `./${readme}`, ...(logo === undefined ? {} : { logo }) };
  let next = 0;
  const worker = async () => {
    while (next < calls) {
      next += 1;
      await parseMetadata(variant, root);
    }
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const used = process.cpuUsage(cpu);
  return { cpuUs: (used.user + used.system) / calls, wallUs: ((performance.now() - started) * 1000) / calls };
};

const variants: Variant[] = process.argv.slice(2).flatMap((readme) => {
  const bytes = statSync(path.join(root, readme)).size;
  return [
    { label: `${readme} (${bytes} bytes), logo as a data URL`, readme },
    { label: `${readme} (${bytes} bytes), logo read from ./logo.svg`, readme, logo: './logo.svg' },
  ];
});
for (const variant of variants) {
  await measure(variant, 2000, 16);
}
// Interleaved rounds, so a change in the machine's load falls on every variant alike.
const results = new Map(variants.map((variant) => [variant, { sequential: [] as number[], concurrent: [] as number[] }]));
for (let round = 0; round < 5; round += 1) {
  for (const variant of variants) {
    results.get(variant)?.sequential.push((await measure(variant, 1000, 1)).cpuUs);
    results.get(variant)?.concurrent.push((await measure(variant, 1000, 16)).cpuUs);
  }
}
const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
for (const [{ label }, { sequential, concurrent }] of results) {
  console.log(
    `${label}: CPU per parseMetadata ${median(sequential).toFixed(0)} µs one at a time, ${median(concurrent).toFixed(0)} µs 16 at a time (median of 5 rounds)`
  );
}
