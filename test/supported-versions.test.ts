/**
 * The README's "Supported Logto versions" tables (English and Chinese) list exactly the releases
 * the compatibility matrix (`logto-versions.test.ts`) runs, and quote the range `package.json` declares.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { packageRoot } from '../demo/logto-host.js';
import { logtoReleases } from './compat/logto-releases.js';

describe('the README', () => {
  it('lists exactly the releases of the matrix as supported, in English and Chinese, with the declared range', async () => {
    const readme = await readFile(path.join(packageRoot, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| (1\.\d+\.\d+) \| (\S+) \| (\S+) \| (\S+) \|$/gm)].map(([, logto, connectorKit, got, zod]) => ({
      logto,
      connectorKit,
      got,
      zod,
    }));
    const newestFirst = logtoReleases.toSorted((a, b) => b.logto.localeCompare(a.logto, 'en', { numeric: true }));
    expect(rows).toEqual([...newestFirst, ...newestFirst]);
    const manifest = JSON.parse(await readFile(path.join(packageRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const range = manifest.dependencies['@logto/connector-kit']!;
    expect(readme.split(`declares \`${range}\``)).toHaveLength(2);
    expect(readme.split(`本包声明 \`${range}\``)).toHaveLength(2);
  });
});
