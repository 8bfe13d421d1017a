/**
 * End to end: who reads a failed send. The Console's Send passes the form's config and keeps the
 * operator's error; a sign-in send (Logto reads the stored config, no config argument) gets
 * `data` with a sentence for the end user and Aliyun's RequestId only, while the error's message,
 * which Logto's audit log stores, stays the operator's error. Rate limits and bad numbers keep
 * their own codes. Checked through Logto's loader, against the sandbox, and through the model of
 * what Logto answers and logs (`logto-error-response.ts`); every route and error code is in
 * `e2e-send-paths.test.ts`.
 */
import { ConnectorError, ConnectorErrorCodes, TemplateType } from '@logto/connector-kit';
import { beforeEach, describe, expect, it } from 'vitest';

import { loadConnector, pressSend } from '../demo/logto-host.js';
import { connectorConfig } from '../sandbox/connector-config.js';
import { useSandboxAndConnector } from './harness.js';
import { auditLogError, responseFor } from './logto-error-response.js';

const harness = useSandboxAndConnector();

beforeEach(() => {
  harness.sandbox.clock.reset();
  harness.sandbox.outbox.clear();
});

const endUser = {
  en: 'The verification code could not be sent by SMS. Please try again later, or contact support if this keeps happening.',
  zhCN: '短信验证码发送失败。请稍后重试；如果问题持续，请联系客服。',
  zhTW: '簡訊驗證碼發送失敗。請稍後再試；如果問題持續，請聯絡客服。',
};

const signature = 'Aliyun does not accept signName; use a signature approved in this account, spelled exactly as the SMS console shows it.';

type Data = Record<string, unknown> & { errorDescription?: string; requestId?: string };

const caught = async (sending: Promise<unknown>): Promise<ConnectorError & { data: Data }> => {
  const error: unknown = await sending.then(() => 'sent').catch((error_: unknown) => error_);
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError & { data: Data };
};

/** A sign-in send: Logto's stored config comes from `getConfig`, the payload carries the page's locale. */
const signIn = async (stored: () => Promise<unknown>, { to = '8613800138000', locale = 'en' } = {}) => {
  const { connector } = await loadConnector(undefined, stored);
  return caught(connector.sendMessage({ to, type: TemplateType.SignIn, payload: { code: '123456', locale, uiLocales: locale } }));
};

const badSignName = () => ({ ...connectorConfig(harness.sandbox), signName: '未审核签名' });

/** Nothing secret in anything Logto shows or stores for this error. */
const expectNoSecret = (error: ConnectorError) => {
  const secret = connectorConfig(harness.sandbox).accessKeySecret;
  for (const text of [error.message, JSON.stringify(error.data), JSON.stringify(responseFor(error)), auditLogError(error).message]) {
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(/Signature=|string to sign/i);
  }
};

describe('Console Send: the operator reads what to fix', () => {
  it('an unapproved sign name', async () => {
    const error = await caught(pressSend(harness.connector, '8613800138000', badSignName()));
    expect(error.code).toBe(ConnectorErrorCodes.General);
    expect(error.data.errorDescription).toBe(
      `${signature} (Aliyun isv.SMS_SIGNATURE_ILLEGAL: "该账号下找不到对应签名", RequestId ${error.data.requestId})` +
        // The Console's Send adds what the account's read-only APIs say (send-explanation.ts).
        ' The account says: signature 未审核签名 is not in this Aliyun account (check the code or name against the Aliyun SMS console (短信服务 → 国内消息 / 国际/港澳台消息); a signature approved for another Aliyun account cannot be used with this AccessKey).'
    );
    expect(responseFor(error).message).toBe(`Error occurred in connector: ${error.data.errorDescription}`);
    expectNoSecret(error);
  });
});

/** The operator's error as the audit log stores it: `String(error)`, i.e. `Error: ConnectorError: <data as JSON>`. */
const loggedData = (error: ConnectorError): Record<string, unknown> => {
  const logged = auditLogError(error).message;
  expect(logged.startsWith('Error: ConnectorError: ')).toBe(true);
  return JSON.parse(logged.slice('Error: ConnectorError: '.length)) as Record<string, unknown>;
};

