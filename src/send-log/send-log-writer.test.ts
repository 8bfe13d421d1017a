/**
 * The send log through `sendMessage`, on the wire (nock, no network): one line per send, captured by
 * the writer given in the options; accepted and refused sends, sign-ins and the Console's Send;
 * `disableSendLog`; a writer that throws. No line ever holds the code, the secret, Aliyun's
 * `Message` or PNVS's `VerifyCode`.
 */
import { ConnectorErrorCodes, TemplateType } from '@logto/connector-kit';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { createAliyunSmsConnector } from '../index.js';
import { readLogLine } from '../../test/send-log-reader.js';

const endpoint = 'https://dysmsapi.aliyuncs.com';
const secret = 'fakeSecretForTheSendLog';
const config = {
  accessKeyId: 'LTAI5tFakeKeyId',
  accessKeySecret: secret,
  signName: '登录验证',
  templates: [
    { usageType: 'SignIn', templateCode: 'SMS_123456789' },
    { usageType: 'Register', templateCode: 'SMS_200000001' },
    { usageType: 'ForgotPassword', templateCode: 'SMS_300000001' },
    { usageType: 'Generic', templateCode: 'SMS_400000001' },
  ],
};
const code = '482913';
const signIn = { to: '8613800138000', type: TemplateType.SignIn, payload: { code, locale: 'zh-CN' } };

beforeAll(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
});

/** A connector whose send log goes to `lines`, its clock at 21:00 UTC (05:00 the next day in China). */
const connectorLogging = async (stored: unknown = config, write?: (line: string) => void) => {
  const lines: string[] = [];
  const factory = createAliyunSmsConnector({ now: () => new Date('2026-12-04T21:00:00.000Z'), warn: () => undefined, sendLog: write ?? ((line) => lines.push(line)) });
  const { sendMessage } = await factory({ getConfig: async () => stored });
  return { sendMessage, lines };
};

/** What must never appear in a line, whatever the send. */
const expectNothingPrivate = (lines: readonly string[]) => {
  for (const line of lines) {
    expect(line).not.toContain(code);
    expect(line).not.toContain(secret);
    expect(line).not.toContain('string to sign');
    expect(line).not.toContain('13800138000');
  }
};

