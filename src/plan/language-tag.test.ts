import { describe, expect, it } from 'vitest';

import { canonicalTag, lookupChain, maxUiLocales, preferredTags } from './language-tag.js';

describe('canonicalTag', () => {
  it.each<[string, string | undefined]>([
    ['en', 'en'],
    ['EN', 'en'],
    ['zh-cn', 'zh-CN'],
    ['ZH-hant-hk', 'zh-Hant-HK'],
    ['es-419', 'es-419'],
    ['en_US', undefined],
    ['x-private', undefined],
    ['*', undefined],
    ['', undefined],
    ['en-', undefined],
    [' en', undefined],
  ])('%j → %j', (tag, expected) => {
    expect(canonicalTag(tag)).toBe(expected);
  });
});

describe('lookupChain (RFC 4647 §3.4)', () => {
  it.each<[string, string[]]>([
    ['en', ['en']],
    ['en-GB', ['en-GB', 'en']],
    ['zh-Hant-HK', ['zh-Hant-HK', 'zh-Hant', 'zh']],
    ['en-US-u-hc-h12', ['en-US-u-hc-h12', 'en-US-u-hc', 'en-US', 'en']],
  ])('%s', (tag, chain) => {
    expect(lookupChain(tag)).toEqual(chain);
  });
});

describe('preferredTags', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['sign-in: uiLocales in order, then locale', { uiLocales: 'fr-CA fr en', locale: 'fr' }, ['fr-CA', 'fr', 'en']],
    ['locale only (no ui_locales in the request)', { locale: 'zh-CN' }, ['zh-CN']],
    ['nothing (the Console test as Logto core sends it)', { code: '000000' }, []],
    ['canonical case, duplicates dropped', { uiLocales: 'EN-gb en-GB', locale: 'en-gb' }, ['en-GB']],
    ['underscores read as hyphens', { locale: 'zh_TW' }, ['zh-TW']],
    ['malformed tags skipped', { uiLocales: 'en- * 😀 de', locale: 'x-foo' }, ['de']],
    ['non-strings ignored', { uiLocales: ['en'], locale: { toString: () => 'en' } }, []],
    ['only the first tags of a long uiLocales', { uiLocales: 'ja '.repeat(maxUiLocales) + 'en' }, ['ja']],
  ])('%s', (_, payload, tags) => {
    expect(preferredTags(payload)).toEqual(tags);
  });

  it('answers the same when the tags were read before (they are remembered)', () => {
    const payload = { uiLocales: 'ZH-hk en_GB x-foo', locale: 'Fr' };
    expect([preferredTags(payload), preferredTags(payload)]).toEqual([['zh-HK', 'en-GB', 'fr'], ['zh-HK', 'en-GB', 'fr']]);
  });
});
