/**
 * Every configuration problem an operator can cause, as the Console shows it: Logto turns the
 * `InvalidConfig` error into a toast whose `details` lists the ZodError's issues
 * (`logto-error-response.ts`). Each problem goes through Save (Logto's `validateConfig` with the
 * loaded connector's guard) and Send (the Console test passes the form to `sendMessage`), and
 * the details line must carry the connector's own sentence. Nothing reaches the sandbox.
 */
import { ConnectorError, validateConfig } from '@logto/connector-kit';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';

import { pressSend } from '../demo/logto-host.js';
import { connectorConfig } from '../sandbox/connector-config.js';
import { useSandboxAndConnector } from './harness.js';
import { consoleToast, responseFor } from './logto-error-response.js';

const harness = useSandboxAndConnector();

beforeEach(() => {
  harness.sandbox.requests.clear();
});

type Config = Record<string, unknown> & { templates: Array<Record<string, unknown>> };

const base = (): Config => ({ ...connectorConfig(harness.sandbox) });

/** The config with its first template (SignIn) changed. */
const firstTemplate = (change: Record<string, unknown>) => (config: Config): Config => ({
  ...config,
  templates: [{ ...config.templates[0], ...change }, ...config.templates.slice(1)],
});

const set = (change: Record<string, unknown>) => (config: Config): Config => ({ ...config, ...change });

/** The error Save (Logto's check of the guard) throws for a config. */
const onSave = (config: unknown): ConnectorError => {
  try {
    validateConfig(config, harness.connector.configGuard);
  } catch (error: unknown) {
    expect(error).toBeInstanceOf(ConnectorError);
    return error as ConnectorError;
  }
  throw new Error('Save accepted the config');
};

/** The error the Console's Send gets for a config; nothing may reach the sandbox. */
const onSend = async (config: unknown): Promise<ConnectorError> => {
  const error: unknown = await pressSend(harness.connector, '8613800138000', config).catch((error_: unknown) => error_);
  expect(error).toBeInstanceOf(ConnectorError);
  expect(harness.sandbox.requests.count).toBe(0);
  return error as ConnectorError;
};

const key = 'paste the AccessKey ID of a RAM user allowed to call dysms:SendSms';
const secret = 'paste the AccessKey secret shown when the AccessKey was created';
const sign = 'use an approved signature name from the Aliyun SMS console, e.g. 阿里云短信测试';
const code = 'use the template code shown in the Aliyun SMS console, e.g. SMS_123456789';
const endpointFix = 'use an https:// URL such as https://dysmsapi.aliyuncs.com (http:// only for a loopback host such as http://127.0.0.1:8787, the local sandbox)';
const allowList = 'allowedRegionCodes must be a list: write one such as ["86", "852"], or {} to allow every region';
const usageTypes = 'usageType must be one of SignIn, Register, ForgotPassword, OrganizationInvitation, Generic, UserPermissionValidation, BindNewIdentifier, MfaVerification, BindMfa: write one of them as shown, e.g. "SignIn"';
const pairOrString = 'templateCode must be a template code string, or a pair of a mainland and an international template code: write one code, e.g. "SMS_123456789", or { "china": "...", "overseas": "..." }';

