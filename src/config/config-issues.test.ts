import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { inOperatorWords } from './config-issues.js';

// A key added without sentences of its own still gets one that names it, never zod's wording.
const guard = z.object(
  inOperatorWords({
    named: z.string({ required_error: 'named is required: fix it', invalid_type_error: 'named must be text: fix it' }),
    bare: z.number().optional(),
    list: z.array(z.object({ inner: z.boolean() })).optional(),
  })
);

const issuesOf = (value: unknown) =>
  guard.safeParse(value).error?.issues.map(({ code, path, message }) => `${path.join('.')} (${code}) ${message}`);

describe('inOperatorWords', () => {
  it.each<[string, unknown, string[]]>([
    ['a missing key keeps its own sentence', {}, ['named (custom) named is required: fix it']],
    ['a wrong type keeps its own sentence', { named: 1 }, ['named (custom) named must be text: fix it']],
    [
      'a key without a sentence gets one naming it',
      { named: 'x', bare: 'seven' },
      ['bare (custom) bare must be number, not string; see the configuration table in docs/configuration.md'],
    ],
    [
      'nested keys keep their full path',
      { named: 'x', list: [{}] },
      ['list.0.inner (custom) list.0.inner is required; see the configuration table in docs/configuration.md'],
    ],
  ])('%s', (_, value, issues) => {
    expect(issuesOf(value)).toEqual(issues);
  });

  it('keeps values and the object shape', () => {
    expect(guard.parse({ named: 'x', bare: 2 })).toEqual({ named: 'x', bare: 2 });
    expect(Object.keys(guard.shape)).toEqual(['named', 'bare', 'list']);
  });
});
