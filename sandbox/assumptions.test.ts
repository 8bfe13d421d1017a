/**
 * Every guessed Aliyun behaviour is listed, with its confidence, in the sandbox README, so a reader
 * of the sandbox's answers knows which ones Aliyun never documented.
 *
 * @module
 */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { assumptions } from './assumptions.js';

const readme = readFileSync(new URL('README.md', import.meta.url), 'utf8');

describe('sandbox assumptions', () => {
  it.each(assumptions.map((assumption) => [assumption.id, assumption] as const))('%s is listed in sandbox/README.md with its confidence', (id, { confidence }) => {
    const line = readme.split('\n').find((text) => text.startsWith(`- **${id}** `));
    expect(line, `README line for ${id}`).toBeDefined();
    expect(line).toContain(confidence);
  });

  it('ids are unique', () => {
    const ids = assumptions.map(({ id }) => id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
