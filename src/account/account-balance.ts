/**
 * @module account-balance
 * The account's available balance from Aliyun's billing API, read-only: `QueryAccountBalance`
 * (BssOpenApi 2017-12-14, no parameters; RAM `bssapi:QueryAccountBalance`, or the console's
 * `bss:DescribeAcccount`, as Aliyun spells it). Its answer is `{ Code: "200", Message: "success",
 * Success: true, Data: { AvailableAmount, Currency, … } }` with every amount a string
 * (Aliyun's SDK bssopenapi-20171214 `QueryAccountBalanceResponseBody.ts`; help.aliyun.com/document_detail/87997.html),
 * which real answers write with thousands separators ("1,234.56"): amounts are parsed here, never
 * with `parseFloat` (which reads "1,234.56" as 1). Facts: docs/aliyun-sms-query-api.md §13.
 */
import { ramDenialCodes, readQueryResult, type QueryTarget } from './account-queries.js';
import type { AliyunClient } from '../aliyun/aliyun-client.js';
import { isLoopbackHost } from '../plan/endpoint.js';
import { regionIdFor } from '../plan/route.js';

/** The billing API's hosts (the endpoint map of Aliyun's SDK bssopenapi-20171214): China site, and international accounts. */
export const billingEndpoints = { china: 'https://business.aliyuncs.com', international: 'https://business.ap-southeast-1.aliyuncs.com' } as const;

/** The RAM actions that allow reading the balance: the API's own, and the console permission Aliyun's page names. */
export const balanceRamActions = ['bssapi:QueryAccountBalance', 'bss:DescribeAcccount'] as const;

/** BSS's own refusal for a key without the permission (help.aliyun.com/document_detail/87997.html lists it), besides the gateway's. */
const balanceDenialCodes: ReadonlySet<string> = new Set([...ramDenialCodes, 'NotAuthorized']);

/**
 * Where the balance is asked: the site's billing host when `endpoint` is one of Aliyun's hosts; the
 * endpoint itself when it is a loopback host (the local sandbox serves every API on one port) or
 * any other host, which `--billing-endpoint` can override.
 */
export const billingEndpointFor = ({ endpoint, site }: { endpoint: string; site: keyof typeof billingEndpoints }): string => {
  const { hostname } = new URL(endpoint);
  return hostname.endsWith('.aliyuncs.com') && !isLoopbackHost(hostname) ? billingEndpoints[site] : endpoint;
};

/**
 * An amount as Aliyun writes it ("10000.00", "1,234.56", "-12.30"), with at most a currency code or
 * sign around it, as a number; anything else (a decimal comma, misplaced separators) is `undefined`,
 * so nothing is compared against a misread amount.
 */
export const parseAmount = (text: string): number | undefined => {
  const bare = text
    .trim()
    .replace(/^([+-]?)\s*(?:[A-Z]{3}\s*|[¥￥$€£]\s*)/u, '$1')
    .replace(/\s*(?:[A-Z]{3}|元)$/u, '');
  const match = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(bare);
  if (!match) {
    return undefined;
  }
  const value = Number(`${match[2]?.replaceAll(',', '') ?? ''}.${match[3] ?? '0'}`);
  return match[1] === '-' ? -value : value;
};

/** What the balance reading found. */
export type Balance =
  | { kind: 'balance'; available: string; amount?: number; currency: string; requestId?: string }
  | { kind: 'denied'; code: string; requestId?: string }
  | { kind: 'refused'; code: string; message: string; requestId?: string }
  | { kind: 'unreachable'; sentence: string };

/** Asks the account's balance; never throws. */
export const queryBalance = async (client: AliyunClient, target: QueryTarget, endpoint: string): Promise<Balance> => {
  const result = await client.query(
    { endpoint, parameters: { Action: 'QueryAccountBalance', Version: '2017-12-14', Format: 'JSON', RegionId: regionIdFor(endpoint, target.site) } },
    target,
    target.timeout
  );
  if (result.kind === 'answer' && result.body.Success === true) {
    const data = (typeof result.body.Data === 'object' && result.body.Data !== null ? result.body.Data : {}) as Record<string, unknown>;
    const available = typeof data.AvailableAmount === 'string' || typeof data.AvailableAmount === 'number' ? String(data.AvailableAmount) : '';
    const amount = parseAmount(available);
    const requestId = result.outcome.requestId;
    return { kind: 'balance', available, ...(amount === undefined ? {} : { amount }), currency: typeof data.Currency === 'string' ? data.Currency : '', ...(requestId ? { requestId } : {}) };
  }
  const answer = readQueryResult(result, endpoint);
  if (answer.kind === 'unreachable') {
    return { kind: 'unreachable', sentence: answer.sentence };
  }
  const requestId = answer.requestId ? { requestId: answer.requestId } : {};
  if (answer.kind === 'ok' || !balanceDenialCodes.has(answer.code)) {
    return { kind: 'refused', code: answer.kind === 'ok' ? 'OK' : answer.code, message: answer.kind === 'ok' ? 'an answer without Success: true' : answer.message, ...requestId };
  }
  return { kind: 'denied', code: answer.code, ...requestId };
};
