/**
 * @module dry-run
 * `npm run release:dry [-- --tag v1.2.3] [--out DIR]`: everything a release attaches, made locally
 * and published nowhere: the tarball, its `.sha256`, and `notes.md` cut from CHANGELOG.md. The
 * release workflow runs it with `--tag` and then publishes exactly these files; with `--tag` the
 * tag must name package.json's version, CHANGELOG.md must have that version's section, and
 * package.json's repository.url must name the repository provenance will (provenance.ts). Without
 * it (a rehearsal between releases), a version with no section yet takes the Unreleased notes, and
 * a repository.url problem is printed but does not stop the run.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { MissingNotesError, releaseNotes } from './changelog-notes.js';
import { provenanceProblem, type RepositoryField } from './provenance.js';
import { packageRoot, packTarball } from './tarball.js';

const { values } = parseArgs({ options: { tag: { type: 'string' }, out: { type: 'string' } } });
const out = path.resolve(values.out ?? path.join(packageRoot, 'release', '.out'));

try {
  const { version, repository } = JSON.parse(await readFile(path.join(packageRoot, 'package.json'), 'utf8')) as {
    version: string;
    repository?: RepositoryField;
  };
  if (values.tag !== undefined && values.tag !== `v${version}`) {
    throw new Error(`tag ${values.tag} does not name package.json's version ${version}: tag v${version}, or run npm version first`);
  }
  const provenance = provenanceProblem(repository, process.env.GITHUB_REPOSITORY || undefined);
  if (provenance !== undefined && values.tag !== undefined) throw new Error(provenance);
  const changelog = await readFile(path.join(packageRoot, 'CHANGELOG.md'), 'utf8');
  let notes: string;
  try {
    notes = releaseNotes(changelog, version);
  } catch (error) {
    if (values.tag !== undefined || !(error instanceof MissingNotesError)) throw error;
    process.stderr.write(`CHANGELOG.md has no section for ${version} yet; notes.md holds the Unreleased entries\n`);
    notes = releaseNotes(changelog, 'Unreleased');
  }
  if (provenance !== undefined) process.stderr.write(`${provenance}\n`);

  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const packed = await packTarball(out);
  const notesFile = path.join(out, 'notes.md');
  await writeFile(notesFile, `${notes}\n`);
  process.stdout.write(
    [
      `tarball  ${path.relative(process.cwd(), packed.tarball)} (${packed.files.length} files)`,
      `sha256   ${packed.sha256}  (${path.relative(process.cwd(), packed.checksumFile)})`,
      `notes    ${path.relative(process.cwd(), notesFile)} (${notes.split('\n').length} lines)`,
      '',
    ].join('\n'),
  );
} catch (error) {
  process.stderr.write(`release:dry: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
