/**
 * The import graph of the repository's own TypeScript modules, and its cycles. Imports are read
 * with TypeScript's own scanner (`preProcessFile`), so `import type`, `export … from` and dynamic
 * `import()` all count, and a `./x.js` specifier resolves to `./x.ts` the way NodeNext does. Only
 * relative specifiers are followed: packages and JSON files are leaves and cannot close a cycle.
 * A cycle is a strongly connected component of more than one module, or a module importing itself
 * (Tarjan's algorithm, https://doi.org/10.1137/0201010).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import ts from 'typescript';

/** Module → the modules it imports, every path relative to the root it was read from. */
export type ImportGraph = Map<string, string[]>;

const moduleFile = /\.m?ts$/;

/** Every `.ts`/`.mts` file under `folders` (skipping `node_modules` and dot-folders such as `.artifacts`). */
export function listModules(root: string, folders: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(path.join(root, folder)).toSorted()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const relative = path.posix.join(folder, name);
      if (statSync(path.join(root, relative)).isDirectory()) walk(relative);
      else if (moduleFile.test(name) && !name.endsWith('.d.ts')) found.push(relative);
    }
  };
  for (const folder of folders) {
    try {
      statSync(path.join(root, folder));
    } catch {
      continue;
    }
    walk(folder);
  }
  return found;
}

/** The module a relative specifier names, among `known`, or undefined (a package, JSON, or a file outside the walk). */
function resolveSpecifier(from: string, specifier: string, known: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const stem = target.replace(/\.m?js$/, '');
  const candidates = [target, `${stem}.ts`, `${stem}.mts`, `${target}/index.ts`];
  return candidates.find((candidate) => known.has(candidate));
}

/** Reads every module's imports. */
export function readImportGraph(root: string, modules: readonly string[]): ImportGraph {
  const known = new Set(modules);
  const graph: ImportGraph = new Map();
  for (const module of modules) {
    const source = readFileSync(path.join(root, module), 'utf8');
    const targets = new Set<string>();
    for (const { fileName } of ts.preProcessFile(source, true, true).importedFiles) {
      const target = resolveSpecifier(module, fileName, known);
      if (target !== undefined) targets.add(target);
    }
    graph.set(module, [...targets]);
  }
  return graph;
}

/** Each cycle as its modules, sorted; cycles sorted by their first module. */
export function findCycles(graph: ImportGraph): string[][] {
  let counter = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];

  const visit = (module: string) => {
    order.set(module, counter);
    low.set(module, counter);
    counter += 1;
    stack.push(module);
    onStack.add(module);
    for (const target of graph.get(module) ?? []) {
      if (!order.has(target)) {
        visit(target);
        low.set(module, Math.min(low.get(module)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(module, Math.min(low.get(module)!, order.get(target)!));
      }
    }
    if (low.get(module) !== order.get(module)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== module);
    if (component.length > 1 || (graph.get(module) ?? []).includes(module)) cycles.push(component.toSorted());
  };

  for (const module of graph.keys()) if (!order.has(module)) visit(module);
  return cycles.toSorted((a, b) => a[0]!.localeCompare(b[0]!));
}

/** One line per import edge inside each cycle, so a failure shows which imports to cut. */
export function describeCycles(graph: ImportGraph, cycles: readonly string[][]): string[] {
  return cycles.flatMap((cycle) =>
    cycle.flatMap((module) => (graph.get(module) ?? []).filter((target) => cycle.includes(target)).map((target) => `${module} -> ${target}`)),
  );
}
