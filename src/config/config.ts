/**
 * @module config
 * The connector's configuration: a zod guard that accepts every configuration the official
 * `@logto/connector-aliyun-sms` documents (so an operator can paste theirs unchanged), plus optional
 * keys with defaults. Every rule is a zod check with its own message, because Logto lists the
 * issues of an `InvalidConfig` error carrying a ZodError in the Console.
 */
import { ConnectorError, ConnectorErrorCodes } from '@logto/connector-kit';
import { z } from 'zod';

import { endpointGuard } from './config-endpoint.js';
import { guardIssue, inOperatorWords, said, saidAlways, unreadable } from './config-issues.js';
import { fallbackGuards, fallbackProblems, mergedFallback } from './config-fallback.js';
import { crossKeyProblems, signNameFix, type RuleKeys } from './config-rules.js';
import { templateRuleFields, templatesGuard, text, type Template } from './config-templates.js';
import { defaultEndpoints, sites } from '../plan/endpoint.js';
import { defaultPnvsCodeValidMinutes, defaultPnvsEndpoint } from '../plan/pnvs.js';
import { readPnvsShape } from './pnvs-shape.js';

export { defaultEndpoints, sites, type Site } from '../plan/endpoint.js';

/** Milliseconds allowed for one whole request, unless the operator sets `timeout`. */
export const defaultTimeout = 10_000;

/** Bounds for `timeout`: Aliyun asks for at least 1 s (fact sheet §2); a minute is already too long for a sign-in page. */
export const timeoutRange = { min: 1000, max: 60_000 } as const;

export { requiredUsageTypes } from './config-rules.js';

export { defaultTemplateParams, type Template } from './config-templates.js';

/**
 * AccessKey ids and secrets are printable ASCII; a control or zero-width character pasted along
 * with one would only surface later as an opaque signature mismatch.
 */
const accessKey = (field: string, fix: string) =>
  text(field, fix).regex(/^[\x21-\x7E]*$/, said(`${field} must be printable ASCII without spaces`, fix));

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

const templatesKey = <T extends z.ZodTypeAny>(templates: T) => z.preprocess(consoleEmptyJson, templates.optional());

const numberOf = (field: string, unit: string, example: number, range: { min: number; max: number }) =>
  said(`${field} must be a whole number of ${unit} from ${range.min} to ${range.max}`, `write a number without quotes or units, e.g. ${example}`);

/**
 * Every key of one account's configuration with its own checks and default, in the order the
 * guard reports them. Every type mismatch is reported as a custom issue so that the Console shows
 * its sentence (see `config-issues.ts`).
 */
