/**
 * Known-answer tests for the sandbox's own signature V1 implementation. Every expected value is a
 * literal taken from its source, never computed by the code under test.
 *
 * Where each vector comes from:
 * - DescribeRegions, GET: Aliyun's RPC signature page (https://help.aliyun.com/document_detail/28839.html),
 *   recomputed in the fact sheet §1.3. Published.
 * - SendSms, GET: Aliyun's SendSms signing example (https://help.aliyun.com/document_detail/101343.html),
 *   recomputed in the fact sheet §1.3. Published.
 * - `{ query: test, body: test }`, GET, secret `secret`: the `getRPCSignature` test of Aliyun's own
 *   SDK utility (aliyun/darabonba-openapi-util, its C++, Python, PHP, C# and Swift test suites).
 *   Published by Aliyun as SDK test data.
 * - SendSms, POST: the published SendSms parameters signed with POST, computed for the fact sheet
 *   (§1.3 says "mine, not official"). Ours, not published; it pins only that the method is signed.
 *
 * @module
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import * as connector from '../src/aliyun/signature.js';
import { canonicalizedQuery, percentEncode, signature, stringToSign } from './signature-v1.js';
import type { SignedMethod } from './signature-v1.js';
import { propertyOptions } from '../test/property-runs.js';

const describeRegions = {
  AccessKeyId: 'testid',
  Action: 'DescribeRegions',
  Format: 'XML',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
  SignatureVersion: '1.0',
  Timestamp: '2016-02-23T12:46:24Z',
  Version: '2014-05-26',
};

const sendSms = {
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
};

const sendSmsCanonical =
  'AccessKeyId=testId&Action=SendSms&Format=XML&OutId=123&PhoneNumbers=15300000001' +
  '&RegionId=cn-hangzhou&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%E4%B8%93%E7%94%A8' +
  '&SignatureMethod=HMAC-SHA1&SignatureNonce=45e25e9b-0a6f-4070-8c85-2956eda1b466&SignatureVersion=1.0' +
  '&TemplateCode=SMS_71390007&TemplateParam=%7B%22customer%22%3A%22test%22%7D' +
  '&Timestamp=2017-07-12T02%3A42%3A19Z&Version=2017-05-25';

/** The canonical string encoded a second time, written out by hand: `%` → `%25`, `=` → `%3D`, `&` → `%26`. */
const sendSmsCanonicalEncoded =
  'AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001' +
  '%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4%25BF%25A1%25E6%25B5%258B%25E8%25AF%2595%25E4%25B8%2593%25E7%2594%25A8' +
  '%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0' +
  '%26TemplateCode%3DSMS_71390007%26TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D' +
  '%26Timestamp%3D2017-07-12T02%253A42%253A19Z%26Version%3D2017-05-25';

const vectors: Array<{
  name: string;
  method: SignedMethod;
  secret: string;
  params: Record<string, string>;
  toSign: string;
  expected: string;
}> = [
  {
    name: 'published: DescribeRegions example (doc 28839)',
    method: 'GET',
    secret: 'testsecret',
    params: describeRegions,
    toSign:
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1' +
      '%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0' +
      '%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    expected: 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=',
  },
  {
    name: 'published: SendSms example, GET (doc 101343): UTF-8 sign name and a JSON value',
    method: 'GET',
    secret: 'testSecret',
    params: sendSms,
    toSign: `GET&%2F&${sendSmsCanonicalEncoded}`,
    expected: 'zJDF+Lrzhj/ThnlvIToysFRq6t4=',
  },
  {
    name: 'ours, not published: the SendSms parameters signed for POST (fact sheet §1.3)',
    method: 'POST',
    secret: 'testSecret',
    params: sendSms,
    toSign: `POST&%2F&${sendSmsCanonicalEncoded}`,
    expected: 'Xvhv7fPXrPkLVSnlt0jIr08o8NQ=',
  },
  {
    name: "published: Aliyun SDK utility's getRPCSignature test (darabonba-openapi-util)",
    method: 'GET',
    secret: 'secret',
    params: { query: 'test', body: 'test' },
    toSign: 'GET&%2F&body%3Dtest%26query%3Dtest',
    expected: 'XlUyV4sXjOuX5FnjUz9IF9tm5rU=',
  },
];

describe('signature V1 known answers (§1.3)', () => {
  it('canonicalizes the SendSms example exactly', () => {
    expect(canonicalizedQuery(sendSms)).toBe(sendSmsCanonical);
  });

  it.each(vectors)('$name: string to sign', ({ method, params, toSign }) => {
    expect(stringToSign(method, params)).toBe(toSign);
  });

  it.each(vectors)('$name: signature', ({ method, secret, params, expected }) => {
    expect(signature(secret, stringToSign(method, params))).toBe(expected);
  });

  it('leaves Signature itself and undefined values out of the canonical string (§1.2 step 1)', () => {
    expect(canonicalizedQuery({ ...describeRegions, Signature: 'x', OutId: undefined })).toBe(
      'AccessKeyId=testid&Action=DescribeRegions&Format=XML&SignatureMethod=HMAC-SHA1' +
        '&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0' +
        '&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2014-05-26',
    );
  });
});

describe('percentEncode (§1.2 step 3)', () => {
  it.each([
    ['unreserved characters stay literal', 'AZaz09-_.~', 'AZaz09-_.~'],
    ['space is %20, never +', 'a b', 'a%20b'],
    ['plus is encoded', '+', '%2B'],
    ['star is encoded (encodeURIComponent leaves it)', '*', '%2A'],
    ["! ' ( ) are encoded (encodeURIComponent leaves them)", "!'()", '%21%27%28%29'],
    ['slash and colon', '/:', '%2F%3A'],
    ['UTF-8 bytes, uppercase hex', '验', '%E9%AA%8C'],
    ['a four-byte character', '😀', '%F0%9F%98%80'],
    ['control bytes get a leading zero', '\n\u0000', '%0A%00'],
    ['the rest of ASCII punctuation', '"#$%&,;<>?@[\\]^`{|}', '%22%23%24%25%26%2C%3B%3C%3E%3F%40%5B%5C%5D%5E%60%7B%7C%7D'],
  ])('%s', (_why, input, output) => {
    expect(percentEncode(input)).toBe(output);
  });

  it('sorts names, not joined pairs, so Foo precedes Foo.1 (§1.2 step 2)', () => {
    expect(canonicalizedQuery({ 'Foo.1': 'b', Foo: 'a' })).toBe('Foo=a&Foo.1=b');
  });
});

describe('two techniques agree', () => {
  // The connector patches encodeURIComponent; the sandbox walks bytes. Any string on which they
  // differ would be a signing bug in one of them. Names are ASCII, as every Aliyun parameter name
  // is: for names beyond U+FFFF the two orders differ (UTF-16 units against UTF-8 bytes), and
  // which one Aliyun uses is not documented.
  it("the connector's string to sign equals the sandbox's for any values and ASCII names", () => {
    const name = fc.string({ maxLength: 12 }).filter((text) => text !== 'Signature');
    const value = fc.string({ unit: 'grapheme', maxLength: 12 });
    fc.assert(
      fc.property(fc.dictionary(name, value, { maxKeys: 6 }), fc.constantFrom<SignedMethod>('GET', 'POST'), (params, method) => {
        expect(connector.stringToSign(method, params)).toBe(stringToSign(method, params));
      }),
      propertyOptions({ numRuns: 500 }),
    );
  });
});
