/**
 * @module tarball
 * Packs the package the way `npm publish` would and records the tarball's SHA-256 beside it, in
 * `sha256sum`'s format (`<hex>  <file name>`), so `sha256sum -c` checks a downloaded copy. The
 * release publishes this very file (`npm publish <tarball>`), so the checksum on the GitHub release
 * is the checksum of what npm serves.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The repository root (this file lives in release/). */
export const packageRoot = path.resolve(import.meta.dirname, '..');

/** A packed tarball, its SHA-256 (hex) and the checksum file written beside it. */
export type PackedTarball = { tarball: string; sha256: string; checksumFile: string; files: string[] };

/** `npm pack` into `destination` (which must exist), then hash the tarball and write `<tarball>.sha256`. */
export async function packTarball(destination: string, root = packageRoot): Promise<PackedTarball> {
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', destination], { cwd: root });
  const [packed] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  if (!packed) throw new Error('npm pack printed no tarball');
  const tarball = path.join(destination, packed.filename);
  const sha256 = createHash('sha256').update(await readFile(tarball)).digest('hex');
  const checksumFile = `${tarball}.sha256`;
  await writeFile(checksumFile, `${sha256}  ${packed.filename}\n`);
  return { tarball, sha256, checksumFile, files: packed.files.map((file) => file.path) };
}
