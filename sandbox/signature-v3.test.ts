/**
 * Known-answer tests for the sandbox's own signature V3 (`ACS3-HMAC-SHA256`) implementation.
 *
 * Vectors:
 * - RunInstances: Aliyun's published example, "V3 request structure and signature"
 *   (help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature): fixed key pair,
 *   date and nonce, with the canonical headers, the hashed canonical request and the signature.
 * - SendSms in the query and SendSms as a form body: not published; computed with Aliyun's own
 *   SDK signer (`getAuthorization` of `@alicloud/openapi-core` 1.0.8), from the SendSms
 *   parameters of fact sheet §1.3, so they pin UTF-8 and JSON values and the payload hash.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import {
  canonicalHeaders,
  canonicalQueryString,
  canonicalRequest,
  canonicalUri,
  hashedRequestPayload,
  parseAuthorization,
  signatureV3,
  signedHeaders,
  stringToSignV3,
} from './signature-v3.js';
import type { V3Request } from './signature-v3.js';

/** SHA-256 of the empty string: the payload hash of a request without a body. */
const emptyPayload = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const commonNames = ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version'];

const runInstances: V3Request = {
  method: 'POST',
  path: '/',
  query: { ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd', RegionId: 'cn-shanghai' },
  headers: {
    host: 'ecs.cn-shanghai.aliyuncs.com',
    'x-acs-action': 'RunInstances',
    'x-acs-version': '2014-05-26',
    'x-acs-date': '2023-10-26T10:22:32Z',
    'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
    'x-acs-content-sha256': emptyPayload,
  },
  signedHeaderNames: commonNames,
  payloadHash: emptyPayload,
};

const sendSmsHeaders = {
  host: 'dysmsapi.aliyuncs.com',
  'x-acs-action': 'SendSms',
  'x-acs-version': '2017-05-25',
  'x-acs-date': '2017-07-12T02:42:19Z',
  'x-acs-signature-nonce': '45e25e9b-0a6f-4070-8c85-2956eda1b466',
};

const sendSmsForm =
  'PhoneNumbers=15300000001&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%E4%B8%93%E7%94%A8' +
  '&TemplateCode=SMS_71390007';
const sendSmsFormHash = '188281f4f1787b270de9456c29da68260402e30f1d3c01e904bf4628ad3f3965';

const vectors: Array<{ name: string; secret: string; request: V3Request; expected: string }> = [
  {
    name: 'published RunInstances example',
    secret: 'YourAccessKeySecret',
    request: runInstances,
    expected: '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
  },
  {
    name: 'SendSms, parameters in the query as the SDK sends them (SDK signer)',
    secret: 'testSecret',
    request: {
      method: 'POST',
      path: '/',
      query: {
        OutId: '123',
        PhoneNumbers: '15300000001',
        SignName: '阿里云短信测试专用',
        TemplateCode: 'SMS_71390007',
        TemplateParam: '{"customer":"test"}',
      },
      headers: { ...sendSmsHeaders, 'x-acs-content-sha256': emptyPayload, 'user-agent': 'unsigned', accept: 'application/json' },
      signedHeaderNames: commonNames,
      payloadHash: emptyPayload,
    },
    expected: '5fe5104f3ecef07ba84b850facd963195ac98ccac2c99aa8266852c4f247521c',
  },
  {
    name: 'SendSms as a form body: content-type signed, body hashed (SDK signer)',
    secret: 'testSecret',
    request: {
      method: 'POST',
      path: '/',
      query: {},
      headers: { ...sendSmsHeaders, 'content-type': 'application/x-www-form-urlencoded', 'x-acs-content-sha256': sendSmsFormHash },
      signedHeaderNames: ['content-type', ...commonNames],
      payloadHash: sendSmsFormHash,
    },
    expected: '94c383429c873e9612064985aee24cb1b7b45da0231dedc80e343986933b3c23',
  },
];

describe('signature V3 known answers', () => {
  it('builds the published canonical request line by line', () => {
    expect(canonicalRequest(runInstances)).toBe(
      [
        'POST',
        '/',
        'ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai',
        'host:ecs.cn-shanghai.aliyuncs.com\n' +
          'x-acs-action:RunInstances\n' +
          `x-acs-content-sha256:${emptyPayload}\n` +
          'x-acs-date:2023-10-26T10:22:32Z\n' +
          'x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\n' +
          'x-acs-version:2014-05-26\n',
        'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
        emptyPayload,
      ].join('\n'),
    );
  });

  it('hashes the published canonical request to the published StringToSign', () => {
    expect(stringToSignV3(canonicalRequest(runInstances))).toBe(
      'ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259',
    );
  });

  it.each(vectors)('$name: signature', ({ secret, request, expected }) => {
    expect(signatureV3(secret, stringToSignV3(canonicalRequest(request)))).toBe(expected);
  });

  it('hashes the empty payload and a form body (HashedRequestPayload)', () => {
    expect(hashedRequestPayload('')).toBe(emptyPayload);
    expect(hashedRequestPayload(Buffer.from(sendSmsForm, 'utf8'))).toBe(sendSmsFormHash);
  });
});

describe('V3 canonical parts', () => {
  it.each([
    ['sorted by name in code-point order, upper case first', { b: '1', B: '2', a: '3' }, 'B=2&a=3&b=1'],
    ['names and values RFC 3986-encoded, space as %20', { 'a b': 'c d*~' }, 'a%20b=c%20d%2A~'],
    ['a parameter without a value keeps its =', { empty: '' }, 'empty='],
    ['no query is the empty string', {}, ''],
  ])('CanonicalQueryString: %s', (_why, query, expected) => {
    expect(canonicalQueryString(query)).toBe(expected);
  });

  it.each([
    ['RPC style is /', '/', '/'],
    ['each segment encoded, slashes kept', '/api/v1/a b*', '/api/v1/a%20b%2A'],
  ])('CanonicalURI: %s', (_why, path, expected) => {
    expect(canonicalUri(path)).toBe(expected);
  });

  it('CanonicalHeaders lower-cases names, trims values and sorts; SignedHeaders matches', () => {
    const names = ['X-Acs-Version', 'Host'];
    expect(canonicalHeaders(names, { host: ' dysmsapi.aliyuncs.com ', 'x-acs-version': '2017-05-25' })).toBe(
      'host:dysmsapi.aliyuncs.com\nx-acs-version:2017-05-25\n',
    );
    expect(signedHeaders(names)).toBe('host;x-acs-version');
  });

  it.each([
    [
      'the published header',
      'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action,Signature=0656',
      { algorithm: 'ACS3-HMAC-SHA256', credential: 'YourAccessKeyId', signedHeaders: 'host;x-acs-action', signature: '0656' },
    ],
    ['another ACS3 algorithm is still V3', 'ACS3-HMAC-SM3 Credential=id', { algorithm: 'ACS3-HMAC-SM3', credential: 'id' }],
    ['an empty field counts as absent', 'ACS3-HMAC-SHA256 Credential=,Signature=ab', { algorithm: 'ACS3-HMAC-SHA256', signature: 'ab' }],
    ['not V3', 'Bearer abc', undefined],
    ['no header', undefined, undefined],
  ])('parseAuthorization: %s', (_why, header, expected) => {
    expect(parseAuthorization(header)).toEqual(expected);
  });
});
