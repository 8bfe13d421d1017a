/**
 * @module template-languages
 * The rules for `locales` across a configuration's templates: each tag well-formed, one entry per
 * usageType and language, and a default (an entry without `locales`) for every required usageType,
 * so a user whose language has no entry still gets a message. Pure; `config-templates.ts` turns each
 * problem into a zod issue.
 */
import { canonicalTag } from '../plan/language-tag.js';

/** What these rules read of a template entry. */
export type LanguageEntry = { usageType: string; locales?: readonly string[] };

/** One refused detail: where it is (zod path under `templates`), what is wrong and the fix. */
export type LanguageIssue = { path: Array<string | number>; summary: string; fix: string };

const example = 'a tag such as "en", "zh-CN" or "zh-HK"';

/**
 * An operator's tag in canonical form, or `undefined`. Beyond the syntax, the language subtag must
 * have 2 or 3 letters: RFC 5646 §2.2.1 reserves 4 letters and no 5-to-8-letter language is
 * registered, so `English` or `chinese` is a name typed where a tag belongs.
 */
const operatorTag = (tag: string): string | undefined => {
  const canonical = canonicalTag(tag.trim());
  return canonical !== undefined && /^[a-z]{2,3}(?:-|$)/.test(canonical) ? canonical : undefined;
};

/** A malformed tag's likely intended form (`en_US` → `en-US`), when there is one. */
const suggestionFor = (tag: string): string => {
  const repaired = operatorTag(tag.replaceAll('_', '-'));
  return repaired === undefined ? example : `"${repaired}"`;
};

/** The problems with the templates' `locales`, in entry order; empty when there are none. */
export const templateLanguageIssues = (
  templates: readonly LanguageEntry[],
  requiredUsageTypes: readonly string[]
): LanguageIssue[] => {
  const issues: LanguageIssue[] = [];
  // `${usageType} ${tag}` (or `${usageType}` for the default) → index of the first entry holding it.
  const holders = new Map<string, number>();
  for (const [index, { usageType, locales }] of templates.entries()) {
    const where = `templates[${index}]`;
    if (locales === undefined) {
      const first = holders.get(usageType);
      if (first === undefined) {
        holders.set(usageType, index);
      } else {
        issues.push({
          path: [index, 'usageType'],
          summary: `${where} is a second ${usageType} entry without locales (the first is templates[${first}])`,
          fix: `keep one ${usageType} entry without locales, or give this one the languages it serves, e.g. "locales": ["en"]`,
        });
      }
      continue;
    }
    if (locales.length === 0) {
      issues.push({
        path: [index, 'locales'],
        summary: `${where}.locales is empty`,
        fix: `list the languages this entry serves, e.g. ["en"], or leave locales out to make it the ${usageType} entry for every other language`,
      });
    }
    const listed = new Set<string>();
    for (const tag of locales) {
      const canonical = operatorTag(tag);
      if (canonical === undefined) {
        issues.push({
          path: [index, 'locales'],
          summary: `${where}.locales has ${JSON.stringify(tag)}, which is not a BCP 47 language tag`,
          fix: `write ${suggestionFor(tag)}`,
        });
        continue;
      }
      if (listed.has(canonical)) {
        issues.push({ path: [index, 'locales'], summary: `${where}.locales lists ${canonical} twice`, fix: 'list each language once' });
        continue;
      }
      listed.add(canonical);
      const first = holders.get(`${usageType} ${canonical}`);
      if (first === undefined) {
        holders.set(`${usageType} ${canonical}`, index);
      } else {
        issues.push({
          path: [index, 'locales'],
          summary: `${where} is a second ${usageType} entry for ${canonical} (the first is templates[${first}])`,
          fix: `keep ${canonical} in the locales of one ${usageType} entry only`,
        });
      }
    }
  }
  for (const usageType of requiredUsageTypes) {
    const specific = [...templates.entries()].filter(([, entry]) => entry.usageType === usageType);
    if (specific.length > 0 && !holders.has(usageType)) {
      const indexes = specific.map(([index]) => `templates[${index}]`).join(', ');
      issues.push({
        path: [],
        summary: `templates has ${usageType} entries only for some languages (${indexes}) and none without locales`,
        fix: `add a ${usageType} entry without locales, which serves every other language`,
      });
    }
  }
  return issues;
};

/** The entry with its `locales` in canonical form (`zh-cn` → `zh-CN`), as matching compares them. */
export const canonicalLocales = <Entry extends LanguageEntry>(entry: Entry): Entry =>
  entry.locales === undefined
    ? entry
    : { ...entry, locales: entry.locales.map((tag) => operatorTag(tag) ?? tag) };
