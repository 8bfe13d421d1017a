/**
 * Property-based: whatever configuration, phone string, payload or Aliyun answer comes in,
 * nothing but a `ConnectorError` leaves `sendMessage`, invalid input sends no request, every
 * request that is sent verifies in the sandbox (its signature, key and timestamp are accepted),
 * and every send-log line stays one line of printable ASCII that reads back, without the secret.
 */
import { ConnectorError, TemplateType } from '@logto/connector-kit';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { connectorConfig } from '../sandbox/connector-config.js';
import { useSandboxAndConnector } from './harness.js';
import { propertyOptions } from './property-runs.js';
import { readLogLine } from './send-log-reader.js';
import { useScriptedServer } from './scripted-server.js';

let valid: ReturnType<typeof connectorConfig>;

const harness = useSandboxAndConnector({ flowControl: false, outboxLimit: 100 });

beforeAll(() => {
  valid = connectorConfig(harness.sandbox);
});

afterEach(() => {
  // Hostile numbers, types, configurations and Aliyun answers (codes, RequestIds, BizIds) included.
  const lines = harness.sendLog.splice(0);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line).toMatch(/^[\x20-\x7E]*$/);
    expect(readLogLine(line).event).toBe('aliyun-sms.send');
    expect(line).not.toContain(valid.accessKeySecret);
  }
});

/** Codes that mean a request was malformed or badly signed: the connector must never cause them. */
const gatewayRejections = /^(?:SignatureDoesNotMatch|InvalidAccessKeyId|InvalidTimeStamp|SignatureNonceUsed|Missing|Invalid(?:Version|Action)|isv\.INVALID_JSON_PARAM)/;

/**
 * Sends, and returns what left `sendMessage`. Fails the property on anything but a
 * ConnectorError, on a request the sandbox refused as malformed, and on a request sent for input
 * the connector refused itself (its errors carry no `route` when nothing was planned).
 */
const settle = async (
  run: () => Promise<unknown>,
  requestCount: () => number = () => harness.sandbox.requests.count,
  expected: RegExp = /^$/
) => {
  const before = requestCount();
  try {
    return { sent: await run() };
  } catch (error: unknown) {
    if (!(error instanceof ConnectorError)) {
      throw new Error(`a non-ConnectorError escaped: ${String(error)}`);
    }
    const data = (error.data ?? {}) as { code?: unknown; route?: unknown };
    if (typeof data.code === 'string' && gatewayRejections.test(data.code) && !expected.test(data.code)) {
      throw new Error(`the harness.sandbox refused a request the harness.connector built: ${data.code}`);
    }
    if (data.route === undefined && requestCount() !== before) {
      throw new Error(`refused input (${error.code}) still sent a request`);
    }
    return { error };
  }
};

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '{{code}}', '', ' ', '\u0000', '😀', '阿里云', '%s%n'),
  fc.string({ minLength: 10_000, maxLength: 20_000 })
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(hostileString, fc.string(), { maxKeys: 3 })
);

