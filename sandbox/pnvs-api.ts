/**
 * PNVS (号码认证服务) `SendSmsVerifyCode` 2017-05-25 (docs/aliyun-pnvs-api.md): business checks
 * answered as HTTP 200 with `{ RequestId, Code, Message, Success }`, success with `Model.BizId`,
 * per-number flow control, delivery to the outbox marked with its service.
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
  const fail = (code: string, message: string) => answer({ Code: code, Message: message, Success: false });
  const absent = ['PhoneNumber', 'SignName', 'TemplateCode'].find((name) => (params[name] ?? '') === '');
  if (absent !== undefined) {
    return missingParameter(absent, context.gateway);
  }
  const signName = params.SignName ?? '';
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
  const limit = context.flow.blocked(flowKey, context.now);
  if (limit !== undefined) {
    // The per-number interval answers FREQUENCY_FAIL, the hourly and daily caps BUSINESS_LIMIT_CONTROL.
    return limit.includes('分钟级') ? fail('FREQUENCY_FAIL', `check frequency failed: ${limit}`) : fail('BUSINESS_LIMIT_CONTROL', limit);
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
