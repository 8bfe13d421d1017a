/**
 * Which reading of a disputed Aliyun fact the sandbox answers with. By default the current one
 * (Aliyun's current SDKs and error pages); a registry's `readings` or `POST /api/readings`
 * switch to the older one, so a client can be tested against both (docs/aliyun-sms-query-api.md):
 *
 * - `intlType`: `GetSmsTemplate`'s `IntlType` as SDK 4.6.0 numbers it (0 notification, 1
 *   promotional, 2 verification code) or as SDK 4.1.2 did (0 code, 1 notification, 2 promotional);
 * - `queryMessageStatus`: `QueryMessage`'s `Status` as SDK 1.0.10 reads it (1 delivered, 2 failed,
 *   3 sending) or as an older page did (1 submitted, 2 failed, 3 delivered);
 * - `unknownMessageId`: `QueryMessage` for a MessageId with no record: `DATA_NOT_EXIST`
 *   (error-code-intl) or `INVALID_PARAMETERS` (the sandbox's earlier guess);
 * - `intlCodes`: the 2018-05-01 API's codes bare (`DATA_NOT_EXIST`, `FORBIDDEN_ACTION`,
 *   `RAM_PERMISSION_DENY`) or in the prefixed forms of older lists (`isv.DATA_NOT_EXIST`,
 *   `isv.FORBIDDEN_ACTION`, `isp.RAM_PERMISSION_DENY`).
 *
 * @module
 */
import { asObject, asOneOf } from './registry-fields.js';
import type { Template } from './template.js';

/** One reading per disputed fact. */
export type Readings = {
  intlType: 'sdk-4.6.0' | 'sdk-4.1.2';
  queryMessageStatus: 'sdk-1.0.10' | 'doc-106592';
  unknownMessageId: 'DATA_NOT_EXIST' | 'INVALID_PARAMETERS';
  intlCodes: 'bare' | 'prefixed';
};

const choices = {
  intlType: ['sdk-4.6.0', 'sdk-4.1.2'],
  queryMessageStatus: ['sdk-1.0.10', 'doc-106592'],
  unknownMessageId: ['DATA_NOT_EXIST', 'INVALID_PARAMETERS'],
  intlCodes: ['bare', 'prefixed'],
} as const satisfies { [Key in keyof Readings]: ReadonlyArray<Readings[Key]> };

/** Aliyun's current readings: what the sandbox answers unless told otherwise. */
export const currentReadings: Readings = {
  intlType: 'sdk-4.6.0',
  queryMessageStatus: 'sdk-1.0.10',
  unknownMessageId: 'DATA_NOT_EXIST',
  intlCodes: 'bare',
};

/** Reads a `readings` object (registry or operator API): any subset of the keys, each one of its choices. */
export function parseReadings(value: unknown, where: string): Partial<Readings> {
  const given = asObject(value, where);
  const unknown = Object.keys(given).find((key) => !Object.hasOwn(choices, key));
  if (unknown !== undefined) {
    throw new TypeError(`${where}.${unknown} is not a reading; the readings are ${Object.keys(choices).join(', ')}`);
  }
  const read: Partial<Record<keyof Readings, string>> = {};
  for (const key of Object.keys(choices) as Array<keyof Readings>) {
    if (given[key] !== undefined) {
      read[key] = asOneOf(given[key], choices[key], `${where}.${key}`);
    }
  }
  return read as Partial<Readings>;
}

/** `IntlType` of an international template, by the reading in force. */
export function intlTypeNumber(template: Template, readings: Readings): number {
  const numbering =
    readings.intlType === 'sdk-4.6.0' ? { notification: 0, marketing: 1, code: 2 } : { code: 0, notification: 1, marketing: 2 };
  return numbering[template.kind];
}

/** `QueryMessage`'s `Status` for a delivery state, by the reading in force. */
export function queryMessageStatus(status: 'delivered' | 'failed' | 'pending', readings: Readings): string {
  const numbering =
    readings.queryMessageStatus === 'sdk-1.0.10' ? { delivered: '1', failed: '2', pending: '3' } : { pending: '1', failed: '2', delivered: '3' };
  return numbering[status];
}

/** The prefixed spellings of the 2018-05-01 API's codes in older lists. */
const prefixed = { DATA_NOT_EXIST: 'isv.DATA_NOT_EXIST', FORBIDDEN_ACTION: 'isv.FORBIDDEN_ACTION', RAM_PERMISSION_DENY: 'isp.RAM_PERMISSION_DENY' } as const;

/** A 2018-05-01 code as the reading in force spells it. */
export function intlCode<Code extends keyof typeof prefixed>(code: Code, readings: Readings): Code | (typeof prefixed)[Code] {
  return readings.intlCodes === 'bare' ? code : prefixed[code];
}