describe('sign-in send: the browser gets a sentence for the end user, the audit log the operator error', () => {
  it('an unapproved sign name', async () => {
    const error = await signIn(async () => badSignName());
    expect(error.code).toBe(ConnectorErrorCodes.General);
    expect(error.data).toEqual({ errorDescription: endUser.en, requestId: expect.stringMatching(/^[\dA-F-]{36}$/) });
    // What the sign-in page shows: Logto's phrase with our sentence, nothing about the account.
    const shown = responseFor(error);
    expect(shown.message).toBe(`Error occurred in connector: ${endUser.en}`);
    expect(JSON.stringify(shown)).not.toMatch(/signName|SMS_\d|127\.0\.0\.1|isv\.|签名|route/);
    // What the audit log keeps: the operator's error, as the Console's Send would show it.
    expect(loggedData(error)).toEqual({
      errorDescription: `${signature} (Aliyun isv.SMS_SIGNATURE_ILLEGAL: "该账号下找不到对应签名", RequestId ${error.data.requestId})`,
      code: 'isv.SMS_SIGNATURE_ILLEGAL',
      message: '该账号下找不到对应签名',
      requestId: error.data.requestId,
      httpStatus: 200,
      attempts: 1,
      route: expect.objectContaining({ api: 'SendSms 2017-05-25', templateCode: expect.stringMatching(/^SMS_/) }),
    });
    expectNoSecret(error);
  });

  it.each([
    ['zh-CN', endUser.zhCN],
    ['zh', endUser.zhCN],
    ['zh-Hans-CN', endUser.zhCN],
    ['zh-TW', endUser.zhTW],
    ['zh-HK', endUser.zhTW],
    ['zh-Hant', endUser.zhTW],
    ['ja', endUser.en],
    ['en-US', endUser.en],
  ])('in the page language %s', async (locale, sentence) => {
    const error = await signIn(async () => badSignName(), { locale });
    expect(error.data.errorDescription).toBe(sentence);
  });

  it('a connection refused', async () => {
    const error = await signIn(async () => ({ ...connectorConfig(harness.sandbox), endpoint: 'http://127.0.0.1:1' }));
    expect(error.code).toBe(ConnectorErrorCodes.General);
    expect(error.data).toEqual({ errorDescription: endUser.en });
    expect(loggedData(error)).toMatchObject({
      errorDescription: expect.stringMatching(/^Could not connect to 127\.0\.0\.1:1: connection refused \(ECONNREFUSED\)/),
      failure: { kind: 'network', errorCode: 'ECONNREFUSED' },
    });
    expectNoSecret(error);
  });

  it('a stored config Logto could not read', async () => {
    const error = await signIn(() => Promise.reject(new Error('connection terminated')));
    expect(error.data).toEqual({ errorDescription: endUser.en });
    expect(loggedData(error)).toEqual({
      errorDescription:
        "Logto could not read this connector's stored configuration (connection terminated); save the configuration in the Console again.",
    });
  });
});

describe('sign-in send: errors Logto words for end users keep their code, with a sentence for the end user', () => {
  it('a rate limit', async () => {
    const stored = async () => connectorConfig(harness.sandbox);
    const { connector } = await loadConnector(undefined, stored);
    await connector.sendMessage({ to: '8613700137001', type: TemplateType.SignIn, payload: { code: '111111' } });
    const error = await signIn(stored, { to: '8613700137001' });
    expect(error.code).toBe(ConnectorErrorCodes.RateLimitExceeded);
    expect(error.data).toEqual({
      errorDescription: 'Too many verification codes were requested for this phone number. Please wait a while and try again.',
      requestId: expect.any(String),
    });
    expect(responseFor(error)).toMatchObject({ status: 429, message: 'Trigger rate limit. Please try again later.' });
    expect(loggedData(error).errorDescription).toMatch(/^Aliyun flow control refused another message to this number for now .* \(Aliyun isv\.BUSINESS_LIMIT_CONTROL: /);
  });

  it('a number that is not one', async () => {
    const error = await signIn(async () => connectorConfig(harness.sandbox), { to: '86138001380OO' });
    expect(error.code).toBe(ConnectorErrorCodes.InvalidRequestParameters);
    expect(error.data).toEqual({ errorDescription: 'A verification code could not be sent to this phone number. Please check the number and try again.' });
    expect(auditLogError(error).message).toMatch(/^Error: ConnectorError: "The phone number .*861.*80OO/);
  });

  it('an invalid stored config stays InvalidConfig; its issues go to the audit log, not the browser', async () => {
    const error = await signIn(async () => ({ ...connectorConfig(harness.sandbox), signName: ' ' }));
    expect(error.code).toBe(ConnectorErrorCodes.InvalidConfig);
    expect(responseFor(error)).toMatchObject({ message: "The connector's config is invalid.", data: { errorDescription: endUser.en } });
    expect(responseFor(error).details).toBeUndefined();
    expect(auditLogError(error).message).toContain('signName must not be empty');
  });
});
