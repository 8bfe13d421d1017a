/**
 * China site `Dysmsapi` 2017-05-25 `SendSms` (fact sheet §2): business checks answered as HTTP 200
 * with `{ RequestId, Code, Message }` (§2, §5), flow control (§6), delivery to the outbox.
 *
 * Aliyun does not document the order of its business checks; the sandbox checks count, sign
 * name, template, TemplateParam, numbers, then flow control.
 *
 * @module
 */
import type { RpcAnswer } from './answer.js';
import type { ActionContext } from './action-context.js';
import { flowKind } from './flow-control.js';
import type { FlowKey } from './flow-control.js';
import { missingParameter } from './gateway-errors.js';
import { readInternationalNumber, readMainlandNumber } from './phone-rules.js';
import { checkTemplateParam } from './template-params.js';
import type { ParamProblem } from './template-params.js';

/** §2: at most 1000 comma-separated numbers per call. */
const maxNumbers = 1000;

const paramErrors: Record<ParamProblem, readonly [string, string]> = {
  'invalid-json': ['isv.INVALID_JSON_PARAM', 'JSON参数不合法，只接受字符串值'],
  missing: ['isv.TEMPLATE_MISSING_PARAMETERS', '模板变量缺少对应参数值'],
  unexpected: ['isv.SMS_TEMPLATE_ILLEGAL', '模板变量与模板内容不匹配'],
  'bad-code': ['isv.TEMPLATE_PARAMS_ILLEGAL', '验证码模板变量只能是4-6位字母或数字'],
};

/** Handles `SendSms`. */
export function sendSms(context: ActionContext): RpcAnswer {
  const { params, account, requestId } = context;
  const fail = (code: string, message: string): RpcAnswer => ({
    status: 200,
    root: 'SendSmsResponse',
    body: { RequestId: requestId, Code: code, Message: message },
  });
  // Required action parameters are checked by the gateway: HTTP 400 `Missing<Name>`.
  const absent = ['PhoneNumbers', 'SignName', 'TemplateCode'].find((name) => (params[name] ?? '') === '');
  if (absent !== undefined) {
    return missingParameter(absent, context.gateway);
  }
  const signName = params.SignName ?? '';
  const numbers = (params.PhoneNumbers ?? '').split(',').map((number) => number.trim());
  if (numbers.length > maxNumbers) {
    return fail('isv.MOBILE_COUNT_OVER_LIMIT', '手机号码数量超过限制');
  }
  // A signature or template under review, rejected or another account's cannot send (Q1 in
  // docs/aliyun-sms-query-api.md: "not found in this account, or not approved").
  if (!account.sendableSignature(signName)) {
    return fail('isv.SMS_SIGNATURE_ILLEGAL', '该账号下找不到对应签名');
  }
  const template = account.sendableTemplate(params.TemplateCode ?? '');
  if (template === undefined) {
    return fail('isv.SMS_TEMPLATE_ILLEGAL', '该账号下找不到对应模板');
  }
  const filled = checkTemplateParam(params.TemplateParam, template);
  if (!filled.ok) {
    return fail(...paramErrors[filled.problem]);
  }
  // A mainland template reads only mainland numbers, so an overseas number is MOBILE_NUMBER_ILLEGAL.
  // What Aliyun answers in that case is not documented (§8 [L]): assumption A1 (assumptions.ts).
  const readings = numbers.map((number) =>
    template.scope === 'mainland' ? readMainlandNumber(number) : readInternationalNumber(number),
  );
  if (readings.some(({ kind }) => kind === 'invalid')) {
    return fail('isv.MOBILE_NUMBER_ILLEGAL', '非法手机号');
  }
  if (template.scope === 'international' && readings.some(({ kind }) => kind === 'mainland')) {
    return fail('isv.DOMESTIC_NUMBER_NOT_SUPPORTED', '国际/港澳台消息模板不支持发送境内号码');
  }
  const recipients = readings.flatMap((reading) => (reading.kind === 'invalid' ? [] : [reading]));
  // §6: per-number limits apply to mainland numbers only; one blocked number fails the whole call.
  const flowKeys: FlowKey[] = recipients
    .filter(({ kind }) => kind === 'mainland')
    .map(({ phone }) => ({ kind: flowKind(template.kind), signName, templateCode: template.code, phone }));
  const limit = flowKeys
    .map((key) => context.flow.blocked(key, context.now))
    .find((message) => message !== undefined);
  if (limit !== undefined) {
    return fail('isv.BUSINESS_LIMIT_CONTROL', limit);
  }
  const bizId = `${context.newId()}^0`;
  for (const key of flowKeys) {
    context.flow.record(key, context.now);
  }
  for (const { phone, kind } of recipients) {
    context.outbox.add(
      {
        site: 'china',
        action: 'SendSms',
        phone,
        region: kind,
        signName,
        templateCode: template.code,
        templateParam: filled.values,
        text: `【${signName}】${filled.text}`,
        ...(filled.code === undefined ? {} : { code: filled.code }),
        bizId,
        ...(params.OutId === undefined || params.OutId === '' ? {} : { outId: params.OutId }),
      },
      context.now,
    );
  }
  return {
    status: 200,
    root: 'SendSmsResponse',
    body: { RequestId: requestId, Code: 'OK', Message: 'OK', BizId: bizId },
  };
}

