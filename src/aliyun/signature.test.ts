import { describe, expect, it } from 'vitest';

import {
  canonicalizedQuery,
  formatTimestamp,
  percentEncode,
  sign,
  signParameters,
  signRequest,
  stringToSign,
} from './signature.js';

/**
 * Published vector from Aliyun's RPC signature page (https://help.aliyun.com/document_detail/28839.html),
 * recomputed in ../shared/aliyun-sms-api.md §1.3.
 */
const describeRegions = {
  secret: 'testsecret',
  parameters: {
    AccessKeyId: 'testid',
    Action: 'DescribeRegions',
    Format: 'XML',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
    SignatureVersion: '1.0',
    Timestamp: '2016-02-23T12:46:24Z',
    Version: '2014-05-26',
  },
};

/**
 * Published SendSms vector (https://help.aliyun.com/document_detail/101343.html), fact sheet §1.3:
 * Aliyun published the GET signature `zJDF+Lrzhj/ThnlvIToysFRq6t4=`. The POST signature
 * `Xvhv7fPXrPkLVSnlt0jIr08o8NQ=` of the same parameters is ours, not Aliyun's: computed for the fact
 * sheet with openssl from the string to sign written out below.
 */
const sendSms = {
  secret: 'testSecret',
  parameters: {
    AccessKeyId: 'testId',
    Action: 'SendSms',
    Format: 'XML',
    OutId: '123',
    PhoneNumbers: '15300000001',
    RegionId: 'cn-hangzhou',
    SignName: '阿里云短信测试专用',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
    SignatureVersion: '1.0',
    TemplateCode: 'SMS_71390007',
    TemplateParam: '{"customer":"test"}',
    Timestamp: '2017-07-12T02:42:19Z',
    Version: '2017-05-25',
  },
};

/** The published SendSms parameters, canonicalized and percent-encoded a second time, by hand. */
const sendSmsEncodedTwice =
  'AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001' +
  '%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4%25BF%25A1%25E6%25B5%258B%25E8%25AF%2595%25E4%25B8%2593%25E7%2594%25A8' +
  '%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0' +
  '%26TemplateCode%3DSMS_71390007%26TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D' +
  '%26Timestamp%3D2017-07-12T02%253A42%253A19Z%26Version%3D2017-05-25';

describe('percentEncode', () => {
  it.each([
    ['unreserved characters stay literal', 'AZaz09-_.~', 'AZaz09-_.~'],
    ['space is %20, never +', 'a b', 'a%20b'],
    ['characters encodeURIComponent keeps are encoded', "!'()*", '%21%27%28%29%2A'],
    ['plus, slash, equals and colon', '+/=:', '%2B%2F%3D%3A'],
    ['UTF-8 bytes in uppercase hex', '短信', '%E7%9F%AD%E4%BF%A1'],
    ['JSON punctuation', '{"code":"1"}', '%7B%22code%22%3A%221%22%7D'],
  ])('%s', (_, input, expected) => {
    expect(percentEncode(input)).toBe(expected);
  });
});

describe('canonicalizedQuery', () => {
  it('sorts by name, not by joined pair, so a prefix name comes first', () => {
    // Sorting "Foo.1=a" and "Foo=b" as strings would put "Foo.1" first ('.' < '=').
    expect(canonicalizedQuery({ 'Foo.1': 'a', Foo: 'b' })).toBe('Foo=b&Foo.1=a');
  });

  it('sorts uppercase before lowercase (code-point order) and drops undefined values', () => {
    expect(canonicalizedQuery({ b: '1', B: '2', a: undefined })).toBe('B=2&b=1');
  });
});

