/**
 * China time (UTC+8, no daylight saving), in which Aliyun's SMS APIs write every date: `SendDate`
 * days (`yyyyMMdd`), `CreateDate`/`SendDate`/`ReceiveDate` times (`yyyy-MM-dd HH:mm:ss`) and the
 * international site's RFC 1123 dates (docs/aliyun-sms-query-api.md §1, §7, §8).
 *
 * @module
 */

const offsetMs = 8 * 3_600_000;

/** `yyyyMMdd` of a time in ms, as `QuerySendDetails`' `SendDate`. */
export function chinaDay(ms: number): string {
  return new Date(ms + offsetMs).toISOString().slice(0, 10).replaceAll('-', '');
}

/** Whether `day` is a real calendar day written `yyyyMMdd` (`20261331` is not). */
export function isCalendarDay(day: string): boolean {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(day);
  if (match === null) {
    return false;
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10).replaceAll('-', '') === day;
}

/** Days from `from` to `to` (`yyyyMMdd`, both calendar days), both ends counted: 1 for the same day. */
export function daySpan(from: string, to: string): number {
  const ms = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8)));
  return Math.round((ms(to) - ms(from)) / 86_400_000) + 1;
}

/** `yyyy-MM-dd HH:mm:ss` of a time in ms. */
export function chinaDateTime(ms: number): string {
  return new Date(ms + offsetMs).toISOString().slice(0, 19).replace('T', ' ');
}

/** `Mon, 24 Dec 2018 16:58:22 +0800`, the form of the 2018-05-01 API's dates. */
export function chinaRfc1123(ms: number): string {
  return new Date(ms + offsetMs).toUTCString().replace('GMT', '+0800');
}

/** Ms of a `yyyy-MM-dd HH:mm:ss` China time. */
export function parseChinaDateTime(text: string): number {
  return Date.parse(`${text.replace(' ', 'T')}+08:00`);
}
