/**
 * Send and Save mean the same config. The Console's Send passes the form's config as typed; Save
 * validates that same config and then stores `cleanDeep(config)` (`console-form.ts`), which every
 * later sign-in send reads. For every form item and the empty values an operator can leave in it,
 * either Save refuses the config, or the stored copy passes the guard and plans exactly the request
 * Send planned, for mainland and overseas numbers and every message type. The case that once
 * differed (a template with `"params": {}`) is also checked on the wire, against the sandbox.
 */
import { ConnectorConfigFormItemType, TemplateType, validateConfig, type ConnectorConfigFormItem } from '@logto/connector-kit';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { connectorPerSend, loadConnector, loadFactory, pressSend, withSendLog } from '../demo/logto-host.js';
import { connectorConfig, pnvsConnectorConfig } from '../sandbox/connector-config.js';
import { parseConfig } from '../src/config/config.js';
import { planSend } from '../src/plan/route.js';
import { cleanDeep, edit, initialValues, isShown, submittedConfig, type FormValues } from './console-form.js';
import { useSandboxAndConnector } from './harness.js';

const harness = useSandboxAndConnector({ flowControl: false });
let items: ConnectorConfigFormItem[] = [];

beforeAll(async () => {
  items = (await loadConnector()).metadata.formItems ?? [];
});

beforeEach(() => {
  harness.sandbox.outbox.clear();
});

describe('cleanDeep, as clean-deep 3.4 does it', () => {
  it('drops empty strings, nulls, empty arrays and objects, at every depth, after cleaning inside them; keeps NaN, 0 and false', () => {
    expect(
      cleanDeep({ a: '', b: null, c: [], d: {}, e: { f: { g: '' } }, h: ['', 'x', {}, [null]], i: Number.NaN, j: 0, k: false, l: ' ' })
    ).toEqual({ h: ['x'], i: Number.NaN, j: 0, k: false, l: ' ' });
  });
});

/** The Json text of templates with `change` applied to every entry. */
const templatesWith = (base: Array<Record<string, unknown>>, change: Record<string, unknown>) =>
  JSON.stringify(base.map((entry) => ({ ...entry, ...change })));

/** Empty and near-empty values an operator can leave in each kind of form item. */
const emptiesFor = (item: ConnectorConfigFormItem, base: Record<string, unknown>): unknown[] => {
  if (item.key === 'templates') {
    const templates = (base.templates ?? [{ usageType: TemplateType.Generic }]) as Array<Record<string, unknown>>;
    return [
      '{}',
      '[]',
      templatesWith(templates, { params: {} }),
      templatesWith(templates, { pnvsParams: {} }),
      templatesWith(templates, { params: { code: '{{code}}', product: '' } }),
      templatesWith(templates, { pnvsParams: { code: '{{code}}', min: '' } }),
      templatesWith(templates, { locales: [] }),
      templatesWith(templates, { locales: ['en', ''] }),
      templatesWith(templates, { content: '' }),
      templatesWith(templates, { pnvsTemplateCode: '' }),
      templatesWith(templates, { type: null }),
      JSON.stringify([...templates, {}]),
      templatesWith(templates, { templateCode: { china: 'SMS_1', overseas: '' } }),
    ];
  }
  switch (item.type) {
    case ConnectorConfigFormItemType.Json: {
      return ['{}', '[]', 'null', '[""]', '{"":""}'];
    }
    case ConnectorConfigFormItemType.Number: {
      return [Number.NaN, null, 0];
    }
    case ConnectorConfigFormItemType.Switch: {
      return [false, true];
    }
    case ConnectorConfigFormItemType.Select: {
      return [undefined, null, ...item.selectItems.map(({ value }) => value)];
    }
    default: {
      return ['', ' ', null];
    }
  }
};

const messages = [
  ['8613800138000', TemplateType.Generic],
  ['8613800138000', TemplateType.SignIn],
  ['85268326366', TemplateType.Register],
  ['85268326366', TemplateType.ForgotPassword],
  ['+16502530000', TemplateType.BindMfa],
] as const;

/** What one config plans for each message: the request, or the refusal's code and data. */
const plans = (config: Record<string, unknown>) =>
  messages.map(([to, type]) => {
    try {
      return planSend(parseConfig(config), { to, type, payload: { code: '000000', locale: 'zh-CN' } });
    } catch (error: unknown) {
      return { refused: error };
    }
  });

/** Save's verdict, as Logto gives it: connector-kit's `validateConfig` with the connector's guard. */
const saves = (config: Record<string, unknown>): boolean => {
  try {
    validateConfig(config, harness.connector.configGuard);
    return true;
  } catch {
    return false;
  }
};

describe.each([
  ['a SendSms account', () => connectorConfig(harness.sandbox)],
  ['a PNVS account with its own signature', () => pnvsConnectorConfig(harness.sandbox)],
  ['a PNVS-only account', () => pnvsConnectorConfig(harness.sandbox, { ownSignature: false })],
  ['an international-site account', () => connectorConfig(harness.sandbox, 'international')],
])('%s: every form item, emptied in every way, plans the same on Send and after Save', (_, base) => {
  it('each item and value: Save refuses it, or the stored copy plans what Send planned', () => {
    let saved = 0;
    for (const item of items) {
      const start = initialValues(items, base());
      for (const value of emptiesFor(item, base())) {
        const values: FormValues = edit(items, start, { [item.key]: value });
        const sent = submittedConfig(items, values);
        if (!saves(sent)) {
          continue;
        }
        saved += 1;
        const stored = cleanDeep(sent);
        const label = `${item.key} = ${JSON.stringify(value)}`;
        expect([label, saves(stored)]).toEqual([label, true]);
        expect([label, plans(stored)]).toEqual([label, plans(sent)]);
      }
    }
    expect(saved).toBeGreaterThan(items.length);
  });
});

