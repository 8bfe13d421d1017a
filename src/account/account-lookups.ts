/**
 * @module account-lookups
 * One template or signature looked up in the account: `GetSms*`, falling back to the older
 * `QuerySms*` where the endpoint does not know it, read into found, not in this account, not
 * allowed (RAM), not allowed for the account at all (`ForbiddenAction`), refused otherwise, or no
 * answer (docs/aliyun-sms-query-api.md §3, §5, §6, §10).
 */
import { forbiddenActionCodes, queryAccount, ramActionOf, ramDenialCodes, type CallEvidence, type QueryAnswer, type QueryTarget } from './account-queries.js';
import { notInAccountCodes, readSign, readTemplate, type SignRecord, type TemplateAction, type TemplateRecord } from './account-records.js';
import type { AliyunClient } from '../aliyun/aliyun-client.js';

/** A template's or signature's lookup: found, not in this account, not allowed, refused otherwise, or no answer. */
export type Lookup<Found> = CallEvidence & { action: string } &
  (
    | { kind: 'found'; record: Found; requestId?: string }
    | { kind: 'absent'; code: string; requestId?: string }
    | { kind: 'denied'; ramAction: string; code: string; requestId?: string }
    | { kind: 'forbidden'; code: string; message: string; requestId?: string }
    | { kind: 'refused'; code: string; message: string; requestId?: string }
    | { kind: 'unreachable'; sentence: string }
  );

/** How one lookup action's answer becomes a {@link Lookup}. */
type LookupSpec<Found> = { actions: readonly string[]; parameter: string; read: (key: string, body: Record<string, unknown>, action: string) => Found };

/**
 * Looks one template or signature up with the current action (`GetSms*`), falling back to the
 * older one (`QuerySms*`) where the endpoint does not know it (§3: Aliyun documents `QuerySmsTemplate`
 * as taken offline, so it is asked only when `GetSmsTemplate` is unknown; findings say when it answered).
 */
const lookup = async <Found>(client: AliyunClient, target: QueryTarget, key: string, spec: LookupSpec<Found>): Promise<Lookup<Found>> => {
  let answer: QueryAnswer | undefined;
  let action = '';
  // One deadline for the lookup, the fallback included.
  const deadline = performance.now() + target.timeout;
  for (action of spec.actions) {
    const left = Math.floor(deadline - performance.now());
    if (answer !== undefined && left < 1) {
      break;
    }
    // The first call has the whole timeout (and reports it as the operator set it); a fallback what is left.
    answer = await queryAccount(client, answer === undefined ? target : { ...target, timeout: left }, action, { [spec.parameter]: key });
    if (answer.kind !== 'refused' || answer.code !== 'InvalidAction.NotFound') {
      break;
    }
  }
  if (answer === undefined) {
    throw new TypeError('a lookup needs at least one action');
  }
  const { serverDate, receivedAt, clockOffsetMs } = answer;
  const evidence = {
    action,
    ...(serverDate === undefined ? {} : { serverDate }),
    ...(receivedAt === undefined ? {} : { receivedAt }),
    clockOffsetMs,
  };
  if (answer.kind === 'unreachable') {
    return { kind: 'unreachable', sentence: answer.sentence, ...evidence };
  }
  const requestId = answer.requestId === undefined ? {} : { requestId: answer.requestId };
  if (answer.kind === 'ok') {
    return { kind: 'found', record: spec.read(key, answer.body, action), ...requestId, ...evidence };
  }
  if (ramDenialCodes.has(answer.code)) {
    return { kind: 'denied', ramAction: answer.authAction ?? ramActionOf(action), code: answer.code, ...requestId, ...evidence };
  }
  if (forbiddenActionCodes.has(answer.code)) {
    return { kind: 'forbidden', code: answer.code, message: answer.message, ...requestId, ...evidence };
  }
  if (notInAccountCodes.has(answer.code)) {
    return { kind: 'absent', code: answer.code, ...requestId, ...evidence };
  }
  return { kind: 'refused', code: answer.code, message: answer.message, ...requestId, ...evidence };
};

/** A template by its code: `GetSmsTemplate`, else `QuerySmsTemplate`. */
export const lookupTemplate = (client: AliyunClient, target: QueryTarget, code: string): Promise<Lookup<TemplateRecord>> =>
  lookup(client, target, code, {
    actions: ['GetSmsTemplate', 'QuerySmsTemplate'] satisfies TemplateAction[],
    parameter: 'TemplateCode',
    read: (key, body, action) => readTemplate(key, body, action as TemplateAction),
  });

/** A signature by its name: `GetSmsSign`, else `QuerySmsSign`. */
export const lookupSign = (client: AliyunClient, target: QueryTarget, name: string): Promise<Lookup<SignRecord>> =>
  lookup(client, target, name, { actions: ['GetSmsSign', 'QuerySmsSign'], parameter: 'SignName', read: (key, body) => readSign(key, body) });
