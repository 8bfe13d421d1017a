/**
 * Tables for the sandbox's phone-number rules (fact sheet §2, §3, §8).
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { readInternationalNumber, readMainlandNumber } from './phone-rules.js';

describe('readMainlandNumber (mainland template, §2)', () => {
  it.each([
    ['bare national mobile', '13800138000', '13800138000'],
    ['+86 prefix', '+8613800138000', '13800138000'],
    ['0086 prefix', '008613800138000', '13800138000'],
    ['86 prefix', '8613800138000', '13800138000'],
    ['bare + prefix', '+13800138000', '13800138000'],
    ['NANP-looking 165… is still a valid mainland shape (§8 ambiguity)', '16502530000', '16502530000'],
  ])('%s: %s → %s', (_why, raw, phone) => {
    expect(readMainlandNumber(raw)).toEqual({ kind: 'mainland', phone });
  });

  it.each([
    ['second digit 2 is not a mobile', '12800138000'],
    ['10 digits', '1380013800'],
    ['12 digits', '138001380001'],
    ['HK number', '85291234567'],
    ['spaces', '138 0013 8000'],
    ['dashes', '138-0013-8000'],
    ['empty', ''],
    ['00 without 86', '0013800138000'],
  ])('%s: %s is invalid', (_why, raw) => {
    expect(readMainlandNumber(raw)).toEqual({ kind: 'invalid' });
  });
});

describe('readInternationalNumber (国际/港澳台 template and 2018-05-01 To, §3, §8)', () => {
  it.each([
    ['86 + mainland mobile', '8613800138000', '13800138000'],
    ['+86 + mainland mobile', '+8613800138000', '13800138000'],
    ['0086 + mainland mobile', '008613800138000', '13800138000'],
  ])('%s is mainland', (_why, raw, phone) => {
    expect(readInternationalNumber(raw)).toEqual({ kind: 'mainland', phone });
  });

  it.each([
    ['Hong Kong mobile', '85291234567', '852', 'HK'],
    ['Macao mobile', '85366123456', '853', 'MO'],
    ['Taiwan mobile', '886912345678', '886', 'TW'],
    ['US number (NANP)', '16502530000', '1', 'US'],
    ['+ tolerated', '+16502530000', '1', 'US'],
    ['00 tolerated', '0044712345678', '44', 'GB'],
    ['Singapore', '6581234567', '65', 'SG'],
    ['Germany, long', '4915112345678', '49', 'DE'],
  ])('%s: %s → country code %s', (_why, raw, countryCode, region) => {
    expect(readInternationalNumber(raw)).toMatchObject({ kind: 'overseas', countryCode, region });
  });

  it.each([
    ['bare mainland mobile reads as NANP with area code 3xx → still overseas', '13800138000', 'overseas'],
    ['86 + landline is not a mobile', '861012345678', 'invalid'],
    ['no country code starts with 28', '2812345678', 'invalid'],
    ['too short', '852123', 'invalid'],
    ['too long (16 digits)', '4412345678901234', 'invalid'],
    ['HK with 7 digits', '8529123456', 'invalid'],
    ['Taiwan with trunk 0', '8860912345678', 'invalid'],
    ['NANP area code 0xx', '10502530000', 'invalid'],
    ['letters', '85291234abc', 'invalid'],
    ['++ prefix', '++85291234567', 'invalid'],
  ])('%s: %s → %s', (_why, raw, kind) => {
    expect(readInternationalNumber(raw).kind).toBe(kind);
  });

  it('names the country for NumberDetail', () => {
    expect(readInternationalNumber('85291234567')).toEqual({
      kind: 'overseas',
      phone: '85291234567',
      countryCode: '852',
      region: 'HK',
      country: 'Hong Kong SAR China',
    });
  });
});