describe('known answers', () => {
  it('DescribeRegions GET: string to sign and signature', () => {
    expect(stringToSign('GET', describeRegions.parameters)).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26'
    );
    expect(sign('GET', describeRegions.parameters, describeRegions.secret)).toBe(
      'OLeaidS1JvxuMvnyHOwuJ+uX5qY='
    );
  });

  it('SendSms GET with a Chinese sign name and JSON params', () => {
    expect(sign('GET', sendSms.parameters, sendSms.secret)).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('SendSms GET (published): the string to sign, written out', () => {
    expect(stringToSign('GET', sendSms.parameters)).toBe(`GET&%2F&${sendSmsEncodedTwice}`);
  });

  it('SendSms POST (our vector, not published): the method leads the string to sign', () => {
    expect(stringToSign('POST', sendSms.parameters)).toBe(`POST&%2F&${sendSmsEncodedTwice}`);
    expect(sign('POST', sendSms.parameters, sendSms.secret)).toBe('Xvhv7fPXrPkLVSnlt0jIr08o8NQ=');
  });

  it("Aliyun SDK utility's getRPCSignature test vector (aliyun/darabonba-openapi-util)", () => {
    expect(stringToSign('GET', { query: 'test', body: 'test' })).toBe('GET&%2F&body%3Dtest%26query%3Dtest');
    expect(sign('GET', { query: 'test', body: 'test' }, 'secret')).toBe('XlUyV4sXjOuX5FnjUz9IF9tm5rU=');
  });
});

describe('formatTimestamp', () => {
  it('drops milliseconds and keeps UTC', () => {
    expect(formatTimestamp(new Date(Date.UTC(2017, 6, 12, 2, 42, 19, 987)))).toBe('2017-07-12T02:42:19Z');
  });
});

describe('signParameters', () => {
  it('adds the common parameters and reproduces our SendSms POST vector', () => {
    const { AccessKeyId, SignatureMethod, SignatureNonce, SignatureVersion, Timestamp, ...own } =
      sendSms.parameters;
    const signed = signParameters(own, {
      method: 'POST',
      accessKeyId: AccessKeyId,
      accessKeySecret: sendSms.secret,
      nonce: SignatureNonce,
      date: new Date(Timestamp),
    });
    expect({ SignatureMethod, SignatureVersion }).toEqual({ SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0' });
    expect(signed).toEqual({ ...sendSms.parameters, Signature: 'Xvhv7fPXrPkLVSnlt0jIr08o8NQ=' });
  });

  it('signs a Logto-shaped request: Chinese sign name, JSON TemplateParam, lowercase json', () => {
    // The string to sign was checked by hand against §1.2; the signature was computed outside this
    // code with: printf '%s' "$STRING_TO_SIGN" | openssl dgst -sha1 -hmac 'fakeSecret&' -binary | base64
    const signed = signParameters(
      {
        Action: 'SendSms',
        Format: 'JSON',
        PhoneNumbers: '13800138000',
        RegionId: 'cn-hangzhou',
        SignName: '登录验证',
        TemplateCode: 'SMS_123456789',
        TemplateParam: '{"code":"000000"}',
        Version: '2017-05-25',
      },
      {
        method: 'POST',
        accessKeyId: 'LTAI5tFakeKeyId',
        accessKeySecret: 'fakeSecret',
        nonce: '00000000-0000-4000-8000-000000000000',
        date: new Date('2026-01-02T03:04:05.678Z'),
      }
    );
    const { Signature, ...unsigned } = signed;
    expect(unsigned.Timestamp).toBe('2026-01-02T03:04:05Z');
    expect(stringToSign('POST', unsigned)).toBe(
      'POST&%2F&AccessKeyId%3DLTAI5tFakeKeyId%26Action%3DSendSms%26Format%3DJSON%26PhoneNumbers%3D13800138000%26RegionId%3Dcn-hangzhou%26SignName%3D%25E7%2599%25BB%25E5%25BD%2595%25E9%25AA%258C%25E8%25AF%2581%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D00000000-0000-4000-8000-000000000000%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_123456789%26TemplateParam%3D%257B%2522code%2522%253A%2522000000%2522%257D%26Timestamp%3D2026-01-02T03%253A04%253A05Z%26Version%3D2017-05-25'
    );
    expect(Signature).toBe('au51s6URevioezji9ssedWyOAHE=');
  });
});

describe('signRequest', () => {
  it('writes the canonical query and the signature as the form body, in one pass', () => {
    const common = ['AccessKeyId', 'SignatureMethod', 'SignatureNonce', 'SignatureVersion', 'Timestamp'];
    const own = Object.fromEntries(Object.entries(sendSms.parameters).filter(([name]) => !common.includes(name)));
    const { AccessKeyId, SignatureNonce, Timestamp } = sendSms.parameters;
    const input = { method: 'POST' as const, accessKeyId: AccessKeyId, accessKeySecret: sendSms.secret, nonce: SignatureNonce, date: new Date(Timestamp) };
    const { body, signature } = signRequest(own, input);
    expect(signature).toBe('Xvhv7fPXrPkLVSnlt0jIr08o8NQ=');
    expect(body).toBe(`${decodeURIComponent(sendSmsEncodedTwice)}&Signature=Xvhv7fPXrPkLVSnlt0jIr08o8NQ%3D`);
    expect(Object.fromEntries(new URLSearchParams(body))).toEqual(signParameters(own, input));
  });
});
