/**
 * Default per-number flow control (fact sheet §6) over real HTTP, moving the sandbox clock.
 *
 * @module
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.js';
import type { Sandbox } from './index.js';
import { callSandbox, sendSms } from './test-client.js';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.clock.reset();
});

const code = (phone: string, signName = 'Logto沙箱', param = '{"code":"123456"}') =>
  sendSms(sandbox, { PhoneNumbers: phone, SignName: signName, TemplateCode: 'SMS_460100001', TemplateParam: param });

const outcome = async (reply: Promise<{ json: unknown }>): Promise<string> => {
  const body = (await reply).json as Record<string, string>;
  return body.Code === 'isv.BUSINESS_LIMIT_CONTROL' ? body.Message ?? '' : body.Code ?? '';
};

describe('code templates, same sign name + number (§6)', () => {
  it('1 per minute: the 2nd send within a minute is blocked, after 61 s it passes', async () => {
    expect(await outcome(code('13800000001'))).toBe('OK');
    sandbox.clock.advance(30 * second);
    expect(await outcome(code('13800000001'))).toBe('触发分钟级流控Permits:1');
    sandbox.clock.advance(31 * second);
    expect(await outcome(code('13800000001'))).toBe('OK');
  });

  it('5 per hour: the 6th send within the hour is blocked', async () => {
    for (let sent = 0; sent < 5; sent += 1) {
      expect(await outcome(code('13800000002'))).toBe('OK');
      sandbox.clock.advance(61 * second);
    }
    expect(await outcome(code('13800000002'))).toBe('触发小时级流控Permits:5');
    sandbox.clock.advance(hour - 5 * 61 * second + second);
    expect(await outcome(code('13800000002'))).toBe('OK');
  });

  it('10 per rolling day: the 11th send within 24 h is blocked', async () => {
    for (let sent = 0; sent < 10; sent += 1) {
      expect(await outcome(code('13800000003'))).toBe('OK');
      sandbox.clock.advance(61 * minute);
    }
    expect(await outcome(code('13800000003'))).toBe('触发天级流控Permits:10');
    sandbox.clock.advance(24 * hour - 10 * 61 * minute + second);
    expect(await outcome(code('13800000003'))).toBe('OK');
  });

  it('the answer is HTTP 200 with Code isv.BUSINESS_LIMIT_CONTROL', async () => {
    await code('13800000004');
    const reply = await code('13800000004');
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控Permits:1' });
  });

  it.each([
    { why: 'another number', phones: ['13800000005', '13800000006'], signs: ['Logto沙箱', 'Logto沙箱'] },
    { why: 'another sign name', phones: ['13800000007', '13800000007'], signs: ['Logto沙箱', 'LogtoSandbox'] },
  ])('counts per sign name + number: $why is not blocked', async ({ phones, signs }) => {
    expect(await outcome(code(phones[0] ?? '', signs[0]))).toBe('OK');
    expect(await outcome(code(phones[1] ?? '', signs[1]))).toBe('OK');
  });

  it('only successful sends count', async () => {
    expect(await outcome(code('13800000008', 'Logto沙箱', '{"code":1}'))).toBe('isv.INVALID_JSON_PARAM');
    expect(await outcome(code('13800000008'))).toBe('OK');
  });

  it('does not apply to an international template and an overseas number', async () => {
    const send = () =>
      sendSms(sandbox, { PhoneNumbers: '85291234567', SignName: 'Logto沙箱', TemplateCode: 'SMS_460200001', TemplateParam: '{"code":"1234"}' });
    expect(await outcome(send())).toBe('OK');
    expect(await outcome(send())).toBe('OK');
  });

  it('[assumption A3] also applies to SendMessageWithTemplate (ResponseCode BUSINESS_LIMIT_CONTROL_MINUTE)', async () => {
    const send = () =>
      callSandbox(sandbox, {
        Action: 'SendMessageWithTemplate', Version: '2018-05-01', To: '8613800000009',
        From: 'LogtoSandbox', TemplateCode: 'SMS_460100001', TemplateParam: '{"code":"1234"}',
      });
    expect((await send()).json).toMatchObject({ ResponseCode: 'OK' });
    expect((await send()).json).toMatchObject({ ResponseCode: 'BUSINESS_LIMIT_CONTROL_MINUTE', ResponseDescription: 'Delivery frequency exceeds the minute limit.' });
  });
});

describe('notification templates (§6: 50 per day per sign + template + number)', () => {
  it('blocks the 51st within a day', async () => {
    const send = () =>
      sendSms(sandbox, {
        PhoneNumbers: '13800000010', SignName: 'Logto沙箱', TemplateCode: 'SMS_460100010',
        TemplateParam: '{"account":"alice","time":"09:30"}',
      });
    for (let sent = 0; sent < 50; sent += 1) {
      expect(await outcome(send())).toBe('OK');
    }
    expect(await outcome(send())).toBe('触发天级流控Permits:50');
  });
});

describe('flowControl: false', () => {
  it('never blocks', async () => {
    const unlimited = await startSandbox({ flowControl: false });
    try {
      for (let sent = 0; sent < 12; sent += 1) {
        const reply = await sendSms(unlimited, {
          PhoneNumbers: '13800000011', SignName: 'Logto沙箱', TemplateCode: 'SMS_460100001', TemplateParam: '{"code":"1234"}',
        });
        expect((reply.json as Record<string, string>).Code).toBe('OK');
      }
    } finally {
      await unlimited.close();
    }
  });
});
