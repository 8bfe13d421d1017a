/**
 * The validated-config cache (src/index.ts): Logto reads the stored configuration afresh for every
 * send, and the connector remembers what it validated. An edit to any key must be seen by the very
 * next send, on the wire. Each row starts a factory of its own (an empty cache), sends with the
 * stored config, edits one key and sends again: the second request must show the edit. Requests
 * are captured with nock; the signature is checked with the sandbox's own signer, which shares no
 * code with src/.
 */
import { ConnectorErrorCodes, TemplateType } from '@logto/connector-kit';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { signature, stringToSign } from '../sandbox/signature-v1.js';
import { createAliyunSmsConnector } from '../src/index.js';
import { auditedData } from './logto-error-response.js';

const secrets = ['fakeSecret', 'editedFakeSecret'];

const sms = {
  accessKeyId: 'LTAI5tFakeKeyId',
  accessKeySecret: 'fakeSecret',
  signName: '登录验证',
  templates: [
    { usageType: 'SignIn', templateCode: 'SMS_100000001', content: 'Your sign-in code is {{code}}.' },
    { usageType: 'Register', templateCode: { china: 'SMS_200000001', overseas: 'SMS_200000002' }, content: 'Your code is {{code}}.' },
    { usageType: 'ForgotPassword', templateCode: 'SMS_300000001', content: 'Your reset code is {{code}}.' },
    { usageType: 'Generic', templateCode: 'SMS_400000001', content: 'Your code is {{code}}.' },
  ],
};
const [signIn, ...otherTemplates] = sms.templates;
const international = { ...sms, site: 'international' };
const pnvs = { ...sms, mainlandService: 'pnvs', pnvsSignName: '速通互联验证码' };

const mainland = { to: '8613800138000', type: TemplateType.SignIn };

/** One request as it reached a host: the host, the form's parameters, and which secret its signature verifies with. */
type Wire = Record<string, string>;
let wire: Wire[] = [];

const hosts = [
  'https://dysmsapi.aliyuncs.com',
  'https://dysmsapi.ap-southeast-1.aliyuncs.com',
  'https://dysmsapi.eu-central-1.aliyuncs.com',
  'https://dypnsapi.aliyuncs.com',
  'https://dypnsapi.example.com',
];

beforeAll(() => {
  nock.disableNetConnect();
});

afterEach(() => {
  nock.cleanAll();
});

const recordEveryHost = (delayMs = 0) => {
  wire = [];
  for (const origin of hosts) {
    nock(origin)
      .persist()
      .post('/')
      .delay(delayMs)
      .reply(200, (_uri, body) => {
        const { Signature: signed = '', ...unsigned } = Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : ''));
        const toSign = stringToSign('POST', unsigned);
        const signedWith = secrets.find((secret) => signature(secret, toSign) === signed) ?? 'no known secret';
        wire.push({ host: new URL(origin).host, ...unsigned, signedWith });
        return { Code: 'OK', Message: 'OK', BizId: '1^0', RequestId: 'R' };
      });
  }
};

/** Sends `message` with `before` stored, then with `after` stored, on one factory; the requests each send made. */
const sendBeforeAndAfterEdit = async (before: object, after: object, message: { to: string; type: TemplateType; locale?: string }) => {
  let stored = before;
  const factory = createAliyunSmsConnector({ nonce: () => '00000000-0000-4000-8000-000000000000', now: () => new Date() });
  const seen: Array<{ wire: Wire[]; outcome: unknown }> = [];
  for (const config of [before, after]) {
    stored = config;
    const sent = wire.length;
    // A new connector per send, the config read through getConfig as a new object, as Logto does.
    const { sendMessage } = await factory({ getConfig: async () => structuredClone(stored) });
    const outcome: unknown = await sendMessage({
      to: message.to,
      type: message.type,
      payload: { code: '123456', ...(message.locale ? { locale: message.locale } : {}) },
    }).catch((error: unknown) => error);
    seen.push({ wire: wire.slice(sent), outcome });
  }
  return seen;
};

