/**
 * End to end: templates by the user's language. The built package, loaded by Logto's loader,
 * sends sign-in codes for two users, one signing in in Chinese and one in English, with the
 * payloads Logto builds (`locale` always, `uiLocales` when the app passed `ui_locales`); the
 * sandbox inbox, read over its HTTP API, shows each user the message in their language.
 */
import { TemplateType } from '@logto/connector-kit';
import { beforeEach, describe, expect, it } from 'vitest';

import { loadConnector } from '../demo/logto-host.js';
import { connectorConfig } from '../sandbox/connector-config.js';
import type { OutboxMessage } from '../sandbox/index.js';
import { useSandboxAndConnector } from './harness.js';

const harness = useSandboxAndConnector({ flowControl: false });

beforeEach(() => {
  harness.sandbox.outbox.clear();
});

/** What the sandbox inbox shows one phone, through the same API the inbox page reads. */
const inbox = async (phone: string): Promise<Array<Pick<OutboxMessage, 'action' | 'templateCode' | 'text'>>> => {
  const response = await fetch(`${harness.sandbox.endpoint}/api/messages?phone=${phone}`);
  const messages = (await response.json()) as OutboxMessage[];
  return messages.map(({ action, templateCode, text }) => ({ action, templateCode, text }));
};

describe('China site: each user gets the sign-in template in their language', () => {
  // The operator's stored config: the sandbox's templates, plus an English mainland SignIn template.
  const storedConfig = () => {
    const config = connectorConfig(harness.sandbox);
    return {
      ...config,
      templates: [...config.templates, { usageType: 'SignIn', locales: ['en'], templateCode: { china: 'SMS_460100005', overseas: 'SMS_460200001' } }],
    };
  };

  it('a Chinese and an English user, as Logto sends sign-in codes (no config argument)', async () => {
    const { connector } = await loadConnector(undefined, async () => storedConfig());
    await connector.sendMessage({ to: '8613800138000', type: TemplateType.SignIn, payload: { code: '111111', locale: 'zh-CN' } });
    await connector.sendMessage({ to: '8613900139000', type: TemplateType.SignIn, payload: { code: '222222', locale: 'en', uiLocales: 'en-GB en' } });
    expect(await inbox('13800138000')).toEqual([
      { action: 'SendSms', templateCode: 'SMS_460100001', text: '【Logto沙箱】您的登录验证码为111111，5分钟内有效，请勿泄露给他人。' },
    ]);
    expect(await inbox('13900139000')).toEqual([
      { action: 'SendSms', templateCode: 'SMS_460100005', text: '【Logto沙箱】Your sign-in code is 222222. It expires in 5 minutes.' },
    ]);
  });

  it('ui_locales outranks the page language; a language without an entry gets the default', async () => {
    const config = storedConfig();
    await harness.connector.sendMessage({ to: '8613800138001', type: TemplateType.SignIn, payload: { code: '333333', locale: 'zh-CN', uiLocales: 'en' } }, config);
    await harness.connector.sendMessage({ to: '8613800138002', type: TemplateType.SignIn, payload: { code: '444444', locale: 'fr', uiLocales: 'fr-CA fr' } }, config);
    expect((await inbox('13800138001'))[0]?.text).toBe('【Logto沙箱】Your sign-in code is 333333. It expires in 5 minutes.');
    expect((await inbox('13800138002'))[0]?.text).toBe('【Logto沙箱】您的登录验证码为444444，5分钟内有效，请勿泄露给他人。');
  });
});

describe('international site: the chosen entry carries its own content and template codes', () => {
  const config = () => {
    const international = connectorConfig(harness.sandbox, 'international');
    return {
      ...international,
      templates: [
        ...international.templates,
        {
          usageType: 'SignIn',
          locales: ['zh-HK', 'zh-TW'],
          templateCode: { china: 'SMS_460100001', overseas: 'SMS_460200001' },
          content: '您的登入驗證碼為{{code}}，5分鐘內有效。',
        },
        { usageType: 'SignIn', locales: ['en'], templateCode: { china: 'SMS_460100005', overseas: 'SMS_460200001' }, content: 'Your Logto code: {{code}}' },
      ],
    };
  };

  it.each<[string, string, Record<string, string>, string, Awaited<ReturnType<typeof inbox>>]>([
    ['Hong Kong, Traditional Chinese', '85268326366', { locale: 'zh-HK' }, '85268326366', [{ action: 'SendMessageToGlobe', text: '您的登入驗證碼為555555，5分鐘內有效。' }]],
    ['United Kingdom, English', '447911123456', { locale: 'en', uiLocales: 'en-GB' }, '447911123456', [{ action: 'SendMessageToGlobe', text: 'Your Logto code: 555555' }]],
    ['mainland, English: the entry’s china template', '8613800138003', { locale: 'en' }, '13800138003', [{ action: 'SendMessageWithTemplate', templateCode: 'SMS_460100005', text: '【Logto沙箱】Your sign-in code is 555555. It expires in 5 minutes.' }]],
  ])('%s', async (_, to, languages, phone, shown) => {
    await harness.connector.sendMessage({ to, type: TemplateType.SignIn, payload: { code: '555555', ...languages } }, config());
    expect(await inbox(phone)).toEqual(shown);
  });
});
