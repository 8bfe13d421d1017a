/**
 * @module config-templates
 * The guard for `templates`: each entry's usageType, Aliyun template code (one string, or a
 * mainland and an international code), languages, `params`, international-site `content` and PNVS
 * fields, and the language rules across entries. Every message names the field and the fix.
 */
import { TemplateType } from '@logto/connector-kit';
import { z } from 'zod';

import { guardIssue, said, saidAlways } from './config-issues.js';
import { requiredUsageTypes, templateCodeFix } from './config-rules.js';
import { canonicalLocales, templateLanguageIssues } from './template-languages.js';

/** What a template sends when it has no `params`: the verification code as `${code}`. */
export const defaultTemplateParams: Readonly<Record<string, string>> = Object.freeze({ code: '{{code}}' });

const templateTypes = Object.values(TemplateType);

/** A required string field, trimmed and not empty; each message names the field and the fix. */
export const text = (field: string, fix: string) =>
  z
    .string({
      required_error: said(`${field} is required`, fix),
      invalid_type_error: said(`${field} must be a string`, fix),
    })
    .trim()
    .min(1, said(`${field} must not be empty or only spaces`, fix));

const templateCode = (field: string) => text(field, templateCodeFix);

// Both keys are optional to zod and required by the refinement: a missing key then reports its own
// message instead of collapsing the whole union into one "invalid input".
const templateCodePair = z
  .object({ china: templateCode('templateCode.china').optional(), overseas: templateCode('templateCode.overseas').optional() })
  .superRefine((pair, context) => {
    for (const key of ['china', 'overseas'] as const) {
      if (pair[key] === undefined) {
        context.addIssue(guardIssue({
          path: [key],
          summary: `templateCode.${key} is required`,
          fix: `give the ${key === 'china' ? 'mainland' : 'international'} template code, or make templateCode one string`,
        }));
      }
    }
  })
  .transform(({ china = '', overseas = '' }) => ({ china, overseas }));

// Aliyun template variables are `${name}` with a letter first; the key check also keeps keys such
// as `__proto__` out of the parsed object.
const paramName = z
  .string()
  .regex(
    /^[A-Za-z]\w{0,63}$/,
    said('params keys must be Aliyun template variable names (a letter, then letters, digits or _)', 'write the name the template uses, e.g. "code" for ${code}')
  );

const misnamedLocales = (key: string) =>
  z
    .undefined({ errorMap: saidAlways(`${key} is not a templates key`, 'name the entry\'s languages with "locales", e.g. "locales": ["en"]') })
    .optional();

/**
 * Logto stores the config through `cleanDeep` (logto-io/logto `packages/core/src/routes/connector/index.ts`,
 * POST and PATCH), which drops empty objects and empty strings, while the Console's Send uses the
 * form as typed. So `{}` means what a missing key means (the defaults), and an empty value, which
 * the stored config would lose, is refused: Send and every later send make the same request.
 */
const emptyObjectAsAbsent = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0 ? undefined : value;

const paramsGuard = (field: string) =>
  z.preprocess(
    emptyObjectAsAbsent,
    z
      .record(
        paramName,
        z
          .string({ invalid_type_error: said(`${field} values must be strings`, 'write each value in quotes, such as "{{code}}"') })
          .min(1, said(`${field} values must not be empty`, 'Logto drops empty values when it saves, so write the value the template variable gets, e.g. "{{code}}", or leave the variable out')),
        {
          invalid_type_error: said(`${field} must be an object`, 'map template variables to Logto placeholders, e.g. {"code": "{{code}}"}'),
        }
      )
      .optional()
  );

