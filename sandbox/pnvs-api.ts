/**
 * PNVS (号码认证服务) `SendSmsVerifyCode` 2017-05-25 (docs/aliyun-pnvs-api.md): refusals answered
 * as HTTP 400 with `{ RequestId, Code, Message, Success: false }` (the API reference lists each of
 * its codes with 400), success with `Model.BizId`, the `Interval` between codes to one number
 * (default 60 s) and the hourly and daily caps, delivery to the outbox marked with its service.
 * A sandbox whose registry has no gifted signatures has not opened PNVS: `FUNCTION_NOT_OPENED`.
 *
 * Aliyun documents neither the order of its checks nor which code each failed check gets; the
 * sandbox's choices are listed as assumptions in README.md.
 *
 * @module
 */
import { randomInt, randomUUID } from 'node:crypto';

import type { AnswerValue, RpcAnswer } from './answer.js';
import type { ActionContext } from './action-context.js';
import { missingParameter } from './gateway-errors.js';
import { readMainlandNumber } from './phone-rules.js';
import { checkTemplateParam } from './template-params.js';

/** Seconds between two codes to one number when the request has no `Interval` (docs §2, [H]). */
const defaultIntervalSeconds = 60;

/** Aliyun's limit on `SchemeName` (docs §2). */
const maxSchemeName = 20;

/** `##code##` asks Aliyun to make the code; `CodeLength` 4–8, default 4 (docs §2, [M]). */
const generatedCode = (length: string | undefined): string => {
  const digits = Math.min(Math.max(Number(length) || 4, 4), 8);
  return Array.from({ length: digits }, () => String(randomInt(0, 10))).join('');
};

/** Handles `SendSmsVerifyCode`. */
export function sendSmsVerifyCode(context: ActionContext): RpcAnswer {
  const { params, registry, requestId } = context;
  const answer = (body: Record<string, AnswerValue>): RpcAnswer => ({
    status: 200,
    root: 'SendSmsVerifyCodeResponse',
    body: { RequestId: requestId, ...body },
  });
  // docs §5: MOBILE_NUMBER_ILLEGAL, BUSINESS_LIMIT_CONTROL, FREQUENCY_FAIL, INVALID_PARAMETERS and
  // FUNCTION_NOT_OPENED are listed with HTTP 400; the body's shape is assumption A14.
  const fail = (code: string, message: string): RpcAnswer => ({
    ...answer({ Code: code, Message: message, Success: false }),
    status: 400,
  });
  const absent = ['PhoneNumber', 'SignName', 'TemplateCode'].find((name) => (params[name] ?? '') === '');
  if (absent !== undefined) {
    return missingParameter(absent, context.gateway);
  }
  if (registry.pnvs.signNames.length === 0) {
    return fail('FUNCTION_NOT_OPENED', 'You have not opened this function.');
  }
  const signName = params.SignName ?? '';
  const intervalSeconds = params.Interval === undefined ? defaultIntervalSeconds : Number(params.Interval);
  if (!Number.isInteger(intervalSeconds) || intervalSeconds < 1) {
    return fail('INVALID_PARAMETERS', 'Interval 必须是正整数（秒）');
  }
  if ((params.SchemeName ?? '').length > maxSchemeName) {
    return fail('INVALID_PARAMETERS', `SchemeName 长度不能超过${maxSchemeName}个字符`);
  }
  if (!registry.pnvs.signNames.includes(signName)) {
    return fail('INVALID_PARAMETERS', 'SignName 不是可用的赠送签名');
  }
  const template = registry.pnvs.templates.find(({ code }) => code === params.TemplateCode);
  if (template === undefined) {
    return fail('INVALID_PARAMETERS', 'TemplateCode 不是可用的赠送模板');
  }
  const raw = params.TemplateParam?.replace('##code##', () => generatedCode(params.CodeLength));
  const filled = checkTemplateParam(raw, template);
  if (!filled.ok) {
    return fail('INVALID_PARAMETERS', 'TemplateParam 与模板变量不匹配');
  }
  // docs §2: CountryCode defaults to 86 and only mainland numbers are served today.
  const reading = readMainlandNumber(params.PhoneNumber ?? '');
  if ((params.CountryCode ?? '86') !== '86' || reading.kind !== 'mainland') {
    return fail('MOBILE_NUMBER_ILLEGAL', '手机号码格式错误或不是中国大陆号码');
  }
  const flowKey = { kind: 'pnvs' as const, signName, templateCode: template.code, phone: reading.phone };
  // docs §2: `Interval` is the time between two codes to one number, default 60 s; the refusal is
  // FREQUENCY_FAIL ("Check frequency fail."), the hourly and daily caps BUSINESS_LIMIT_CONTROL (A12).
  const last = context.flow.lastSend(flowKey);
  if (last !== undefined && context.now - last < intervalSeconds * 1000) {
    return fail('FREQUENCY_FAIL', 'Check frequency fail.');
  }
  const limit = context.flow.blocked(flowKey, context.now);
  if (limit !== undefined) {
    return fail('BUSINESS_LIMIT_CONTROL', limit);
  }
  context.flow.record(flowKey, context.now);
  const bizId = `${context.newId()}^0`;
  context.outbox.add(
    {
      site: 'china',
      service: 'dypnsapi',
      action: 'SendSmsVerifyCode',
      phone: reading.phone,
      region: 'mainland',
      signName,
      templateCode: template.code,
      templateParam: filled.values,
      text: `【${signName}】${filled.text}`,
      ...(filled.code === undefined ? {} : { code: filled.code }),
      bizId,
    },
    context.now,
  );
  const model: Record<string, AnswerValue> = {
    BizId: bizId,
    RequestId: randomUUID(),
    ...(params.OutId === undefined ? {} : { OutId: params.OutId }),
    ...(params.ReturnVerifyCode === 'true' && filled.code !== undefined ? { VerifyCode: filled.code } : {}),
  };
  return answer({ Code: 'OK', Message: '成功', Success: true, Model: model });
}