describe('the send log of sendMessage', () => {
  it('an accepted sign-in: one line with the BizId and RequestId, the China day, nothing private', async () => {
    nock(endpoint).post('/').reply(200, { Code: 'OK', Message: 'OK', BizId: '9006197469364984^0', RequestId: 'F655A8D5-B967-440B-8683-DAD6FF8DE990' });
    const { sendMessage, lines } = await connectorLogging();
    await sendMessage(signIn);
    expect(lines).toHaveLength(1);
    expect(readLogLine(lines[0] ?? '')).toEqual({
      event: 'aliyun-sms.send',
      outcome: 'accepted',
      test: 'false',
      time: '2026-12-05T05:00:00.000+08:00',
      date: '2026-12-05',
      type: 'SignIn',
      to: '861******8000',
      site: 'china',
      region: 'mainland',
      regionCode: '86',
      host: 'dysmsapi.aliyuncs.com',
      action: 'SendSms',
      version: '2017-05-25',
      template: 'SMS_123456789',
      bizId: '9006197469364984^0',
      requestId: 'F655A8D5-B967-440B-8683-DAD6FF8DE990',
      ms: '0',
    });
    expectNothingPrivate(lines);
  });

  it("a refusal: Aliyun's code and RequestId, not its Message, which echoed the string to sign", async () => {
    nock(endpoint)
      .post('/')
      .reply(400, { Code: 'SignatureDoesNotMatch', Message: `Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3DLTAI5tFakeKeyId%26PhoneNumbers%3D13800138000%26TemplateParam%3D${code}`, RequestId: 'R-refused' });
    const { sendMessage, lines } = await connectorLogging();
    await expect(sendMessage(signIn)).rejects.toMatchObject({ code: ConnectorErrorCodes.General });
    expect(readLogLine(lines[0] ?? '')).toMatchObject({ outcome: 'refused', by: 'aliyun', code: 'SignatureDoesNotMatch', requestId: 'R-refused', action: 'SendSms' });
    expect(lines[0]).not.toContain('Specified');
    expectNothingPrivate(lines);
  });

  it('the Console’s Send (the form’s config): test=true', async () => {
    nock(endpoint).post('/').reply(200, { Code: 'OK', Message: 'OK', BizId: '1^0', RequestId: 'R1' });
    const { sendMessage, lines } = await connectorLogging(undefined);
    await sendMessage({ to: '8613800138000', type: TemplateType.Generic, payload: { code: '000000' } }, config);
    expect(readLogLine(lines[0] ?? '')).toMatchObject({ outcome: 'accepted', test: 'true', type: 'Generic', template: 'SMS_400000001' });
  });

  it.each<[string, unknown, Record<string, string>]>([
    ['an invalid stored configuration', { ...config, timeout: 'soon' }, { reason: 'config', error: 'invalid_config' }],
    ['a number the connector cannot read', config, { reason: 'number', error: 'invalid_request_parameters' }],
    ['a region allowedRegionCodes leaves out', { ...config, allowedRegionCodes: ['852'] }, { reason: 'region', error: 'general' }],
  ])('refused before sending, nothing on the wire: %s', async (_, stored, says) => {
    const { sendMessage, lines } = await connectorLogging(stored);
    const to = says.reason === 'number' ? '86138001380001234' : signIn.to;
    await expect(sendMessage({ ...signIn, to })).rejects.toBeDefined();
    expect(lines).toHaveLength(1);
    expect(readLogLine(lines[0] ?? '')).toMatchObject({ outcome: 'refused', by: 'connector', type: 'SignIn', ...says });
    expectNothingPrivate(lines);
  });

  it('PNVS: the BizId from Model, never the VerifyCode Aliyun returned', async () => {
    nock('https://dypnsapi.aliyuncs.com')
      .post('/')
      .reply(200, { Code: 'OK', Message: '成功', Success: true, RequestId: 'R-pnvs', Model: { BizId: '112233^4', RequestId: 'R-pnvs', VerifyCode: '775533' } });
    const { sendMessage, lines } = await connectorLogging({ accessKeyId: 'LTAI5tFakeKeyId', accessKeySecret: secret, mainlandService: 'pnvs', pnvsSignName: '速通互联验证码' });
    await sendMessage(signIn);
    expect(readLogLine(lines[0] ?? '')).toMatchObject({ outcome: 'accepted', action: 'SendSmsVerifyCode', host: 'dypnsapi.aliyuncs.com', bizId: '112233^4', requestId: 'R-pnvs' });
    expect(lines[0]).not.toContain('775533');
  });

  it.each([
    ['a stored configuration', (sendMessage: Awaited<ReturnType<typeof connectorLogging>>['sendMessage']) => sendMessage(signIn)],
    ['the Console’s Send', (sendMessage: Awaited<ReturnType<typeof connectorLogging>>['sendMessage']) => sendMessage(signIn, { ...config, disableSendLog: true })],
  ])('disableSendLog: true in %s writes nothing, accepted or refused', async (_, send) => {
    nock(endpoint).post('/').reply(200, { Code: 'OK', Message: 'OK', BizId: '1^0', RequestId: 'R1' });
    const { sendMessage, lines } = await connectorLogging({ ...config, disableSendLog: true });
    await send(sendMessage);
    await expect(sendMessage({ ...signIn, to: 'abc' })).rejects.toBeDefined();
    const invalid = await connectorLogging({ ...config, disableSendLog: true, timeout: 'soon' });
    await expect(invalid.sendMessage(signIn)).rejects.toBeDefined();
    expect([...lines, ...invalid.lines]).toEqual([]);
  });

  it('a writer that throws loses its line, not the send', async () => {
    nock(endpoint).post('/').reply(200, { Code: 'OK', Message: 'OK', BizId: '1^0', RequestId: 'R1' });
    const { sendMessage } = await connectorLogging(config, () => {
      throw new Error('stdout closed');
    });
    await expect(sendMessage(signIn)).resolves.toEqual({ BizId: '1^0', RequestId: 'R1' });
  });
});
