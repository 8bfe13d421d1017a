/**
 * @module log-line
 * One log line as `key=value` pairs separated by single spaces (the logfmt convention that Loki,
 * Vector, Fluent Bit and `grep` all read). Pure. Keys are fixed words of this package; every value
 * is written so that the line stays one line of printable ASCII whatever it holds: a value made only
 * of the characters below is written bare, anything else in double quotes with JSON's escapes for
 * `\` and `"`, and `\uXXXX` for every other character outside printable ASCII (newlines, carriage
 * returns, other control characters, U+2028/U+2029 and non-ASCII letters alike), so no value can
 * start a new line, forge another field or reorder what a terminal shows.
 */

/** A value of a field; `undefined` leaves the field out. */
export type LogValue = string | number | boolean | undefined;

/** The fields of one line, in the order they are written. */
export type LogFields = ReadonlyArray<readonly [key: string, value: LogValue]>;

/** Characters a value may have to be written without quotes: never a space, `=`, `"` or `\`. */
const bareValue = /^[\w.:/@^*+,-]+$/;

/** Keys are fixed camel-case words (`bizId`, `requestId`). */
const keyShape = /^[a-z][A-Za-z]*$/;

/** A character inside quotes: printable ASCII as it is, `\` and `"` escaped, everything else `\uXXXX`. */
const escapeCharacter = (character: string): string => {
  if (character === '\\' || character === '"') {
    return `\\${character}`;
  }
  const code = character.charCodeAt(0);
  return code >= 0x20 && code <= 0x7e ? character : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** One value as written: bare when it can be, else quoted and escaped (per UTF-16 unit, as JSON does). */
export const logValue = (value: string | number | boolean): string => {
  const text = String(value);
  return bareValue.test(text) ? text : `"${Array.from({ length: text.length }, (_, index) => escapeCharacter(text.charAt(index))).join('')}"`;
};

/** The line for `fields` (no newline at the end); fields whose value is `undefined` are left out. */
export const formatLogLine = (fields: LogFields): string =>
  fields
    .flatMap(([key, value]) => {
      if (!keyShape.test(key)) {
        throw new TypeError(`log field name ${JSON.stringify(key)} is not a camel-case word`);
      }
      return value === undefined ? [] : [`${key}=${logValue(value)}`];
    })
    .join(' ');
