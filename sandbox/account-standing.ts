/**
 * An account's standing with Aliyun's billing: its balance, as BssOpenApi's `QueryAccountBalance`
 * reports it, and its state (normal, in arrears, suspended, abnormal). Sends of an account that is
 * not in good standing are refused with Aliyun's codes (account-refusals.ts), so a test can flip an
 * account into arrears mid-run and watch a send fail over to another account.
 *
 * Amounts are kept as the strings Aliyun answers: `@alicloud/bssopenapi20171214`'s
 * `QueryAccountBalanceResponseBody.ts` types every amount as a string (`"10000.00"` in its example
 * and on help.aliyun.com/document_detail/87997.html); public tools that read the answer strip
 * thousands separators (`"1,234.56"`), so the sandbox answers whatever spelling it was given
 * (assumption A36).
 *
 * @module
 */

/** Where the account stands: `arrears` and `suspended` stop every send (业务停机), `abnormal` too (账户异常). */
export type AccountState = 'normal' | 'arrears' | 'suspended' | 'abnormal';

/** Every state, in the order the docs list them. */
export const accountStates: readonly AccountState[] = ['normal', 'arrears', 'suspended', 'abnormal'];

/** `Currency` of QueryAccountBalance: the model's comment lists CNY, USD and JPY. */
export type Currency = 'CNY' | 'USD' | 'JPY';

/** The currencies the model lists. */
export const currencies: readonly Currency[] = ['CNY', 'USD', 'JPY'];

/** `Data` of QueryAccountBalance, field for field, amounts as Aliyun's strings. */
export type Balance = {
  availableAmount: string;
  availableCashAmount: string;
  creditAmount: string;
  mybankCreditAmount: string;
  currency: Currency;
  quotaLimit: string;
};

/** An account's balance and state. */
export type Standing = { state: AccountState; balance: Balance };

/** Why an account may not send: abnormal, out of service (arrears, suspended), or out of balance. */
export type SendBlock = 'abnormal' | 'out-of-service' | 'out-of-balance';

/** An amount as Aliyun writes it: two decimals, an optional minus, optional thousands separators. */
export const amountPattern = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}$/;

/** The value of an amount string (`"1,234.56"` → 1234.56). */
export function amountValue(amount: string): number {
  return Number(amount.replaceAll(',', ''));
}

/**
 * What stops this account's sends, if anything. The state wins over the balance: a suspended
 * account answers 业务停机 even with money on it (help.aliyun.com/document_detail/101347.htm:
 * "业务停机时，套餐包中即使有短信额度也无法发送短信"); otherwise an available amount of zero or less is
 * 账户余额不足.
 */
export function sendBlock({ state, balance }: Standing): SendBlock | undefined {
  if (state === 'abnormal') {
    return 'abnormal';
  }
  if (state === 'arrears' || state === 'suspended') {
    return 'out-of-service';
  }
  return amountValue(balance.availableAmount) <= 0 ? 'out-of-balance' : undefined;
}

/** The live standing of one account: starts from the registry, changes through the operator API. */
export class AccountStanding {
  readonly #initial: Standing;
  #current: Standing;

  /** Starts from `initial`, which is never modified. */
  constructor(initial: Standing) {
    this.#initial = initial;
    this.#current = copy(initial);
  }

  /** The current balance and state. */
  get(): Standing {
    return copy(this.#current);
  }

  /** Changes the state and any balance fields given; the others stay. */
  set(change: { state?: AccountState; balance?: Partial<Balance> }): Standing {
    this.#current = {
      state: change.state ?? this.#current.state,
      balance: { ...this.#current.balance, ...change.balance },
    };
    return this.get();
  }

  /** Back to the registry's balance and state. */
  reset(): void {
    this.#current = copy(this.#initial);
  }
}

function copy(standing: Standing): Standing {
  return { state: standing.state, balance: { ...standing.balance } };
}
