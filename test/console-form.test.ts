/**
 * The Console form, new and edit paths: every form item of the loaded connector goes through
 * the model of Logto's form (`console-form.ts`), then through Save (Logto validates the config
 * with the connector's `configGuard`) and Send (the Console test route passes it to
 * `sendMessage`) against the sandbox.
 */
import { ConnectorConfigFormItemType, validateConfig, type ConnectorConfigFormItem } from '@logto/connector-kit';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { loadConnector, pressSend } from '../demo/logto-host.js';
import { connectorConfig, pnvsConnectorConfig } from '../sandbox/connector-config.js';
import { edit, initialValues, refusals, submittedConfig, type FormValues } from './console-form.js';
import { useSandboxAndConnector } from './harness.js';

const harness = useSandboxAndConnector({ flowControl: false });
let items: ConnectorConfigFormItem[] = [];

beforeAll(async () => {
  items = (await loadConnector()).metadata.formItems ?? [];
});

beforeEach(() => {
  harness.sandbox.outbox.clear();
});

/** What an operator types into the required fields (and `endpoint`, so that sends reach the sandbox). */
const requiredFields = (): FormValues => {
  const { accessKeyId, accessKeySecret, signName, templates, endpoint } = connectorConfig(harness.sandbox);
  return { accessKeyId, accessKeySecret, signName, templates: JSON.stringify(templates, null, 2), endpoint };
};

/** Save, as Logto runs it: the connector's own guard, through connector-kit's `validateConfig`. */
const save = (config: Record<string, unknown>) => {
  validateConfig(config, harness.connector.configGuard);
};

/** Send, as the Console's test button does it; resolves with the SMS the sandbox delivered. */
const send = async (config: Record<string, unknown>) => {
  await pressSend(harness.connector, '8613800138000', config);
  return harness.sandbox.outbox.list();
};

const newConnectorForm = () => edit(items, initialValues(items), requiredFields());

describe('a new connector with only the required fields filled', () => {
  it('the form lets Save and Send through, and submits the defaults of every untouched item', () => {
    const values = newConnectorForm();
    expect(refusals(items, values)).toEqual([]);
    const { accessKeyId, accessKeySecret, signName, templates, endpoint } = connectorConfig(harness.sandbox);
    expect(submittedConfig(items, values)).toEqual({
      site: 'china',
      accessKeyId,
      accessKeySecret,
      signName,
      templates,
      strictPhoneRegionNumberCheck: false,
      allowedRegionCodes: {},
      endpoint,
      mainlandService: 'sms',
      fallback: {},
      // Hidden (PNVS only), so submitted as Number(undefined): NaN, which JSON makes null.
      pnvsCodeValidMinutes: null,
      disableSendLog: false,
    });
  });

  it('Save accepts it and Send delivers one SMS', async () => {
    const config = submittedConfig(items, newConnectorForm());
    save(config);
    expect(await send(config)).toMatchObject([{ code: '000000', phone: '13800138000' }]);
  });
});

describe('a PNVS-only account: no signature of its own, no SendSms templates', () => {
  it('fills the AccessKey pair, picks PNVS and a gifted signature, leaves the rest as shown: Save and Send deliver through SendSmsVerifyCode', async () => {
    const { accessKeyId, accessKeySecret, mainlandService, pnvsSignName, pnvsEndpoint } = pnvsConnectorConfig(harness.sandbox, { ownSignature: false });
    const values = edit(items, initialValues(items), { accessKeyId, accessKeySecret, mainlandService, pnvsSignName, pnvsEndpoint });
    expect(refusals(items, values)).toEqual([]);
    const config = submittedConfig(items, values);
    expect(config).not.toHaveProperty('signName');
    save(config);
    expect(await send(config)).toMatchObject([{ service: 'dypnsapi', code: '000000', phone: '13800138000', signName: pnvsSignName }]);
  });
});

describe('an edited connector, saved without the optional keys', () => {
  it.each<[string, () => Record<string, unknown>]>([
    ['saved by the form above', () => submittedConfig(items, newConnectorForm())],
    ['stored with only the required keys (the official connector’s shape)', () => ({ ...connectorConfig(harness.sandbox) })],
  ])('%s: reopened and left alone, it saves and sends', async (_, stored) => {
    const values = initialValues(items, stored());
    expect(refusals(items, values)).toEqual([]);
    const config = submittedConfig(items, values);
    expect(config.allowedRegionCodes).toEqual({});
    save(config);
    expect(await send(config)).toHaveLength(1);
  });
});

/** What an operator leaves in an optional field after clearing it. */
const cleared = (item: ConnectorConfigFormItem): unknown => {
  switch (item.type) {
    case ConnectorConfigFormItemType.Number: {
      return Number.NaN;
    }
    case ConnectorConfigFormItemType.Json: {
      return '{}';
    }
    case ConnectorConfigFormItemType.Switch: {
      return false;
    }
    case ConnectorConfigFormItemType.Select: {
      return item.defaultValue;
    }
    default: {
      return '';
    }
  }
};

