/**
 * Sends refused because of the account, not the message: out of balance, in arrears or suspended
 * (业务停机), abnormal. Each send API answers in its own form, as Aliyun documents it:
 *
 * - SendSms (2017-05-25), HTTP 200: `isv.AMOUNT_NOT_ENOUGH` 账户余额不足, `isv.OUT_OF_SERVICE` 业务停机,
 *   `isv.ACCOUNT_ABNORMAL` 账户异常 (help.aliyun.com/document_detail/101347.htm; fact sheet §5);
 * - SendMessageWithTemplate / SendMessageToGlobe (2018-05-01), HTTP 200 `ResponseCode`:
 *   `AMOUNT_NOT_ENOUGH`, `OUT_OF_SERVICE` (fact sheet §3's list), `ACCOUNT_ILLEGAL` (assumption A40);
 * - PNVS SendSmsVerifyCode, HTTP 400 with A14's body: `RESOURCE_NOT_ENOUGH` ("resource plan or quota
 *   insufficient", alibabacloud.com/help/en/pnvs/developer-reference/api-error-code),
 *   `isv.OUT_OF_SERVICE` (docs/aliyun-pnvs-api.md §5), `isv.ACCOUNT_ABNORMAL` (assumption A41).
 *
 * The account is checked after the gateway and RAM, before the send's own checks (assumption A39),
 * and a refused send delivers nothing.
 *
 * @module
 */
import { sendBlock } from './account-standing.js';
import type { SendBlock } from './account-standing.js';
import type { ActionContext } from './action-context.js';
import type { RpcAnswer } from './answer.js';
import { failure } from './intl-answers.js';

type Handler = (context: ActionContext) => RpcAnswer;

const sendSmsCodes: Record<SendBlock, readonly [string, string]> = {
  'out-of-balance': ['isv.AMOUNT_NOT_ENOUGH', '账户余额不足'],
  'out-of-service': ['isv.OUT_OF_SERVICE', '业务停机'],
  abnormal: ['isv.ACCOUNT_ABNORMAL', '账户异常'],
};

const intlCodes = { 'out-of-balance': 'AMOUNT_NOT_ENOUGH', 'out-of-service': 'OUT_OF_SERVICE', abnormal: 'ACCOUNT_ILLEGAL' } as const;

const pnvsCodes: Record<SendBlock, readonly [string, string]> = {
  'out-of-balance': ['RESOURCE_NOT_ENOUGH', 'The resource plan or the account balance is insufficient.'],
  'out-of-service': ['isv.OUT_OF_SERVICE', '业务停机'],
  abnormal: ['isv.ACCOUNT_ABNORMAL', '账户异常'],
};

/** The refusal of a send `action` for `block`. */
function refusal(action: string, block: SendBlock, context: ActionContext): RpcAnswer {
  const root = `${action}Response`;
  if (action === 'SendMessageWithTemplate' || action === 'SendMessageToGlobe') {
    return failure(context, root)(intlCodes[block]);
  }
  const [code, message] = (action === 'SendSmsVerifyCode' ? pnvsCodes : sendSmsCodes)[block];
  const body = { RequestId: context.requestId, Code: code, Message: message };
  return action === 'SendSmsVerifyCode'
    ? { status: 400, root, body: { ...body, Success: false } }
    : { status: 200, root, body };
}

/** `run`, unless the calling account may not send: then the refusal in `action`'s form. */
export function refusedUnlessInGoodStanding(action: string, run: Handler): Handler {
  return (context) => {
    const block = sendBlock(context.standing.get());
    return block === undefined ? run(context) : refusal(action, block, context);
  };
}
