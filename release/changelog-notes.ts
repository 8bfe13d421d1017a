/**
 * @module changelog-notes
 * The release notes for one version, cut from CHANGELOG.md (Keep a Changelog 1.1.0:
 * https://keepachangelog.com/en/1.1.0/). A version's section runs from its `## [x.y.z]` heading to
 * the next `## ` heading; link definitions (`[x.y.z]: https://…`) at the file's end are not notes.
 * Pure: text in, text out, so the release workflow and the dry run print the same notes.
 */

/** Why a version has no notes; the release stops rather than publish an empty or wrong page. */
export class MissingNotesError extends Error {
  override name = 'MissingNotesError';
}

const escape = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);

/**
 * The body of `version`'s section (`1.0.0`, or `Unreleased`), trimmed. Accepts `## [1.0.0] - 2027-01-15`,
 * `## [1.0.0]` and `## 1.0.0`. Throws MissingNotesError when the section is absent or has no text.
 */
export function releaseNotes(changelog: string, version: string): string {
  const heading = new RegExp(String.raw`^## \[?${escape(version)}\]?(?:\s+-\s+.*)?\s*$`, 'i');
  const lines = changelog.split(/\r?\n/);
  const start = lines.findIndex((line) => heading.test(line));
  if (start === -1) {
    throw new MissingNotesError(`CHANGELOG.md has no "## [${version}]" section: move the Unreleased entries under "## [${version}] - YYYY-MM-DD" first`);
  }
  const end = lines.findIndex((line, index) => index > start && /^## /.test(line));
  const body = lines
    .slice(start + 1, end === -1 ? undefined : end)
    .filter((line) => !/^\[[^\]]+\]:\s*\S/.test(line))
    .join('\n')
    .trim();
  if (body === '') throw new MissingNotesError(`CHANGELOG.md's "## [${version}]" section is empty: write what changed for operators`);
  return body;
}