describe('properties', () => {
  it('any configuration: only ConnectorErrors, and no request for one that is refused', async () => {
    const mutated = fc.record({
      key: fc.constantFrom('accessKeyId', 'accessKeySecret', 'signName', 'templates', 'endpoint', 'timeout', 'site', 'senderId', 'strictPhoneRegionNumberCheck', 'allowedRegionCodes', '__proto__'),
      value: hostileValue,
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything(), mutated.map(({ key, value }) => ({ ...valid, [key]: value }))), async (config) => {
        // Another key pair is refused by the sandbox, as Aliyun would; that is no signing fault.
        const { accessKeyId, accessKeySecret } = (config ?? {}) as Partial<typeof valid>;
        const ownKeys = accessKeyId === valid.accessKeyId && accessKeySecret === valid.accessKeySecret;
        await settle(
          () => harness.connector.sendMessage({ to: '85268326366', type: TemplateType.SignIn, payload: { code: '123456' } }, config),
          () => harness.sandbox.requests.count,
          ownKeys ? /^$/ : /^(?:InvalidAccessKeyId\.NotFound|SignatureDoesNotMatch)$/
        );
      }),
      propertyOptions({ numRuns: 300 })
    );
  });

  it('any phone string: only ConnectorErrors, and no request for one that is not a number', async () => {
    const phone = fc.oneof(
      hostileString,
      fc.stringMatching(/^[+0]{0,2}\d{1,20}$/),
      fc.stringMatching(/^\+?[\d ().-]{1,25}$/),
      fc.array(fc.stringMatching(/^\d{11,13}$/), { minLength: 2, maxLength: 5 }).map((numbers) => numbers.join(','))
    );
    await fc.assert(
      fc.asyncProperty(phone, fc.boolean(), async (to, strict) => {
        await settle(() =>
          harness.connector.sendMessage({ to, type: TemplateType.SignIn, payload: { code: '123456' } }, { ...valid, strictPhoneRegionNumberCheck: strict })
        );
      }),
      propertyOptions({ numRuns: 300 })
    );
  });

  it('any payload: only ConnectorErrors, and what is sent verifies with string-only params', async () => {
    const payload = fc.dictionary(hostileString, hostileValue, { maxKeys: 6 }).chain((extra) =>
      fc.record({ code: hostileValue }).map(({ code }) => JSON.parse(JSON.stringify({ ...extra, code })) as Record<string, unknown>)
    );
    const withPrototypeKeys = fc.constantFrom<Record<string, unknown>>(
      JSON.parse('{"__proto__": {"code": "999999"}, "code": "123456"}') as Record<string, unknown>,
      { code: { nested: '1' }, locale: 'en' },
      { code: 123_456, uiLocales: ['en'] },
      { code: '1'.repeat(100_000) }
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(payload, withPrototypeKeys), fc.constantFrom(...Object.values(TemplateType)), async (data, type) => {
        const before = harness.sandbox.requests.count;
        await settle(() => harness.connector.sendMessage({ to: '8613800138000', type, payload: data }, valid));
        if (harness.sandbox.requests.count > before) {
          const sent = harness.sandbox.requests.list().at(-1)?.params.TemplateParam ?? '{}';
          const values = Object.values(JSON.parse(sent) as Record<string, unknown>);
          expect(values.every((value) => typeof value === 'string')).toBe(true);
        }
      }),
      propertyOptions({ numRuns: 200 })
    );
  });

  it('malformed sendMessage data: only ConnectorErrors', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (data) => {
        await settle(() => harness.connector.sendMessage(data as never, valid));
      }),
      propertyOptions({ numRuns: 200 })
    );
  });
});

describe('any Aliyun answer', () => {
  const server = useScriptedServer();

  it('only ConnectorErrors or a receipt, whatever the status, headers and body', async () => {
    const body = fc.oneof(
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.string(),
      fc.record({ Code: hostileValue, Message: hostileValue, RequestId: hostileValue, BizId: hostileValue }).map((value) => JSON.stringify(value)),
      fc.record({ ResponseCode: hostileValue, ResponseDescription: hostileValue }).map((value) => JSON.stringify(value)),
      fc.constant('{"Code":"OK"'),
      fc.constant('{"Code":"OK","RequestId":"R","BizId":"1^0"}')
    );
    const status = fc.constantFrom(200, 201, 204, 301, 400, 403, 404, 429, 500, 502, 503);
    const date = fc.oneof(fc.constant(undefined), fc.string(), fc.date({ noInvalidDate: true }).map((value) => value.toUTCString()));
    await fc.assert(
      fc.asyncProperty(status, body, date, async (code, text, dateHeader) => {
        server.answer = (_body, _request, response) => {
          response.writeHead(code, { 'content-type': 'application/json', ...(dateHeader === undefined ? {} : { date: dateHeader }) });
          response.end(code === 204 ? undefined : text);
        };
        const outcome = await settle(
          () => harness.connector.sendMessage({ to: '8613800138000', type: TemplateType.SignIn, payload: { code: '1' } }, { ...valid, endpoint: server.endpoint, timeout: 2000 }),
          () => 0
        );
        if ('sent' in outcome) {
          // Only Aliyun's OK resolves, with exactly the receipt's string ids from that body.
          const answer = JSON.parse(text) as Record<string, unknown>;
          expect(answer.Code ?? answer.ResponseCode).toBe('OK');
          const receipt = ['BizId', 'MessageId', 'RequestId'].filter((key) => typeof answer[key] === 'string');
          expect(outcome.sent).toEqual(Object.fromEntries(receipt.map((key) => [key, answer[key]])));
        }
      }),
      propertyOptions({ numRuns: 200 })
    );
  });
});
