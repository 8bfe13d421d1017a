/**
 * The sandbox against Aliyun's facts (test/aliyun-facts.ts), over real HTTP with the sandbox's own
 * signer: each review state, template type, IntlType and delivery state comes back as the wire
 * value its fact names, for every action that answers it; each error code with its HTTP status,
 * per site; and, told to, the older readings of the disputed facts. Facts the sandbox does not
 * produce are named in `notSimulated`, so a new fact cannot go unchecked silently.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { startSandbox, type Sandbox } from '../sandbox/index.js';
import type { Readings } from '../sandbox/readings.js';
import type { ReviewedTemplate } from '../sandbox/registry.js';
import { callSandbox, rawRequest, type Reply } from '../sandbox/test-client.js';
import { codeFacts, enumFacts, ramCodeOfSite, supersededFacts, type CodeFact, type EnumFact, type Reading } from './aliyun-facts.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ flowControl: false });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.account.reset();
  sandbox.records.reset();
  sandbox.outbox.clear();
});

const body = (reply: Reply) => reply.json as Record<string, unknown>;
const chinaDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
const api = (path: string, payload: unknown) =>
  rawRequest(`${sandbox.endpoint}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });

/** The parameters that make each action answer (or send) in the default registry. */
const params = (action: string): Record<string, string> => {
  const byAction: Record<string, Record<string, string>> = {
    GetSmsTemplate: { Version: '2017-05-25', TemplateCode: 'SMS_460100001' },
    QuerySmsTemplate: { Version: '2017-05-25', TemplateCode: 'SMS_460100001' },
    GetSmsSign: { Version: '2017-05-25', SignName: 'Logto沙箱' },
    QuerySmsSign: { Version: '2017-05-25', SignName: 'Logto沙箱' },
    QuerySendDetails: { Version: '2017-05-25', PhoneNumber: '13700137000', SendDate: chinaDay(sandbox.clock.now()), PageSize: '50', CurrentPage: '1' },
    SendSms: { Version: '2017-05-25', PhoneNumbers: '13800138000', SignName: 'Logto沙箱', TemplateCode: 'SMS_460100001', TemplateParam: '{"code":"123456"}' },
    SendSmsVerifyCode: { Version: '2017-05-25', PhoneNumber: '13800138000', SignName: '速通互联验证码', TemplateCode: '100001', TemplateParam: '{"code":"1234","min":"5"}' },
    QueryMessage: { Version: '2018-05-01', MessageId: '1000000000000000' },
    QuerySendStatistics: { Version: '2017-05-25', IsGlobe: '1', StartDate: chinaDay(sandbox.clock.now()), EndDate: chinaDay(sandbox.clock.now()), PageIndex: '1', PageSize: '50' },
    SendMessageWithTemplate: { Version: '2018-05-01', To: '8613800138000', From: 'Logto沙箱', TemplateCode: 'SMS_460100001', TemplateParam: '{"code":"1357"}' },
    SendMessageToGlobe: { Version: '2018-05-01', To: '85291234567', Message: 'Your code is 2468' },
  };
  const given = byAction[action];
  if (given === undefined) {
    throw new TypeError(`no parameters for ${action}`);
  }
  return { Action: action, ...given };
};

/** The code of an answer, whichever API's body it is. */
const codeOf = (reply: Reply) => body(reply).Code ?? body(reply).ResponseCode;

// ---- Enums ----

/** The sandbox's state for a reading: review status, template scope and kind, or delivery outcome. */
const reviews: Partial<Record<Reading, ReviewedTemplate['status']>> = { reviewing: 'reviewing', approved: 'approved', rejected: 'rejected', cancelled: 'cancelled' };
const mainlandKinds: Partial<Record<Reading, ReviewedTemplate['kind']>> = { code: 'code', notification: 'notification', promotional: 'marketing' };

/** Puts a template in the account and returns its code. */
const putTemplate = (template: Partial<ReviewedTemplate>): string => {
  const code = 'SMS_469000001';
  sandbox.account.putTemplate({
    code,
    name: 'facts',
    scope: 'mainland',
    kind: 'code',
    content: '验证码${code}',
    status: 'approved',
    createdAt: '2026-11-02 10:00:00',
    owner: 'this',
    ...(template.status === 'rejected' ? { reason: '驳回' } : {}),
    ...template,
  });
  return code;
};

const listEntry = (reply: Reply, list: string, key: string, value: string) =>
  (body(reply)[list] as Array<Record<string, unknown>>).find((entry) => entry[key] === value) ?? {};

