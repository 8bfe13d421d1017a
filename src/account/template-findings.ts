/**
 * @module template-findings
 * What a template found in the account means for a configuration: its review state, whether its
 * type fits the numbers it serves and the codes it sends (an international template's purpose is
 * its `IntlType`), and whether `params` fills its variables. Pure; `doctor` lists these findings,
 * and the Console's Send adds them to a refusal (send-explanation).
 */
import { answeredBy, smsConsole, submitted, type Finding } from './account-findings.js';
import type { IntlKind, TemplateKind, TemplateRecord } from './account-records.js';

/** A finding about one template variable, named so that each gets its own check. */
export type VariableFinding = Finding & { variable?: string };

/** Which numbers a template code serves. */
export type TemplateUse = { mainland: boolean; overseas: boolean };

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
