/**
 * The oracle's environment is what it claims: Aliyun's SDKs at exact versions, installed from this
 * folder's lockfile, and nowhere near the package (not a dependency of the root package.json, not
 * imported by anything in `src/`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { listModules } from '../import-graph.js';
import { installedVersion, repositoryRoot, sdkFolder, sdkPins } from './sdk-environment.js';

const json = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown> | undefined>;

describe('test/aliyun-sdk', () => {
  it('pins the SMS and PNVS SDKs the oracle reads, and the billing and STS SDKs, to exact versions', () => {
    expect(sdkPins).toMatchObject({
      '@alicloud/dysmsapi20170525': '4.6.0',
      '@alicloud/dysmsapi20180501': '1.0.10',
      '@alicloud/dypnsapi20170525': '2.0.0',
    });
    expect(Object.keys(sdkPins)).toEqual(expect.arrayContaining(['@alicloud/bssopenapi20171214', '@alicloud/sts20150401']));
    for (const [name, version] of Object.entries(sdkPins)) {
      expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
      expect(installedVersion(name), name).toBe(version);
    }
    const lock = json(path.join(sdkFolder, 'package-lock.json'));
    expect((lock.packages?.[''] as { dependencies?: unknown }).dependencies).toEqual(sdkPins);
  });

  it('is no dependency of the package, and nothing in src/ imports an SDK', () => {
    const root = json(path.join(repositoryRoot, 'package.json'));
    const declared = [root.dependencies, root.devDependencies, root.peerDependencies, root.optionalDependencies].flatMap((deps) => Object.keys(deps ?? {}));
    expect(declared.filter((name) => name.startsWith('@alicloud/'))).toEqual([]);
    const importing = listModules(repositoryRoot, ['src']).filter((module) => readFileSync(path.join(repositoryRoot, module), 'utf8').includes('@alicloud/'));
    expect(importing).toEqual([]);
  });
});
