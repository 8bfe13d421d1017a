/**
 * @module config-templates
 * The guard for `templates`: each entry's usageType, Aliyun template code (one string, or a
 * mainland and an international code), languages, `params`, international-site `content` and PNVS
 * fields, and the language rules across entries. Every message names the field and the fix.
 */
import { TemplateType } from '@logto/connector-kit';
import { z } from 'zod';

import { requiredUsageTypes, templateCodeFix } from './config-rules.js';
import { canonicalLocales, templateLanguageIssues } from './template-languages.js';

/** What a template sends when it has no `params`: the verification code as `${code}`. */
export const defaultTemplateParams: Readonly<Record<string, string>> = Object.freeze({ code: '{{code}}' });

const templateTypes = Object.values(TemplateType);

/** A required string field, trimmed and not empty; each message names the field and the fix. */
export const text = (field: string, fix: string) =>
  z
    .string({
      required_error: `${field} is required: ${fix}`,
      invalid_type_error: `${field} must be a string: ${fix}`,
    })
    .trim()
    .min(1, `${field} must not be empty or only spaces: ${fix}`);

const templateCode = (field: string) => text(field, templateCodeFix);

// Both keys are optional to zod and required by the refinement: a missing key then reports its own
// message instead of collapsing the whole union into one "invalid input".
const templateCodePair = z
  .object({ china: templateCode('templateCode.china').optional(), overseas: templateCode('templateCode.overseas').optional() })
  .superRefine((pair, context) => {
    for (const key of ['china', 'overseas'] as const) {
      if (pair[key] === undefined) {
        context.addIssue({
          code: z.ZodIssueCode.custom,
          path: [key],
          message: `templateCode.${key} is required: give the ${key === 'china' ? 'mainland' : 'international'} template code, or make templateCode one string`,
        });
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
    'params keys must be Aliyun template variable names (a letter, then letters, digits or _), e.g. "code"'
  );

const misnamedLocales = (key: string) =>
  z
    .undefined({ errorMap: () => ({ message: `${key} is not a templates key: name the entry's languages with "locales", e.g. "locales": ["en"]` }) })
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
          .string({ invalid_type_error: `${field} values must be strings such as "{{code}}"` })
          .min(1, `${field} values must not be empty: Logto drops empty values when it saves, so write the value the template variable gets, e.g. "{{code}}", or leave the variable out`),
        {
          invalid_type_error: `${field} must be an object mapping template variables to Logto placeholders, e.g. {"code": "{{code}}"}`,
        }
      )
      .optional()
  );

const templateGuard = z.object({
  usageType: z.nativeEnum(TemplateType, {
    errorMap: () => ({ message: `usageType must be one of ${templateTypes.join(', ')}` }),
  }),
  // Optional here: a PNVS-only account has no SendSms templates (config-rules.ts asks for it
  // wherever SendSms is used).
  templateCode: z.union(
    [
      templateCode('templateCode'),
      templateCodePair,
    ],
    {
      errorMap: () => ({
        message:
          'templateCode must be a template code string, or { "china": "...", "overseas": "..." } with a mainland and an international template code',
      }),
    }
  ).optional(),
  /**
   * The languages this entry serves, as BCP 47 tags: one tag or a list (`"en"`, `["zh-HK", "zh-TW"]`).
   * Left out, the entry is the usageType's default, for every other language. Tags are checked,
   * with the entry's index in each message, by `templatesGuard`.
   */
  locales: z
    .union([z.string(), z.array(z.string())], {
      errorMap: () => ({ message: 'locales must be a language tag such as "en", or a list such as ["zh-HK", "zh-TW"]' }),
    })
    .optional()
    .transform((locales) => (typeof locales === 'string' ? [locales] : locales)),
  // Near misses of `locales` would otherwise be dropped silently and turn the entry into a default.
  locale: misnamedLocales('locale'),
  language: misnamedLocales('language'),
  /** Legacy SMS template kind from older official configs; accepted and ignored. */
  type: z.number({ invalid_type_error: 'type is the legacy template kind from older configurations: a number, or leave it out' }).optional(),
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
}, { invalid_type_error: 'each templates entry must be an object such as {"usageType": "SignIn", "templateCode": "SMS_123456789"}' });

/** One configured template, after defaults. */
export type Template = z.output<typeof templateGuard>;

/** `templates`: the entries, with every language rule across them (template-languages.ts). */
export const templatesGuard = z
  .array(templateGuard, {
    required_error: 'templates is required: add one entry per usageType',
    invalid_type_error: 'templates must be a list with one {"usageType": "...", "templateCode": "..."} entry per usageType',
  })
  .superRefine((templates, context) => {
    for (const issue of templateLanguageIssues(templates, requiredUsageTypes)) {
      context.addIssue({ code: z.ZodIssueCode.custom, ...issue });
    }
  })
  .transform((templates) => templates.map(canonicalLocales));
