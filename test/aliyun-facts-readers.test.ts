/**
 * The package's readers against Aliyun's facts (test/aliyun-facts.ts): every enum value of every
 * action and field reads as its fact says, a value no fact lists reads as unknown, and every error
 * code the facts list leads `doctor` and `status` to the finding its meaning calls for, on every
 * action the package reads, on the wire (nock, network shut). Hosts and Jakarta from the same table.
 */
import { TemplateType } from '@logto/connector-kit';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { templateKindOf } from '../src/account/account-enums.js';
import { readSign, readTemplate, type TemplateAction } from '../src/account/account-records.js';
import { readQueryMessage, readSendDetails } from '../src/account/message-records.js';
import { createAliyunClient } from '../src/aliyun/aliyun-client.js';
import { parseConfig } from '../src/config/config.js';
import { runDoctor } from '../src/operator/doctor.js';
import { reportExitCode, runReport } from '../src/operator/delivery-report.js';
import { problemSentence } from '../src/operator/report-output.js';
import { querySendStatus } from '../src/operator/send-status.js';
import { regionOfEndpoint } from '../src/plan/endpoint.js';
import { planSend } from '../src/plan/route.js';
import { codeFacts, enumFacts, hostFacts, jakarta, type CodeFact, type EnumFact } from './aliyun-facts.js';

/** What the package reads `wire` as, for the action and field of a fact; throws for a pair no reader covers. */
const readingOf = ({ action, field, wire }: Pick<EnumFact, 'action' | 'field' | 'wire'>): string | undefined => {
  switch (`${action}.${field}`) {
    case 'GetSmsTemplate.TemplateStatus':
    case 'QuerySmsTemplate.TemplateStatus':
    case 'QuerySmsTemplateList.AuditStatus': {
      return readTemplate('SMS_1', { [field]: wire }, action as TemplateAction).state;
    }
    case 'GetSmsSign.SignStatus':
    case 'QuerySmsSign.SignStatus':
    case 'QuerySmsSignList.AuditStatus': {
      return readSign('签名', { [field]: wire }).state;
    }
    case 'GetSmsTemplate.TemplateType':
    case 'QuerySmsTemplate.TemplateType':
    case 'QuerySmsTemplateList.OuterTemplateType':
    case 'QuerySmsTemplateList.TemplateType': {
      return readTemplate('SMS_1', { [field]: wire }, action as TemplateAction).kind;
    }
    case 'QuerySendStatistics.TemplateType': {
      return templateKindOf(action, field, wire);
    }
    case 'GetSmsTemplate.IntlType': {
      return readTemplate('SMS_1', { TemplateType: '3', IntlType: wire }, 'GetSmsTemplate').intlKind;
    }
    case 'QuerySendDetails.SendStatus': {
      return readSendDetails({ SmsSendDetailDTOs: { SmsSendDetailDTO: [{ SendStatus: wire }] } }).messages[0]?.status;
    }
    case 'dypnsapi:QuerySendDetails.SendStatus': {
      return readSendDetails({ Model: [{ SendStatus: wire }] }).messages[0]?.status;
    }
    case 'QueryMessage.Status': {
      return readQueryMessage({ Status: wire }, 'M-1').status;
    }
  }
  throw new TypeError(`no reader covers ${action}.${field}`);
};

const keys = [...new Set(enumFacts.map(({ action, field }) => `${action}.${field}`))];

