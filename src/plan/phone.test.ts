import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { propertyOptions } from '../../test/property-runs.js';
import { maskNumber, parsePhone, regionCodeOf } from './phone.js';

type Row = [to: string, lenient: string, strict: string, why: string];

/**
 * Each row: the `to` Logto passes, then `region:regionCode:aliyunNumber` (or `!` for a refusal)
 * with the strict check off and on.
 */
const rows: Row[] = [
  ['8613800138000', 'mainland:86:13800138000', 'mainland:86:13800138000', 'what Logto passes for a mainland number'],
  ['13800138000', 'mainland:86:13800138000', 'overseas:1:13800138000', 'legacy bare mainland number; strict reads +1 380…'],
  ['+8613800138000', 'mainland:86:13800138000', 'mainland:86:13800138000', 'explicit +86'],
  ['008613800138000', 'mainland:86:13800138000', 'mainland:86:13800138000', 'explicit 0086'],
  ['+86 138-0013-8000', 'mainland:86:13800138000', 'mainland:86:13800138000', 'separators are stripped'],
  ['(+86) 138.0013.8000', 'mainland:86:13800138000', 'mainland:86:13800138000', 'dots and parentheses are stripped'],
  ['8619912345678', 'mainland:86:19912345678', 'mainland:86:19912345678', '199 block'],
  ['8614512345678', 'mainland:86:14512345678', 'mainland:86:14512345678', '145 data-card block'],
  ['15300000001', 'mainland:86:15300000001', 'overseas:1:15300000001', 'Aliyun doc example, bare'],
  ['16502530000', 'mainland:86:16502530000', 'overseas:1:16502530000', 'US number in mainland shape: the ambiguity strict resolves'],
  ['+16502530000', 'overseas:1:16502530000', 'overseas:1:16502530000', '+ means a region code follows: never mainland'],
  ['0016502530000', 'overseas:1:16502530000', 'overseas:1:16502530000', '00 means a region code follows: never mainland'],
  ['12125550123', 'overseas:1:12125550123', 'overseas:1:12125550123', '12… cannot be mainland, so it is New York'],
  ['14165550123', 'mainland:86:14165550123', 'overseas:1:14165550123', 'Toronto, also mainland-shaped'],
  ['85268326366', 'overseas:852:85268326366', 'overseas:852:85268326366', 'Hong Kong is overseas for Aliyun'],
  ['+852 6832 6366', 'overseas:852:85268326366', 'overseas:852:85268326366', 'Hong Kong with + and spaces'],
  ['0085268326366', 'overseas:852:85268326366', 'overseas:852:85268326366', 'Hong Kong with 00'],
  ['85366123456', 'overseas:853:85366123456', 'overseas:853:85366123456', 'Macao'],
  ['886912345678', 'overseas:886:886912345678', 'overseas:886:886912345678', 'Taiwan'],
  ['447911123456', 'overseas:44:447911123456', 'overseas:44:447911123456', 'United Kingdom'],
  ['819012345678', 'overseas:81:819012345678', 'overseas:81:819012345678', 'Japan'],
  ['821012345678', 'overseas:82:821012345678', 'overseas:82:821012345678', 'South Korea'],
  ['6591234567', 'overseas:65:6591234567', 'overseas:65:6591234567', 'Singapore'],
  ['61412345678', 'overseas:61:61412345678', 'overseas:61:61412345678', 'Australia'],
  ['79161234567', 'overseas:7:79161234567', 'overseas:7:79161234567', 'Russia, one-digit code'],
  ['971501234567', 'overseas:971:971501234567', 'overseas:971:971501234567', 'UAE, three-digit code'],
  ['5511987654321', 'overseas:55:5511987654321', 'overseas:55:5511987654321', 'Brazil, 13 digits'],
  ['6837123', 'overseas:683:6837123', 'overseas:683:6837123', 'Niue: the shortest real numbers'],
  ['8613800138000 ', 'mainland:86:13800138000', 'mainland:86:13800138000', 'trailing space'],
  ['', '!', '!', 'empty'],
  ['   ', '!', '!', 'only spaces'],
  ['8613800138000,8613900139000', '!', '!', 'a comma makes Aliyun send to a list'],
  ['8613800138000;8613900139000', '!', '!', 'semicolon'],
  ['8613800138000，8613900139000', '!', '!', 'full-width comma'],
  ['86138abc8000', '!', '!', 'letters'],
  ['+', '!', '!', 'a lone plus'],
  ['++8613800138000', '!', '!', 'a doubled plus'],
  ['1234567890123456', '!', '!', '16 digits: over the E.164 maximum'],
  ['8601012345678', '!', '!', 'region code 86 but a Beijing landline'],
  ['861380013800', '!', '!', 'region code 86 but one digit short'],
  ['+1650253000', '!', '!', 'region code 1 with 9 digits after it'],
  ['123456', '!', '!', 'too short for any number'],
];

