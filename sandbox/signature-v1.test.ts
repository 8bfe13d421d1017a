/**
 * Known-answer tests for the sandbox's own signature V1 implementation.
 *
 * Vectors: fact sheet §1.3. The DescribeRegions vector and the SendSms GET vector are Aliyun's
 * published examples (help.aliyun.com/document_detail/28839 and /55284); the POST variant was
 * recomputed for the fact sheet from the same parameters.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { canonicalizedQuery, percentEncode, signature, stringToSign } from './signature-v1.js';
import type { SignedMethod } from './signature-v1.js';

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

const vectors: Array<{
  name: string;
  method: SignedMethod;
  secret: string;
  params: Record<string, string>;
  toSign: string;
  expected: string;
}> = [
  {
    name: 'published DescribeRegions example (§1.3)',
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
    name: 'published SendSms example, GET (§1.3): UTF-8 sign name and a JSON value',
    method: 'GET',
    secret: 'testSecret',
    params: sendSms,
    toSign: `GET&%2F&${percentEncode(sendSmsCanonical)}`,
    expected: 'zJDF+Lrzhj/ThnlvIToysFRq6t4=',
  },
  {
    name: 'same SendSms parameters signed for POST (§1.3): the method is part of the string',
    method: 'POST',
    secret: 'testSecret',
    params: sendSms,
    toSign: `POST&%2F&${percentEncode(sendSmsCanonical)}`,
    expected: 'Xvhv7fPXrPkLVSnlt0jIr08o8NQ=',
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
      canonicalizedQuery(describeRegions),
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
  ])('%s', (_why, input, output) => {
    expect(percentEncode(input)).toBe(output);
  });

  it('sorts names, not joined pairs, so Foo precedes Foo.1 (§1.2 step 2)', () => {
    expect(canonicalizedQuery({ 'Foo.1': 'b', Foo: 'a' })).toBe('Foo=a&Foo.1=b');
  });
});
