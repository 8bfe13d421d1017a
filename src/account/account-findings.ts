/**
 * @module account-findings
 * What the account's answers mean for a configuration, in sentences an operator can act on: a
 * template's or signature's review state, whether a template's type fits the numbers it serves,
 * and whether `params` fills the template's variables. Pure; `doctor` lists these findings, and
 * the Console's Send adds them to a refusal (send-explanation).
 */
import type { Lookup } from './account-lookups.js';
import type { IntlKind, SignRecord, TemplateKind, TemplateRecord } from './account-records.js';

/** One finding: a verdict, a sentence naming the thing checked, and the fix. */
export type Finding = { status: 'pass' | 'warn' | 'fail' | 'skip'; summary: string; fix?: string };

/** A finding about one template variable, named so that each gets its own check. */
export type VariableFinding = Finding & { variable?: string };

/** Which numbers a template code serves. */
export type TemplateUse = { mainland: boolean; overseas: boolean };

const smsConsole = 'the Aliyun SMS console (短信服务 → 国内消息 / 国际/港澳台消息)';

const kindNames: Record<TemplateKind, string> = {
  code: 'a verification-code template',
  notification: 'a notification template',
  promotional: 'a promotional (marketing) template',
  international: 'an international/Hong Kong-Macao-Taiwan template',
  digital: 'a digital (multimedia) template',
  unknown: 'a template of a type this tool does not know',
};

const intlKindNames: Record<IntlKind, string> = {
  code: 'verification-code',
  notification: 'notification',
  promotional: 'promotional (marketing)',
  unknown: 'unknown-purpose',
};

/**
 * Aliyun's raw values beside a reading another source may read otherwise: an international
 * template's `IntlType` (SDK 4.1.2 numbered it differently), or a type this tool does not know.
 */
const rawKind = ({ kind, rawType, rawIntlType }: TemplateRecord): string =>
  [kind === 'unknown' ? rawType : undefined, rawIntlType === undefined ? undefined : `IntlType ${rawIntlType}`].filter((part) => part !== undefined).join(', ');

/** What the template is, in words. */
const kindName = ({ kind, intlKind }: TemplateRecord): string =>
  kind === 'international' && intlKind ? `an international/Hong Kong-Macao-Taiwan ${intlKindNames[intlKind]} template` : kindNames[kind];

/**
 * Which action answered, when it is not the current one: `QuerySmsTemplate` is documented as taken
 * offline (https://help.aliyun.com/document_detail/419289.htm), so its answer is said to be its.
 */
export const answeredBy = (action: string | undefined): string =>
  action === 'QuerySmsTemplate' || action === 'QuerySmsSign'
    ? ` (read through ${action}, the older action: this endpoint does not know ${action.replace('Query', 'Get')}${action === 'QuerySmsTemplate' ? ', and Aliyun documents QuerySmsTemplate as taken offline' : ''})`
    : '';

const submitted = (createdOn: string | undefined) => (createdOn ? `, submitted ${createdOn}` : '');

/** The review state of a template found in the account; `action` is the one that answered. */
export const templateStateFinding = (record: TemplateRecord, action?: string): Finding => {
  const { code, state, rawState, reason, createdOn } = record;
  const via = answeredBy(action);
  switch (state) {
    case 'approved': {
      const raw = rawKind(record);
      return { status: 'pass', summary: `template ${code} is approved (${kindName(record)}${raw === '' ? '' : `; Aliyun's ${raw}`})${via}` };
    }
    case 'reviewing': {
      return {
        status: 'fail',
        summary: `template ${code} is still under review${submitted(createdOn)}${via}`,
        fix: `wait for Aliyun's review (see ${smsConsole}), or use an approved template meanwhile`,
      };
    }
    case 'rejected': {
      return {
        status: 'fail',
        summary: `template ${code} was rejected${reason ? `: ${reason}` : ''}${via}`,
        fix: `edit and resubmit it in ${smsConsole}, or use an approved template`,
      };
    }
    case 'cancelled': {
      return { status: 'fail', summary: `template ${code}'s review was cancelled${via}`, fix: `submit it again in ${smsConsole}, or use an approved template` };
    }
    case 'unknown': {
      return { status: 'warn', summary: `template ${code} has review status ${rawState ?? '?'}, which this tool does not know${via}`, fix: `check it in ${smsConsole}` };
    }
  }
};

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

/**
 * Whether a template's type fits the numbers it serves (fact sheet §2, §8: a mainland template
 * cannot reach numbers outside the mainland, an international one is refused for mainland
 * numbers, and Aliyun keeps promotional templates apart from codes: `TemplateType` 2, or an
 * international template's `IntlType` 1; a notification template may carry a code). A code serving both kinds of
 * number is always wrong for one of them: a warning, since allowedRegionCodes may keep the other
 * kind away; a code serving only the kind it cannot reach fails.
 */
export const templateKindFinding = (record: TemplateRecord, use: TemplateUse): Finding | undefined => {
  const { code, kind, intlKind } = record;
  if (kind === 'promotional' || intlKind === 'promotional') {
    return {
      status: 'fail',
      summary: `template ${code} is ${kindName(record)}${rawKind(record) === '' ? '' : ` (${rawKind(record)})`}, used here for verification codes: Aliyun approves a promotional template for marketing messages, not for codes`,
      fix: `apply for a verification-code template (验证码${kind === 'international' ? ', IntlType 2' : ''}) and use its code`,
    };
  }
  const international = kind === 'international';
  if (kind === 'unknown' || kind === 'digital') {
    return undefined;
  }
  const wrongFor = international ? use.mainland : use.overseas;
  if (!wrongFor) {
    return undefined;
  }
  const other = international ? 'mainland China numbers' : 'numbers outside mainland China (Hong Kong, Macao and Taiwan included)';
  const both = use.mainland && use.overseas;
  return {
    status: both ? 'warn' : 'fail',
    summary: `template ${code} is ${international ? 'an international/Hong Kong-Macao-Taiwan' : 'a mainland China'} template, used here for ${other}`,
    fix: both
      ? `make templateCode a { "china": "<mainland template>", "overseas": "<international template>" } pair, or set allowedRegionCodes to ${international ? 'the non-mainland regions you serve' : '["86"]'}`
      : `use ${international ? 'a mainland' : 'an international/Hong Kong-Macao-Taiwan'} template for these numbers`,
  };
};

/**
 * The template's variables against the keys `params` fills: a variable left unfilled fails (Aliyun
 * refuses the send, `isv.TEMPLATE_MISSING_PARAMETERS`); a key the template lacks warns.
 */
export const templateParamsFindings = ({ code, variables, content }: TemplateRecord, filled: readonly string[], where: string): VariableFinding[] => {
  if (content === undefined) {
    return [];
  }
  const missing = variables.filter((name) => !filled.includes(name));
  const extra = filled.filter((name) => !variables.includes(name));
  const findings: VariableFinding[] = missing.map((name) => ({
    variable: name,
    status: 'fail',
    summary: `template ${code} needs \${${name}}, which params${where} does not fill`,
    fix: `add "${name}": "<value or {{placeholder}}>" to params${where}`,
  }));
  for (const name of extra) {
    findings.push({
      variable: name,
      status: 'warn',
      summary: `params${where} fills \${${name}}, which template ${code} does not have`,
      fix: `remove "${name}" from params${where}; Aliyun may refuse a TemplateParam key the template lacks`,
    });
  }
  if (findings.length === 0) {
    findings.push({ status: 'pass', summary: `params${where} fills exactly the variables of template ${code} (${variables.map((name) => `\${${name}}`).join(', ') || 'none'})` });
  }
  return findings;
};
