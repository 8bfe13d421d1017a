/**
 * CONTRIBUTING.md, SECURITY.md and the issue forms stay true: every file CONTRIBUTING.md names
 * exists (a moved module makes this fail until the guide follows), every `npm run` script it or the
 * README names is defined, and the bug report asks for what a diagnosis needs (Logto version,
 * site, Aliyun's Code and RequestId) while telling the reporter never to paste the secret.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { packageRoot } from '../demo/logto-host.js';
import { listModules } from './import-graph.js';

const read = (file: string) => readFile(path.join(packageRoot, file), 'utf8');

/** Folders a bare file name in CONTRIBUTING.md may live in. */
const homes = ['.', 'src', 'src/config', 'src/plan', 'src/aliyun', 'src/account', 'src/operator', 'src/send-log', 'sandbox', 'test', 'test/compat', 'bench', 'demo', 'release', 'docs'];
/** Names CONTRIBUTING.md gives to files that a command writes, not to files in the repository. */
const written = new Set(['notes.md']);

describe('CONTRIBUTING.md', () => {
  it('names only files that exist', async () => {
    const named = new Set([...(await read('CONTRIBUTING.md')).matchAll(/`([\w./-]+\.(?:ts|md|json|yml))`/g)].map(([, file]) => file!));
    expect(named.size).toBeGreaterThan(40);
    const missing = [...named].filter(
      (file) => !written.has(file) && !(file.includes('/') ? [file] : homes.map((home) => path.join(home, file))).some((candidate) => existsSync(path.join(packageRoot, candidate))),
    );
    expect(missing).toEqual([]);
  });

  it('lists every module of src/ in its layout table', async () => {
    const guide = await read('CONTRIBUTING.md');
    const modules = listModules(packageRoot, ['src']).filter((module) => !module.endsWith('.test.ts'));
    expect(modules.filter((module) => !guide.includes(`\`${path.basename(module)}\``))).toEqual([]);
  });

  it.each(['CONTRIBUTING.md', 'README.md'])('%s names only npm scripts that package.json defines', async (file) => {
    const { scripts } = JSON.parse(await read('package.json')) as { scripts: Record<string, string> };
    const named = new Set([...(await read(file)).matchAll(/npm run ([\w:-]+)/g)].map(([, script]) => script!));
    expect([...named].filter((script) => !(script in scripts))).toEqual([]);
  });
});

describe('the issue forms and SECURITY.md', () => {
  it('the bug report asks for the Logto version, the site, Aliyun\'s Code and RequestId, and never for the secret', async () => {
    const form = await read('.github/ISSUE_TEMPLATE/bug_report.yml');
    for (const id of ['package-version', 'logto-version', 'site', 'aliyun-code', 'what-happened', 'no-secrets']) expect(form).toContain(`    id: ${id}\n`);
    expect(form).toContain("Aliyun's Code and RequestId");
    expect(form).toContain('**Never paste the `accessKeySecret`**');
    expect(form).toContain('SECURITY.md');
  });

  it("the feature request starts from the operator's situation", async () => {
    const form = await read('.github/ISSUE_TEMPLATE/feature_request.yml');
    expect(form.indexOf('    id: situation\n')).toBeGreaterThan(0);
    expect(form.indexOf('    id: situation\n')).toBeLessThan(form.indexOf('    id: wish\n'));
  });

  it('blank issues are off, and SECURITY.md covers secrets, numbers and the sign-in page', async () => {
    expect(await read('.github/ISSUE_TEMPLATE/config.yml')).toContain('blank_issues_enabled: false\n');
    const policy = await read('SECURITY.md');
    for (const heading of ['**Secrets in errors and logs.**', '**Sends to unintended numbers.**', '**What the sign-in page reveals.**', '**Report a vulnerability**']) {
      expect(policy).toContain(heading);
    }
  });
});
