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
import { defaultEndpoints, endpointGuard, sites } from './endpoint.js';

export { defaultEndpoints, sites, type Site } from './endpoint.js';

/** Milliseconds allowed for one whole request, unless the operator sets `timeout`. */
export const defaultTimeout = 10_000;

/** Bounds for `timeout`: Aliyun asks for at least 1 s (fact sheet §2); a minute is already too long for a sign-in page. */
export const timeoutRange = { min: 1000, max: 60_000 } as const;

/** The message types Logto sends most; the official connector also requires these four. */
export const requiredUsageTypes = [
  TemplateType.Register,
  TemplateType.SignIn,
  TemplateType.ForgotPassword,
  TemplateType.Generic,
] as const;

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

const templateCodeFix = 'use the template code shown in the Aliyun SMS console, e.g. SMS_123456789';

// The Console form's templates default holds `<template-code>` placeholders (metadata.ts): saved
// unchanged they would only fail later at Aliyun as an unknown template.
const templateCode = (field: string) =>
  text(field, templateCodeFix).refine((code) => !/^<.*>$/.test(code), (code) => ({
    message: `${field} ${code} is the form's placeholder: ${templateCodeFix}`,
  }));

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

const templateGuard = z.object({
  usageType: z.nativeEnum(TemplateType, {
    errorMap: () => ({ message: `usageType must be one of ${templateTypes.join(', ')}` }),
  }),
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
  ),
  /** Legacy SMS template kind from older official configs; accepted and ignored. */
  type: z.number({ invalid_type_error: 'type is the legacy template kind from older configurations: a number, or leave it out' }).optional(),
  /**
   * International site only: the full text `SendMessageToGlobe` sends to non-mainland numbers,
   * with Logto placeholders, e.g. `Your verification code is {{code}}`.
   */
  content: text('content', 'write the message text with a placeholder, e.g. "Your verification code is {{code}}"').optional(),
  params: z
    .record(
      paramName,
      z.string({ invalid_type_error: 'params values must be strings such as "{{code}}"' }),
      { invalid_type_error: 'params must be an object mapping template variables to Logto placeholders, e.g. {"code": "{{code}}"}' }
    )
    .optional()
    .transform((params) => params ?? { ...defaultTemplateParams }),
}, { invalid_type_error: 'each templates entry must be an object such as {"usageType": "SignIn", "templateCode": "SMS_123456789"}' });

/** One configured template, after defaults. */
export type Template = z.output<typeof templateGuard>;

const templatesGuard = z
  .array(templateGuard, {
    required_error: 'templates is required: add one entry per usageType',
    invalid_type_error: 'templates must be a list with one {"usageType": "...", "templateCode": "..."} entry per usageType',
  })
  .superRefine((templates, context) => {
    const seen = new Set<string>();
    for (const [index, { usageType }] of templates.entries()) {
      if (seen.has(usageType)) {
        context.addIssue({
          code: z.ZodIssueCode.custom,
          path: [index, 'usageType'],
          message: `usageType ${usageType} appears more than once in templates; keep one entry per usageType`,
        });
      }
      seen.add(usageType);
    }
    const missing = requiredUsageTypes.filter((type) => !seen.has(type));
    if (missing.length > 0) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        message: `templates must include usageType ${missing.join(', ')}: add an entry with a templateCode for each`,
      });
    }
  });

/**
 * Logto's Console shows a Json form item with no stored value as `{}` and saves it that way
 * (logto-io/logto `packages/console/src/utils/connector-form.ts`, `initFormData`), so for an
 * optional list `{}` means "not set", like a missing key.
 */
const consoleEmptyJson = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0 ? undefined : value;

/**
 * The guard Logto validates the connector's configuration with. Every type mismatch is reported
 * as a custom issue so that the Console shows its sentence (see `config-issues.ts`).
 */
export const configGuard = z.object(inOperatorWords({
  accessKeyId: accessKey('accessKeyId', 'paste the AccessKey ID of a RAM user allowed to call dysms:SendSms'),
  accessKeySecret: accessKey('accessKeySecret', 'paste the AccessKey secret shown when the AccessKey was created'),
  signName: text('signName', 'use an approved signature name from the Aliyun SMS console, e.g. 阿里云短信测试'),
  templates: templatesGuard,
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
  timeout: z
    .number({ invalid_type_error: 'timeout must be a number of milliseconds, e.g. 10000' })
    .int('timeout must be a whole number of milliseconds, e.g. 10000')
    .min(timeoutRange.min, `timeout must be at least ${timeoutRange.min} ms (Aliyun asks for at least 1 s)`)
    .max(timeoutRange.max, `timeout must be at most ${timeoutRange.max} ms; a sign-in page should not wait longer`)
    .default(defaultTimeout),
}), {
  required_error: 'The configuration must be a JSON object with accessKeyId, accessKeySecret, signName and templates',
  invalid_type_error: 'The configuration must be a JSON object with accessKeyId, accessKeySecret, signName and templates',
});

/** The configuration as an operator writes it. */
export type AliyunSmsConfigInput = z.input<typeof configGuard>;

/** The configuration after validation, with every default filled in. */
export type AliyunSmsConfig = Omit<z.output<typeof configGuard>, 'endpoint'> & { endpoint: string };

/** Validates a configuration, throwing `InvalidConfig` with the ZodError so Logto lists each issue. */
export const parseConfig = (config: unknown): AliyunSmsConfig => {
  const result = configGuard.safeParse(config);
  if (!result.success) {
    throw new ConnectorError(ConnectorErrorCodes.InvalidConfig, result.error);
  }
  const { endpoint, ...rest } = result.data;
  return { ...rest, endpoint: endpoint ?? defaultEndpoints[rest.site] };
};