const templateGuard = z.object({
  usageType: z.nativeEnum(TemplateType, {
    errorMap: saidAlways(`usageType must be one of ${templateTypes.join(', ')}`, 'write one of them as shown, e.g. "SignIn"'),
  }),
  // Optional here: a PNVS-only account has no SendSms templates (config-rules.ts asks for it
  // wherever SendSms is used).
  templateCode: z.union(
    [
      templateCode('templateCode'),
      templateCodePair,
    ],
    {
      errorMap: saidAlways(
        'templateCode must be a template code string, or a pair of a mainland and an international template code',
        'write one code, e.g. "SMS_123456789", or { "china": "...", "overseas": "..." }'
      ),
    }
  ).optional(),
  /**
   * The languages this entry serves, as BCP 47 tags: one tag or a list (`"en"`, `["zh-HK", "zh-TW"]`).
   * Left out, the entry is the usageType's default, for every other language. Tags are checked,
   * with the entry's index in each message, by `templatesGuard`.
   */
  locales: z
    .union([z.string(), z.array(z.string())], {
      errorMap: saidAlways('locales must be a language tag or a list of them', 'write one tag such as "en", or a list such as ["zh-HK", "zh-TW"]'),
    })
    .optional()
    .transform((locales) => (typeof locales === 'string' ? [locales] : locales)),
  // Near misses of `locales` would otherwise be dropped silently and turn the entry into a default.
  locale: misnamedLocales('locale'),
  language: misnamedLocales('language'),
  /** Legacy SMS template kind from older official configs; accepted and ignored. */
  type: z.number({ invalid_type_error: said('type is the legacy template kind from older configurations', 'write a number, or leave it out') }).optional(),
  /**
   * International site only: the full text `SendMessageToGlobe` sends to non-mainland numbers,
   * with Logto placeholders, e.g. `Your verification code is {{code}}`.
   */
  content: text('content', 'write the message text with a placeholder, e.g. "Your verification code is {{code}}"').optional(),
  params: paramsGuard('params').transform((params) => params ?? { ...defaultTemplateParams }),
  /** PNVS only: the gifted template code for mainland numbers; default by message type (pnvs.ts). */
  pnvsTemplateCode: text('pnvsTemplateCode', 'use a gifted template code from the PNVS console, e.g. 100001').optional(),
  /** PNVS only: `TemplateParam` for the gifted template; default the code and `min`. */
  pnvsParams: paramsGuard('pnvsParams'),
}, { invalid_type_error: said('each templates entry must be an object', 'write one such as {"usageType": "SignIn", "templateCode": "SMS_123456789"}') });

/** What the rules across keys read of an entry (config-rules.ts), even where another of its fields is refused. */
export const templateRuleFields = z.array(templateGuard.pick({ usageType: true, templateCode: true, pnvsTemplateCode: true }));

/** One configured template, after defaults. */
export type Template = z.output<typeof templateGuard>;

const entriesGuard = z.array(templateGuard, {
  required_error: said('templates is required', 'add one entry per usageType'),
  invalid_type_error: said('templates must be a list', 'write one {"usageType": "...", "templateCode": "..."} entry per usageType'),
});

/** What the language rules read of each entry (a misnamed `locale` or `language` too: it is the languages meant); they run on it even when another field of an entry is refused. */
const languageFields = z.array(templateGuard.pick({ usageType: true, locales: true, locale: true, language: true }));

/**
 * `templates`: the entries, with every language rule across them (template-languages.ts). The
 * rules read only each entry's usageType and locales, so a refused field elsewhere in an entry
 * does not hold them back: one pass reports both.
 */
export const templatesGuard = z
  .any()
  .transform((value: unknown, context): unknown => {
    const entries = entriesGuard.safeParse(value);
    for (const issue of entries.error?.issues ?? []) {
      context.addIssue(issue);
    }
    const read = entries.success ? entries.data : languageFields.safeParse(value).data;
    const problems = read === undefined ? [] : templateLanguageIssues(read, requiredUsageTypes);
    for (const problem of problems) {
      context.addIssue(guardIssue(problem));
    }
    return entries.success && problems.length === 0 ? entries.data.map(canonicalLocales) : z.NEVER;
  }) as unknown as z.ZodType<Template[], z.ZodTypeDef, z.input<typeof entriesGuard>>;