describe('an edited stored config is seen by the next send, on the wire', () => {
  it.each<[key: string, before: object, edit: object, message: { to: string; type: TemplateType; locale?: string }, shows: Wire]>([
    ['accessKeyId', sms, { accessKeyId: 'LTAI5tEditedKeyId' }, mainland, { AccessKeyId: 'LTAI5tEditedKeyId' }],
    ['accessKeySecret', sms, { accessKeySecret: 'editedFakeSecret' }, mainland, { signedWith: 'editedFakeSecret' }],
    ['signName', sms, { signName: '新签名' }, mainland, { SignName: '新签名' }],
    ['templates: a templateCode', sms, { templates: [{ ...signIn, templateCode: 'SMS_100000009' }, ...otherTemplates] }, mainland, { TemplateCode: 'SMS_100000009' }],
    [
      'templates: params',
      sms,
      { templates: [{ ...signIn, params: { code: '{{code}}', product: 'Logto' } }, ...otherTemplates] },
      mainland,
      { TemplateParam: '{"code":"123456","product":"Logto"}' },
    ],
    [
      'templates: an entry for a language',
      sms,
      { templates: [...sms.templates, { usageType: 'SignIn', locales: ['en'], templateCode: 'SMS_100000010' }] },
      { ...mainland, locale: 'en-GB' },
      { TemplateCode: 'SMS_100000010' },
    ],
    ['strictPhoneRegionNumberCheck', sms, { strictPhoneRegionNumberCheck: true }, { to: '16502530000', type: TemplateType.Register }, { TemplateCode: 'SMS_200000002' }],
    ['endpoint', sms, { endpoint: 'https://dysmsapi.eu-central-1.aliyuncs.com' }, mainland, { host: 'dysmsapi.eu-central-1.aliyuncs.com', RegionId: 'eu-central-1' }],
    ['site', sms, { site: 'international' }, mainland, { host: 'dysmsapi.ap-southeast-1.aliyuncs.com', Action: 'SendMessageWithTemplate', To: '8613800138000' }],
    ['senderId', international, { senderId: 'Acme' }, { to: '85268326366', type: TemplateType.SignIn }, { Action: 'SendMessageToGlobe', From: 'Acme' }],
    [
      'templates: content',
      international,
      { templates: [{ ...signIn, content: 'Acme code {{code}}' }, ...otherTemplates] },
      { to: '85268326366', type: TemplateType.SignIn },
      { Message: 'Acme code 123456' },
    ],
    ['mainlandService', { ...sms, pnvsSignName: '速通互联验证码' }, { mainlandService: 'pnvs' }, mainland, { host: 'dypnsapi.aliyuncs.com', Action: 'SendSmsVerifyCode' }],
    ['pnvsSignName', pnvs, { pnvsSignName: '沙箱赠送签名' }, mainland, { SignName: '沙箱赠送签名' }],
    ['pnvsCodeValidMinutes', pnvs, { pnvsCodeValidMinutes: 5 }, mainland, { TemplateParam: '{"code":"123456","min":"5"}' }],
    ['pnvsSchemeName', pnvs, { pnvsSchemeName: '登录方案' }, mainland, { SchemeName: '登录方案' }],
    ['pnvsEndpoint', pnvs, { pnvsEndpoint: 'https://dypnsapi.example.com' }, mainland, { host: 'dypnsapi.example.com', Action: 'SendSmsVerifyCode' }],
    ['templates: pnvsTemplateCode', pnvs, { templates: [{ ...signIn, pnvsTemplateCode: '100002' }, ...otherTemplates] }, mainland, { TemplateCode: '100002' }],
    ['templates: pnvsParams', pnvs, { templates: [{ ...signIn, pnvsParams: { code: '{{code}}' } }, ...otherTemplates] }, mainland, { TemplateParam: '{"code":"123456"}' }],
  ])('%s', async (_, before, edit, message, shows) => {
    recordEveryHost();
    const [first, second] = await sendBeforeAndAfterEdit(before, { ...before, ...edit }, message);
    expect(first?.wire).toHaveLength(1);
    expect(first?.wire[0]).not.toMatchObject(shows);
    expect(second?.wire).toEqual([expect.objectContaining(shows)]);
  });

  it('allowedRegionCodes: a region taken out is refused, nothing sent', async () => {
    recordEveryHost();
    const [first, second] = await sendBeforeAndAfterEdit(sms, { ...sms, allowedRegionCodes: ['852'] }, mainland);
    expect(first?.wire).toHaveLength(1);
    // A refused region is `General` during sign-in, so Logto shows the end user's region sentence.
    expect(second).toEqual({ wire: [], outcome: expect.objectContaining({ code: ConnectorErrorCodes.General }) });
    expect(auditedData(second?.outcome)).toMatchObject({ refusal: 'region' });
    expect(JSON.stringify(auditedData(second?.outcome))).toContain('which allowedRegionCodes (852) does not allow');
  });

  it('timeout: the edited deadline is the one the send keeps', async () => {
    // Every answer takes 1.2 s: past a 1 s timeout, within a 5 s one.
    recordEveryHost(1200);
    const [first, second] = await sendBeforeAndAfterEdit({ ...sms, timeout: 1000 }, { ...sms, timeout: 5000 }, mainland);
    expect(first?.outcome).toMatchObject({ code: ConnectorErrorCodes.General });
    expect(auditedData(first?.outcome)).toMatchObject({ failure: { kind: 'timeout', timeout: 1000 } });
    expect(second).toEqual({ wire: [expect.objectContaining({ Action: 'SendSms' })], outcome: { BizId: '1^0', RequestId: 'R' } });
  });
});
