/**
 * @module language-tag
 * BCP 47 language tags as the connector compares them: the operator's `locales` in a template
 * entry, and the end user's languages from Logto's payload. Pure; uses only `Intl`.
 */

/**
 * The canonical form of a well-formed tag (`zh-cn` → `zh-CN`, `EN` → `en`), or `undefined` for
 * anything else. `Intl.getCanonicalLocales` implements ECMA-402's structural check of
 * Unicode BCP 47 locale identifiers, so `en_US`, `x-foo` and `*` are refused.
 */
export const canonicalTag = (tag: string): string | undefined => {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
};

/**
 * The tag itself, then each shorter prefix: `zh-Hant-HK` → `zh-Hant` → `zh`. This is the
 * "Lookup" fallback of RFC 4647 §3.4, which also drops a singleton left at the end (`en-u-…`).
 */
export const lookupChain = (tag: string): string[] => {
  const chain = [tag];
  const subtags = tag.split('-');
  while (subtags.length > 1) {
    subtags.pop();
    if (subtags.at(-1)?.length === 1) {
      subtags.pop();
    }
    if (subtags.length > 0) {
      chain.push(subtags.join('-'));
    }
  }
  return chain;
};

/**
 * How many `uiLocales` tags are read. `ui_locales` comes from the sign-in request, so the end user
 * controls its length; real browsers send a handful.
 */
export const maxUiLocales = 16;

/**
 * Payload tags already read, for every tenant of the process: `Intl.getCanonicalLocales` costs
 * microseconds per call and users send a few dozen distinct tags. Bounded, and short tags only,
 * because `ui_locales` is user input.
 */
const userTags = new Map<string, string | undefined>();
const userTagsLimit = 512;

/** How many payload tags are remembered now; never more than the bound, whatever users send. */
export const rememberedUserTagCount = (): number => userTags.size;

/** A tag from the payload, canonical, or `undefined`; lenient with `zh_CN`, which some clients send. */
const userTag = (tag: string): string | undefined => {
  if (userTags.has(tag)) {
    return userTags.get(tag);
  }
  const canonical = canonicalTag(tag.replaceAll('_', '-'));
  if (tag.length <= 64 && userTags.size < userTagsLimit) {
    userTags.set(tag, canonical);
  }
  return canonical;
};

/**
 * The end user's languages, most preferred first: each of `uiLocales` (the space-separated
 * `ui_locales` of the sign-in request), then `locale` (the one language Logto resolved for the
 * page). Non-strings and malformed tags are skipped, never thrown on: the payload is only a hint.
 *
 * Shapes from logto-io/logto: `packages/core/src/middleware/koa-email-i18n.ts` sets `locale`
 * always and `uiLocales` only when the request had `ui_locales`; `verification-code-helpers.ts`
 * spreads both into the SMS payload; `routes/connector/config-testing.ts` (the Console test)
 * sends `{ code: '000000' }` and the `locale` of its request body when the body has one (the
 * Console's own Send button sends none); and `libraries/passcode.ts` takes that context as
 * optional, so a send without it (the Management API's `/verification-codes`) carries `code` alone.
 */
export const preferredTags = ({ locale, uiLocales }: { locale?: unknown; uiLocales?: unknown }): string[] => {
  const requested = typeof uiLocales === 'string' ? uiLocales.trim().split(/\s+/, maxUiLocales) : [];
  const resolved = typeof locale === 'string' ? [locale.trim()] : [];
  const tags: string[] = [];
  for (const tag of [...requested, ...resolved]) {
    const canonical = tag === '' ? undefined : userTag(tag);
    if (canonical !== undefined && !tags.includes(canonical)) {
      tags.push(canonical);
    }
  }
  return tags;
};
