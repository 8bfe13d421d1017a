/**
 * STS `GetCallerIdentity` (Version 2015-04-01; Aliyun serves it on `sts.aliyuncs.com`, the sandbox
 * on its own port): who signed the request. It needs no RAM permission ("No authorization for this
 * operation", help.aliyun.com/en/ram/developer-reference/api-sts-2015-04-01-getcalleridentity), so
 * any valid AccessKey may call it, and two keys of one account answer the same `AccountId`: that is
 * how a tool tells whether two configured keys share one account's balance and limits.
 *
 * The answer is `@alicloud/sts20150401`'s `GetCallerIdentityResponseBody.ts`: `IdentityType`
 * (`Account`, `RAMUser`, `AssumedRoleUser`), `AccountId`, `UserId`, `PrincipalId`, `Arn`,
 * `RequestId`, and `RoleId` only for a role, which the sandbox has none of. A key with a `ramUser`
 * is a RAM user (`acs:ram::<AccountId>:user/<name>`); one without is the account's own key
 * (`acs:ram::<AccountId>:root`). UserId and PrincipalId are stand-ins derived from the names
 * (assumption A38).
 *
 * @module
 */
import { createHash } from 'node:crypto';

import type { ActionContext } from './action-context.js';
import type { RpcAnswer } from './answer.js';

/** Handles `GetCallerIdentity`. */
export function getCallerIdentity(context: ActionContext): RpcAnswer {
  const { accountId } = context.registry;
  const { ramUser } = context.credential;
  const identity =
    ramUser === undefined
      ? { IdentityType: 'Account', UserId: accountId, PrincipalId: accountId, Arn: `acs:ram::${accountId}:root` }
      : { IdentityType: 'RAMUser', UserId: stableId(accountId, ramUser), PrincipalId: stableId(accountId, ramUser), Arn: `acs:ram::${accountId}:user/${ramUser}` };
  return {
    status: 200,
    root: 'GetCallerIdentityResponse',
    body: { RequestId: context.requestId, AccountId: accountId, ...identity },
  };
}

/** A 16-digit id that stays the same for one RAM user of one account. */
function stableId(accountId: string, user: string): string {
  const digest = createHash('sha256').update(`${accountId}/${user}`).digest();
  return `2${(digest.readBigUInt64BE(0) % 10n ** 15n).toString().padStart(15, '0')}`;
}
