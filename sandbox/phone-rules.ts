/**
 * How Aliyun reads a phone number, by template scope (fact sheet §2 `PhoneNumbers`, §3 `To`, §8).
 *
 * A mainland template takes an 11-digit mobile with an optional `+`, `+86`, `0086` or `86` prefix.
 * Everything else (国际/港澳台 templates, the 2018-05-01 `To`) is country code + national digits;
 * Aliyun documents bare digits, the sandbox also tolerates a leading `+` or `00` (§2 marks that
 * tolerance [L]).
 *
 * @module
 */
import { countryCodeOf } from './country-codes.js';

/** A number as Aliyun would route it. */
export type PhoneReading =
  | { kind: 'mainland'; phone: string }
  | { kind: 'overseas'; phone: string; countryCode: string; region: string; country: string }
  | { kind: 'invalid' };

/** Mainland mobile, national form (§8 pragmatic pattern). */
const mainlandMobile = /^1[3-9]\d{9}$/;

/** Prefixes §2 lists as accepted in front of a mainland number. */
const mainlandPrefixed = /^(?:\+86|0086|86|\+)?(1[3-9]\d{9})$/;

/**
 * National-number rules for regions the connector is most likely to get wrong (§8): HK and Macao
 * mobiles are 8 digits (Macao starts with 6), Taiwan mobiles 9 digits starting with 9 (no trunk 0),
 * NANP numbers 10 digits with an area code starting 2–9. Other regions only get the E.164 length.
 */
const nationalRules: Record<string, RegExp> = {
  '1': /^[2-9]\d{9}$/,
  '852': /^[4-9]\d{7}$/,
  '853': /^6\d{7}$/,
  '886': /^9\d{8}$/,
};

/** Reads `PhoneNumbers` for a mainland template: 11 national digits, or invalid. */
export function readMainlandNumber(raw: string): PhoneReading {
  const match = mainlandPrefixed.exec(raw);
  return match?.[1] === undefined ? { kind: 'invalid' } : { kind: 'mainland', phone: match[1] };
}

/**
 * Reads a number as country code + national digits. `86` + a mainland mobile is `mainland`;
 * anything else must carry a known country code and be 7–15 digits long (E.164).
 */
export function readInternationalNumber(raw: string): PhoneReading {
  const digits = /^(?:\+|00)?(\d+)$/.exec(raw)?.[1];
  if (digits === undefined) {
    return { kind: 'invalid' };
  }
  if (digits.startsWith('86')) {
    const national = digits.slice(2);
    return mainlandMobile.test(national) ? { kind: 'mainland', phone: national } : { kind: 'invalid' };
  }
  const country = countryCodeOf(digits);
  if (country === undefined || digits.length < 7 || digits.length > 15) {
    return { kind: 'invalid' };
  }
  const rule = nationalRules[country.code];
  if (rule !== undefined && !rule.test(digits.slice(country.code.length))) {
    return { kind: 'invalid' };
  }
  return {
    kind: 'overseas',
    phone: digits,
    countryCode: country.code,
    region: country.region,
    country: country.country,
  };
}