describe('every enum value reads as Aliyun says', () => {
  it.each(enumFacts.map((fact) => [`${fact.action}.${fact.field}`, JSON.stringify(fact.wire), fact.reading, fact] as const))('%s %s → %s', (_key, _wire, reading, fact) => {
    expect(readingOf(fact)).toBe(reading);
  });

  // A value no source lists is unknown: never a verdict, never another enum's meaning.
  const unlisted = [-1, 3, 4, 5, 6, 7, 8, 9, 11, 42, '7', 'AUDIT_STATE_UNKNOWN', 'pass'];
  it.each(keys.map((key) => [key] as const))('%s: values it does not list read as unknown', (key) => {
    const [action = '', field = ''] = key.split(/\.(?=[^.]+$)/);
    const listed = new Set(enumFacts.filter((fact) => `${fact.action}.${fact.field}` === key).map((fact) => String(fact.wire)));
    for (const wire of unlisted.filter((value) => !listed.has(String(value)))) {
      expect(readingOf({ action, field, wire }), `${key} ${JSON.stringify(wire)}`).toBe('unknown');
    }
  });

  it("QueryMessage's and SendStatus' raw values stay beside the reading", () => {
    expect(readQueryMessage({ Status: '3' }, 'M-1')).toMatchObject({ status: 'pending', aliyunStatus: '3' });
    expect(readSendDetails({ Model: [{ SendStatus: 9 }] }).messages[0]).toMatchObject({ status: 'unknown', aliyunStatus: '9' });
  });

  it("a list entry reads OuterTemplateType (the single-template enum) before its own TemplateType's other enum", () => {
    expect(readTemplate('SMS_1', { AuditStatus: 'AUDIT_STATE_NOT_PASS', TemplateType: 2, OuterTemplateType: 0 }, 'QuerySmsTemplateList')).toMatchObject({ state: 'rejected', kind: 'code' });
    expect(readTemplate('SMS_1', { AuditStatus: 'AUDIT_STATE_NOT_PASS', TemplateType: 0 }, 'QuerySmsTemplateList')).toMatchObject({ state: 'rejected', kind: 'notification' });
  });
});

describe('hosts and Jakarta', () => {
  it.each(hostFacts.map((fact) => [fact.host, fact.region] as const))('https://%s serves %s', (host, region) => {
    expect(regionOfEndpoint(`https://${host}`, 'international')).toBe(region);
  });

  const jakartaHosts = hostFacts.filter(({ region }) => region === jakarta.region).map(({ host }) => host);
  it.each(jakartaHosts)('https://%s: mainland numbers are refused before sending, the rest go through SendMessageToGlobe', (host) => {
    const config = parseConfig({
      site: 'international',
      endpoint: `https://${host}`,
      accessKeyId: 'LTAI5tFakeKeyIdForTests',
      accessKeySecret: 'FakeSecretForTestsOnly0000000',
      signName: 'Logto',
      templates: ['SignIn', 'Register', 'ForgotPassword', 'Generic'].map((usageType) => ({ usageType, templateCode: 'SMS_1', content: 'Code {{code}}' })),
    });
    const message = (to: string) => ({ to, type: TemplateType.Generic, payload: { code: '123456' } });
    expect(() => planSend(config, message('8613800138000'))).toThrow(
      expect.objectContaining({ data: expect.objectContaining({ refusal: 'region', errorDescription: expect.stringContaining(`endpoint https://${host} (Jakarta, ap-southeast-5)`) as string }) })
    );
    expect(planSend(config, message('85261234567')).action).toBe('SendMessageToGlobe');
  });
});

// ---- Error codes on the wire ----

const china = 'https://dysmsapi.aliyuncs.com';
const singapore = 'https://dysmsapi.ap-southeast-1.aliyuncs.com';
const pnvsHost = 'https://dypnsapi.aliyuncs.com';
const credentials = { accessKeyId: 'LTAI5tFakeKeyIdForTests', accessKeySecret: 'FakeSecretForTestsOnly0000000' };
const usageTypes = ['SignIn', 'Register', 'ForgotPassword', 'Generic'];
const chinaConfig = { ...credentials, signName: '阿里云短信测试', allowedRegionCodes: ['86'], templates: usageTypes.map((usageType) => ({ usageType, templateCode: 'SMS_154950909' })) };
const intlConfig = { ...credentials, site: 'international', signName: 'Logto', templates: usageTypes.map((usageType) => ({ usageType, templateCode: 'SMS_1', content: 'Code {{code}}' })) };
const pnvsConfig = { ...credentials, mainlandService: 'pnvs', pnvsSignName: '速通互联验证码', allowedRegionCodes: ['86'] };

let nonce = 0;
const client = () => createAliyunClient({ nonce: () => `nonce-${(nonce += 1)}`, now: () => new Date('2026-12-05T08:00:00Z'), warn: () => undefined });

beforeAll(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
});

