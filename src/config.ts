/**
 * @module config
 * The connector's configuration: a zod guard that accepts every configuration the official
 * `@logto/connector-aliyun-sms` documents (so an operator can paste theirs unchanged), plus optional
 * keys with defaults. Every rule is a zod check with its own message, because Logto lists the
 * issues of an `InvalidConfig` error carrying a ZodError in the Console.
 */
import { ConnectorError, ConnectorErrorCodes, TemplateType } from '@logto/connector-kit';
import { z } from 'zod';

import { inOperatorWords } from './config-issues.js';
import { checkServiceKeys, requiredUsageTypes, signNameFix, templateCodeFix } from './config-rules.js';
import { defaultEndpoints, endpointGuard, sites } from './endpoint.js';
import { defaultPnvsCodeValidMinutes, defaultPnvsEndpoint } from './pnvs.js';
import { canonicalLocales, templateLanguageIssues } from './template-languages.js';

export { defaultEndpoints, sites, type Site } from './endpoint.js';

/** Milliseconds allowed for one whole request, unless the operator sets `timeout`. */
export const defaultTimeout = 10_000;

/** Bounds for `timeout`: Aliyun asks for at least 1 s (fact sheet §2); a minute is already too long for a sign-in page. */
export const timeoutRange = { min: 1000, max: 60_000 } as const;

export { requiredUsageTypes } from './config-rules.js';

/** What a template sends when it has no `params`: the verification code as `${code}`. */
export const defaultTemplateParams: Readonly<Record<string, string>> = Object.freeze({ code: '{{code}}' });

const templateTypes = Object.values(TemplateType);

const text = (field: string, fix: string) =>
  z
    .string({
      required_error: `${field} is required: ${fix}`,
      invalid_type_error: `${field} must be a string: ${fix}`,
    })
    .trim()
    .min(1, `${field} must not be empty or only spaces: ${fix}`);

/**
 * AccessKey ids and secrets are printable ASCII; a control or zero-width character pasted along
 * with one would only surface later as an opaque signature mismatch.
 */
const accessKey = (field: string, fix: string) =>
  text(field, fix).regex(/^[\x21-\x7E]*$/, `${field} must be printable ASCII without spaces: ${fix}`);

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

const paramsGuard = (field: string) =>
  z.record(paramName, z.string({ invalid_type_error: `${field} values must be strings such as "{{code}}"` }), {
    invalid_type_error: `${field} must be an object mapping template variables to Logto placeholders, e.g. {"code": "{{code}}"}`,
  });

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
  params: paramsGuard('params')
    .optional()
    .transform((params) => params ?? { ...defaultTemplateParams }),
  /** PNVS only: the gifted template code for mainland numbers; default by message type (pnvs.ts). */
  pnvsTemplateCode: text('pnvsTemplateCode', 'use a gifted template code from the PNVS console, e.g. 100001').optional(),
  /** PNVS only: `TemplateParam` for the gifted template; default the code and `min`. */
  pnvsParams: paramsGuard('pnvsParams').optional(),
}, { invalid_type_error: 'each templates entry must be an object such as {"usageType": "SignIn", "templateCode": "SMS_123456789"}' });

/** One configured template, after defaults. */
export type Template = z.output<typeof templateGuard>;

const templatesGuard = z
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

/** Which API sends to mainland numbers on the China site: SendSms, or PNVS's SendSmsVerifyCode. */
export const mainlandServices = ['sms', 'pnvs'] as const;

/**
 * Logto's Console shows a Json form item with no stored value as `{}` and saves it that way
 * (logto-io/logto `packages/console/src/utils/connector-form.ts`, `initFormData`), so for an
 * optional list `{}` means "not set", like a missing key.
 */
const consoleEmptyJson = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0 ? undefined : value;

/**
 * Logto's Console submits a Number item as `Number(value)`, so one that was hidden (a
 * `showConditions` item) or, in older Consoles, left empty arrives as NaN, which JSON turns into
 * `null` (logto-io/logto `packages/console/src/utils/connector-form.ts`, `parseFormConfig`); for an
 * optional number `null` means "not set".
 */
const consoleEmptyNumber = (value: unknown): unknown => (value === null ? undefined : value);

/**
 * Every configuration key with its own checks and default. Every type mismatch is reported as a
 * custom issue so that the Console shows its sentence (see `config-issues.ts`).
 */
