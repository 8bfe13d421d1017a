/**
 * @module phone
 * Reads the `to` of a Logto message as exactly one phone number, tells whether it is a mainland
 * China mobile or an overseas number, and writes it the way Aliyun expects. Pure; knows nothing
 * of Logto or Aliyun's API. Facts from ../shared/aliyun-sms-api.md §8.
 */

/** Where a number is, as Aliyun bills and routes it: Hong Kong, Macao and Taiwan are overseas. */
export type PhoneRegion = 'mainland' | 'overseas';

/** One phone number, understood. */
export type Phone = {
  region: PhoneRegion;
  /** Country calling code, e.g. `86`, `852`, `1`. */
  regionCode: string;
  /** The number as Aliyun takes it: 11 national digits for mainland, region code + number otherwise. */
  aliyunNumber: string;
  /** Region code + national number, digits only (E.164 without `+`). */
  international: string;
};

/** Why a `to` is not one phone number; `message` says so in a sentence an operator can act on. */
export type PhoneProblem = { problem: string };

/** `1` then `3`–`9` then nine digits: the pragmatic mainland mobile shape (fact sheet §8). */
const mainlandMobile = /^1[3-9]\d{9}$/;

/** Separators people and forms put in numbers; nothing else is tolerated. */
const separators = /[\s\-.()]/g;

/**
 * The one- and two-digit country calling codes (ITU-T E.164 assignments). Every other assigned code
 * has three digits, and the set is prefix-free, so these two lists decide the code's length.
 */
const shortRegionCodes = new Set([
  '1', '7', '20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46',
  '47', '48', '49', '51', '52', '53', '54', '55', '56', '57', '58', '60', '61', '62', '63', '64', '65',
  '66', '81', '82', '84', '86', '90', '91', '92', '93', '94', '95', '98',
]);

/** E.164 allows at most 15 digits; the shortest real numbers (e.g. Niue, +683 + 4 digits) have 7. */
const digitRange = { min: 7, max: 15 } as const;

/** The country calling code at the start of an international number. */
export const regionCodeOf = (international: string): string => {
  for (const length of [1, 2]) {
    const prefix = international.slice(0, length);
    if (shortRegionCodes.has(prefix)) {
      return prefix;
    }
  }
  return international.slice(0, 3);
};

const mainland = (national: string): Phone => ({
  region: 'mainland',
  regionCode: '86',
  aliyunNumber: national,
  international: `86${national}`,
});

const fromInternational = (digits: string): Phone | PhoneProblem => {
  const regionCode = regionCodeOf(digits);
  const national = digits.slice(regionCode.length);
  if (regionCode === '86') {
    return mainlandMobile.test(national)
      ? mainland(national)
      : { problem: 'has region code 86 but is not a mainland China mobile number (1 followed by 10 digits)' };
  }
  if (regionCode === '1' && national.length !== 10) {
    return { problem: 'has region code 1 (North America) but not the 10 digits that follow it there' };
  }
  return { region: 'overseas', regionCode, aliyunNumber: digits, international: digits };
};

/**
 * Parses Logto's `to`. Logto passes E.164 digits without `+` (`8613800138000`); older accounts hold
 * bare mainland numbers (`13800138000`). With `strict` off such an 11-digit `1[3-9]…` number is
 * taken as mainland, even though North American numbers (`1` + 10 digits) share that shape; with
 * `strict` on, only `86`, `+86` or `0086` marks a mainland number. A leading `+` or `00` always
 * means a region code follows.
 */
export const parsePhone = (to: string, { strict }: { strict: boolean }): Phone | PhoneProblem => {
  const compact = to.replaceAll(separators, '');
  if (compact === '') {
    return { problem: 'is empty' };
  }
  if (/[,;，；、]/.test(compact)) {
    return { problem: 'holds more than one number (Aliyun reads a comma as a list of recipients); send one number' };
  }
  const explicit = /^(?:\+|00)/.exec(compact);
  const digits = explicit ? compact.slice(explicit[0].length) : compact;
  if (!/^\d+$/.test(digits)) {
    return { problem: 'may contain only digits, with an optional leading + or 00' };
  }
  if (digits.length > digitRange.max) {
    return { problem: `has ${digits.length} digits; a phone number has at most ${digitRange.max}` };
  }
  if (!explicit && !strict && mainlandMobile.test(digits)) {
    return mainland(digits);
  }
  if (digits.length < digitRange.min) {
    return { problem: `has ${digits.length} digits, too few for a region code and a number` };
  }
  return fromInternational(digits);
};

/** True when {@link parsePhone} could not read the number. */
export const isPhoneProblem = (value: Phone | PhoneProblem): value is PhoneProblem => 'problem' in value;

/** Fewer digits than this and a number is too short to show any of it: the shortest real numbers have 7. */
const maskedWhole = digitRange.min;

/**
 * The number as given, with its middle hidden, for errors and logs: `138****8000`, `68***23`.
 * Each character is kept or shown as `*` in its place, never moved or repeated; with fewer than 7
 * digits, every character is `*`, since the usual head and tail would show most of it (or overlap).
 */
export const maskNumber = (number: string): string => {
  const characters = Array.from(number);
  if (characters.filter((character) => /\d/.test(character)).length < maskedWhole) {
    return '*'.repeat(characters.length);
  }
  const [head, tail] = characters.length >= 8 ? [3, 4] : [2, 2];
  return characters.map((character, index) => (index < head || index >= characters.length - tail ? character : '*')).join('');
};