const ok: Record<string, object> = {
  GetSmsSign: { Code: 'OK', Message: 'OK', RequestId: 'R-OK', SignName: '阿里云短信测试', SignStatus: 1 },
  GetSmsTemplate: { Code: 'OK', Message: 'OK', RequestId: 'R-OK', TemplateStatus: '1', TemplateType: '0', TemplateContent: '验证码${code}' },
  QuerySendDetails: { Code: 'OK', Message: 'OK', RequestId: 'R-OK', TotalCount: '0', SmsSendDetailDTOs: { SmsSendDetailDTO: [] } },
  QueryMessage: { ResponseCode: 'OK', ResponseDescription: 'OK', RequestId: 'R-OK', MessageId: '1', Status: '1' },
  QuerySendStatistics: { Code: 'OK', Message: 'OK', RequestId: 'R-OK', Data: { TotalSize: 0, TargetList: [] } },
};

/** The body Aliyun refuses with: the 2018-05-01 API's business codes in `ResponseCode`, the rest in `Code`. */
const refusal = (action: string, code: string): object =>
  action === 'QueryMessage' && /^(?:is[pv]\.)?[A-Z_]+$/.test(code)
    ? { RequestId: 'R-NO', ResponseCode: code, ResponseDescription: 'refused' }
    : { RequestId: 'R-NO', Code: code, Message: 'refused', ...(code.includes('RAM_PERMISSION_DENY') && action === 'QuerySendDetails' ? { Success: false } : {}) };

/** Aliyun on `host`: `action` refused with the fact's code and status, every other action answered. */
const answer = (host: string, action: string, fact: Pick<CodeFact, 'code' | 'httpStatus'>) => {
  nock(host)
    .persist()
    .post('/')
    .reply((_, body) => {
      const asked = new URLSearchParams(body as string).get('Action') ?? '';
      return asked === action ? [fact.httpStatus, refusal(asked, fact.code)] : [200, ok[asked] ?? { Code: 'InvalidAction.NotFound', Message: 'no', RequestId: 'R-404' }];
    });
};

/** The actions `doctor` reads, with the configuration that makes it read them. */
const doctorReads = [
  ['GetSmsSign', china, chinaConfig],
  ['GetSmsTemplate', china, chinaConfig],
  ['QuerySendDetails', china, chinaConfig],
  ['QueryMessage', singapore, intlConfig],
  ['QuerySendStatistics', china, chinaConfig],
] as const;

const ramFacts = codeFacts.filter((fact) => fact.reading === 'ram-denied');

describe('a RAM denial, in every spelling, on every action doctor reads: a warning naming the action, never a pass', () => {
  it.each(ramFacts.flatMap((fact) => doctorReads.map(([action, host, config]) => [fact.code, action, fact, host, config] as const)))('%s from %s', async (_code, action, fact, host, config) => {
    answer(host, action, fact);
    const checks = await runDoctor(config, { client: client() });
    const rows = checks.filter((check) => check.summary.includes(`dysms:${action}`) && check.id.startsWith('ram.'));
    expect(rows).toEqual([expect.objectContaining({ id: `ram.dysms:${action}`, status: 'warn', summary: `this AccessKey may not call dysms:${action}` })]);
  });
});

describe('a RAM denial, in every spelling, of the statistics report reads: exit 3 naming dysms:QuerySendStatistics', () => {
  it.each(ramFacts.map((fact) => [fact.code, fact] as const))('%s', async (code, fact) => {
    answer(china, 'QuerySendStatistics', fact);
    const range = { from: '2026-11-28', to: '2026-12-04', days: 7, includesToday: false };
    const report = await runReport(client(), parseConfig(chinaConfig), { range, allSignatures: false, thresholds: { minSent: 20 } });
    expect(reportExitCode(report)).toBe(3);
    expect(report.problem && problemSentence(report.problem, report)).toBe(
      `this AccessKey may not call dysms:QuerySendStatistics (Aliyun ${code}); add it to the key's RAM policy (the optional read-only policy in docs/operator-commands.md)`
    );
  });
});

/** What `status` asks, per service. */
const statusReads = [
  ['QuerySendDetails', china, chinaConfig, { phone: '13800138000', date: '2026-12-05' }, 'dysms:QuerySendDetails'],
  ['QueryMessage', singapore, intlConfig, { phone: '85261234567', date: '2026-12-05', bizId: '1008030300' }, 'dysms:QueryMessage'],
  ['QuerySendDetails', pnvsHost, pnvsConfig, { phone: '13800138000', date: '2026-12-05' }, 'dypns:QuerySendDetails'],
] as const;