/**
 * Optional in the form because a PNVS-only account has neither, but required by the guard wherever
 * SendSms sends (config-rules.ts): cleared on a SendSms account they are refused, tested below.
 */
const requiredBySendSms = new Set(['signName', 'templates']);

describe('every optional item, cleared, means its default', () => {
  it('covers every optional form item', () => {
    expect(items.filter(({ required }) => !required).map(({ key }) => key).length).toBeGreaterThan(4);
  });

  it.each(['new', 'edit'] as const)('%s path: each optional item cleared in turn saves, sends and parses as if untouched', async (path) => {
    const baseline = submittedConfig(items, newConnectorForm());
    const start = path === 'new' ? newConnectorForm() : initialValues(items, baseline);
    const untouched = submittedConfig(items, start);
    for (const item of items.filter(({ required, key }) => !required && !requiredBySendSms.has(key))) {
      const values = edit(items, start, { [item.key]: cleared(item) });
      expect([item.key, refusals(items, values)]).toEqual([item.key, []]);
      const config = submittedConfig(items, values);
      save(config);
      // The key's default is what the guard makes of the key left out.
      const without = Object.fromEntries(Object.entries(untouched).filter(([key]) => key !== item.key));
      const parse = (raw: unknown) => harness.connector.configGuard.parse(raw) as Record<string, unknown>;
      expect([item.key, parse(config)]).toEqual([item.key, parse(without)]);
    }
    expect(await send(submittedConfig(items, start))).toHaveLength(1);
  });

  it('international site: Sender ID appears, left empty it is not sent', () => {
    const values = edit(items, newConnectorForm(), { site: 'international' });
    expect(values.senderId).toBe('');
    expect(refusals(items, values)).toEqual([]);
    const config = submittedConfig(items, values);
    expect(config).not.toHaveProperty('senderId');
    save(config);
  });
});

describe('the guard still refuses real mistakes typed into the form', () => {
  it.each<[string, string, string]>([
    ['an emptied allow-list', '[]', 'allowedRegionCodes must list at least one region code: to allow every region, set it to {} or leave it out'],
    ['a region code with +', '["+86"]', 'allowedRegionCodes entries are country calling codes without + or 00: write e.g. "86", "852", "1"'],
    ['one region code as a string', '"86"', 'allowedRegionCodes must be a list: write one such as ["86", "852"], or {} to allow every region'],
    ['null', 'null', 'allowedRegionCodes must be a list: write one such as ["86", "852"], or {} to allow every region'],
    ['an object with keys', '{"86": true}', 'allowedRegionCodes must be a list: write one such as ["86", "852"], or {} to allow every region'],
  ])('allowedRegionCodes: %s', (_, text, sentence) => {
    const values = edit(items, newConnectorForm(), { allowedRegionCodes: text });
    expect(refusals(items, values)).toEqual([]);
    expect(() => {
      save(submittedConfig(items, values));
    }).toThrow(expect.objectContaining({ data: expect.objectContaining({ issues: [expect.objectContaining({ message: sentence })] }) }));
  });

  it("templates left at the form's placeholder codes", () => {
    const values = edit(items, newConnectorForm(), { templates: initialValues(items).templates });
    expect(refusals(items, values)).toEqual([]);
    expect(() => {
      save(submittedConfig(items, values));
    }).toThrow(
      expect.objectContaining({
        data: expect.objectContaining({
          issues: expect.arrayContaining([
            expect.objectContaining({
              path: ['templates', 0, 'templateCode'],
              message: "templateCode <template-code> is the form's placeholder: use the template code shown in the Aliyun SMS console, e.g. SMS_123456789",
            }),
          ]),
        }),
      })
    );
  });

  it('the form itself refuses a required field left empty and Json text that does not parse', () => {
    const values = edit(items, newConnectorForm(), { accessKeyId: '', allowedRegionCodes: '["86",' });
    expect(refusals(items, values)).toEqual(['accessKeyId: required', 'allowedRegionCodes: invalid JSON format']);
  });

  it.each<[string, unknown, string]>([
    ['signName', '', 'signName is required: use an approved signature name from the Aliyun SMS console, e.g. 阿里云短信测试'],
    ['templates', '{}', 'templates is required: add one entry per usageType'],
  ])('a SendSms account with %s cleared: the guard asks for it', (key, emptied, sentence) => {
    const values = edit(items, newConnectorForm(), { [key]: emptied });
    expect(refusals(items, values)).toEqual([]);
    expect(() => {
      save(submittedConfig(items, values));
    }).toThrow(expect.objectContaining({ data: expect.objectContaining({ issues: [expect.objectContaining({ path: [key], message: sentence })] }) }));
  });
});
