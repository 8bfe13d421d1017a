/**
 * @module end-user-error
 * Who reads a failed sign-in send. Logto answers the request with the `ConnectorError`'s `data`
 * (logto-io/logto `packages/core/src/middleware/koa-connector-error-handler.ts`): during sign-in
 * that is the end user's browser. Its audit log stores `{ message: String(error) }` for the same
 * error (`middleware/koa-audit-log.ts`, mounted inside the connector error handler on the
 * Experience and interaction routers), and `ConnectorError` fixes its `message` from the `data`
 * given to its constructor. So, during sign-in (no config argument), {@link forEndUser} builds
 * the error anew: `data` holds only the end user's sentence and Aliyun's RequestId, and `message`
 * stays the operator's error, whole. The Console's Send passes the form's config and gets the
 * operator's error as it is.
 */
import { ConnectorError, ConnectorErrorCodes, type SendMessageFunction } from '@logto/connector-kit';

import { preferredTags } from './plan/language-tag.js';
import { regionRefusal } from './plan/route.js';

/**
 * Aliyun codes that say the account does not send to the number's country; fact sheet §5,
 * https://help.aliyun.com/zh/sms/developer-reference/api-error-codes.
 */
const regionCodes = new Set(['NOT_SUPPORTED_COUNTRY']);

type Language = 'en' | 'zh-CN' | 'zh-TW';

/** What the end user is told, by what happened and the language of the sign-in page. */
const sentences = {
  failed: {
    en: 'The verification code could not be sent by SMS. Please try again later, or contact support if this keeps happening.',
    'zh-CN': '短信验证码发送失败。请稍后重试；如果问题持续，请联系客服。',
    'zh-TW': '簡訊驗證碼發送失敗。請稍後再試；如果問題持續，請聯絡客服。',
  },
  rateLimited: {
    en: 'Too many verification codes were requested for this phone number. Please wait a while and try again.',
    'zh-CN': '该手机号请求验证码过于频繁。请稍后再试。',
    'zh-TW': '此手機號碼請求驗證碼過於頻繁。請稍後再試。',
  },
  badNumber: {
    en: 'A verification code could not be sent to this phone number. Please check the number and try again.',
    'zh-CN': '无法向该手机号发送验证码。请检查号码后重试。',
    'zh-TW': '無法向此手機號碼發送驗證碼。請檢查號碼後再試。',
  },
  region: {
    en: 'Verification codes by SMS are not available for phone numbers in your region. Please use a phone number from another region, or another way to sign in.',
    'zh-CN': '暂不支持向您所在地区的手机号发送短信验证码。请使用其他地区的手机号，或使用其他方式登录。',
    'zh-TW': '暫不支援向您所在地區的手機號碼發送簡訊驗證碼。請使用其他地區的手機號碼，或使用其他方式登入。',
  },
} as const satisfies Record<string, Record<Language, string>>;

/** What happened, as the end user is told. */
export type EndUserCase = keyof typeof sentences;

/** The language of one tag that has sentences, or `undefined`. */
const languageOf = (tag: string): Language | undefined => {
  if (/^en\b/i.test(tag)) {
    return 'en';
  }
  if (/^zh\b/i.test(tag)) {
    return /^zh-(?:TW|HK|MO|Hant)\b/i.test(tag) ? 'zh-TW' : 'zh-CN';
  }
  return undefined;
};

/**
 * The sentence's language: that of `locale` when the payload has one, else the first of
 * `uiLocales` that has sentences, else English. Logto prefixes a `General` description with its
 * own phrase in the request's language (`koa-i18next.ts`: `?locale=`, then `Accept-Language`);
 * `locale` is the language Logto resolved for the sign-in page, which the page sends as
 * `Accept-Language` (`packages/experience/src/apis/api.ts`), and the older interaction API passes
 * Logto's own request language as `locale`. A language without sentences gets English rather than
 * another of the user's languages, as the prefix does not follow `uiLocales` either.
 */
const languageFor = ({ locale, uiLocales }: { locale?: unknown; uiLocales?: unknown }): Language => {
  const [resolved] = preferredTags({ locale });
  if (resolved !== undefined) {
    return languageOf(resolved) ?? 'en';
  }
  for (const tag of preferredTags({ uiLocales })) {
    const language = languageOf(tag);
    if (language !== undefined) {
      return language;
    }
  }
  return 'en';
};

/** The end user's sentence for what happened, in the language chosen by {@link languageFor}. */
export const endUserSentence = (payload: { locale?: unknown; uiLocales?: unknown }, what: EndUserCase = 'failed'): string =>
  sentences[what][languageFor(payload)];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What the end user is told about `error`. */
const caseOf = ({ code, data }: ConnectorError): EndUserCase => {
  if (isRecord(data) && (data.refusal === regionRefusal || (typeof data.code === 'string' && regionCodes.has(data.code)))) {
    return 'region';
  }
  if (code === ConnectorErrorCodes.RateLimitExceeded) {
    return 'rateLimited';
  }
  return code === ConnectorErrorCodes.InvalidRequestParameters ? 'badNumber' : 'failed';
};

/**
 * The one place an error is split between its readers: `shown` becomes the new error's `data`,
 * which Logto answers the request with; `kept`'s message (the operator's error as the Console
 * would show it) and stack stay the new error's, so `String(error)` in the audit log reads the
 * whole story. Built with Logto's own `ConnectorError` class, so `instanceof` holds; every
 * connector-kit from 4.7.0 to 5.1.1 sets `message` once in the constructor as a plain property.
 */
const split = (code: ConnectorErrorCodes, shown: Record<string, unknown>, kept: ConnectorError): ConnectorError => {
  const error = new ConnectorError(code, shown);
  error.message = kept.message;
  if (kept.stack !== undefined) {
    error.stack = kept.stack;
  }
  return error;
};

/**
 * The error an end user's request gets for `error`: the same code (`General` for a refused
 * region, whose sentence Logto shows, where it would show a fixed phrase for
 * `InvalidRequestParameters`), `data` with the end user's sentence as `errorDescription` and
 * Aliyun's `requestId` when there is one, and the operator's error as its message. Aliyun's code
 * stays out of `data`: codes such as `isv.AMOUNT_NOT_ENOUGH` describe the operator's account.
 * Anything that is not a `ConnectorError` is returned as it is (Logto answers it with a 500 and
 * no detail).
 */
export const forEndUser = (error: unknown, payload: { locale?: unknown; uiLocales?: unknown }): unknown => {
  if (!(error instanceof ConnectorError)) {
    return error;
  }
  const what = caseOf(error);
  const requestId = isRecord(error.data) && typeof error.data.requestId === 'string' ? error.data.requestId : undefined;
  return split(
    what === 'region' ? ConnectorErrorCodes.General : error.code,
    { errorDescription: endUserSentence(payload, what), ...(requestId === undefined ? {} : { requestId }) },
    error
  );
};

/**
 * Whether a send is the Console's Send: Logto passes the form's config only there
 * (`routes/connector/config-testing.ts`); sign-in sends pass none and read the stored one.
 */
export const isConsoleSend = (config: unknown): boolean => config !== undefined && config !== null;

/** `sendMessage` whose failures during sign-in (no config argument) are worded for end users. */
export const withEndUserErrors =
  (send: SendMessageFunction): SendMessageFunction =>
  async (data, config) => {
    try {
      return await send(data, config);
    } catch (error: unknown) {
      const payload = isRecord(data) && isRecord(data.payload) ? data.payload : {};
      throw isConsoleSend(config) ? error : forEndUser(error, payload);
    }
  };
