/**
 * End to end: who reads a failed send. The Console's Send passes the form's config and keeps the
 * operator's sentence; a sign-in send (Logto reads the stored config, no config argument) shows
 * the end user a sentence meant for them, while the operator's sentence, Aliyun's code and the
 * RequestId stay in `data`, which Logto's audit log keeps. Rate limits and bad numbers keep their
 * own codes. Checked through Logto's loader, against the sandbox, and through the model of what
 * Logto answers and logs (`logto-error-response.ts`).
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

type Data = Record<string, unknown> & { errorDescription?: string; operatorDescription?: string; requestId?: string };

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
    expect(error.data).not.toHaveProperty('operatorDescription');
    expect(responseFor(error).message).toBe(`Error occurred in connector: \n${error.data.errorDescription}`);
    expectNoSecret(error);
  });
});

describe('sign-in send: the end user reads a sentence for them, the operator finds the story in data', () => {
  it('an unapproved sign name', async () => {
    const error = await signIn(async () => badSignName());
    expect(error.code).toBe(ConnectorErrorCodes.General);
    expect(error.data).toMatchObject({
      errorDescription: endUser.en,
      operatorDescription: `${signature} (Aliyun isv.SMS_SIGNATURE_ILLEGAL: "该账号下找不到对应签名", RequestId ${error.data.requestId})`,
      code: 'isv.SMS_SIGNATURE_ILLEGAL',
      message: '该账号下找不到对应签名',
      requestId: expect.stringMatching(/^[\dA-F-]{36}$/),
      httpStatus: 200,
      attempts: 1,
      route: expect.objectContaining({ api: 'SendSms 2017-05-25' }),
    });
    // What the sign-in page shows: Logto's phrase with our sentence, nothing about the account.
    const shown = responseFor(error).message;
    expect(shown).toBe(`Error occurred in connector: \n${endUser.en}`);
    expect(shown).not.toMatch(/signName|SMS_\d|127\.0\.0\.1|RequestId/);
    // What the audit log keeps: the ConnectorError's message, which is its data as JSON.
    const logged = auditLogError(error).message;
    expect(logged.startsWith('Error: ConnectorError: ')).toBe(true);
    expect(JSON.parse(logged.slice('Error: ConnectorError: '.length))).toMatchObject({
      operatorDescription: error.data.operatorDescription,
      code: 'isv.SMS_SIGNATURE_ILLEGAL',
      requestId: error.data.requestId,
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
    expect(error.data).toMatchObject({
      errorDescription: endUser.en,
      operatorDescription: expect.stringMatching(/^Could not connect to 127\.0\.0\.1:1: connection refused \(ECONNREFUSED\)/),
      failure: { kind: 'network', errorCode: 'ECONNREFUSED' },
    });
    expectNoSecret(error);
  });

  it('a stored config Logto could not read', async () => {
    const error = await signIn(() => Promise.reject(new Error('connection terminated')));
    expect(error.data).toEqual({
      errorDescription: endUser.en,
      operatorDescription:
        "Logto could not read this connector's stored configuration (connection terminated); save the configuration in the Console again.",
    });
  });
});

describe('sign-in send: errors Logto already words for end users keep their code and text', () => {
  it('a rate limit', async () => {
    const stored = async () => connectorConfig(harness.sandbox);
    const { connector } = await loadConnector(undefined, stored);
    await connector.sendMessage({ to: '8613700137001', type: TemplateType.SignIn, payload: { code: '111111' } });
    const error = await signIn(stored, { to: '8613700137001' });
    expect(error.code).toBe(ConnectorErrorCodes.RateLimitExceeded);
    expect(error.data).not.toHaveProperty('operatorDescription');
    expect(error.data.errorDescription).toMatch(/^Aliyun flow control refused another message to this number for now .* \(Aliyun isv\.BUSINESS_LIMIT_CONTROL: /);
  });

  it('a number that is not one', async () => {
    const error = await signIn(async () => connectorConfig(harness.sandbox), { to: '86138001380OO' });
    expect(error.code).toBe(ConnectorErrorCodes.InvalidRequestParameters);
    expect(error.data).not.toHaveProperty('operatorDescription');
  });

  it('an invalid stored config stays InvalidConfig with its issues', async () => {
    const error = await signIn(async () => ({ ...connectorConfig(harness.sandbox), signName: ' ' }));
    expect(error.code).toBe(ConnectorErrorCodes.InvalidConfig);
    expect(responseFor(error).details).toMatch(/^Error in key path "signName": \(too_small\) signName must not be empty/);
  });
});
