import { ConnectorError, ConnectorErrorCodes, TemplateType } from '@logto/connector-kit';
import { ZodError } from 'zod';
import { describe, expect, it } from 'vitest';

import { endUserSentence, forEndUser, withEndUserErrors } from './end-user-error.js';

const { General, RateLimitExceeded, InvalidRequestParameters, InvalidConfig, TemplateNotFound } = ConnectorErrorCodes;

const en = 'The verification code could not be sent by SMS. Please try again later, or contact support if this keeps happening.';
const zhCN = '短信验证码发送失败。请稍后重试；如果问题持续，请联系客服。';
const zhTW = '簡訊驗證碼發送失敗。請稍後再試；如果問題持續，請聯絡客服。';

const route = { site: 'china', api: 'SendSms 2017-05-25', templateCode: 'SMS_123456789', to: '138****8000' };
const operatorData = {
  errorDescription: 'The Aliyun account balance is too low to send SMS; top up the account. (Aliyun isv.AMOUNT_NOT_ENOUGH: "账户余额不足", RequestId R-1)',
  code: 'isv.AMOUNT_NOT_ENOUGH',
  message: '账户余额不足',
  requestId: 'R-1',
  httpStatus: 200,
  attempts: 1,
  route,
};

describe('forEndUser: data for the browser, the operator error as the message', () => {
  it('keeps only the sentence and the RequestId in data, and the whole operator error in message and String(error)', () => {
    const operator = new ConnectorError(General, operatorData);
    const shown = forEndUser(operator, { locale: 'en' }) as ConnectorError;
    expect(shown).toBeInstanceOf(ConnectorError);
    expect(shown.code).toBe(General);
    expect(shown.data).toEqual({ errorDescription: en, requestId: 'R-1' });
    expect(shown.message).toBe(operator.message);
    expect(String(shown)).toBe(`Error: ConnectorError: ${JSON.stringify(operatorData)}`);
    expect(shown.stack).toBe(operator.stack);
  });

  it.each<[string, ConnectorError, ConnectorErrorCodes, string]>([
    ['a rate limit', new ConnectorError(RateLimitExceeded, { errorDescription: 'Aliyun flow control…', code: 'isv.BUSINESS_LIMIT_CONTROL', requestId: 'R-2' }), RateLimitExceeded, 'Too many verification codes were requested for this phone number. Please wait a while and try again.'],
    ['a bad number', new ConnectorError(InvalidRequestParameters, 'The phone number "861****8000" is not one'), InvalidRequestParameters, 'A verification code could not be sent to this phone number. Please check the number and try again.'],
    ['an invalid config', new ConnectorError(InvalidConfig, new ZodError([{ code: 'custom', path: ['signName'], message: 'signName must not be empty' }])), InvalidConfig, en],
    ['a missing template', new ConnectorError(TemplateNotFound, 'No template for usageType SignIn'), TemplateNotFound, en],
    ['a region this config does not serve', new ConnectorError(General, { errorDescription: 'allowedRegionCodes (86) does not allow +852', refusal: 'region' }), General, 'Verification codes by SMS are not available for phone numbers in your region. Please use a phone number from another region, or another way to sign in.'],
    ["a country Aliyun does not serve for this account", new ConnectorError(InvalidRequestParameters, { errorDescription: 'no delivery to this country', code: 'NOT_SUPPORTED_COUNTRY', requestId: 'R-3' }), General, 'Verification codes by SMS are not available for phone numbers in your region. Please use a phone number from another region, or another way to sign in.'],
  ])('%s', (_, operator, code, sentence) => {
    const shown = forEndUser(operator, { locale: 'en-US' }) as ConnectorError;
    expect(shown.code).toBe(code);
    const { requestId } = operator.data as { requestId?: string };
    expect(shown.data).toEqual(requestId === undefined ? { errorDescription: sentence } : { errorDescription: sentence, requestId });
    expect(shown.message).toBe(operator.message);
  });

  it('leaves what is not a ConnectorError as it is', () => {
    const bug = new TypeError('bug');
    expect(forEndUser(bug, { locale: 'en' })).toBe(bug);
  });
});

describe('endUserSentence: the language of Logto’s prefix', () => {
  it.each<[string, { locale?: unknown; uiLocales?: unknown }, string]>([
    ['nothing', {}, en],
    ['locale en', { locale: 'en' }, en],
    ['locale zh-CN', { locale: 'zh-CN' }, zhCN],
    ['locale zh-SG', { locale: 'zh-SG' }, zhCN],
    ['locale ZH-hans', { locale: 'ZH-hans' }, zhCN],
    ['locale zh-TW', { locale: 'zh-TW' }, zhTW],
    ['locale zh-MO', { locale: 'zh-MO' }, zhTW],
    ['locale zh-Hant-HK', { locale: 'zh-Hant-HK' }, zhTW],
    ['locale fr', { locale: 'fr' }, en],
    ['locale zhx', { locale: 'zhx' }, en],
    // The page language decides, as it is what Logto's prefix is written in.
    ['locale before uiLocales', { uiLocales: 'zh-TW en', locale: 'en' }, en],
    ['a locale without sentences stays English, not the next uiLocales tag', { uiLocales: 'ja zh-CN', locale: 'ja' }, en],
    ['no locale: the first uiLocales tag with sentences', { uiLocales: 'fr zh-HK en' }, zhTW],
    ['a malformed locale: uiLocales', { uiLocales: 'zh-CN', locale: 'en_US!' }, zhCN],
    ['garbage', { uiLocales: 42, locale: 7 }, en],
  ])('%s', (_, payload, sentence) => {
    expect(endUserSentence(payload)).toBe(sentence);
  });

  it.each([
    ['zh-CN', '暂不支持向您所在地区的手机号发送短信验证码。请使用其他地区的手机号，或使用其他方式登录。'],
    ['zh-TW', '暫不支援向您所在地區的手機號碼發送簡訊驗證碼。請使用其他地區的手機號碼，或使用其他方式登入。'],
  ])('the region sentence in %s', (locale, sentence) => {
    expect(endUserSentence({ locale }, 'region')).toBe(sentence);
  });
});

describe('withEndUserErrors', () => {
  const failing = withEndUserErrors(() => Promise.reject(new ConnectorError(General, { errorDescription: 'fix signName', code: 'isv.X', requestId: 'R1' })));
  const data = { to: '8613800138000', type: TemplateType.SignIn, payload: { code: '1', locale: 'zh-CN' } };

  it.each<[string, unknown, unknown]>([
    ['no config (sign-in)', undefined, { errorDescription: zhCN, requestId: 'R1' }],
    ['a null config (sign-in)', null, { errorDescription: zhCN, requestId: 'R1' }],
    ["the Console's form", {}, { errorDescription: 'fix signName', code: 'isv.X', requestId: 'R1' }],
  ])('%s', async (_, config, shown) => {
    const error: unknown = await failing(data, config).catch((error_: unknown) => error_);
    expect((error as ConnectorError).data).toEqual(shown);
    expect(String(error)).toBe('Error: ConnectorError: {"errorDescription":"fix signName","code":"isv.X","requestId":"R1"}');
  });
});
