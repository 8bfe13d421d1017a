/**
 * @module account-findings
 * What the account's answers mean for a configuration, in sentences an operator can act on: a
 * template's or signature's review state, whether a template's type fits the numbers it serves,
 * and whether `params` fills the template's variables. Pure; `doctor` lists these findings, and
 * the Console's Send adds them to a refusal (send-explanation).
 */
import type { Lookup } from './account-lookups.js';
import type { SignRecord, TemplateKind, TemplateRecord } from './account-records.js';

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
  unknown: 'a template of a type Aliyun did not say',
};

const submitted = (createdOn: string | undefined) => (createdOn ? `, submitted ${createdOn}` : '');

/** The review state of a template found in the account. */
export const templateStateFinding = ({ code, state, rawState, reason, createdOn, kind }: TemplateRecord): Finding => {
  switch (state) {
    case 'approved': {
      return { status: 'pass', summary: `template ${code} is approved (${kindNames[kind]})` };
    }
    case 'reviewing': {
      return {
        status: 'fail',
        summary: `template ${code} is still under review${submitted(createdOn)}`,
        fix: `wait for Aliyun's review (see ${smsConsole}), or use an approved template meanwhile`,
      };
    }
    case 'rejected': {
      return {
        status: 'fail',
        summary: `template ${code} was rejected${reason ? `: ${reason}` : ''}`,
        fix: `edit and resubmit it in ${smsConsole}, or use an approved template`,
      };
    }
    case 'cancelled': {
      return { status: 'fail', summary: `template ${code}'s review was cancelled`, fix: `submit it again in ${smsConsole}, or use an approved template` };
    }
    case 'unknown': {
      return { status: 'warn', summary: `template ${code} has review status ${rawState ?? '?'}, which this tool does not know`, fix: `check it in ${smsConsole}` };
    }
  }
};

/** The review state of a signature found in the account. */
export const signStateFinding = ({ name, state, rawState, reason, createdOn }: SignRecord): Finding => {
  switch (state) {
    case 'approved': {
      return { status: 'pass', summary: `signature ${name} is approved` };
    }
    case 'reviewing': {
      return { status: 'fail', summary: `signature ${name} is still under review${submitted(createdOn)}`, fix: `wait for Aliyun's review (see ${smsConsole}), or set signName to an approved signature` };
    }
    case 'rejected': {
      return { status: 'fail', summary: `signature ${name} was rejected${reason ? `: ${reason}` : ''}`, fix: `edit and resubmit it in ${smsConsole}, or set signName to an approved signature` };
    }
    case 'cancelled': {
      return { status: 'fail', summary: `signature ${name}'s review was cancelled`, fix: `submit it again in ${smsConsole}, or set signName to an approved signature` };
    }
    case 'unknown': {
      return { status: 'warn', summary: `signature ${name} has review status ${rawState ?? '?'}, which this tool does not know`, fix: `check it in ${smsConsole}` };
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
    case 'refused': {
      return { status: 'fail', summary: `${thing} could not be read: Aliyun ${lookup.code}: ${lookup.message}` };
    }
    case 'unreachable': {
      return { status: 'fail', summary: `${thing} could not be read: ${lookup.sentence}` };
    }
  }
};

/**
 * Whether a template's type fits the numbers it serves (fact sheet §2, §8: a mainland template
 * cannot reach numbers outside the mainland, an international one is refused for mainland
 * numbers, and Aliyun keeps promotional templates apart from codes). A code serving both kinds of
 * number is always wrong for one of them: a warning, since allowedRegionCodes may keep the other
 * kind away; a code serving only the kind it cannot reach fails.
 */
export const templateKindFinding = ({ code, kind, intlKind }: TemplateRecord, use: TemplateUse): Finding | undefined => {
  if (kind === 'promotional' || intlKind === 'promotional') {
    return {
      status: 'fail',
      summary: `template ${code} is a promotional (marketing) ${kind === 'international' ? 'international ' : ''}template, used here for verification codes`,
      fix: 'apply for a verification-code template (验证码) and use its code',
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
