/**
 * @module provenance
 * `npm publish --provenance` signs a statement naming the GitHub repository that built the tarball,
 * and the registry refuses the upload (E422, "repository.url is "", expected to match …") unless
 * package.json's `repository.url` names that same repository. Checked before the release publishes,
 * so a missing or stale field stops the run with the fix instead of failing at the last step.
 * Pure: the manifest and the repository (`GITHUB_REPOSITORY`, `owner/name`) are inputs.
 */

/** package.json's `repository`, in either of the forms npm accepts. */
export type RepositoryField = string | { type?: string; url?: string } | undefined;

/** `https://github.com/owner/name` for the forms npm reads (`git+https://…/name.git`, `github:owner/name`, `owner/name`), else undefined. */
export function githubRepositoryUrl(repository: RepositoryField): string | undefined {
  const raw = (typeof repository === 'string' ? repository : repository?.url)?.trim();
  if (!raw) return undefined;
  const match =
    /^(?:github:)?(?<owner>[\w.-]+)\/(?<name>[\w.-]+?)(?:\.git)?$/.exec(raw) ??
    /^(?:git\+)?(?:https?|git|ssh):\/\/(?:git@)?github\.com\/(?<owner>[\w.-]+)\/(?<name>[\w.-]+?)(?:\.git)?\/?$/.exec(raw) ??
    /^git@github\.com:(?<owner>[\w.-]+)\/(?<name>[\w.-]+?)(?:\.git)?$/.exec(raw);
  const { owner, name } = match?.groups ?? {};
  return owner && name ? `https://github.com/${owner}/${name}`.toLowerCase() : undefined;
}

/**
 * Why `npm publish --provenance` would be refused, or undefined when it would not. With
 * `githubRepository` (in GitHub Actions) the field must name it; without (a local dry run), it
 * must name some GitHub repository.
 */
export function provenanceProblem(repository: RepositoryField, githubRepository?: string): string | undefined {
  const named = githubRepositoryUrl(repository);
  const fix = `npm pkg set repository.url=git+https://github.com/${githubRepository ?? 'OWNER/NAME'}.git`;
  if (named === undefined) return `package.json has no GitHub repository.url, and npm publish --provenance refuses the upload without it: ${fix}`;
  if (githubRepository !== undefined && named !== `https://github.com/${githubRepository}`.toLowerCase()) {
    return `package.json's repository.url names ${named}, but this release is built by https://github.com/${githubRepository}, and npm publish --provenance refuses the mismatch: ${fix}`;
  }
  return undefined;
}
