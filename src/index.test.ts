import { ConnectorError, ConnectorErrorCodes, TemplateType } from '@logto/connector-kit';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import createConnector, { createAliyunSmsConnector } from './index.js';
import { metadata } from './metadata.js';

const endpoint = 'https://dysmsapi.aliyuncs.com';

const config = {
  accessKeyId: 'LTAI5tFakeKeyId',
  accessKeySecret: 'fakeSecret',
  signName: '登录验证',
  templates: [
    { usageType: 'SignIn', templateCode: 'SMS_123456789' },
    { usageType: 'Register', templateCode: { china: 'SMS_200000001', overseas: 'SMS_200000002' } },
    { usageType: 'ForgotPassword', templateCode: 'SMS_300000001' },
    { usageType: 'Generic', templateCode: 'SMS_400000001', params: { code: '{{code}}', minutes: '5' } },
  ],
};

/** Pinned nonce and clock, so the exact body (and its signature) is known. */
const pinned = {
  nonce: () => '00000000-0000-4000-8000-000000000000',
  now: () => new Date('2026-01-02T03:04:05.678Z'),
};

const build = async (getConfig = vi.fn(async () => config)) =>
  (await createAliyunSmsConnector(pinned)({ getConfig })).sendMessage;

beforeAll(() => {
  nock.disableNetConnect();
});

afterEach(() => {
  nock.cleanAll();
});