// One row per problem: what the operator did, and the exact details line the toast shows.
const problems: Array<[string, (config: Config) => Config, string]> = [
  ['accessKeyId left out', set({ accessKeyId: undefined }), `"accessKeyId": (custom) accessKeyId is required: ${key}`],
  ['accessKeyId a number', set({ accessKeyId: 12_345 }), `"accessKeyId": (custom) accessKeyId must be a string: ${key}`],
  ['accessKeyId blank', set({ accessKeyId: '  ' }), `"accessKeyId": (too_small) accessKeyId must not be empty or only spaces: ${key}`],
  ['accessKeyId with a space inside', set({ accessKeyId: 'LTAI5t Key' }), `"accessKeyId": (invalid_string) accessKeyId must be printable ASCII without spaces: ${key}`],
  ['accessKeySecret left out', set({ accessKeySecret: undefined }), `"accessKeySecret": (custom) accessKeySecret is required: ${secret}`],
  ['accessKeySecret with a zero-width space', set({ accessKeySecret: 'SandboxSecret\u200B' }), `"accessKeySecret": (invalid_string) accessKeySecret must be printable ASCII without spaces: ${secret}`],
  ['signName left out', set({ signName: undefined }), `"signName": (custom) signName is required: ${sign}`],
  ['signName a list', set({ signName: ['阿里云'] }), `"signName": (custom) signName must be a string: ${sign}`],
  ['templates left out', set({ templates: undefined }), '"templates": (custom) templates is required: add one entry per usageType'],
  // The Console's empty Json value: no templates, which SendSms needs.
  ['templates an object', set({ templates: {} }), '"templates": (custom) templates is required: add one entry per usageType'],
  ['templates a string', set({ templates: 'SMS_123456789' }), '"templates": (custom) templates must be a list: write one {"usageType": "...", "templateCode": "..."} entry per usageType'],
  ['templates empty', set({ templates: [] }), '"templates": (custom) templates must include usageType Register, SignIn, ForgotPassword, Generic: add an entry with a templateCode for each'],
  ['a template entry that is a string', (c) => ({ ...c, templates: ['SignIn', ...c.templates.slice(1)] as Config['templates'] }), '"templates.0": (custom) each templates entry must be an object: write one such as {"usageType": "SignIn", "templateCode": "SMS_123456789"}'],
  ['usageType left out', firstTemplate({ usageType: undefined }), `"templates.0.usageType": (custom) ${usageTypes}`],
  ['usageType misspelt', firstTemplate({ usageType: 'Signin' }), `"templates.0.usageType": (invalid_enum_value) ${usageTypes}`],
  ['usageType twice', (c) => ({ ...c, templates: [...c.templates, c.templates[0]!] }), '"templates.4.usageType": (custom) templates[4] is a second SignIn entry without locales (the first is templates[0]): keep one SignIn entry without locales, or give this one the languages it serves, e.g. "locales": ["en"]'],
  ['templateCode left out', firstTemplate({ templateCode: undefined }), `"templates.0.templateCode": (custom) templateCode is required: ${code}`],
  ['templateCode a number', firstTemplate({ templateCode: 460_100_001 }), `"templates.0.templateCode": (invalid_union) ${pairOrString}`],
  ['templateCode blank', firstTemplate({ templateCode: ' ' }), `"templates.0.templateCode": (too_small) templateCode must not be empty or only spaces: ${code}`],
  ['templateCode left at the form placeholder', firstTemplate({ templateCode: '<template-code>' }), `"templates.0.templateCode": (custom) templateCode <template-code> is the form's placeholder: ${code}`],
  ['templateCode pair without overseas', firstTemplate({ templateCode: { china: 'SMS_460100001' } }), '"templates.0.templateCode.overseas": (custom) templateCode.overseas is required: give the international template code, or make templateCode one string'],
  ['params a string', firstTemplate({ params: 'code' }), '"templates.0.params": (custom) params must be an object: map template variables to Logto placeholders, e.g. {"code": "{{code}}"}'],
  ['a params value a number', firstTemplate({ params: { code: 1 } }), '"templates.0.params.code": (custom) params values must be strings: write each value in quotes, such as "{{code}}"'],
  ['a params key in ${} form', firstTemplate({ params: { '${code}': '{{code}}' } }), '"templates.0.params.${code}": (invalid_string) params keys must be Aliyun template variable names (a letter, then letters, digits or _): write the name the template uses, e.g. "code" for ${code}'],
  ['legacy type as text', firstTemplate({ type: '2' }), '"templates.0.type": (custom) type is the legacy template kind from older configurations: write a number, or leave it out'],
  ['content a number', firstTemplate({ content: 1 }), '"templates.0.content": (custom) content must be a string: write the message text with a placeholder, e.g. "Your verification code is {{code}}"'],
  ['strict check as text', set({ strictPhoneRegionNumberCheck: 'true' }), '"strictPhoneRegionNumberCheck": (custom) strictPhoneRegionNumberCheck must be true or false: write true or false without quotes'],
  ['site unknown', set({ site: 'global' }), '"site": (invalid_enum_value) site must be one of china, international: china for an aliyun.com account, international for an alibabacloud.com account'],
  ['site a boolean', set({ site: true }), '"site": (custom) site must be one of china, international: china for an aliyun.com account, international for an alibabacloud.com account'],
  ['senderId a number', set({ senderId: 1_069_000 }), '"senderId": (custom) senderId must be a string: write the sender ID registered with Alibaba Cloud, e.g. "Logto"'],
  ['senderId too long', set({ senderId: 'TwelveLetter' }), '"senderId": (invalid_string) senderId must be an alphanumeric sender ID of at most 11 characters or a number of at most 15 digits: copy it as registered with Alibaba Cloud'],
  ['allowedRegionCodes emptied', set({ allowedRegionCodes: [] }), '"allowedRegionCodes": (too_small) allowedRegionCodes must list at least one region code: to allow every region, set it to {} or leave it out'],
  ['allowedRegionCodes with +', set({ allowedRegionCodes: ['+86'] }), '"allowedRegionCodes.0": (invalid_string) allowedRegionCodes entries are country calling codes without + or 00: write e.g. "86", "852", "1"'],
  ['allowedRegionCodes as numbers', set({ allowedRegionCodes: [86] }), '"allowedRegionCodes.0": (custom) allowedRegionCodes must list region codes as strings: quote each one, e.g. ["86", "852"]'],
  ['allowedRegionCodes one string', set({ allowedRegionCodes: '86' }), `"allowedRegionCodes": (custom) ${allowList}`],
  ['allowedRegionCodes null', set({ allowedRegionCodes: null }), `"allowedRegionCodes": (custom) ${allowList}`],
  ['endpoint a number', set({ endpoint: 443 }), `"endpoint": (custom) endpoint must be a string: ${endpointFix}`],
  ['endpoint not a URL', set({ endpoint: 'dysmsapi.aliyuncs.com' }), `"endpoint": (custom) endpoint is not a URL: ${endpointFix}`],
  ['endpoint plain http to a public host', set({ endpoint: 'http://dysmsapi.aliyuncs.com' }), `"endpoint": (custom) endpoint uses http:// for a host that is not loopback: ${endpointFix}`],
  ['timeout as text', set({ timeout: '5000' }), '"timeout": (custom) timeout must be a whole number of milliseconds from 1000 to 60000: write a number without quotes or units, e.g. 10000'],
  ['timeout fractional', set({ timeout: 1500.5 }), '"timeout": (custom) timeout must be a whole number of milliseconds from 1000 to 60000: write a number without quotes or units, e.g. 10000'],
  ['timeout too small', set({ timeout: 999 }), '"timeout": (too_small) timeout must be at least 1000 ms (Aliyun asks for at least 1 s): write 1000 or more, e.g. 10000'],
  ['timeout too large', set({ timeout: 60_001 }), '"timeout": (too_big) timeout must be at most 60000 ms (a sign-in page should not wait longer): write 60000 or less, e.g. 10000'],
];