/** What the sandbox answers in `field` of `action` for the state that fact's reading names. */
const sandboxWire = async ({ action, field, reading }: Pick<EnumFact, 'action' | 'field' | 'reading'>): Promise<unknown> => {
  const key = `${action}.${field}`;
  if (['GetSmsTemplate.TemplateStatus', 'QuerySmsTemplate.TemplateStatus'].includes(key)) {
    const code = putTemplate({ status: reviews[reading] });
    return body(await callSandbox(sandbox, { ...params(action), TemplateCode: code }))[field];
  }
  if (key === 'QuerySmsTemplateList.AuditStatus') {
    const code = putTemplate({ status: reviews[reading] });
    return listEntry(await callSandbox(sandbox, { Action: action, Version: '2017-05-25', PageSize: '50' }), 'SmsTemplateList', 'TemplateCode', code)[field];
  }
  if (['GetSmsSign.SignStatus', 'QuerySmsSign.SignStatus', 'QuerySmsSignList.AuditStatus'].includes(key)) {
    const name = '事实签名';
    sandbox.account.putSignature({ name, status: reviews[reading] ?? 'approved', createdAt: '2026-11-02 10:00:00', owner: 'this', ...(reading === 'rejected' ? { reason: '驳回' } : {}) });
    if (action === 'QuerySmsSignList') {
      return listEntry(await callSandbox(sandbox, { Action: action, Version: '2017-05-25', PageSize: '50' }), 'SmsSignList', 'SignName', name)[field];
    }
    return body(await callSandbox(sandbox, { ...params(action), SignName: name }))[field];
  }
  if (['GetSmsTemplate.TemplateType', 'QuerySmsTemplate.TemplateType', 'QuerySmsTemplateList.OuterTemplateType', 'QuerySmsTemplateList.TemplateType'].includes(key)) {
    const code = putTemplate(reading === 'international' ? { scope: 'international' } : { kind: mainlandKinds[reading] ?? 'code', content: '${name}' });
    if (action === 'QuerySmsTemplateList') {
      return listEntry(await callSandbox(sandbox, { Action: action, Version: '2017-05-25', PageSize: '50' }), 'SmsTemplateList', 'TemplateCode', code)[field];
    }
    return body(await callSandbox(sandbox, { ...params(action), TemplateCode: code }))[field];
  }
  if (key === 'QuerySendStatistics.TemplateType') {
    // A request filter: the value that counts one message sent with a template of this kind.
    const code = putTemplate(reading === 'international' ? { scope: 'international' } : { kind: mainlandKinds[reading] ?? 'code', content: '${name}' });
    const international = reading === 'international';
    sandbox.records.inject({ phone: international ? '85261234567' : '13500135000', sentAt: sandbox.clock.now() - 60_000, content: '【事实签名】x', templateCode: code, status: 'delivered' });
    const day = chinaDay(sandbox.clock.now());
    for (const wire of [0, 1, 2, 3, 6, 7]) {
      const reply = await callSandbox(sandbox, { Action: action, Version: '2017-05-25', IsGlobe: international ? '2' : '1', StartDate: day, EndDate: day, PageIndex: '1', PageSize: '50', SignName: '事实签名', TemplateType: String(wire) });
      if ((body(reply).Data as { TargetList: unknown[] }).TargetList.length > 0) {
        return wire;
      }
    }
    return undefined;
  }
  if (key === 'GetSmsTemplate.IntlType') {
    const code = putTemplate({ scope: 'international', kind: mainlandKinds[reading] ?? 'code', content: reading === 'code' ? 'Code ${code}' : '${name}' });
    return body(await callSandbox(sandbox, { ...params(action), TemplateCode: code }))[field];
  }
  if (key === 'QuerySendDetails.SendStatus') {
    const status = reading as 'delivered' | 'failed' | 'pending';
    sandbox.records.inject({ phone: '13500135000', sentAt: sandbox.clock.now() - 60_000, content: 'x', status, ...(status === 'failed' ? { errCode: 'UNDELIV' } : {}) });
    const reply = await callSandbox(sandbox, { ...params(action), PhoneNumber: '13500135000' });
    return ((body(reply).SmsSendDetailDTOs as { SmsSendDetailDTO: Array<Record<string, unknown>> }).SmsSendDetailDTO[0] ?? {})[field];
  }
  if (key === 'QueryMessage.Status') {
    const sent = body(await callSandbox(sandbox, params('SendMessageToGlobe'))).MessageId as string;
    await api('/api/delivery-outcomes', { bizId: sent, status: reading, ...(reading === 'failed' ? { errCode: 'EXPIRED' } : {}) });
    return body(await callSandbox(sandbox, { ...params(action), MessageId: sent }))[field];
  }
  throw new TypeError(`the sandbox test does not cover ${key}`);
};

/** Facts the sandbox does not produce, and why. */
const notSimulated = (fact: EnumFact): string | undefined => {
  if (fact.reading === 'digital') {
    return 'the sandbox has no digital (multimedia) templates';
  }
  if (fact.action === 'dypnsapi:QuerySendDetails') {
    return `the sandbox does not serve ${fact.action}`;
  }
  return undefined;
};

const simulated = enumFacts.filter((fact) => notSimulated(fact) === undefined);

