/**
 * @module profile-summary
 * Reads the V8 CPU profiles `--cpu-prof` wrote for each peer's load process and prints where the
 * busy time went: by package (or Node built-in, or this repository's `lib/` file) and by
 * function. Self time only; idle time is left out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** Where a frame's code comes from: a package, a Node built-in, a file of this repository, or V8 itself. */
const origin = (url: string, root: string): string => {
  if (url === '') {
    return '(V8: GC, compiler, native)';
  }
  if (url.startsWith('node:')) {
    return url;
  }
  const file = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file.slice(file.lastIndexOf('node_modules/')));
  if (file.includes('node_modules/') && inModules?.[1] !== undefined) {
    return inModules[1];
  }
  return path.relative(root, file);
};

const selfTimes = (profile: Profile) => {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const times = new Map<ProfileNode, number>();
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    if (node !== undefined) {
      times.set(node, (times.get(node) ?? 0) + (profile.timeDeltas[index] ?? 0));
    }
  });
  return times;
};

const top = (totals: Map<string, number>, busy: number, count: number): string[] =>
  [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => `    ${((100 * us) / busy).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`);

/** One profile's summary: busy time, then the top origins and functions by self time. */
const summarize = (file: string, root: string): string[] => {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byOrigin = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const [node, us] of selfTimes(profile)) {
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      continue;
    }
    busy += us;
    const where = origin(url, root);
    byOrigin.set(where, (byOrigin.get(where) ?? 0) + us);
    const name = `${functionName || '(anonymous)'} ${where}${url === '' ? '' : `:${lineNumber + 1}`}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  }
  return [
    `  busy ${(busy / 1000).toFixed(0)} ms (whole process: start-up, warm-up and measured sends)`,
    '  by origin:',
    ...top(byOrigin, busy, 12),
    '  by function:',
    ...top(byFunction, busy, 15),
  ];
};

/** Summaries of every profile under `directory` (`run-N/<peer>/*.cpuprofile`). */
export const summarizeProfiles = (directory: string, root: string): string => {
  const lines = ['', `CPU profiles (${path.relative(root, directory)}), self time:`];
  for (const run of readdirSync(directory).sort()) {
    for (const peer of readdirSync(path.join(directory, run)).sort()) {
      for (const file of readdirSync(path.join(directory, run, peer)).filter((name) => name.endsWith('.cpuprofile'))) {
        lines.push('', `${run} · ${peer} (${file})`, ...summarize(path.join(directory, run, peer, file), root));
      }
    }
  }
  return lines.join('\n');
};
