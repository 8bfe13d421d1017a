import { ConnectorError, ConnectorErrorCodes, TemplateType } from '@logto/connector-kit';
import { describe, expect, it } from 'vitest';

import { endUserSentence, forEndUser, withEndUserErrors } from './end-user-error.js';

const en = 'The verification code could not be sent by SMS. Please try again later, or contact support if this keeps happening.';

describe('forEndUser', () => {
  it('moves the operator sentence of a General error aside and keeps every other key', () => {
    const operator = new ConnectorError(ConnectorErrorCodes.General, { errorDescription: 'fix signName', code: 'isv.X', requestId: 'R1' });
    const shown = forEndUser(operator, { locale: 'en' }) as ConnectorError;
    expect(shown).toBeInstanceOf(ConnectorError);
    expect([shown.code, shown.data]).toEqual([
      ConnectorErrorCodes.General,
      { errorDescription: en, operatorDescription: 'fix signName', code: 'isv.X', requestId: 'R1' },
    ]);
  });

  it.each<[string, unknown]>([
    ['a rate limit', new ConnectorError(ConnectorErrorCodes.RateLimitExceeded, { errorDescription: 'wait' })],
    ['a bad number', new ConnectorError(ConnectorErrorCodes.InvalidRequestParameters, 'not a number')],
    ['an invalid config', new ConnectorError(ConnectorErrorCodes.InvalidConfig, { issues: [] })],
    ['something that is no ConnectorError', new TypeError('bug')],
  ])('leaves %s as it is', (_, error) => {
    expect(forEndUser(error, { locale: 'en' })).toBe(error);
  });

  const zhCN = '短信验证码发送失败。请稍后重试；如果问题持续，请联系客服。';
  const zhTW = '簡訊驗證碼發送失敗。請稍後再試；如果問題持續，請聯絡客服。';
  it.each<[unknown, string]>([
    [undefined, en],
    ['en', en],
    ['fr', en],
    ['zhx', en],
    ['zh-CN', zhCN],
    ['zh-SG', zhCN],
    ['ZH-hans', zhCN],
    ['zh-TW', zhTW],
    ['zh-MO', zhTW],
    ['zh-Hant-HK', zhTW],
  ])('locale %s', (locale, sentence) => {
    expect(endUserSentence({ locale })).toBe(sentence);
  });

  it.each<[string, { locale?: unknown; uiLocales?: unknown }, string]>([
    ['uiLocales before locale', { uiLocales: 'zh-TW en', locale: 'en' }, zhTW],
    ['a uiLocales tag without a sentence is skipped', { uiLocales: 'fr zh-CN', locale: 'en' }, zhCN],
    ['no uiLocales tag has a sentence: locale', { uiLocales: 'fr de', locale: 'zh-HK' }, zhTW],
    ['garbage uiLocales', { uiLocales: 42, locale: 'zh-CN' }, zhCN],
  ])('%s', (_, payload, sentence) => {
    expect(endUserSentence(payload)).toBe(sentence);
  });
});

describe('withEndUserErrors', () => {
  const failing = withEndUserErrors(() => Promise.reject(new ConnectorError(ConnectorErrorCodes.General, { errorDescription: 'fix signName' })));
  const data = { to: '8613800138000', type: TemplateType.SignIn, payload: { code: '1', locale: 'zh-CN' } };

  it.each<[string, unknown, string]>([
    ['no config (sign-in)', undefined, '短信验证码发送失败。请稍后重试；如果问题持续，请联系客服。'],
    ['a null config (sign-in)', null, '短信验证码发送失败。请稍后重试；如果问题持续，请联系客服。'],
    ["the Console's form", {}, 'fix signName'],
  ])('%s', async (_, config, description) => {
    await expect(failing(data, config)).rejects.toMatchObject({ data: { errorDescription: description } });
  });
});