describe('the sandbox answers every enum value as Aliyun does today', () => {
  it.each(simulated.map((fact) => [`${fact.action}.${fact.field}`, fact.reading, JSON.stringify(fact.wire), fact] as const))('%s for %s → %s', async (_key, _reading, _wire, fact) => {
    expect(await sandboxWire(fact)).toStrictEqual(fact.wire);
  });

  it('leaves out only what it does not simulate', () => {
    expect(enumFacts.filter((fact) => notSimulated(fact) !== undefined).map((fact) => `${fact.action}.${fact.field} ${String(fact.wire)}`)).toEqual([
      'QuerySmsTemplateList.TemplateType 7',
      'QuerySendStatistics.TemplateType 7',
      'dypnsapi:QuerySendDetails.SendStatus 1',
      'dypnsapi:QuerySendDetails.SendStatus 2',
      'dypnsapi:QuerySendDetails.SendStatus 3',
    ]);
  });
});

describe('told to, the sandbox answers the older readings', () => {
  const readingFor: Record<string, Partial<Readings>> = { 'GetSmsTemplate.IntlType': { intlType: 'sdk-4.1.2' }, 'QueryMessage.Status': { queryMessageStatus: 'doc-106592' } };
  it.each(supersededFacts.map((fact) => [`${fact.action}.${fact.field}`, fact.reading, JSON.stringify(fact.wire), fact] as const))('%s for %s → %s', async (key, _reading, _wire, fact) => {
    const set = await api('/api/readings', readingFor[key]);
    expect(set.status).toBe(200);
    expect(await sandboxWire(fact)).toStrictEqual(fact.wire);
  });
});

// ---- Codes ----

/** The actions of a fact the sandbox serves (it has no PNVS QuerySendDetails). */
const servedActions = (fact: CodeFact) => fact.actions.filter((action) => !(fact.site === 'pnvs' && action === 'QuerySendDetails') && !action.startsWith('QuerySmsTemplate') && !action.startsWith('QuerySmsSign'));

const ramAction = (fact: CodeFact, action: string) => `${fact.site === 'pnvs' ? 'dypns' : 'dysms'}:${action}`;

describe("a RAM denial: by default each site's own code, and every spelling on request", () => {
  it.each((['china', 'international', 'pnvs'] as const).flatMap((site) => servedActions(ramCodeOfSite(site)).map((action) => [site, action, ramCodeOfSite(site)] as const)))('%s site, %s → the site’s code', async (_site, action, fact) => {
    await api('/api/ram', { deny: [ramAction(fact, action)] });
    const reply = await callSandbox(sandbox, params(action));
    expect({ status: reply.status, code: codeOf(reply) }).toEqual({ status: fact.httpStatus, code: fact.code });
  });

  const older = codeFacts.filter((fact) => fact.reading === 'ram-denied' && fact.older && fact.code.startsWith('isp.'));
  it.each(older.map((fact) => [fact.code, fact] as const))('%s: the international site in the prefixed reading', async (code, fact) => {
    await api('/api/readings', { intlCodes: 'prefixed' });
    await api('/api/ram', { deny: ['dysms:QueryMessage'] });
    const reply = await callSandbox(sandbox, params('QueryMessage'));
    expect({ status: reply.status, code: codeOf(reply) }).toEqual({ status: fact.httpStatus, code });
  });

  it.each(codeFacts.filter((fact) => fact.reading === 'ram-denied').flatMap((fact) => servedActions(fact).map((action) => [fact.code, action, fact] as const)))('style %s on %s', async (code, action, fact) => {
    await api('/api/ram', { deny: [ramAction(fact, action)], style: code });
    const reply = await callSandbox(sandbox, params(action));
    expect({ status: reply.status, code: codeOf(reply) }).toEqual({ status: fact.httpStatus, code });
  });
});

describe('ForbiddenAction, not found, no record', () => {
  it.each(codeFacts.filter((fact) => fact.reading === 'forbidden-action').flatMap((fact) => servedActions(fact).map((action) => [fact.code, action, fact] as const)))('%s from %s', async (code, action, fact) => {
    if (fact.older) {
      await api('/api/readings', { intlCodes: 'prefixed' });
    }
    await api('/api/forbidden-actions', { actions: [action] });
    const reply = await callSandbox(sandbox, params(action));
    expect({ status: reply.status, code: codeOf(reply) }).toEqual({ status: fact.httpStatus, code });
  });

  it.each(codeFacts.filter((fact) => fact.reading === 'not-in-account').map((fact) => [fact.code, fact.actions[0] ?? '', fact] as const))('%s from %s for a code or name not in the account', async (code, action, fact) => {
    const reply = await callSandbox(sandbox, { ...params(action), ...(action === 'GetSmsSign' ? { SignName: '其他账号签名' } : { TemplateCode: 'SMS_460300003' }) });
    expect({ status: reply.status, code: codeOf(reply) }).toEqual({ status: fact.httpStatus, code });
  });

  it.each(codeFacts.filter((fact) => fact.reading === 'no-record').map((fact) => [fact.code, fact] as const))('%s from QueryMessage for a MessageId with no record', async (code, fact) => {
    if (fact.older) {
      await api('/api/readings', { intlCodes: 'prefixed' });
    }
    const reply = await callSandbox(sandbox, params('QueryMessage'));
    expect({ status: reply.status, code: codeOf(reply) }).toEqual({ status: fact.httpStatus, code });
  });
});
