/**
 * The published tarball, installed the way `logto connector add` installs it: `npm pack`, then
 * unpacked (strip one level) into a `connectors/connector-aliyun-sms/` folder with no install
 * inside, then loaded by Logto's loader. A broken `files` list, a missing logo or README, a page the
 * READMEs link to but the tarball lacks, or a bundled copy of `@logto/connector-kit` (whose
 * ConnectorError would not be Logto's) fails here, and so does a package.json that `npm publish`
 * would refuse or silently correct.
 */
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import { ConnectorError, ConnectorErrorCodes, TemplateType } from '@logto/connector-kit';
import { extract, list } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConnector, packageRoot, type LoadedConnector } from '../demo/logto-host.js';
import { connectorConfig } from '../sandbox/connector-config.js';
import { startSandbox, type Sandbox } from '../sandbox/index.js';
import { isExternal, linksOf } from './markdown.js';

const run = promisify(execFile);

/** Inside the repository, so the unpacked package resolves its dependencies the way it does inside Logto. */
const scratch = path.join(packageRoot, 'test', '.artifacts', 'logto', 'connectors');
const unpacked = path.join(scratch, 'connector-aliyun-sms');

let tarball = '';
let loaded: LoadedConnector;
let sandbox: Sandbox;

beforeAll(async () => {
  await rm(scratch, { recursive: true, force: true });
  await mkdir(unpacked, { recursive: true });
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: packageRoot });
  const [packed] = JSON.parse(stdout) as Array<{ filename: string }>;
  tarball = path.join(scratch, packed!.filename);
  await extract({ cwd: unpacked, file: tarball, strip: 1 });
  loaded = await loadConnector(unpacked);
  sandbox = await startSandbox();
}, 120_000);

afterAll(async () => {
  await sandbox.close();
  await rm(scratch, { recursive: true, force: true });
});

/**
 * The repository's files that the READMEs and the Console guide (the metadata's `readme`) reach by
 * relative links, following links from each Markdown file reached, as paths from the package root.
 */
const reachedByLinks = async (starts: string[]): Promise<string[]> => {
  const reached = new Set<string>();
  const queue = [...starts];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (reached.has(file)) {
      continue;
    }
    reached.add(file);
    if (!file.endsWith('.md')) {
      continue;
    }
    for (const { target } of linksOf(await readFile(path.join(packageRoot, file), 'utf8'))) {
      const linked = decodeURI(target.split('#', 1)[0]!);
      if (!isExternal(target) && linked !== '') {
        queue.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), linked)));
      }
    }
  }
  return [...reached].toSorted();
};

describe('the npm package as Logto installs it', () => {
  it('ships lib, logo, LICENSE, package.json and exactly the pages the READMEs and the Console guide link to', async () => {
    const entries: string[] = [];
    await list({ file: tarball, onReadEntry: (entry) => entries.push(entry.path) });
    const shipped = entries.map((entry) => entry.replace(/^package\//, ''));
    const top = new Set(shipped.map((entry) => entry.split('/')[0]));
    expect([...top].toSorted()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'README.zh-CN.md', 'SECURITY.md', 'bench', 'docs', 'lib', 'logo.svg', 'package.json']);
    const pages = shipped.filter((entry) => !entry.startsWith('lib/') && !['LICENSE', 'logo.svg', 'package.json'].includes(entry));
    // Every page a shipped page links to is shipped too (their links work in the unpacked package),
    // and nothing else is: developer pages stay in the repository.
    expect(pages.toSorted()).toEqual(await reachedByLinks(['README.md', 'README.zh-CN.md', 'docs/console-guide.md']));
    expect(pages).toEqual(expect.arrayContaining(['README.zh-CN.md', 'docs/configuration.md', 'docs/errors.md', 'docs/security.md', 'bench/README.md']));
    expect(entries).toContain('package/lib/index.js');
    expect(entries).toContain('package/lib/index.d.ts');
    expect(entries.filter((entry) => entry.includes('.test.'))).toEqual([]);
  });

  it('passes `npm publish --dry-run` with exactly the tarball\'s files and a package.json npm need not correct', async () => {
    const { stdout, stderr } = await run('npm', ['publish', '--dry-run', '--json'], { cwd: packageRoot });
    // npm 11 keys the report by package name; npm 10 (Node 22's) prints the report itself.
    const parsed = JSON.parse(stdout) as Record<string, unknown>;
    const report = (parsed['connector-aliyun-sms'] ?? parsed) as { id: string; files: Array<{ path: string }> };
    const { version } = JSON.parse(await readFile(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string };
    expect(report.id).toBe(`connector-aliyun-sms@${version}`);
    const entries: string[] = [];
    await list({ file: tarball, onReadEntry: (entry) => entries.push(entry.path.replace(/^package\//, '')) });
    expect(report.files.map((file) => file.path).toSorted()).toEqual(entries.toSorted());
    expect(stderr).toContain('(dry-run)');
    expect(stderr).not.toMatch(/auto-corrected|errors in your package\.json/i);
  });

  it('runs the operator commands as `node <install>/lib/cli.js`, without node_modules/.bin', async () => {
    const manifest = JSON.parse(await readFile(path.join(unpacked, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    // Written without `./`: npm publish rewrites `./lib/cli.js` to this form and warns that it corrected package.json.
    expect(manifest.bin).toEqual({ 'connector-aliyun-sms': 'lib/cli.js' });
    const cli = path.join(unpacked, 'lib', 'cli.js');
    expect((await readFile(cli, 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect((await stat(cli)).mode & 0o111).toBe(0o111);
    const child = spawn(process.execPath, [cli, 'doctor', '--config', '-', '--json'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stdin.end(JSON.stringify(connectorConfig(sandbox)));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { checks: Array<{ id: string; status: string }> }).checks).toContainEqual(expect.objectContaining({ id: 'credentials', status: 'pass' }));
  });

  it('has no node_modules of its own and depends only on what Logto ships', async () => {
    expect(await readdir(unpacked)).not.toContain('node_modules');
    const manifest = JSON.parse(await readFile(path.join(unpacked, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies).toSorted()).toEqual(['@logto/connector-kit', '@silverhand/essentials', 'got', 'zod']);
  });

  it('does not bundle @logto/connector-kit', async () => {
    const files = await readdir(path.join(unpacked, 'lib'));
    for (const file of files.filter((name) => name.endsWith('.js'))) {
      const source = await readFile(path.join(unpacked, 'lib', file), 'utf8');
      expect(source).not.toMatch(/class ConnectorError\b/);
    }
  });

  it("loads, sends into the sandbox, and throws Logto's own ConnectorError", async () => {
    expect(loaded.metadata.id).toBe('aliyun-sms');
    const config = connectorConfig(sandbox);
    await loaded.connector.sendMessage({ to: '85268326366', type: TemplateType.Register, payload: { code: '424242' } }, config);
    expect(sandbox.outbox.list()[0]).toMatchObject({ phone: '85268326366', code: '424242' });
    const error: unknown = await loaded.connector
      .sendMessage({ to: '85268326366', type: TemplateType.Register, payload: { code: '1' } }, { ...config, accessKeySecret: 'wrong' })
      .catch((error_: unknown) => error_);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: ConnectorErrorCodes.General, data: { code: 'SignatureDoesNotMatch' } });
  });
});
