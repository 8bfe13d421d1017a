/**
 * @module account-findings
 * What the account's answers mean, in sentences an operator can act on: a signature's review
 * state, why a lookup found nothing to judge (not in the account, RAM, `ForbiddenAction`, no
 * answer), and which action answered. Pure; templates have their own (template-findings.ts).
 */
import type { Lookup } from './account-lookups.js';
import type { SignRecord } from './account-records.js';

/** One finding: a verdict, a sentence naming the thing checked, and the fix. */
export type Finding = { status: 'pass' | 'warn' | 'fail' | 'skip'; summary: string; fix?: string };

/** Where an operator reviews signatures and templates. */
export const smsConsole = 'the Aliyun SMS console (短信服务 → 国内消息 / 国际/港澳台消息)';

/**
 * Which action answered, when it is not the current one: `QuerySmsTemplate` is documented as taken
 * offline (https://help.aliyun.com/document_detail/419289.htm), so its answer is said to be its.
 */
export const answeredBy = (action: string | undefined): string =>
  action === 'QuerySmsTemplate' || action === 'QuerySmsSign'
    ? ` (read through ${action}, the older action: this endpoint does not know ${action.replace('Query', 'Get')}${action === 'QuerySmsTemplate' ? ', and Aliyun documents QuerySmsTemplate as taken offline' : ''})`
    : '';

/** `, submitted <day>` when Aliyun gave the day. */
export const submitted = (createdOn: string | undefined): string => (createdOn ? `, submitted ${createdOn}` : '');

/** The review state of a signature found in the account; `action` is the one that answered. */
export const signStateFinding = ({ name, state, rawState, reason, createdOn }: SignRecord, action?: string): Finding => {
  const via = answeredBy(action);
  switch (state) {
    case 'approved': {
      return { status: 'pass', summary: `signature ${name} is approved${via}` };
    }
    case 'reviewing': {
      return { status: 'fail', summary: `signature ${name} is still under review${submitted(createdOn)}${via}`, fix: `wait for Aliyun's review (see ${smsConsole}), or set signName to an approved signature` };
    }
    case 'rejected': {
      return { status: 'fail', summary: `signature ${name} was rejected${reason ? `: ${reason}` : ''}${via}`, fix: `edit and resubmit it in ${smsConsole}, or set signName to an approved signature` };
    }
    case 'cancelled': {
      return { status: 'fail', summary: `signature ${name}'s review was cancelled${via}`, fix: `submit it again in ${smsConsole}, or set signName to an approved signature` };
    }
    case 'unknown': {
      return { status: 'warn', summary: `signature ${name} has review status ${rawState ?? '?'}, which this tool does not know${via}`, fix: `check it in ${smsConsole}` };
    }
  }
};

/** The sentence for a lookup that found nothing to judge: not in the account, not allowed, refused, no answer. */
export const lookupProblem = (thing: string, lookup: Exclude<Lookup<unknown>, { kind: 'found' }>): Finding => {
  switch (lookup.kind) {
    case 'absent': {
      return {
        status: 'fail',
        summary: `${thing} is not in this Aliyun account`,
        fix: `check the code or name against ${smsConsole}; a ${thing.split(' ')[0] ?? ''} approved for another Aliyun account cannot be used with this AccessKey`,
      };
    }
    case 'denied': {
      return {
        status: 'skip',
        summary: `${thing} could not be read: this AccessKey may not call ${lookup.ramAction}`,
        fix: `grant ${lookup.ramAction} (the optional read-only policy in docs/operator-commands.md) to check it`,
      };
    }
    case 'forbidden': {
      return {
        status: 'skip',
        summary: `${thing} could not be read: this Aliyun account may not call ${lookup.action} at all (${lookup.code}: an account-level restriction, not a RAM policy)`,
        fix: forbiddenActionFix(lookup.action),
      };
    }
    case 'refused': {
      return { status: 'fail', summary: `${thing} could not be read: Aliyun ${lookup.code}: ${lookup.message}` };
    }
    case 'unreachable': {
      return { status: 'fail', summary: `${thing} could not be read: ${lookup.sentence}` };
    }
  }
};

/** The fix for `ForbiddenAction`: no RAM grant lifts it; Aliyun restores the account's access. */
export const forbiddenActionFix = (action: string): string =>
  `no RAM policy can allow it: ask Alibaba Cloud support (a ticket from the console) to restore this account's access to ${action}`;