export const configShape = z.object(inOperatorWords({
  accessKeyId: accessKey('accessKeyId', 'paste the AccessKey ID of a RAM user allowed to call dysms:SendSms'),
  accessKeySecret: accessKey('accessKeySecret', 'paste the AccessKey secret shown when the AccessKey was created'),
  // Both optional here: config-rules.ts asks for them wherever SendSms is used.
  signName: text('signName', signNameFix).optional(),
  templates: z.preprocess(consoleEmptyJson,
    templatesGuard.optional()
  ),
  strictPhoneRegionNumberCheck: z
    .boolean({ invalid_type_error: 'strictPhoneRegionNumberCheck must be true or false' })
    .default(false),
  site: z
    .enum(sites, { errorMap: () => ({ message: `site must be one of ${sites.join(', ')}` }) })
    .default('china'),
  senderId: z
    .string({ invalid_type_error: 'senderId must be a string: the sender ID registered with Alibaba Cloud, e.g. "Logto"' })
    .trim()
    .regex(
      /^(?:[A-Za-z0-9 ]{1,11}|\d{1,15})$/,
      'senderId must be an alphanumeric sender ID of at most 11 characters or a number of at most 15 digits, as registered with Alibaba Cloud'
    )
    .optional(),
  allowedRegionCodes: z.preprocess(consoleEmptyJson, z
    .array(
      z
        .string({ invalid_type_error: 'allowedRegionCodes must list region codes as strings, e.g. ["86", "852"]' })
        .regex(/^[1-9]\d{0,2}$/, 'allowedRegionCodes entries are country calling codes without + or 00, e.g. "86", "852", "1"'),
      { invalid_type_error: 'allowedRegionCodes must be a list such as ["86", "852"], or {} to allow every region' }
    )
    .min(1, 'allowedRegionCodes must list at least one region code; to allow every region, set it to {} or leave it out')
    .optional()),
  endpoint: endpointGuard.optional(),
  timeout: z.preprocess(consoleEmptyNumber, z
    .number({ invalid_type_error: 'timeout must be a number of milliseconds, e.g. 10000' })
    .int('timeout must be a whole number of milliseconds, e.g. 10000')
    .min(timeoutRange.min, `timeout must be at least ${timeoutRange.min} ms (Aliyun asks for at least 1 s)`)
    .max(timeoutRange.max, `timeout must be at most ${timeoutRange.max} ms; a sign-in page should not wait longer`)
    .default(defaultTimeout)),
  mainlandService: z
    .enum(mainlandServices, {
      errorMap: () => ({ message: `mainlandService must be one of ${mainlandServices.join(', ')}` }),
    })
    .default('sms'),
  pnvsSignName: text('pnvsSignName', 'use a gifted signature from the PNVS console, e.g. 速通互联验证码').optional(),
  pnvsCodeValidMinutes: z.preprocess(consoleEmptyNumber, z
    .number({ invalid_type_error: 'pnvsCodeValidMinutes must be a number of minutes, e.g. 10' })
    .int('pnvsCodeValidMinutes must be a whole number of minutes, e.g. 10')
    .min(1, 'pnvsCodeValidMinutes must be at least 1 (Logto codes last at least 60 s)')
    .max(60, 'pnvsCodeValidMinutes must be at most 60 (Logto codes last at most 3600 s)')
    .default(defaultPnvsCodeValidMinutes)),
  pnvsSchemeName: text('pnvsSchemeName', 'use the scheme name from the PNVS console, or leave it empty for the default scheme')
    .max(20, 'pnvsSchemeName must be at most 20 characters (Aliyun\'s limit for a scheme name)')
    .optional(),
  pnvsEndpoint: endpointGuard.optional(),
}), {
  required_error: 'The configuration must be a JSON object with accessKeyId, accessKeySecret and the keys of the chosen service (see the configuration table in the README)',
  invalid_type_error: 'The configuration must be a JSON object with accessKeyId, accessKeySecret and the keys of the chosen service (see the configuration table in the README)',
});

/**
 * The guard Logto validates the connector's configuration with: the keys, then the rules across
 * them. Where SendSms is used, a signature and templates with codes are required; PNVS is China-site only.
 */
export const configGuard = configShape.superRefine((config, context) => {
  // A key that failed its own check holds zod's INVALID marker (config-issues.ts answers z.NEVER);
  // the rules across keys then wait until every key is valid, as zod's plain object would.
  if (Object.values(config).includes(z.NEVER)) {
    return;
  }
  checkServiceKeys(config, (path, message) => {
    context.addIssue({ code: z.ZodIssueCode.custom, path, message });
  });
});

/** The configuration as an operator writes it. */
export type AliyunSmsConfigInput = z.input<typeof configGuard>;

/** The configuration after validation, with every default filled in. */
export type AliyunSmsConfig = Omit<z.output<typeof configShape>, 'endpoint' | 'pnvsEndpoint' | 'templates'> & {
  endpoint: string;
  pnvsEndpoint: string;
  /** Empty only for a PNVS-only account, which has no SendSms templates. */
  templates: Template[];
};

/** Validates a configuration, throwing `InvalidConfig` with the ZodError so Logto lists each issue. */
export const parseConfig = (config: unknown): AliyunSmsConfig => {
  const result = configGuard.safeParse(config);
  if (!result.success) {
    throw new ConnectorError(ConnectorErrorCodes.InvalidConfig, result.error);
  }
  const { endpoint, pnvsEndpoint, templates, ...rest } = result.data;
  return {
    ...rest,
    templates: templates ?? [],
    endpoint: endpoint ?? defaultEndpoints[rest.site],
    pnvsEndpoint: pnvsEndpoint ?? defaultPnvsEndpoint,
  };
};
