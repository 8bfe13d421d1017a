/**
 * International site `Dysmsapi` 2018-05-01 (fact sheet §3): `SendMessageWithTemplate` (mainland
 * recipients, approved sign + template) and `SendMessageToGlobe` (everyone else, free text).
 * Business errors are HTTP 200 with `ResponseCode` from §3's list.
 *
 * Choices where Aliyun's behaviour is unknown (assumptions A2–A5 in assumptions.ts):
 * - a missing required parameter is `INVALID_PARAMETERS` in the body (not a gateway 400);
 * - `SendMessageWithTemplate` to a non-mainland number is `NOT_SUPPORTED_COUNTRY`, like Globe to a
 *   mainland number;
 * - an unknown or non-mainland `TemplateCode` is `SMS_CONTENT_CODE_ILLEGAL` ("template invalid:
 *   missing or blocked"); extra or malformed variables are `INVALID_PARAMETERS`;
 * - mainland per-number flow control (§6) also applies to `SendMessageWithTemplate`, answered as
 *   `BUSINESS_LIMIT_CONTROL` (§3's list has no per-number code; unverified).
 *
 * @module
 */
import type { RpcAnswer } from './answer.js';
import type { ActionContext } from './action-context.js';
import { flowKind } from './flow-control.js';
import { accepted, failure } from './intl-answers.js';
import type { IntlCode } from './intl-answers.js';
import { readInternationalNumber } from './phone-rules.js';
import { segmentCount } from './segments.js';
import { checkTemplateParam } from './template-params.js';
import type { ParamProblem } from './template-params.js';

const paramErrors: Record<ParamProblem, IntlCode> = {
  'invalid-json': 'INVALID_JSON_PARAM',
  missing: 'CONTENT_MISSING_PARAMETERS',
  unexpected: 'INVALID_PARAMETERS',
  'bad-code': 'INVALID_PARAMETERS',
};

/** Handles `SendMessageWithTemplate`. */
export function sendMessageWithTemplate(context: ActionContext): RpcAnswer {
  const { params, registry, account } = context;
  const fail = failure(context, 'SendMessageWithTemplateResponse');
  const absent = ['To', 'From', 'TemplateCode'].find((name) => (params[name] ?? '') === '');
  if (absent !== undefined) {
    return fail('INVALID_PARAMETERS', `${absent} is mandatory for this action.`);
  }
  const to = readInternationalNumber(params.To ?? '');
  if (to.kind === 'invalid') {
    return fail('MOBILE_NUMBER_ILLEGAL');
  }
  if (to.kind === 'overseas') {
    return fail('NOT_SUPPORTED_COUNTRY', 'SendMessageWithTemplate only sends to mainland China (86).');
  }
  const signName = params.From ?? '';
  if (!registry.intlSignNames.includes(signName)) {
    return fail('SMS_SIGN_NAME_ILLEGAL');
  }
  const template = account.sendableTemplate(params.TemplateCode ?? '');
  if (template?.scope !== 'mainland') {
    return fail('SMS_CONTENT_CODE_ILLEGAL');
  }
  const filled = checkTemplateParam(params.TemplateParam, template);
  if (!filled.ok) {
    return fail(paramErrors[filled.problem]);
  }
  const flowKey = { kind: flowKind(template.kind), signName, templateCode: template.code, phone: to.phone };
  const limit = context.flow.blocked(flowKey, context.now);
  if (limit !== undefined) {
    return fail('BUSINESS_LIMIT_CONTROL', limit);
  }
  context.flow.record(flowKey, context.now);
  const text = `【${signName}】${filled.text}`;
  const messageId = context.newId();
  context.outbox.add(
    {
      site: 'international',
      action: 'SendMessageWithTemplate',
      phone: to.phone,
      region: 'mainland',
      signName,
      templateCode: template.code,
      templateParam: filled.values,
      text,
      ...(filled.code === undefined ? {} : { code: filled.code }),
      messageId,
    },
    context.now,
  );
  return accepted(context, 'SendMessageWithTemplateResponse', {
    MessageId: messageId,
    Segments: String(segmentCount(text)),
    To: params.To ?? '',
    NumberDetail: { Carrier: 'Sandbox Mobile', Region: 'CN', Country: 'China' },
  });
}

/** Handles `SendMessageToGlobe`. */
export function sendMessageToGlobe(context: ActionContext): RpcAnswer {
  const { params, registry } = context;
  const fail = failure(context, 'SendMessageToGlobeResponse');
  const absent = ['To', 'Message'].find((name) => (params[name] ?? '') === '');
  if (absent !== undefined) {
    return fail('INVALID_PARAMETERS', `${absent} is mandatory for this action.`);
  }
  if (params.Type !== undefined && !['OTP', 'NOTIFY', 'MKT'].includes(params.Type)) {
    return fail('INVALID_PARAMETERS', 'Type must be OTP, NOTIFY or MKT.');
  }
  const to = readInternationalNumber(params.To ?? '');
  if (to.kind === 'invalid') {
    return fail('MOBILE_NUMBER_ILLEGAL');
  }
  if (to.kind === 'mainland') {
    return fail('NOT_SUPPORTED_COUNTRY', 'Use SendMessageWithTemplate for mainland China (86) numbers.');
  }
  const from = params.From;
  if (from !== undefined && !registry.senderIds.includes(from)) {
    return fail('INVALID_SENDERID');
  }
  const text = params.Message ?? '';
  const messageId = context.newId();
  const code = /(?<!\d)\d{4,8}(?!\d)/.exec(text)?.[0];
  context.outbox.add(
    {
      site: 'international',
      action: 'SendMessageToGlobe',
      phone: to.phone,
      region: 'overseas',
      ...(from === undefined ? {} : { senderId: from }),
      text,
      ...(code === undefined ? {} : { code }),
      messageId,
    },
    context.now,
  );
  return accepted(context, 'SendMessageToGlobeResponse', {
    MessageId: messageId,
    Segments: String(segmentCount(text)),
    To: params.To ?? '',
    ...(from === undefined ? {} : { From: from }),
    NumberDetail: { Carrier: 'Sandbox Mobile', Region: to.region, Country: to.country },
  });
}
