/**
 * @module access-checks
 * What the read-only calls of `doctor` say about access, per action: a RAM refusal in any
 * spelling warns and names the RAM action, an account-level `ForbiddenAction` is its own finding
 * with its own fix, and only an answer past both (a missing record included) passes. Gateway
 * refusals that come before any RAM decision say nothing either way. The account's balance, read
 * with a billing permission of its own, has its own row. Pure.
 */
import { balanceRamActions, type Balance } from '../account/account-balance.js';
import { forbiddenActionFix } from '../account/account-findings.js';
import { credentialCodes, forbiddenActionCodes, noRecordCodes, ramActionOf, ramDenialCodes, type QueryAnswer } from '../account/account-queries.js';
import type { Check } from './doctor-checks.js';
import { balanceSentence } from './report-output.js';

/**
 * The check for a read-only action the lookups called: a RAM denial (any spelling) warns, an
 * account-level `ForbiddenAction` is its own finding (RAM cannot lift it, and says nothing about
 * RAM), and only an answer past both passes.
 */
export const accessCheck = (action: string, answers: ReadonlyArray<{ kind: string; action: string; code?: string }>): Check | undefined => {
  const own = answers.filter((answer) => answer.action === action && answer.kind !== 'unreachable' && !beforeRam(answer.code));
  const ram = ramActionOf(action);
  const aliyun = (kind: string) => {
    const code = own.find((answer) => answer.kind === kind)?.code;
    return code === undefined ? {} : { aliyun: { code } };
  };
  if (own.length === 0) {
    return undefined;
  }
  if (own.some((answer) => answer.kind === 'denied')) {
    return {
      id: `ram.${ram}`,
      status: 'warn',
      summary: `this AccessKey may not call ${ram}`,
      fix: `add ${ram} to its RAM policy (optional: sign-ins work without it; see docs/operator-commands.md)`,
      ...aliyun('denied'),
    };
  }
  if (own.some((answer) => answer.kind === 'forbidden')) {
    return {
      id: `forbidden.${action}`,
      status: 'warn',
      summary: `this Aliyun account may not call ${action} at all: an account-level restriction (ForbiddenAction), not a RAM policy, so whether the key's RAM policy allows ${ram} is unknown`,
      fix: forbiddenActionFix(action),
      ...aliyun('forbidden'),
    };
  }
  return { id: `ram.${ram}`, status: 'pass', summary: `this AccessKey may call ${ram}` };
};

/** What a probe's answer says about access: RAM-denied, account-forbidden, or an answer (a missing record included). */
export const probeKind = (answer: QueryAnswer): string => {
  if (answer.kind !== 'refused') {
    return answer.kind;
  }
  return ramDenialCodes.has(answer.code) ? 'denied' : forbiddenActionCodes.has(answer.code) ? 'forbidden' : noRecordCodes.has(answer.code) ? 'no-record' : 'refused';
};

/**
 * Gateway refusals that come before any RAM decision (unknown action, key or signature refused,
 * clock, throttling): such an answer says nothing about what the key may call.
 */
const beforeRam = (code: string | undefined): boolean =>
  code !== undefined && (credentialCodes.has(code) || /^(?:Invalid|Missing|Throttling|SignatureNonceUsed|ServiceUnavailable|InternalError)/.test(code));

/**
 * The balance row of `doctor`: the available balance (a warning below `--min-balance`), or why it
 * could not be read. Reading it needs a billing permission the sending policy does not have, so a
 * refusal warns and names it; a billing host that does not answer is not checked.
 */
export const balanceCheck = (balance: Balance, minBalance?: number): Check => {
  const summary = balanceSentence(balance, minBalance);
  const aliyun = balance.kind === 'denied' || balance.kind === 'refused' ? { aliyun: { code: balance.code, ...(balance.requestId ? { requestId: balance.requestId } : {}) } } : {};
  switch (balance.kind) {
    case 'balance': {
      const low = minBalance !== undefined && (balance.amount === undefined || balance.amount < minBalance);
      return low
        ? { id: 'balance', status: 'warn', summary, fix: 'top the account up in the Aliyun console (费用 → 充值) before sends are refused with isv.AMOUNT_NOT_ENOUGH' }
        : { id: 'balance', status: 'pass', summary: minBalance === undefined ? summary : `${summary}, not below --min-balance ${minBalance}` };
    }
    case 'denied': {
      return { id: 'balance', status: 'warn', summary, fix: `allow ${balanceRamActions[0]} in the key's RAM policy (optional: sign-ins work without it; see docs/operator-commands.md)`, ...aliyun };
    }
    case 'refused': {
      return { id: 'balance', status: 'warn', summary, ...aliyun };
    }
    case 'unreachable': {
      return { id: 'balance', status: 'skip', summary, fix: 'if this endpoint does not forward the billing API, pass --billing-endpoint https://business.aliyuncs.com' };
    }
  }
};
