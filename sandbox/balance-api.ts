/**
 * Aliyun's billing API (BssOpenApi, Version 2017-12-14; Aliyun serves it on `business.aliyuncs.com`,
 * international accounts on `business.ap-southeast-1.aliyuncs.com`, the sandbox on its own port):
 * `QueryAccountBalance`, the calling account's balance (account-standing.ts). It takes no
 * parameters and answers whatever the account's state; an AccessKey may be denied it by RAM
 * (`bssapi:QueryAccountBalance`, or the console's `bss:DescribeAcccount`: dispatch.ts).
 *
 * The answer is `@alicloud/bssopenapi20171214`'s `QueryAccountBalanceResponseBody.ts`: `Code`
 * (the string `"200"` in Aliyun's example), `Message` (`"success"`), `RequestId`, `Success` (a
 * boolean), and `Data` with `AvailableAmount`, `AvailableCashAmount`, `CreditAmount`,
 * `MybankCreditAmount`, `Currency`, `QuotaLimit`, every one a string
 * (help.aliyun.com/document_detail/87997.html, "正常返回示例").
 *
 * @module
 */
import type { ActionContext } from './action-context.js';
import type { RpcAnswer } from './answer.js';

/** Handles `QueryAccountBalance`. */
export function queryAccountBalance(context: ActionContext): RpcAnswer {
  const { balance } = context.standing.get();
  return {
    status: 200,
    root: 'QueryAccountBalanceResponse',
    body: {
      Code: '200',
      Message: 'success',
      RequestId: context.requestId,
      Success: true,
      Data: {
        AvailableAmount: balance.availableAmount,
        AvailableCashAmount: balance.availableCashAmount,
        CreditAmount: balance.creditAmount,
        MybankCreditAmount: balance.mybankCreditAmount,
        Currency: balance.currency,
        QuotaLimit: balance.quotaLimit,
      },
    },
  };
}