/** The error a send failed with. */
const failure = async (sending: Promise<unknown>): Promise<ConnectorError> => {
  const error: unknown = await sending.then(
    () => undefined,
    (error_: unknown) => error_
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
};

/** The operator's data a sign-in send keeps in its error's message (end-user-error.ts), for the audit log. */
const operatorData = ({ message }: ConnectorError): unknown => JSON.parse(message.replace(/^ConnectorError: /, ''));

describe('sendMessage on the wire', () => {
  it('posts the exact signed form body and resolves with the receipt', async () => {
    // The same parameters as the Logto-shaped known answer in signature.test.ts.
    // The body is captured and compared afterwards, so a difference shows as a diff.
    const posted: string[] = [];
    const scope = nock(endpoint)
      .post('/')
      .matchHeader('content-type', 'application/x-www-form-urlencoded')
      .reply(200, (_uri, body) => {
        posted.push(typeof body === 'string' ? body : JSON.stringify(body));
        return { Code: 'OK', Message: 'OK', BizId: '9006197469364984^0', RequestId: 'F655A8D5-B967-440B-8683-DAD6FF8DE990' };
      });

    const sendMessage = await build();
    await expect(
      sendMessage({ to: '8613800138000', type: TemplateType.SignIn, payload: { code: '000000', locale: 'zh-CN' } })
    ).resolves.toEqual({ BizId: '9006197469364984^0', RequestId: 'F655A8D5-B967-440B-8683-DAD6FF8DE990' });
    expect(scope.isDone()).toBe(true);
    expect(posted).toEqual([
      'AccessKeyId=LTAI5tFakeKeyId&Action=SendSms&Format=JSON&PhoneNumbers=13800138000&RegionId=cn-hangzhou' +
        '&SignName=%E7%99%BB%E5%BD%95%E9%AA%8C%E8%AF%81' +
        '&SignatureMethod=HMAC-SHA1&SignatureNonce=00000000-0000-4000-8000-000000000000&SignatureVersion=1.0' +
        '&TemplateCode=SMS_123456789&TemplateParam=%7B%22code%22%3A%22000000%22%7D' +
        '&Timestamp=2026-01-02T03%3A04%3A05Z&Version=2017-05-25&Signature=au51s6URevioezji9ssedWyOAHE%3D',
    ]);
  });

  it('asks for no compressed answer: no accept-encoding header, Aliyun answers a few hundred bytes', async () => {
    const scope = nock(endpoint, { badheaders: ['accept-encoding'] })
      .post('/')
      .reply(200, { Code: 'OK', Message: 'OK', BizId: '1^0', RequestId: 'R1' });
    const sendMessage = await build();
    await sendMessage({ to: '8613800138000', type: TemplateType.SignIn, payload: { code: '123456' } });
    expect(scope.isDone()).toBe(true);
  });

  it('uses the passed config (the Console Send button) without calling getConfig', async () => {
    const getConfig = vi.fn(async () => {
      throw new Error('getConfig must not be called');
    });
    let posted: Record<string, string> = {};
    const scope = nock(endpoint)
      .post('/', (body: Record<string, string>) => {
        posted = body;
        return true;
      })
      .reply(200, { Code: 'OK', Message: 'OK', BizId: '1^0', RequestId: 'R1' });
    const sendMessage = await build(getConfig);
    await sendMessage({ to: '8613800138000', type: TemplateType.Generic, payload: { code: '000000' } }, config);
    expect(getConfig).not.toHaveBeenCalled();
    expect(scope.isDone()).toBe(true);
    expect(posted.TemplateCode).toBe('SMS_400000001');
  });

  it('validates a stored config once, and again as soon as it changes', async () => {
    let stored: Record<string, unknown> = config;
    const getConfig = vi.fn(async () => stored);
    nock(endpoint).post('/').times(2).reply(200, { Code: 'OK', Message: 'OK', BizId: '1^0', RequestId: 'R1' });
    const sendMessage = await build(getConfig);
    const data = { to: '8613800138000', type: TemplateType.SignIn, payload: { code: '123456' } };
    await sendMessage(data);
    await sendMessage(data);
    stored = { ...config, timeout: 500 };
    await expect(sendMessage(data)).rejects.toMatchObject({ code: ConnectorErrorCodes.InvalidConfig });
    expect(getConfig).toHaveBeenCalledTimes(3);
  });

  it('asks getConfig for this connector id when no config is passed', async () => {
    const getConfig = vi.fn(async () => config);
    nock(endpoint).post('/').reply(200, { Code: 'OK', Message: 'OK', BizId: '1^0', RequestId: 'R1' });
    const sendMessage = await build(getConfig);
    await sendMessage({ to: '8613800138000', type: TemplateType.SignIn, payload: { code: '123456' } });
    expect(getConfig).toHaveBeenCalledWith(metadata.id);
  });

  it.each([
    ['mainland, overseas code chosen by region', '8613800138000', TemplateType.Register, 'SMS_200000001', '13800138000'],
    ['Hong Kong gets the overseas code and region code', '85268326366', TemplateType.Register, 'SMS_200000002', '85268326366'],
    ['MFA falls back to Generic', '447911123456', TemplateType.MfaVerification, 'SMS_400000001', '447911123456'],
  ])('%s', async (_, to, type, templateCode, phoneNumbers) => {
    let posted: Record<string, string> = {};
    nock(endpoint)
      .post('/', (body: Record<string, string>) => {
        posted = body;
        return true;
      })
      .reply(200, { Code: 'OK', Message: 'OK', BizId: '1^0', RequestId: 'R1' });
    const sendMessage = await build();
    await sendMessage({ to, type, payload: { code: '654321' } });
    expect({ TemplateCode: posted.TemplateCode, PhoneNumbers: posted.PhoneNumbers }).toEqual({
      TemplateCode: templateCode,
      PhoneNumbers: phoneNumbers,
    });
  });

  it('sends only the template params: locale, uiLocales and nested objects never reach Aliyun', async () => {
    let posted: Record<string, string> = {};
    nock(endpoint)
      .post('/', (body: Record<string, string>) => {
        posted = body;
        return true;
      })
      .reply(200, { Code: 'OK', Message: 'OK', BizId: '1^0', RequestId: 'R1' });
    const sendMessage = await build();
    await sendMessage({
      to: '8613800138000',
      type: TemplateType.Generic,
      payload: { code: '111111', locale: 'en', uiLocales: 'en zh', user: { name: 'x' } },
    });
    expect(posted.TemplateParam).toBe('{"code":"111111","minutes":"5"}');
  });

  it('sends a fresh nonce and timestamp on every request', async () => {
    const nonces: string[] = [];
    nock(endpoint)
      .post('/', (body: Record<string, string>) => {
        nonces.push(`${body.SignatureNonce}@${body.Timestamp}`);
        return true;
      })
      .times(2)
      .reply(200, { Code: 'OK', Message: 'OK', BizId: '1^0', RequestId: 'R1' });
    const { sendMessage } = await createConnector({ getConfig: async () => config });
    const data = { to: '8613800138000', type: TemplateType.SignIn, payload: { code: '123456' } };
    await sendMessage(data);
    await sendMessage(data);
    expect(nonces).toHaveLength(2);
    expect(nonces[0]).toMatch(/^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}@\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(nonces[0]?.split('@')[0]).not.toBe(nonces[1]?.split('@')[0]);
  });
});

// nock passes an Error instance through to got as a socket error; a plain object never arrives.
describe('retry policy on the wire', () => {
  const counting = () => {
    let count = 0;
    return { nonce: () => `nonce-${++count}`, now: () => new Date() };
  };

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])(
    'after %s, sends once more with a fresh nonce, timestamp and signature',
    async (code) => {
      const seen: Array<Record<string, string>> = [];
      const record = (body: Record<string, string>) => {
        seen.push(body);
        return true;
      };
      nock(endpoint).post('/', record).replyWithError(Object.assign(new Error(`${code} on connect`), { code }));
      nock(endpoint).post('/', record).reply(200, { Code: 'OK', Message: 'OK', BizId: '2^0', RequestId: 'R2' });
      const { sendMessage } = await createAliyunSmsConnector(counting())({ getConfig: async () => config });
      await expect(sendMessage({ to: '8613800138000', type: TemplateType.SignIn, payload: { code: '1' } })).resolves.toEqual({
        BizId: '2^0',
        RequestId: 'R2',
      });
      expect(seen.map((body) => body.SignatureNonce)).toEqual(['nonce-1', 'nonce-2']);
      expect(seen[0]?.Signature).not.toBe(seen[1]?.Signature);
    }
  );

  it.each(['ECONNRESET', 'EPIPE', 'ETIMEDOUT'])('after %s on a new connection, never sends again', async (code) => {
    const scope = nock(endpoint).post('/').replyWithError(Object.assign(new Error(code), { code }));
    const { sendMessage } = await createAliyunSmsConnector(counting())({ getConfig: async () => config });
    const error = await failure(sendMessage({ to: '8613800138000', type: TemplateType.SignIn, payload: { code: '1' } }));
    expect(error.code).toBe(ConnectorErrorCodes.General);
    expect(operatorData(error)).toMatchObject({ failure: { kind: 'network', errorCode: code }, attempts: 1 });
    expect(scope.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('a business error is never retried', async () => {
    const scope = nock(endpoint).post('/').reply(200, { Code: 'isp.SYSTEM_ERROR', Message: 'System error', RequestId: 'R' });
    const sendMessage = await build();
    const error = await failure(sendMessage({ to: '8613800138000', type: TemplateType.SignIn, payload: { code: '1' } }));
    expect(operatorData(error)).toMatchObject({ code: 'isp.SYSTEM_ERROR', attempts: 1 });
    expect(scope.isDone()).toBe(true);
  });
});

describe('international site on the wire', () => {
  const intl = {
    ...config,
    site: 'international',
    senderId: 'LogtoOTP',
    templates: config.templates.map((template) => ({ ...template, content: 'Your code is {{code}}' })),
  };

  it('posts SendMessageToGlobe to the Singapore host and resolves with MessageId', async () => {
    let posted: Record<string, string> = {};
    const scope = nock('https://dysmsapi.ap-southeast-1.aliyuncs.com')
      .post('/', (body: Record<string, string>) => {
        posted = body;
        return true;
      })
      .reply(200, {
        ResponseCode: 'OK',
        ResponseDescription: 'The SMS Send Request was accepted',
        MessageId: '1008030300****',
        Segments: '1',
        To: '85268326366',
        RequestId: 'REQ-INTL',
      });
    const sendMessage = await build(vi.fn(async () => intl));
    await expect(sendMessage({ to: '85268326366', type: TemplateType.SignIn, payload: { code: '777777' } })).resolves.toEqual({
      MessageId: '1008030300****',
      RequestId: 'REQ-INTL',
    });
    expect(scope.isDone()).toBe(true);
    const { Signature, ...rest } = posted;
    expect(Signature).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    expect(rest).toEqual({
      AccessKeyId: 'LTAI5tFakeKeyId',
      Action: 'SendMessageToGlobe',
      Format: 'JSON',
      From: 'LogtoOTP',
      Message: 'Your code is 777777',
      RegionId: 'ap-southeast-1',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '00000000-0000-4000-8000-000000000000',
      SignatureVersion: '1.0',
      Timestamp: '2026-01-02T03:04:05Z',
      To: '85268326366',
      Type: 'OTP',
      Version: '2018-05-01',
    });
  });

  it('maps a ResponseCode refusal by the same rule', async () => {
    nock('https://dysmsapi.ap-southeast-1.aliyuncs.com')
      .post('/')
      .reply(200, { ResponseCode: 'QPS_LIMIT_CONTROL', ResponseDescription: 'QPS limit', RequestId: 'REQ-Q' });
    const sendMessage = await build(vi.fn(async () => intl));
    const error = await failure(sendMessage({ to: '8613800138000', type: TemplateType.SignIn, payload: { code: '1' } }));
    expect(error.code).toBe(ConnectorErrorCodes.RateLimitExceeded);
    expect(operatorData(error)).toMatchObject({
      code: 'QPS_LIMIT_CONTROL',
      requestId: 'REQ-Q',
      route: { site: 'international', api: 'SendMessageWithTemplate 2018-05-01' },
    });
  });
});

describe('what outlives a connector instance (Logto builds one per send)', () => {
  /**
   * A stored config as Logto's `getConfig` returns it, a new object on every read, that counts the
   * reads of its `accessKeySecret`: keying the cache by JSON text reads it once, and validating it
   * once more. So a send that validated reads it twice, a send served from the cache once.
   */
  const countingStore = (initial: Record<string, unknown>) => {
    const store = { config: initial, reads: 0 };
    const getConfig = async () =>
      new Proxy(structuredClone(store.config), {
        get(target, key, receiver) {
          if (key === 'accessKeySecret') {
            store.reads += 1;
          }
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    return { store, getConfig };
  };

  it('validates each distinct stored config once per process, across instances, and again after an edit', async () => {
    nock(endpoint).post('/').times(6).reply(200, { Code: 'OK', Message: 'OK', BizId: '1^0', RequestId: 'R1' });
    const factory = createAliyunSmsConnector({ now: () => new Date() });
    const { store, getConfig } = countingStore(config);
    const edited = { ...config, signName: '新签名' };
    const readsPerSend: number[] = [];
    for (const stored of [config, config, config, edited, edited, config]) {
      store.config = stored;
      const before = store.reads;
      const { sendMessage } = await factory({ getConfig });
      await sendMessage({ to: '8613800138000', type: TemplateType.SignIn, payload: { code: '123456' } });
      readsPerSend.push(store.reads - before);
    }
    expect(readsPerSend).toEqual([2, 1, 1, 2, 1, 1]);
  });
});

describe('refusals before sending', () => {
  it.each([
    ['a comma-separated list', '8613800138000,8613900139000', ConnectorErrorCodes.InvalidRequestParameters],
    ['letters', '86138abc8000', ConnectorErrorCodes.InvalidRequestParameters],
    ['an empty number', '', ConnectorErrorCodes.InvalidRequestParameters],
  ])('%s: nothing is sent', async (_, to, code) => {
    const sendMessage = await build();
    await expect(sendMessage({ to, type: TemplateType.SignIn, payload: { code: '1' } })).rejects.toMatchObject({ code });
  });

  it('an invalid config is InvalidConfig carrying the zod error', async () => {
    const sendMessage = await build();
    const error: unknown = await sendMessage(
      { to: '8613800138000', type: TemplateType.SignIn, payload: { code: '1' } },
      { ...config, signName: '  ' }
    ).catch((error_: unknown) => error_);
    expect(error).toMatchObject({
      code: ConnectorErrorCodes.InvalidConfig,
      data: { issues: [expect.objectContaining({ path: ['signName'] })] },
    });
  });
});
