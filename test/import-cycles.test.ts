/**
 * Keeps the house without import cycles: every module of src/, sandbox/, test/, bench/, demo/ and
 * release/ (tests included, type-only imports included) stands above what it imports, and src/'s
 * shipped modules import nothing from the folders that consume them. The checker is also tried on
 * small trees with known cycles, so a checker that found nothing could not pass for a house
 * without cycles.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { packageRoot } from '../demo/logto-host.js';
import { describeCycles, findCycles, listModules, readImportGraph } from './import-graph.js';

const folders = ['src', 'sandbox', 'test', 'bench', 'demo', 'release'];

describe('the repository', () => {
  const modules = listModules(packageRoot, folders);
  const graph = readImportGraph(packageRoot, modules);

  it('has no import cycle in src/, sandbox/, test/, bench/, demo/ or release/', () => {
    expect(modules).toEqual(expect.arrayContaining(['src/index.ts', 'sandbox/dispatch.ts', 'test/harness.ts', 'bench/main.ts', 'demo/main.ts']));
    expect(describeCycles(graph, findCycles(graph))).toEqual([]);
  });

  it("src/'s shipped modules import nothing from sandbox/, test/, bench/ or demo/", () => {
    const outward = [...graph].flatMap(([module, targets]) =>
      module.startsWith('src/') && !module.endsWith('.test.ts') ? targets.filter((target) => !target.startsWith('src/')).map((target) => `${module} -> ${target}`) : [],
    );
    expect(outward).toEqual([]);
  });
});

describe('the cycle check', () => {
  let root = '';

  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  /** Writes `files` (path → source) into a fresh folder and returns its cycles as edge lines. */
  async function cyclesIn(files: Record<string, string>): Promise<string[]> {
    root = await mkdtemp(path.join(tmpdir(), 'import-cycles-'));
    for (const [file, source] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), source);
    }
    const graph = readImportGraph(root, listModules(root, folders));
    return describeCycles(graph, findCycles(graph));
  }

  it.each<{ why: string; files: Record<string, string>; expected: string[] }>([
    {
      why: 'type-only imports and re-exports through .js specifiers count',
      files: {
        'src/config.ts': "import type { Template } from './template.js';\nexport type Config = { templates: Template[] };\n",
        'src/template.ts': "export type { Config } from './config.js';\nexport type Template = { code: string };\n",
      },
      expected: ['src/config.ts -> src/template.ts', 'src/template.ts -> src/config.ts'],
    },
    {
      why: 'a cycle across folders, closed by a dynamic import and a folder index',
      files: {
        'sandbox/index.ts': "export const start = () => import('../test/harness.js');\n",
        'test/harness.ts': "import { start } from '../sandbox';\nimport '../sandbox/index.js';\nexport { start };\n",
      },
      expected: ['sandbox/index.ts -> test/harness.ts', 'test/harness.ts -> sandbox/index.ts'],
    },
    {
      why: 'a module importing itself',
      files: { 'bench/main.ts': "import './main.js';\n" },
      expected: ['bench/main.ts -> bench/main.ts'],
    },
    {
      why: 'a three-module ring in a test file, listing only the ring',
      files: {
        'test/a.test.ts': "import { b } from './b.js';\nimport { z } from 'zod';\nexport const a = () => b;\n",
        'test/b.ts': "import { c } from './c.js';\nexport const b = c;\n",
        'test/c.ts': "import { a } from './a.test.js';\nimport data from './data.json' with { type: 'json' };\nexport const c = [a, data];\n",
        'test/d.ts': "import { a } from './a.test.js';\nexport const d = a;\n",
      },
      expected: ['test/a.test.ts -> test/b.ts', 'test/b.ts -> test/c.ts', 'test/c.ts -> test/a.test.ts'],
    },
    {
      why: 'a diamond is not a cycle',
      files: {
        'demo/main.ts': "import './left.js';\nimport './right.js';\n",
        'demo/left.ts': "import './base.js';\n",
        'demo/right.ts': "import type { Base } from './base.js';\n",
        'demo/base.ts': 'export type Base = string;\n',
      },
      expected: [],
    },
  ])('$why', async ({ files, expected }) => {
    expect(await cyclesIn(files)).toEqual(expected);
  });
});
