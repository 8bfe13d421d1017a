/**
 * @module end-user-error
 * What an end user reads when a sign-in code could not be sent. Logto puts a `General` error's
 * `errorDescription` into the message its sign-in page shows (logto-io/logto
 * `packages/core/src/middleware/koa-connector-error-handler.ts`), so during sign-in that
 * description is a sentence for the end user, and the operator's sentence moves to
 * `operatorDescription` beside Aliyun's code and RequestId, where the audit log keeps them. The
 * Console's Send passes the form's config to `sendMessage` and keeps the operator's sentence.
 */
import { ConnectorError, ConnectorErrorCodes, type SendMessageFunction } from '@logto/connector-kit';

import { preferredTags } from './language-tag.js';

/** The end user's sentence, by the language of the sign-in page. */
const sentences = {
  en: 'The verification code could not be sent by SMS. Please try again later, or contact support if this keeps happening.',
  'zh-CN': '短信验证码发送失败。请稍后重试；如果问题持续，请联系客服。',
  'zh-TW': '簡訊驗證碼發送失敗。請稍後再試；如果問題持續，請聯絡客服。',
} as const;

/** The sentence for one language tag, or `undefined` when none is written in that language. */
const sentenceFor = (tag: string): string | undefined => {
  if (/^en\b/i.test(tag)) {
    return sentences.en;
  }
  if (/^zh\b/i.test(tag)) {
    return /^zh-(?:TW|HK|MO|Hant)\b/i.test(tag) ? sentences['zh-TW'] : sentences['zh-CN'];
  }
  return undefined;
};

/**
 * The sentence in the end user's language, read as templates read it (language-tag.ts): each of
 * Logto's `uiLocales` in order, then `locale`; English when none of them has a sentence.
 */
export const endUserSentence = (payload: { locale?: unknown; uiLocales?: unknown }): string => {
  for (const tag of preferredTags(payload)) {
    const sentence = sentenceFor(tag);
    if (sentence !== undefined) {
      return sentence;
    }
  }
  return sentences.en;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The error an end user should get for `error`: a `General` error with an operator's sentence
 * is rebuilt with the end user's sentence; every other error (rate limits, bad numbers, invalid
 * configurations) is returned as it is, since Logto already shows its own phrase for those.
 */
export const forEndUser = (error: unknown, payload: { locale?: unknown; uiLocales?: unknown }): unknown => {
  if (!(error instanceof ConnectorError) || error.code !== ConnectorErrorCodes.General || !isRecord(error.data)) {
    return error;
  }
  const { errorDescription, ...rest } = error.data;
  return new ConnectorError(ConnectorErrorCodes.General, {
    ...rest,
    errorDescription: endUserSentence(payload),
    operatorDescription: errorDescription,
  });
};

/** `sendMessage` whose failures during sign-in (no config argument) are worded for end users. */
export const withEndUserErrors =
  (send: SendMessageFunction): SendMessageFunction =>
  async (data, config) => {
    try {
      return await send(data, config);
    } catch (error: unknown) {
      const payload = isRecord(data) && isRecord(data.payload) ? data.payload : {};
      throw config === undefined || config === null ? forEndUser(error, payload) : error;
    }
  };