describe('on the wire: a template with "params": {}', () => {
  it('Send and the sign-in send after Save post the same TemplateParam, the default {"code": …}', async () => {
    const base = connectorConfig(harness.sandbox);
    const typed = submittedConfig(items, initialValues(items, { ...base, templates: base.templates.map((entry) => ({ ...entry, params: {} })) }));
    await pressSend(harness.connector, '8613800138000', typed);
    expect(saves(typed)).toBe(true);
    const stored = cleanDeep(typed);
    const { connector } = await loadConnector(undefined, async () => stored);
    await connector.sendMessage({ to: '8613800138000', type: TemplateType.Generic, payload: { code: '000000' } });
    const [afterSave, onSend] = harness.sandbox.outbox.list(); // newest first
    expect(onSend?.templateParam).toEqual({ code: '000000' });
    expect(afterSave?.templateParam).toEqual(onSend?.templateParam);
  });
});

describe('the edit page of a config saved without site (the official connector’s shape)', () => {
  /** `@logto/connector-aliyun-sms`'s config: keys, signature, templates with the legacy `type`; no site. */
  const official = () => {
    const { accessKeyId, accessKeySecret, signName, endpoint, templates } = connectorConfig(harness.sandbox);
    return {
      accessKeyId,
      accessKeySecret,
      signName,
      endpoint,
      templates: templates.map(({ usageType, templateCode }) => ({ type: 2, usageType, templateCode: templateCode.china })),
    };
  };

  it('shows Mainland China numbers, and every item is reachable by choices the page shows', () => {
    const values = initialValues(items, official());
    expect(values.site).toBeUndefined();
    expect(isShown(items.find(({ key }) => key === 'mainlandService')!, values)).toBe(true);
    // Every hidden item's conditions can be met through Select items that are shown, step by step.
    const reachable = new Set(items.filter((item) => isShown(item, values)).map(({ key }) => key));
    let grew = true;
    while (grew) {
      grew = false;
      for (const item of items.filter(({ key }) => !reachable.has(key))) {
        const choices = (key: string) => {
          const target = items.find((candidate) => candidate.key === key);
          return target?.type === ConnectorConfigFormItemType.Select ? target.selectItems.map(({ value }) => value) : [];
        };
        const met = (item.showConditions ?? []).every(
          ({ targetKey, expectValue }) => reachable.has(targetKey) && choices(targetKey).includes(expectValue as string)
        );
        if (met) {
          reachable.add(item.key);
          grew = true;
        }
      }
    }
    expect(items.map(({ key }) => key).filter((key) => !reachable.has(key))).toEqual([]);
  });

  it('choosing PNVS there saves, and Send and the sign-in send after Save deliver through PNVS', async () => {
    const { pnvsSignName, pnvsEndpoint } = pnvsConnectorConfig(harness.sandbox);
    const values = edit(items, initialValues(items, official()), { mainlandService: 'pnvs', pnvsSignName, pnvsEndpoint });
    expect(values.pnvsSignName).toBe(pnvsSignName);
    const typed = submittedConfig(items, values);
    expect(saves(typed)).toBe(true);
    await pressSend(harness.connector, '8613800138000', typed);
    const { connector } = await loadConnector(undefined, async () => cleanDeep(typed));
    await connector.sendMessage({ to: '8613800138000', type: TemplateType.SignIn, payload: { code: '123456' } });
    // Newest first.
    expect(harness.sandbox.outbox.list()).toMatchObject([
      { service: 'dypnsapi', signName: pnvsSignName, code: '123456' },
      { service: 'dypnsapi', signName: pnvsSignName, code: '000000' },
    ]);
  });
});

describe('the send log switch (disableSendLog), on the form and after Save', () => {
  /** Whether the Console's Send, then a sign-in send of the stored copy, each wrote a send-log line. */
  const logs = async (stored: Record<string, unknown>) => {
    const values = initialValues(items, stored);
    const typed = submittedConfig(items, values);
    expect(saves(typed)).toBe(true);
    const before = harness.sendLog.length;
    await pressSend(harness.connector, '8613800138000', typed);
    const onSend = harness.sendLog.length - before;
    const afterSave: string[] = [];
    const signIn = await connectorPerSend(await withSendLog(await loadFactory(), (line) => afterSave.push(line)), async () => cleanDeep(typed));
    await signIn.sendMessage({ to: '8613800138000', type: TemplateType.SignIn, payload: { code: '123456' } });
    // What the Console's Switch shows: `checked={typeof value === 'boolean' ? value : false}` (ConfigFormFields/index.tsx).
    const shown = typeof values.disableSendLog === 'boolean' ? values.disableSendLog : false;
    return { shown, onSend, afterSave: afterSave.length };
  };

  it.each<[string, Record<string, unknown>, { shown: boolean; onSend: number; afterSave: number }]>([
    ['stored without the key (every configuration saved before it existed): shown off, logging', {}, { shown: false, onSend: 1, afterSave: 1 }],
    ['stored false: shown off, logging', { disableSendLog: false }, { shown: false, onSend: 1, afterSave: 1 }],
    ['stored true: shown on, silent on Send and after Save (cleanDeep keeps true)', { disableSendLog: true }, { shown: true, onSend: 0, afterSave: 0 }],
  ])('%s', async (_, extra, expected) => {
    expect(await logs({ ...connectorConfig(harness.sandbox), ...extra })).toEqual(expected);
  });
});