describe('the Console toast shows our sentence for every config problem', () => {
  it.each(problems)('%s', async (_, change, line) => {
    const config = change(base());
    const expected = { status: 400, code: 'connector.invalid_config', details: `Error in key path ${line}` };
    for (const error of [onSave(config), await onSend(config)]) {
      const response = responseFor(error);
      expect(response).toMatchObject(expected);
      expect(consoleToast(response)).toBe(`The connector's config is invalid.\nError in key path ${line}`);
    }
  });
});

// Logto's formatZodError writes one details line per issue, and the Console's toast shows them all
// (packages/console/src/hooks/use-api.ts: [message, details].join('\n')): one Save shows every problem.
describe('the toast lists every problem of a configuration at once, one line each', () => {
  it.each<[string, (config: Config) => unknown, string[]]>([
    [
      'an empty form: the two keys, the signature and the templates',
      () => ({}),
      [
        `"accessKeyId": (custom) accessKeyId is required: ${key}`,
        `"accessKeySecret": (custom) accessKeySecret is required: ${secret}`,
        `"signName": (custom) signName is required: ${sign}`,
        '"templates": (custom) templates is required: add one entry per usageType',
      ],
    ],
    [
      'a timeout with a unit beside missing template types',
      (config) => ({ ...config, timeout: '10s', templates: config.templates.slice(0, 2) }),
      [
        '"timeout": (custom) timeout must be a whole number of milliseconds from 1000 to 60000: write a number without quotes or units, e.g. 10000',
        '"templates": (custom) templates must include usageType ForgotPassword, Generic: add an entry with a templateCode for each',
      ],
    ],
    [
      'a misspelt usageType beside a blank signature: the entry and the signature, and no guess at missing types',
      (config) => firstTemplate({ usageType: 'Signin' })(set({ signName: ' ' })(config)),
      [`"signName": (too_small) signName must not be empty or only spaces: ${sign}`, `"templates.0.usageType": (invalid_enum_value) ${usageTypes}`],
    ],
  ])('%s', async (_, change, lines) => {
    const config = change(base());
    for (const error of [onSave(config), await onSend(config)]) {
      expect(consoleToast(responseFor(error))).toBe(["The connector's config is invalid.", ...lines.map((line) => `Error in key path ${line}`)].join('\n'));
    }
  });
});

