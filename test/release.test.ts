/**
 * The release path: the notes cut from CHANGELOG.md (release/changelog-notes.ts) and the dry run
 * (`npm run release:dry`) that makes the tarball, its SHA-256 and the notes the release workflow
 * attaches. A notes cutter that spilled into the next version, or a checksum of another file, fails here.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, describe, expect, it } from 'vitest';

import { packageRoot } from '../demo/logto-host.js';
import { MissingNotesError, releaseNotes } from '../release/changelog-notes.js';
import { githubRepositoryUrl, provenanceProblem, type RepositoryField } from '../release/provenance.js';

const run = promisify(execFile);

type Manifest = { version: string; repository?: RepositoryField };
const manifest = async () => JSON.parse(await readFile(path.join(packageRoot, 'package.json'), 'utf8')) as Manifest;
/** What the dry run says of package.json's repository.url, here (GitHub Actions sets GITHUB_REPOSITORY). */
const provenanceHere = async () => provenanceProblem((await manifest()).repository, process.env.GITHUB_REPOSITORY || undefined);

const changelog = `# Changelog

Intro text that belongs to no version.

## [Unreleased]

### Fixed
- Unreleased fix.

## [1.1.0] - 2027-02-01

### Added
- \`mainlandService\` option.

### Fixed
- Pipe | and [brackets] in text.

## 1.0.1

- Plain heading.

## [1.0.0-beta.1] - 2026-12-20

- Beta.

## [1.0.0] - 2027-01-15

### Added
- First release.

[1.1.0]: https://example.invalid/compare/v1.0.0...v1.1.0
[1.0.0]: https://example.invalid/releases/tag/v1.0.0
`;