const keySchemas = {
  accessKeyId: accessKey('accessKeyId', 'paste the AccessKey ID of a RAM user allowed to call dysms:SendSms'),
  accessKeySecret: accessKey('accessKeySecret', 'paste the AccessKey secret shown when the AccessKey was created'),
  // Both optional here: config-rules.ts asks for them wherever SendSms is used.
  signName: text('signName', signNameFix).optional(),
  templates: templatesKey(templatesGuard),
  strictPhoneRegionNumberCheck: z
    .boolean({ invalid_type_error: said('strictPhoneRegionNumberCheck must be true or false', 'write true or false without quotes') })
    .default(false),
  site: z
    .enum(sites, {
      errorMap: saidAlways(`site must be one of ${sites.join(', ')}`, 'china for an aliyun.com account, international for an alibabacloud.com account'),
    })
    .default('china'),
  senderId: z
    .string({ invalid_type_error: said('senderId must be a string', 'write the sender ID registered with Alibaba Cloud, e.g. "Logto"') })
    .trim()
    .regex(
      /^(?:[A-Za-z0-9 ]{1,11}|\d{1,15})$/,
      said('senderId must be an alphanumeric sender ID of at most 11 characters or a number of at most 15 digits', 'copy it as registered with Alibaba Cloud')
    )
    .optional(),
  allowedRegionCodes: z.preprocess(consoleEmptyJson, z
    .array(
      z
        .string({ invalid_type_error: said('allowedRegionCodes must list region codes as strings', 'quote each one, e.g. ["86", "852"]') })
        .regex(/^[1-9]\d{0,2}$/, said('allowedRegionCodes entries are country calling codes without + or 00', 'write e.g. "86", "852", "1"')),
      { invalid_type_error: said('allowedRegionCodes must be a list', 'write one such as ["86", "852"], or {} to allow every region') }
    )
    .min(1, said('allowedRegionCodes must list at least one region code', 'to allow every region, set it to {} or leave it out'))
    .optional()),
  endpoint: endpointGuard('endpoint', defaultEndpoints.china).optional(),
  timeout: z.preprocess(consoleEmptyNumber, z
    .number({ invalid_type_error: numberOf('timeout', 'milliseconds', defaultTimeout, timeoutRange) })
    .int(numberOf('timeout', 'milliseconds', defaultTimeout, timeoutRange))
    .min(timeoutRange.min, said(`timeout must be at least ${timeoutRange.min} ms (Aliyun asks for at least 1 s)`, `write ${timeoutRange.min} or more, e.g. ${defaultTimeout}`))
    .max(timeoutRange.max, said(`timeout must be at most ${timeoutRange.max} ms (a sign-in page should not wait longer)`, `write ${timeoutRange.max} or less, e.g. ${defaultTimeout}`))
    .default(defaultTimeout)),
  mainlandService: z
    .enum(mainlandServices, {
      errorMap: saidAlways(`mainlandService must be one of ${mainlandServices.join(', ')}`, 'sms sends every number through SendSms, pnvs sends mainland numbers through PNVS'),
    })
    .default('sms'),
  pnvsSignName: text('pnvsSignName', 'use a gifted signature from the PNVS console, e.g. 速通互联验证码').optional(),
  pnvsCodeValidMinutes: z.preprocess(consoleEmptyNumber, z
    .number({ invalid_type_error: numberOf('pnvsCodeValidMinutes', 'minutes', defaultPnvsCodeValidMinutes, { min: 1, max: 60 }) })
    .int(numberOf('pnvsCodeValidMinutes', 'minutes', defaultPnvsCodeValidMinutes, { min: 1, max: 60 }))
    .min(1, said('pnvsCodeValidMinutes must be at least 1 (Logto codes last at least 60 s)', `write 1 to 60, e.g. ${defaultPnvsCodeValidMinutes}`))
    .max(60, said('pnvsCodeValidMinutes must be at most 60 (Logto codes last at most 3600 s)', `write 1 to 60, e.g. ${defaultPnvsCodeValidMinutes}`))
    .default(defaultPnvsCodeValidMinutes)),
  pnvsSchemeName: text('pnvsSchemeName', 'use the scheme name from the PNVS console, or leave it empty for the default scheme')
    .max(20, said('pnvsSchemeName must be at most 20 characters (Aliyun\'s limit for a scheme name)', 'use the scheme name from the PNVS console, or leave it empty for the default scheme'))
    .optional(),
  pnvsEndpoint: endpointGuard('pnvsEndpoint', defaultPnvsEndpoint).optional(),
  // Named for turning the log off: the Console shows a Switch of a stored configuration without
  // the key as off (logto-io/logto `ConfigFormFields/index.tsx`: `checked={typeof value === 'boolean'
  // ? value : false}`), and only a key whose default is false means what that switch shows.
  disableSendLog: z
    .boolean({ invalid_type_error: said('disableSendLog must be true or false', 'write true to turn the send log off (docs/send-log.md), or false') })
    .default(false),
};

/** What the rules across keys can still read of refused templates: each entry's usageType and codes. */
const readableParts = { templates: templatesKey(templateRuleFields) };

/**
 * The keys a fallback account (config-fallback.ts) may give, each left out meaning the primary's:
 * all but the secret, which has its own top-level key, and the keys of the connector itself
 * (which numbers are allowed, how a number is read, whether sends are logged).
 */
const connectorKeys: ReadonlySet<string> = new Set(['accessKeySecret', 'strictPhoneRegionNumberCheck', 'allowedRegionCodes', 'disableSendLog']);
const fallbackKeys = fallbackGuards(Object.fromEntries(Object.entries(keySchemas).filter(([key]) => !connectorKeys.has(key))), readableParts);

