/**
 * The documentation holds together: every relative link and `#anchor` in the repository's Markdown
 * files points at a file and a heading that exist (anchors by GitHub's slug rule, Chinese headings
 * included), and each English page and its 简体中文 page (`X.md`, `X.zh-CN.md`) have the same
 * sections in the same order and link to each other from their first line.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import { packageRoot } from '../demo/logto-host.js';
import { anchorsOf, headingsOf, isExternal, linksOf, slugOf } from './markdown.js';

const run = promisify(execFile);

/** Tracked Markdown files, and new ones not ignored by git, relative to the repository root. */
const markdownFiles = async (): Promise<string[]> => {
  const { stdout } = await run('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z', '--', '*.md'], { cwd: packageRoot });
  return [...new Set(stdout.split('\0').filter((file) => file !== ''))].toSorted();
};

const read = (file: string) => readFile(path.join(packageRoot, file), 'utf8');

const exists = (absolute: string) =>
  stat(absolute).then(
    () => true,
    () => false,
  );

/** What is wrong with each relative link of `file`, as `file:line target: reason`. */
const brokenLinks = async (file: string): Promise<string[]> => {
  const problems: string[] = [];
  for (const { target, line } of linksOf(await read(file))) {
    if (isExternal(target)) {
      continue;
    }
    const [pathPart = '', anchor] = target.split('#', 2);
    const relative = decodeURI(pathPart);
    const absolute =
      relative === '' ? path.join(packageRoot, file) : relative.startsWith('/') ? path.join(packageRoot, relative) : path.resolve(packageRoot, path.dirname(file), relative);
    const where = `${file}:${line} ${target}`;
    if (!absolute.startsWith(packageRoot) || !(await exists(absolute))) {
      problems.push(`${where}: no such file`);
      continue;
    }
    if (anchor === undefined) {
      continue;
    }
    if (!absolute.endsWith('.md')) {
      problems.push(`${where}: an anchor into a file that is not Markdown`);
    } else if (!anchorsOf(await readFile(absolute, 'utf8')).has(decodeURIComponent(anchor))) {
      problems.push(`${where}: no heading with that anchor`);
    }
  }
  return problems;
};

describe("GitHub's heading anchors", () => {
  // Known answers: anchors GitHub gives these headings (github-slugger's rule), Chinese included.
  it.each([
    ['Which site is my account on?', 'which-site-is-my-account-on'],
    ['Fraud guard: `allowedRegionCodes`', 'fraud-guard-allowedregioncodes'],
    ["Templates by the user's language", 'templates-by-the-users-language'],
    ['Mainland codes without a signature of your own (PNVS)', 'mainland-codes-without-a-signature-of-your-own-pnvs'],
    ['Node 20 and object spread', 'node-20-and-object-spread'],
    ['简体中文', '简体中文'],
    ['我的账号属于哪个站点？', '我的账号属于哪个站点'],
    ['没有自有签名时发送大陆验证码（号码认证服务 PNVS）', '没有自有签名时发送大陆验证码号码认证服务-pnvs'],
    ['使用“发送”按钮测试', '使用发送按钮测试'],
    ['防盗刷：`allowedRegionCodes`', '防盗刷allowedregioncodes'],
    ['Errors — and **what** to do', 'errors--and-what-to-do'],
    ['Key_name and [a link](x.md)', 'key_name-and-a-link'],
  ])('%s → #%s', (heading, slug) => {
    expect(slugOf(heading)).toBe(slug);
  });

  it('numbers repeated headings as GitHub does, and reads no heading inside a code block', () => {
    const page = '# A\n## Example\n```md\n## Not a heading\n```\n## Example\n## Example\n';
    expect([...anchorsOf(page)]).toEqual(['a', 'example', 'example-1', 'example-2']);
    expect(linksOf('[x](a.md)\n```\n[y](b.md)\n```\n`[z](c.md)` <!-- [w](d.md) -->\n[v]: e.md#f')).toEqual([
      { target: 'a.md', line: 1 },
      { target: 'e.md#f', line: 6 },
    ]);
  });
});

describe('the Markdown files of the repository', () => {
  it('link only to files and headings that exist', async () => {
    const files = await markdownFiles();
    expect(files).toContain('README.md');
    const problems = (await Promise.all(files.map(brokenLinks))).flat();
    expect(problems).toEqual([]);
  });

  it('pair each 简体中文 page with its English page: same sections in the same order, linked both ways from the first line', async () => {
    const files = await markdownFiles();
    const pairs = files.filter((file) => file.endsWith('.zh-CN.md')).map((chinese) => [chinese.replace(/\.zh-CN\.md$/, '.md'), chinese] as const);
    expect(pairs.map(([english]) => english)).toEqual(expect.arrayContaining(['README.md', 'docs/configuration.md', 'docs/errors.md', 'docs/security.md']));
    for (const [english, chinese] of pairs) {
      expect(files, `${chinese} has an English page`).toContain(english);
      const [englishText, chineseText] = await Promise.all([read(english), read(chinese)]);
      const levels = (text: string) => headingsOf(text).map(({ level }) => level);
      expect(levels(chineseText), `${chinese} has the sections of ${english}`).toEqual(levels(englishText));
      const firstLinks = (text: string) => linksOf(text.split('\n')[0]!).map(({ target }) => target);
      expect(firstLinks(englishText), `${english} links to ${chinese} on its first line`).toContain(path.basename(chinese));
      expect(firstLinks(chineseText), `${chinese} links to ${english} on its first line`).toContain(path.basename(english));
    }
  });
});

describe("the connector's messages", () => {
  it('cite only documentation pages that exist and that the npm package ships', async () => {
    const sources = (await readdir(path.join(packageRoot, 'src'), { recursive: true })).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
    const cited = new Set<string>();
    for (const file of sources) {
      for (const [page] of (await read(`src/${file}`)).matchAll(/\bdocs\/[\w.-]+\.md\b/g)) {
        cited.add(page);
      }
    }
    expect([...cited]).toEqual(expect.arrayContaining(['docs/configuration.md', 'docs/security.md']));
    const { files } = JSON.parse(await read('package.json')) as { files: string[] };
    for (const page of cited) {
      expect(files, `package.json "files" lists ${page}`).toContain(page);
      expect(await exists(path.join(packageRoot, page)), `${page} exists`).toBe(true);
    }
  });
});
