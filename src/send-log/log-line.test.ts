/**
 * The send log's line format: bare values where they are safe, quoted and escaped otherwise, and
 * for any value at all a line that is one line of printable ASCII and reads back to the same value
 * (test/send-log-reader.ts, a parser written apart from the formatter).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { propertyOptions } from '../../test/property-runs.js';
import { readLogLine } from '../../test/send-log-reader.js';
import { formatLogLine, logValue } from './log-line.js';

describe('logValue', () => {
  it.each<[string | number | boolean, string]>([
    ['SMS_460100001', 'SMS_460100001'],
    ['900619746936498^0', '900619746936498^0'],
    ['138****8000', '138****8000'],
    ['2026-12-05T16:17:07.123+08:00', '2026-12-05T16:17:07.123+08:00'],
    ['isv.BUSINESS_LIMIT_CONTROL', 'isv.BUSINESS_LIMIT_CONTROL'],
    [true, 'true'],
    [120, '120'],
    ['content of SignIn', '"content of SignIn"'],
    ['', '""'],
    ['a=b', '"a=b"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['line\nbreak', '"line\\u000abreak"'],
    ['cr\rlf', '"cr\\u000dlf"'],
    ['tab\there', '"tab\\u0009here"'],
    ['\u001B[31mred', '"\\u001b[31mred"'],
    ['sep\u2028para\u2029', '"sep\\u2028para\\u2029"'],
    ['阿里云', '"\\u963f\\u91cc\\u4e91"'],
    ['😀', '"\\ud83d\\ude00"'],
    ['x event=forged', '"x event=forged"'],
  ])('%j is written %s', (value, written) => {
    expect(logValue(value)).toBe(written);
  });
});

describe('formatLogLine', () => {
  it('writes the fields in order, leaves out undefined ones, and refuses a key that is not a camel-case word', () => {
    expect(formatLogLine([['event', 'aliyun-sms.send'], ['skipped', undefined], ['bizId', '1^0'], ['ok', false]])).toBe('event=aliyun-sms.send bizId=1^0 ok=false');
    expect(() => formatLogLine([['bad key', 'x']])).toThrow(TypeError);
  });

  it('any values: one line of printable ASCII that reads back to the same fields', () => {
    const value = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom('\n', '\r\n', '"', '\\', '=', ' ', '\u2028', '\u0085', '\u0000'));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 6 }), (values) => {
        const fields = values.map((text, index) => [`field${'x'.repeat(index)}`, text] as const);
        const line = formatLogLine(fields);
        expect(line).toMatch(/^[\x20-\x7E]*$/);
        expect(readLogLine(line)).toEqual(Object.fromEntries(fields));
      }),
      propertyOptions({ numRuns: 500 })
    );
  });
});
