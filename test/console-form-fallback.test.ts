/**
 * The fallback account in the Console form: the `fallback` Json item and the masked
 * `fallbackAccessKeySecret` go through the model of Logto's form (`console-form.ts`), Save (the
 * connector's guard, through connector-kit's `validateConfig`) and Logto's `cleanDeep` on the
 * stored copy, then Send against the sandbox, which tests the primary account only.
 */
import { ConnectorConfigFormItemType, validateConfig, type ConnectorConfigFormItem } from '@logto/connector-kit';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { loadConnector, pressSend } from '../demo/logto-host.js';
import { accountAccess, connectorConfig, withFallback } from '../sandbox/connector-config.js';
import { cleanDeep, edit, initialValues, refusals, submittedConfig, type FormValues } from './console-form.js';
import { useSandboxAndConnector } from './harness.js';

const harness = useSandboxAndConnector({ flowControl: false });
let items: ConnectorConfigFormItem[] = [];

beforeAll(async () => {
  items = (await loadConnector()).metadata.formItems ?? [];
});

beforeEach(() => {
  harness.sandbox.outbox.clear();
  harness.sandbox.accounts.reset();
});

/** The primary account's required fields and, for the fallback, the two fallback fields, as an operator types them. */
const fallbackForm = (): FormValues => {
  const primary = connectorConfig(harness.sandbox);
  const { fallback, fallbackAccessKeySecret } = withFallback(primary, accountAccess(harness.sandbox, 'backup'));
  const { accessKeyId, accessKeySecret, signName, templates, endpoint } = primary;
  return edit(items, initialValues(items), {
    accessKeyId,
    accessKeySecret,
    signName,
    templates: JSON.stringify(templates, null, 2),
    endpoint,
    fallback: JSON.stringify(fallback, null, 2),
    fallbackAccessKeySecret,
  });
};

const save = (config: Record<string, unknown>) => {
  validateConfig(config, harness.connector.configGuard);
};

const issuesOnSave = (config: Record<string, unknown>): string[] => {
  try {
    save(config);
  } catch (error: unknown) {
    return ((error as { data: { issues: Array<{ path: string[]; message: string }> } }).data.issues).map(({ path, message }) => `${path.join('.')}: ${message}`);
  }
  return [];
};

describe('the form offers the fallback account', () => {
  it('as a Json item (empty by default) and a masked secret, like the first AccessKey secret', () => {
    const fallback = items.find(({ key }) => key === 'fallback');
    const secret = items.find(({ key }) => key === 'fallbackAccessKeySecret');
    const first = items.find(({ key }) => key === 'accessKeySecret');
    expect(fallback).toMatchObject({ type: ConnectorConfigFormItemType.Json, required: false, defaultValue: {} });
    expect(secret).toMatchObject({ type: first?.type, isConfidential: true, required: false });
  });

  it('filled in, Save accepts it, the stored copy means the same fallback, and Send tests the primary only', async () => {
    const values = fallbackForm();
    expect(refusals(items, values)).toEqual([]);
    const config = submittedConfig(items, values);
    expect(issuesOnSave(config)).toEqual([]);
    const parse = (raw: unknown) => harness.connector.configGuard.parse(raw) as Record<string, unknown>;
    expect(parse(cleanDeep(config))).toEqual(parse(config));
    expect((parse(config).fallback as Record<string, unknown>).accessKeyId).toBe('LTAI5tSandboxBackupKeyId');
    await pressSend(harness.connector, '8613800138000', config);
    expect(harness.sandbox.outbox.list().map(({ account }) => account)).toEqual(['primary']);
  });

  it('reopened from the stored copy and left alone, it saves and means the same', () => {
    const stored = cleanDeep(submittedConfig(items, fallbackForm()));
    const values = initialValues(items, stored);
    expect(refusals(items, values)).toEqual([]);
    const config = submittedConfig(items, values);
    expect(issuesOnSave(config)).toEqual([]);
    expect(config.fallback).toEqual(stored.fallback);
    expect(config.fallbackAccessKeySecret).toBe(stored.fallbackAccessKeySecret);
  });

  it('left empty, both mean no fallback, on Send and once stored', () => {
    const values = edit(items, fallbackForm(), { fallback: '{}', fallbackAccessKeySecret: '' });
    const config = submittedConfig(items, values);
    expect(config).not.toHaveProperty('fallbackAccessKeySecret');
    expect(issuesOnSave(config)).toEqual([]);
    expect(harness.connector.configGuard.parse(config)).not.toHaveProperty('fallback');
    expect(cleanDeep(config)).not.toHaveProperty('fallback');
  });
});

describe('Save refuses a fallback typed wrong, with the sentence that says where each key goes', () => {
  it.each<[string, (form: FormValues) => FormValues, string[]]>([
    [
      'the secret left empty while fallback names an AccessKey',
      (form) => ({ ...form, fallbackAccessKeySecret: '' }),
      ["fallbackAccessKeySecret: fallbackAccessKeySecret is required when fallback.accessKeyId is set: paste the secret of the fallback's AccessKey"],
    ],
    [
      'the secret pasted inside fallback',
      (form) => ({ ...form, fallback: JSON.stringify({ ...(JSON.parse(String(form.fallback)) as object), accessKeySecret: 'SandboxBackupSecretNotARealKey0' }) }),
      ["fallback.accessKeySecret: fallback must not hold a secret: put the fallback AccessKey's secret in the top-level key fallbackAccessKeySecret (the Console masks it there), and keep fallback.accessKeyId in fallback"],
    ],
    [
      'the fallback removed and its secret left behind',
      (form) => ({ ...form, fallback: '{}' }),
      ["fallbackAccessKeySecret: fallbackAccessKeySecret is set but fallback has no accessKeyId: add the fallback AccessKey's ID as fallback.accessKeyId, or clear fallbackAccessKeySecret"],
    ],
    [
      'an allow-list inside fallback',
      (form) => ({ ...form, fallback: JSON.stringify({ ...(JSON.parse(String(form.fallback)) as object), allowedRegionCodes: ['86'] }) }),
      ['fallback.allowedRegionCodes: allowedRegionCodes belongs to the connector, not to one account: set it at the top level, where it guards both accounts, and remove it from fallback'],
    ],
  ])('%s', (_, change, issues) => {
    const values = change(fallbackForm());
    expect(refusals(items, values)).toEqual([]);
    expect(issuesOnSave(submittedConfig(items, values))).toEqual(issues);
  });
});