describe('a RAM denial, in every spelling, on every action status reads: the RAM fix', () => {
  it.each(ramFacts.flatMap((fact) => statusReads.map(([action, host, config, query, ram]) => [fact.code, ram, fact, action, host, config, query] as const)))('%s from %s', async (code, ram, fact, action, host, config, query) => {
    answer(host, action, fact);
    const report = await querySendStatus(client(), parseConfig(config), query);
    expect(report).toEqual({
      kind: 'problem',
      sentence: `this AccessKey may not call ${ram} (Aliyun ${code}); add it to the key's RAM policy (the optional read-only policy in docs/operator-commands.md)${ram.startsWith('dypns') ? '. PNVS (SendSmsVerifyCode) delivery can also be seen in the PNVS console' : ''}`,
      aliyun: { code, requestId: 'R-NO' },
    });
  });
});

const forbiddenFacts = codeFacts.filter((fact) => fact.reading === 'forbidden-action');

describe('ForbiddenAction is its own finding, never a RAM pass', () => {
  it.each(forbiddenFacts.flatMap((fact) => doctorReads.filter(([action]) => fact.actions.includes(action)).map(([action, host, config]) => [fact.code, action, fact, host, config] as const)))('doctor: %s from %s', async (code, action, fact, host, config) => {
    answer(host, action, fact);
    const checks = await runDoctor(config, { client: client() });
    expect(checks.find((check) => check.id === `forbidden.${action}`)).toEqual({
      id: `forbidden.${action}`,
      status: 'warn',
      summary: `this Aliyun account may not call ${action} at all: an account-level restriction (ForbiddenAction), not a RAM policy, so whether the key's RAM policy allows dysms:${action} is unknown`,
      fix: `no RAM policy can allow it: ask Alibaba Cloud support (a ticket from the console) to restore this account's access to ${action}`,
      aliyun: { code },
    });
    expect(checks.filter((check) => check.id === `ram.dysms:${action}`)).toEqual([]);
  });

  it.each(forbiddenFacts.filter((fact) => fact.actions.includes('QueryMessage')).map((fact) => [fact.code, fact] as const))('status: %s from QueryMessage', async (code, fact) => {
    answer(singapore, 'QueryMessage', fact);
    const report = await querySendStatus(client(), parseConfig(intlConfig), { phone: '85261234567', date: '2026-12-05', bizId: '1008030300' });
    expect(report).toEqual({
      kind: 'problem',
      sentence: `this Aliyun account may not call QueryMessage at all (Aliyun ${code}: an account-level restriction, not a RAM policy); no RAM policy can allow it: ask Alibaba Cloud support (a ticket from the console) to restore this account's access to QueryMessage`,
      aliyun: { code, requestId: 'R-NO' },
    });
  });
});

describe('no record (yet) is not a refusal', () => {
  it.each(codeFacts.filter((fact) => fact.reading === 'no-record').map((fact) => [fact.code, fact] as const))('%s: status lists no message and says why; doctor reads it as the key allowed', async (code, fact) => {
    answer(singapore, 'QueryMessage', fact);
    const report = await querySendStatus(client(), parseConfig(intlConfig), { phone: '85261234567', date: '2026-12-05', bizId: '1008030300' });
    expect(report).toMatchObject({
      kind: 'messages',
      messages: [],
      site: 'international',
      source: 'QueryMessage 2018-05-01',
      aliyun: { code, requestId: 'R-NO' },
    });
    expect(report.kind === 'messages' && report.notes?.[0]).toBe(
      `Aliyun has no record of MessageId 1008030300 (${code}): the record may not be there yet (try again in a minute), or the message was sent by another Aliyun account`
    );
    const checks = await runDoctor(intlConfig, { client: client() });
    expect(checks.find((check) => check.id === 'ram.dysms:QueryMessage')?.status).toBe('pass');
  });
});

describe('not in this account', () => {
  it.each(codeFacts.filter((fact) => fact.reading === 'not-in-account').map((fact) => [fact.code, fact.actions[0] ?? '', fact] as const))('%s from %s fails the check, naming the account', async (code, action, fact) => {
    answer(china, action, fact);
    const checks = await runDoctor(chinaConfig, { client: client() });
    const id = action === 'GetSmsSign' ? 'sign.阿里云短信测试' : 'template.SMS_154950909';
    expect(checks.find((check) => check.id === id)).toMatchObject({ status: 'fail', summary: expect.stringContaining('is not in this Aliyun account') as string, aliyun: { code } });
  });
});