/** Every configuration key: the account's, the connector's, and the optional fallback account. */
export const configShape = z.object(inOperatorWords({
  ...keySchemas,
  fallback: z.preprocess(consoleEmptyJson, fallbackKeys.guard.optional()),
  fallbackAccessKeySecret: accessKey('fallbackAccessKeySecret', "paste the secret of the fallback's AccessKey (fallback.accessKeyId)").optional(),
}, {
  ...readableParts,
  fallback: z.preprocess(consoleEmptyJson, fallbackKeys.ruleFields.optional()),
}), {
  required_error: said('The configuration must be a JSON object', 'give accessKeyId, accessKeySecret and the keys of the chosen service (see the configuration table in docs/configuration.md)'),
  invalid_type_error: said('The configuration must be a JSON object', 'give accessKeyId, accessKeySecret and the keys of the chosen service (see the configuration table in docs/configuration.md)'),
});

/**
 * The guard Logto validates the connector's configuration with: the keys, then the rules across
 * them, for the primary account and the merged fallback alike. Where SendSms is used, a signature
 * and templates with codes are required; PNVS is China-site only.
 */
export const configGuard = configShape.superRefine((config, context) => {
  // A key that failed its own check holds zod's INVALID marker (config-issues.ts answers z.NEVER):
  // only the rules that read it wait for its fix, so one pass reports every problem.
  const read = <T>(value: T) => (value === z.NEVER ? unreadable : value);
  const keys: RuleKeys = {
    site: read(config.site),
    mainlandService: read(config.mainlandService),
    signName: read(config.signName),
    pnvsSignName: read(config.pnvsSignName),
    templates: read(config.templates),
  };
  for (const problem of [...crossKeyProblems(keys), ...fallbackProblems(keys, read(config.fallback), read(config.fallbackAccessKeySecret))]) {
    context.addIssue(guardIssue(problem));
  }
}).transform(({ fallback, fallbackAccessKeySecret, ...primary }) => {
  // Logto's PNVS connector's config, pasted or half-converted (pnvs-shape.ts), is read as meant;
  // the fallback merges over the primary as written, then is read the same way.
  const merged = mergedFallback(primary, fallback, fallbackAccessKeySecret);
  return { ...readPnvsShape(primary).config, ...(merged ? { fallback: readPnvsShape(merged).config } : {}) };
});

/** The configuration as an operator writes it. */
export type AliyunSmsConfigInput = z.input<typeof configGuard>;

/** One account's configuration after validation, with every default filled in. */
export type AccountConfig = Omit<z.output<typeof configShape>, 'endpoint' | 'pnvsEndpoint' | 'templates' | 'fallback' | 'fallbackAccessKeySecret'> & {
  endpoint: string;
  pnvsEndpoint: string;
  /** Empty only for a PNVS-only account, which has no SendSms templates. */
  templates: Template[];
};

/** The configuration after validation: the primary account's, and the fallback account's merged over it when given. */
export type AliyunSmsConfig = AccountConfig & { fallback?: AccountConfig };

type Guarded = Omit<z.output<typeof configGuard>, 'fallback'>;

/** One account's keys with the defaults that depend on others filled in: the site's endpoint, PNVS's. */
const withDefaults = ({ endpoint, pnvsEndpoint, templates, ...rest }: Guarded): AccountConfig => ({
  ...rest,
  templates: templates ?? [],
  endpoint: endpoint ?? defaultEndpoints[rest.site],
  pnvsEndpoint: pnvsEndpoint ?? defaultPnvsEndpoint,
});

/**
 * The guard's verdict on a configuration: the validated configuration with every default filled
 * in, or the ZodError whose issues carry the guard's sentences. The operator commands report the
 * issues themselves; {@link parseConfig} throws them.
 */
export const checkConfig = (config: unknown): { success: true; config: AliyunSmsConfig } | { success: false; error: z.ZodError } => {
  const result = configGuard.safeParse(config);
  if (!result.success) {
    return { success: false, error: result.error };
  }
  const { fallback, ...primary } = result.data;
  return { success: true, config: { ...withDefaults(primary), ...(fallback ? { fallback: withDefaults(fallback) } : {}) } };
};

/** Validates a configuration, throwing `InvalidConfig` with the ZodError so Logto lists each issue. */
export const parseConfig = (config: unknown): AliyunSmsConfig => {
  const result = checkConfig(config);
  if (!result.success) {
    throw new ConnectorError(ConnectorErrorCodes.InvalidConfig, result.error);
  }
  return result.config;
};