/** Values of the wrong kind for any key. */
const wrongValue = fc.constantFrom<unknown>(null, 0, 1.5, true, '', 'x', [], [1], {}, { a: 1 });

/** Where a value can be put: a top-level key, a key of the first template, or deeper. */
const placements: Array<[string, (config: Config, value: unknown) => Config]> = [
  ...['accessKeyId', 'accessKeySecret', 'signName', 'templates', 'strictPhoneRegionNumberCheck', 'site', 'senderId', 'allowedRegionCodes', 'endpoint', 'timeout'].map(
    (name): [string, (config: Config, value: unknown) => Config] => [name, (config, value) => ({ ...config, [name]: value })]
  ),
  ...['usageType', 'templateCode', 'type', 'content', 'params'].map(
    (name): [string, (config: Config, value: unknown) => Config] => [`templates.0.${name}`, (config, value) => firstTemplate({ [name]: value })(config)]
  ),
  ['templates.0.templateCode.china', (config, value) => firstTemplate({ templateCode: { china: value, overseas: 'SMS_460200001' } })(config)],
  ['templates.0.params.code', (config, value) => firstTemplate({ params: { code: value } })(config)],
  ['allowedRegionCodes.0', (config, value) => ({ ...config, allowedRegionCodes: [value] })],
];

describe("no details line falls back to Logto's or zod's own wording", () => {
  it('for any wrong value at any key', () => {
    fc.assert(
      fc.property(fc.constantFrom(...placements), wrongValue, ([, place], value) => {
        let error: ConnectorError;
        try {
          validateConfig(place(base(), value), harness.connector.configGuard);
          return;
        } catch (error_: unknown) {
          error = error_ as ConnectorError;
        }
        for (const line of (responseFor(error).details ?? '').split('\n')) {
          expect(line).toMatch(/^Error in key path "[\w.$]*": \((?:custom|invalid_union|invalid_enum_value|invalid_string|too_small|too_big)\) \S/);
          expect(line).not.toMatch(/Expected .* but received|\) (?:Required|Invalid input|Expected .*)$/);
        }
      }),
      { numRuns: 300 }
    );
  });
});
