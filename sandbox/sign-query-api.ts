/**
 * China site 2017-05-25 signature queries (docs/aliyun-sms-query-api.md §5): `QuerySmsSign` and
 * `GetSmsSign`, from the account's live state (account.ts). A signature another account holds is
 * not found.
 *
 * @module
 */
import type { ActionContext } from './action-context.js';
import type { RpcAnswer } from './answer.js';
import { gatewayError, missingParameter } from './gateway-errors.js';
import { auditDate, noSignRemarks, orderId, statusNumber } from './review-answers.js';

/** Handles `QuerySmsSign`. */
export function querySmsSign(context: ActionContext): RpcAnswer {
  const name = context.params.SignName ?? '';
  if (name === '') {
    return missingParameter('SignName', context.gateway);
  }
  const signature = context.account.signature(name);
  const head = { RequestId: context.requestId };
  if (signature === undefined) {
    // Assumption A15: undocumented; SendSms's code for the same case.
    return {
      status: 200,
      root: 'QuerySmsSignResponse',
      body: { ...head, Code: 'isv.SMS_SIGNATURE_ILLEGAL', Message: '该账号下找不到对应签名' },
    };
  }
  return {
    status: 200,
    root: 'QuerySmsSignResponse',
    body: {
      ...head,
      Code: 'OK',
      Message: 'OK',
      SignName: signature.name,
      SignStatus: statusNumber[signature.status],
      CreateDate: signature.createdAt,
      Reason: signature.reason ?? noSignRemarks,
    },
  };
}

/** Handles `GetSmsSign`. */
export function getSmsSign(context: ActionContext): RpcAnswer {
  const name = context.params.SignName ?? '';
  if (name === '') {
    return missingParameter('SignName', context.gateway);
  }
  const signature = context.account.signature(name);
  if (signature === undefined) {
    return gatewayError('SignatureNotFound', context.gateway);
  }
  const id = orderId(signature.name);
  return {
    status: 200,
    root: 'GetSmsSignResponse',
    body: {
      RequestId: context.requestId,
      Code: 'OK',
      Message: 'OK',
      SignName: signature.name,
      SignStatus: statusNumber[signature.status],
      CreateDate: signature.createdAt,
      OrderId: id,
      SignCode: `SIGN_${id}`,
      SignTag: '2',
      ThirdParty: false,
      AuditInfo:
        signature.status === 'reviewing'
          ? {}
          : {
              ...(signature.reason === undefined ? {} : { RejectInfo: signature.reason }),
              AuditDate: auditDate(signature.createdAt),
            },
    },
  };
}
