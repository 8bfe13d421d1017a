/**
 * The "Supported Logto versions" pages (English and Chinese) list exactly the releases the
 * compatibility matrix (`logto-versions.test.ts`) runs and quote the range `package.json` declares;
 * both READMEs name the oldest and newest tested release.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { packageRoot } from '../demo/logto-host.js';
import { logtoReleases } from './compat/logto-releases.js';

const read = (file: string) => readFile(path.join(packageRoot, file), 'utf8');

const newestFirst = logtoReleases.toSorted((a, b) => b.logto.localeCompare(a.logto, 'en', { numeric: true }));

const declaredRange = async () => {
  const manifest = JSON.parse(await read('package.json')) as { dependencies: Record<string, string> };
  return manifest.dependencies['@logto/connector-kit']!;
};

describe('the supported Logto versions', () => {
  it.each([
    ['docs/logto-versions.md', 'declares'],
    ['docs/logto-versions.zh-CN.md', '本包声明'],
  ])('are exactly the releases of the matrix, with the declared range, in %s', async (file, declares) => {
    const page = await read(file);
    const rows = [...page.matchAll(/^\| (1\.\d+\.\d+) \| (\S+) \| (\S+) \| (\S+) \|$/gm)].map(([, logto, connectorKit, got, zod]) => ({
      logto,
      connectorKit,
      got,
      zod,
    }));
    expect(rows).toEqual(newestFirst);
    expect(page.split(`${declares} \`${await declaredRange()}\``)).toHaveLength(2);
  });

  it('are named by their oldest and newest release in both READMEs', async () => {
    const oldest = newestFirst.at(-1)!.logto;
    const newest = newestFirst[0]!.logto;
    expect(await read('README.md')).toContain(`Tested in Logto ${oldest} to ${newest}.`);
    expect(await read('README.zh-CN.md')).toContain(`已在 Logto ${oldest} 到 ${newest} 中测试。`);
  });
});