const describeResult = (to: string, strict: boolean): string => {
  const result = parsePhone(to, { strict });
  return 'problem' in result ? '!' : `${result.region}:${result.regionCode}:${result.aliyunNumber}`;
};

describe('parsePhone', () => {
  it.each(rows)('%j → lenient %s, strict %s (%s)', (to, lenient, strict) => {
    expect([describeResult(to, false), describeResult(to, true)]).toEqual([lenient, strict]);
  });

  it('has at least 30 numbers, each checked in both modes', () => {
    expect(rows.length).toBeGreaterThanOrEqual(30);
  });

  it.each([
    ['', 'is empty'],
    ['8613800138000,8613900139000', 'holds more than one number (Aliyun reads a comma as a list of recipients); send one number'],
    ['86138abc8000', 'may contain only digits, with an optional leading + or 00'],
    ['1234567890123456', 'has 16 digits; a phone number has at most 15'],
    ['8601012345678', 'has region code 86 but is not a mainland China mobile number (1 followed by 10 digits)'],
  ])('explains why %j is refused', (to, problem) => {
    expect(parsePhone(to, { strict: false })).toEqual({ problem });
  });

  it('gives the international form alongside the Aliyun form', () => {
    expect(parsePhone('13800138000', { strict: false })).toEqual({
      region: 'mainland',
      regionCode: '86',
      aliyunNumber: '13800138000',
      international: '8613800138000',
    });
  });
});

describe('regionCodeOf', () => {
  it.each([
    ['16502530000', '1'],
    ['79161234567', '7'],
    ['8613800138000', '86'],
    ['85268326366', '852'],
    ['886912345678', '886'],
    ['2348031234567', '234'],
  ])('%s → %s', (digits, code) => {
    expect(regionCodeOf(digits)).toBe(code);
  });
});

describe('maskNumber', () => {
  it.each([
    ['13800138000', '138****8000'],
    ['8613800138000', '861******8000'],
    ['85268326366', '852****6366'],
    // 7 digits, the shortest real numbers (Niue): the usual mask; 6 and fewer: nothing shown.
    ['6837123', '68***23'],
    ['683712', '******'],
    ['+6837123', '+68*7123'],
    ['+683712', '*******'],
    ['12', '**'],
    ['1', '*'],
    ['', ''],
    // Letters are shown in place or hidden, never repeated: "abc" was once "abbc".
    ['abc', '***'],
    ['abcdefgh', '********'],
    ['1380013800a', '138****800a'],
    ['138 0013 8000', '138******8000'],
    ['😀😀😀😀😀😀😀😀', '********'],
  ])('%j → %j', (number, masked) => {
    expect(maskNumber(number)).toBe(masked);
  });

  it('never alters a number: each character is kept in its place or shown as *, and fewer than 7 digits show nothing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\+?[\d ()-]{0,20}$/), fc.string({ unit: 'grapheme' })), (number) => {
        const given = Array.from(number);
        const shown = Array.from(maskNumber(number));
        expect(shown).toHaveLength(given.length);
        shown.forEach((character, index) => {
          expect([given[index], '*']).toContain(character);
        });
        if (given.filter((character) => /\d/.test(character)).length < 7) {
          expect(shown.every((character) => character === '*')).toBe(true);
        }
      }),
      propertyOptions({ numRuns: 500 })
    );
  });
});