describe('releaseNotes', () => {
  it.each([
    { version: '1.1.0', notes: '### Added\n- `mainlandService` option.\n\n### Fixed\n- Pipe | and [brackets] in text.', why: 'stops at the next version' },
    { version: '1.0.1', notes: '- Plain heading.', why: 'a heading without brackets or date' },
    { version: '1.0.0', notes: '### Added\n- First release.', why: 'skips the pre-release whose name starts alike, drops link definitions' },
    { version: '1.0.0-beta.1', notes: '- Beta.', why: 'a pre-release by its full name' },
    { version: 'Unreleased', notes: '### Fixed\n- Unreleased fix.', why: 'the Unreleased section' },
  ])('$version: $why', ({ version, notes }) => {
    expect(releaseNotes(changelog, version)).toBe(notes);
  });

  it.each([
    { version: '1.0', message: 'CHANGELOG.md has no "## [1.0]" section: move the Unreleased entries under "## [1.0] - YYYY-MM-DD" first' },
    { version: '0.1.0', message: 'CHANGELOG.md has no "## [0.1.0]" section: move the Unreleased entries under "## [0.1.0] - YYYY-MM-DD" first' },
    { version: '1.1.0.0', message: 'CHANGELOG.md has no "## [1.1.0.0]" section: move the Unreleased entries under "## [1.1.0.0] - YYYY-MM-DD" first' },
  ])('refuses $version, which has no section of its own', ({ version, message }) => {
    expect(() => releaseNotes(changelog, version)).toThrow(new MissingNotesError(message));
  });

  it('refuses an empty section rather than publish an empty release page', () => {
    expect(() => releaseNotes('## [2.0.0] - 2027-03-01\n\n\n## [1.0.0]\n- x\n', '2.0.0')).toThrow(
      new MissingNotesError('CHANGELOG.md\'s "## [2.0.0]" section is empty: write what changed for operators'),
    );
  });

  it("reads this repository's CHANGELOG.md", async () => {
    const notes = releaseNotes(await readFile(path.join(packageRoot, 'CHANGELOG.md'), 'utf8'), 'Unreleased');
    expect(notes).toMatch(/^### Added\n- /);
    expect(notes).not.toMatch(/^## /m);
  });
});

describe('the repository.url that npm publish --provenance requires', () => {
  it.each<[RepositoryField, string | undefined]>([
    ['git+https://github.com/Acme/connector-aliyun-sms.git', 'https://github.com/acme/connector-aliyun-sms'],
    [{ type: 'git', url: 'https://github.com/acme/connector-aliyun-sms' }, 'https://github.com/acme/connector-aliyun-sms'],
    ['github:acme/connector-aliyun-sms', 'https://github.com/acme/connector-aliyun-sms'],
    ['acme/connector-aliyun-sms', 'https://github.com/acme/connector-aliyun-sms'],
    ['git@github.com:acme/connector-aliyun-sms.git', 'https://github.com/acme/connector-aliyun-sms'],
    ['https://gitlab.com/acme/connector-aliyun-sms', undefined],
    [{ type: 'git' }, undefined],
    [undefined, undefined],
  ])('%j names %s', (repository, url) => {
    expect(githubRepositoryUrl(repository)).toBe(url);
  });

  it.each<[RepositoryField, string | undefined, string | undefined]>([
    ['git+https://github.com/acme/connector-aliyun-sms.git', 'acme/connector-aliyun-sms', undefined],
    ['git+https://github.com/acme/connector-aliyun-sms.git', 'Acme/Connector-Aliyun-SMS', undefined],
    ['git+https://github.com/acme/connector-aliyun-sms.git', undefined, undefined],
    [
      'git+https://github.com/someone/fork.git',
      'acme/connector-aliyun-sms',
      "package.json's repository.url names https://github.com/someone/fork, but this release is built by https://github.com/acme/connector-aliyun-sms, and npm publish --provenance refuses the mismatch: npm pkg set repository.url=git+https://github.com/acme/connector-aliyun-sms.git",
    ],
    [
      undefined,
      'acme/connector-aliyun-sms',
      'package.json has no GitHub repository.url, and npm publish --provenance refuses the upload without it: npm pkg set repository.url=git+https://github.com/acme/connector-aliyun-sms.git',
    ],
    [
      undefined,
      undefined,
      'package.json has no GitHub repository.url, and npm publish --provenance refuses the upload without it: npm pkg set repository.url=git+https://github.com/OWNER/NAME.git',
    ],
  ])('%j built by %s', (repository, githubRepository, problem) => {
    expect(provenanceProblem(repository, githubRepository)).toBe(problem);
  });
});

describe('npm run release:dry', () => {
  const scratch: string[] = [];
  afterAll(async () => {
    await Promise.all(scratch.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  async function dryRun(...args: string[]) {
    const out = await mkdtemp(path.join(tmpdir(), 'release-dry-'));
    scratch.push(out);
    const tsx = path.join(packageRoot, 'node_modules', '.bin', 'tsx');
    const result = await run(tsx, ['release/dry-run.ts', '--out', out, ...args], { cwd: packageRoot }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: unknown) => {
        const failed = error as { code: number; stdout: string; stderr: string };
        return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
      },
    );
    return { out, ...result };
  }

  it('writes the tarball, its SHA-256 in sha256sum format, and the notes', async () => {
    const { version } = JSON.parse(await readFile(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string };
    const { out, code, stdout, stderr } = await dryRun();
    expect(code).toBe(0);
    const tarball = `connector-aliyun-sms-${version}.tgz`;
    expect((await readdir(out)).toSorted()).toEqual([tarball, `${tarball}.sha256`, 'notes.md']);
    const digest = createHash('sha256').update(await readFile(path.join(out, tarball))).digest('hex');
    expect(await readFile(path.join(out, `${tarball}.sha256`), 'utf8')).toBe(`${digest}  ${tarball}\n`);
    expect(stdout).toContain(`sha256   ${digest}`);

    const changelog = await readFile(path.join(packageRoot, 'CHANGELOG.md'), 'utf8');
    const hasSection = new RegExp(String.raw`^## \[${version.replaceAll('.', String.raw`\.`)}\]`, 'm').test(changelog);
    expect(await readFile(path.join(out, 'notes.md'), 'utf8')).toBe(`${releaseNotes(changelog, hasSection ? version : 'Unreleased')}\n`);
    const provenance = await provenanceHere();
    expect(stderr).toBe(
      [
        ...(hasSection ? [] : [`CHANGELOG.md has no section for ${version} yet; notes.md holds the Unreleased entries`]),
        ...(provenance === undefined ? [] : [provenance]),
        '',
      ].join('\n'),
    );
  });

  it('refuses a tag that does not name the package version, and writes nothing', async () => {
    const { version } = JSON.parse(await readFile(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string };
    const { out, code, stderr } = await dryRun('--tag', 'v99.0.0');
    expect(code).toBe(1);
    expect(stderr).toBe(`release:dry: tag v99.0.0 does not name package.json's version ${version}: tag v${version}, or run npm version first\n`);
    expect(await readdir(out)).toEqual([]);
  });

  it('with the right tag, refuses a repository.url provenance would reject, and takes no Unreleased notes for the version', async () => {
    const { version } = await manifest();
    const changelog = await readFile(path.join(packageRoot, 'CHANGELOG.md'), 'utf8');
    const provenance = await provenanceHere();
    const { out, code, stderr } = await dryRun('--tag', `v${version}`);
    const refusal =
      provenance ??
      (changelog.includes(`## [${version}]`)
        ? undefined
        : `CHANGELOG.md has no "## [${version}]" section: move the Unreleased entries under "## [${version}] - YYYY-MM-DD" first`);
    if (refusal === undefined) {
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      return;
    }
    expect({ code, stderr }).toEqual({ code: 1, stderr: `release:dry: ${refusal}\n` });
    expect(await readdir(out)).toEqual([]);
  });
});
