/**
 * @module send-log-reader
 * Reads a send-log line back into its fields, as docs/send-log.md describes the format: `key=value`
 * pairs separated by one space; a value either bare (no space, `=`, `"` or `\`) or in double quotes
 * with `\\`, `\"` and `\uXXXX` escapes. Written apart from the package's formatter, so a round trip
 * through both tests the format, not one function against itself. Throws on anything else.
 */

/** The fields of one line, by key, in the order they came. */
export type LogRecord = Record<string, string>;

export const readLogLine = (line: string): LogRecord => {
  const record: LogRecord = {};
  let index = 0;
  while (index < line.length) {
    const equals = line.indexOf('=', index);
    if (equals <= index) {
      throw new SyntaxError(`no key=value at ${index} in ${line}`);
    }
    const key = line.slice(index, equals);
    if (!/^[a-z][A-Za-z]*$/.test(key) || key in record) {
      throw new SyntaxError(`bad or repeated key ${key}`);
    }
    index = equals + 1;
    let value = '';
    if (line[index] === '"') {
      index += 1;
      while (line[index] !== '"') {
        if (index >= line.length) {
          throw new SyntaxError(`unterminated value of ${key}`);
        }
        if (line[index] === '\\') {
          const next = line.charAt(index + 1);
          if (next === '\\' || next === '"') {
            value += next;
            index += 2;
          } else if (next === 'u' && /^[0-9a-f]{4}$/.test(line.slice(index + 2, index + 6))) {
            value += String.fromCharCode(Number.parseInt(line.slice(index + 2, index + 6), 16));
            index += 6;
          } else {
            throw new SyntaxError(`bad escape in ${key}`);
          }
        } else {
          value += line.charAt(index);
          index += 1;
        }
      }
      index += 1;
    } else {
      const end = line.indexOf(' ', index);
      value = line.slice(index, end === -1 ? line.length : end);
      if (value === '' || /[="\\]/.test(value)) {
        throw new SyntaxError(`bad bare value of ${key}`);
      }
      index += value.length;
    }
    record[key] = value;
    if (index < line.length) {
      if (line[index] !== ' ' || index + 1 === line.length) {
        throw new SyntaxError(`fields must be separated by one space (at ${index})`);
      }
      index += 1;
    }
  }
  return record;
};

/** The send-log lines among `lines`, read. */
export const sendLogRecords = (lines: readonly string[]): LogRecord[] =>
  lines.filter((line) => line.startsWith('event=aliyun-sms.send ')).map(readLogLine);
