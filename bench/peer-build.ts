/**
 * @module peer-build
 * Turns the peer-process code (harness, DNS preload, peers, and Logto's loader host from demo/)
 * into plain JavaScript under `bench/.work/js` with TypeScript's own transpiler, so peer
 * processes and cold-import processes run on bare `node`: no loader hooks, no extra thread, no
 * transpiler in the figures. `bench/.work/js/node_modules` links to the repository's, so shared
 * packages resolve to the copies this package ships with, and the peers' own packages to
 * `bench/node_modules`.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import ts from 'typescript';

/** Files the peer processes load, relative to the repository root. */
const peerSources = (root: string): string[] => [
  ...['harness', 'aliyun-dns', 'fixture', 'plan', 'stats', 'workload'].map((name) => `bench/${name}.ts`),
  ...readdirSync(path.join(root, 'bench/peers'))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `bench/peers/${name}`),
  'demo/logto-host.ts',
];

/** Transpiles the peer code into `outDirectory` (emptied first); returns the path of a built file by its source path. */
export const buildPeerCode = (root: string, outDirectory: string): ((source: string) => string) => {
  rmSync(outDirectory, { recursive: true, force: true });
  for (const source of peerSources(root)) {
    const { outputText } = ts.transpileModule(readFileSync(path.join(root, source), 'utf8'), {
      fileName: source,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    });
    const output = path.join(outDirectory, source.replace(/\.ts$/, '.js'));
    mkdirSync(path.dirname(output), { recursive: true });
    writeFileSync(output, outputText);
  }
  writeFileSync(path.join(outDirectory, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(path.join(root, 'node_modules'), path.join(outDirectory, 'node_modules'), 'dir');
  return (source) => path.join(outDirectory, source.replace(/\.ts$/, '.js'));
};
