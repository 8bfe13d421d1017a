/**
 * @module doctor-checks
 * `doctor`'s verdicts, pure: which signatures and templates a valid configuration can send with
 * (and for which numbers), and what the account's answers mean for each, as checks in the shape
 * `--json` prints. The calls themselves are made by doctor.ts.
 */
import type { Lookup } from '../account/account-lookups.js';
import type { CallEvidence } from '../account/account-queries.js';
import type { SignRecord, TemplateRecord } from '../account/account-records.js';
import { lookupProblem, signStateFinding, type Finding } from '../account/account-findings.js';
import { templateKindFinding, templateParamsFindings, templateStateFinding, type TemplateUse } from '../account/template-findings.js';
import type { AliyunSmsConfig, Template } from '../config/config.js';
import { servesMainlandTemplates } from '../plan/endpoint.js';
import { maskAccessKeyId } from './secret-mask.js';

/** One line of the report, exactly as `--json` prints it. */
export type Check = {
  id: string;
  status: Finding['status'];
  summary: string;
  fix?: string;
  aliyun?: { code?: string; requestId?: string };
};

/** One template code the configuration can send, the numbers it serves, and the entries that use it. */
export type TemplateUsage = { code: string; use: TemplateUse; entries: Array<{ where: string; id: string; filled: string[]; use: TemplateUse }> };

/** The numbers SendSms serves for this configuration: mainland ones unless PNVS takes them, and allowedRegionCodes. */
const sendSmsServes = (config: AliyunSmsConfig): TemplateUse => {
  const allowed = config.allowedRegionCodes;
  const mainland = (allowed === undefined || allowed.includes('86')) && config.mainlandService === 'sms';
  const overseas = allowed === undefined || allowed.some((code) => code !== '86');
  return { mainland, overseas };
};

const entryLabel = (template: Template, index: number) =>
  ` of the ${template.usageType} entry${template.locales ? ` (locales ${template.locales.join(', ')})` : ''} (templates[${index}])`;

/** Every template code a China-site configuration sends through SendSms, with the numbers each serves. */
export const templateUsages = (config: AliyunSmsConfig): TemplateUsage[] => {
  const serves = sendSmsServes(config);
  const usages = new Map<string, TemplateUsage>();
  const add = (code: string, use: TemplateUse, template: Template, index: number) => {
    const usage = usages.get(code) ?? { code, use: { mainland: false, overseas: false }, entries: [] };
    usage.use = { mainland: usage.use.mainland || use.mainland, overseas: usage.use.overseas || use.overseas };
    usage.entries.push({ where: entryLabel(template, index), id: `${template.usageType}.${index}`, filled: Object.keys(template.params), use });
    usages.set(code, usage);
  };
  for (const [index, template] of config.templates.entries()) {
    const { templateCode } = template;
    if (typeof templateCode === 'string') {
      add(templateCode, serves, template, index);
    } else if (templateCode !== undefined) {
      if (serves.mainland) {
        add(templateCode.china, { mainland: true, overseas: false }, template, index);
      }
      if (serves.overseas) {
        add(templateCode.overseas, { mainland: false, overseas: true }, template, index);
      }
    }
  }
  return [...usages.values()].filter(({ use }) => use.mainland || use.overseas);
};

const aliyunOf = (lookup: object): Pick<Check, 'aliyun'> => {
  const { code, requestId } = lookup as { code?: unknown; requestId?: unknown };
  const aliyun = {
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof requestId === 'string' ? { requestId } : {}),
  };
  return Object.keys(aliyun).length > 0 ? { aliyun } : {};
};

const check = (id: string, finding: Finding, aliyun: Pick<Check, 'aliyun'> = {}): Check => ({ id, ...finding, ...aliyun });

/** The checks of one template: its state, its type against its numbers, and each entry's params. */
export const templateChecks = (usage: TemplateUsage, lookup: Lookup<TemplateRecord>): Check[] => {
  const id = `template.${usage.code}`;
  if (lookup.kind !== 'found') {
    return [check(id, lookupProblem(`template ${usage.code}`, lookup), aliyunOf(lookup))];
  }
  const { record } = lookup;
  const checks = [check(id, templateStateFinding(record, lookup.action), aliyunOf(lookup))];
  // Judged per entry: a code that one entry uses only for the numbers it cannot reach fails, even
  // where another entry uses it rightly.
  const kinds = usage.entries.map((entry) => templateKindFinding(record, entry.use));
  const kind = kinds.find((finding) => finding?.status === 'fail') ?? kinds.find((finding) => finding !== undefined);
  if (kind) {
    checks.push(check(`${id}.type`, kind));
  }
  for (const entry of usage.entries) {
    for (const { variable, ...finding } of templateParamsFindings(record, entry.filled, entry.where)) {
      checks.push(check(`${id}.params.${entry.id}${variable === undefined ? '' : `.${variable}`}`, finding));
    }
  }
  return checks;
};

/** The check of one signature. */
export const signCheck = (name: string, lookup: Lookup<SignRecord>): Check =>
  check(
    `sign.${name}`,
    lookup.kind === 'found' ? signStateFinding(lookup.record, lookup.action) : lookupProblem(`signature ${name}`, lookup),
    aliyunOf(lookup)
  );

/**
 * The endpoint against the numbers the configuration serves: Jakarta (`ap-southeast-5`, the
 * Indonesian site) has no SendMessageWithTemplate, so the connector refuses mainland numbers there
 * before sending (route.ts). Fails when mainland numbers are all it serves, warns when it also
 * serves others; nothing to say otherwise.
 */
export const endpointChecks = (config: AliyunSmsConfig): Check[] => {
  const allowed = config.allowedRegionCodes;
  if (config.site !== 'international' || servesMainlandTemplates(config.endpoint) || (allowed !== undefined && !allowed.includes('86'))) {
    return [];
  }
  const only = allowed !== undefined && allowed.every((code) => code === '86');
  return [
    check('endpoint', {
      status: only ? 'fail' : 'warn',
      summary: `endpoint ${config.endpoint} is Jakarta (ap-southeast-5), which has no SendMessageWithTemplate: every mainland China number is refused before sending${only ? ', and mainland numbers are all allowedRegionCodes lets through' : ''}`,
      fix: `to serve mainland numbers, set endpoint to https://dysmsapi.ap-southeast-1.aliyuncs.com (Singapore); to refuse them earlier, set allowedRegionCodes to the regions you serve, without "86"`,
    }),
  ];
};

/** Sentences for the gateway codes that refuse the key itself (fact sheet §5). */
const credentialSentences: Record<string, (id: string) => Finding> = {
  'InvalidAccessKeyId.NotFound': (id) => ({
    status: 'fail',
    summary: `Aliyun does not know AccessKey ID ${id}`,
    fix: 'copy the AccessKey ID of an active AccessKey from the RAM console into accessKeyId',
  }),
  'InvalidAccessKeyId.Inactive': (id) => ({
    status: 'fail',
    summary: `AccessKey ${id} is disabled`,
    fix: 'enable it in the RAM console, or use an active AccessKey',
  }),
  SignatureDoesNotMatch: (id) => ({
    status: 'fail',
    summary: `Aliyun refused the signatures made with accessKeySecret for AccessKey ${id}: the secret does not belong to this AccessKey ID`,
    fix: 'paste the secret shown when this AccessKey was created (create a new AccessKey if it was not kept)',
  }),
};

/** What any answer says about the key: accepted, refused (which code), or no answer at all. */
export type KeyEvidence = Array<CallEvidence & { kind: string; code?: string; requestId?: string; sentence?: string }>;

/** Whether Aliyun accepted the AccessKey and the signatures made with its secret. */
export const credentialsCheck = (accessKeyId: string, evidence: KeyEvidence): Check => {
  const masked = maskAccessKeyId(accessKeyId);
  const refusal = evidence.find((answer) => answer.code !== undefined && credentialSentences[answer.code]);
  if (refusal?.code) {
    return check('credentials', credentialSentences[refusal.code]?.(masked) ?? { status: 'fail', summary: refusal.code }, aliyunOf(refusal));
  }
  const answered = evidence.find((answer) => answer.kind !== 'unreachable');
  if (answered) {
    return check('credentials', { status: 'pass', summary: `Aliyun accepted AccessKey ${masked} and its signatures` });
  }
  const unreachable = evidence.find((answer) => answer.sentence !== undefined);
  return check('credentials', {
    status: 'fail',
    summary: `AccessKey ${masked} could not be checked: ${unreachable?.sentence ?? 'no call was made'}`,
  });
};

/** How far this host's clock is from Aliyun's `Date` (one-second resolution), and any correction learned. */
export const clockCheck = (evidence: KeyEvidence): Check => {
  const learned = evidence.map((answer) => answer.clockOffsetMs).find((offset) => offset !== 0);
  if (learned !== undefined) {
    return check('clock', {
      status: 'warn',
      summary: `this host's clock is ${Math.round(learned / 1000)} s off Aliyun's, beyond the 15 minutes Aliyun accepts: Aliyun refused the first request's timestamp`,
      fix: 'synchronise the clock (NTP); the connector signs with Aliyun\'s clock after one refused request per process, but only then',
    });
  }
  const offsets = evidence.flatMap(({ serverDate, receivedAt }) =>
    serverDate === undefined || receivedAt === undefined ? [] : [serverDate - receivedAt]
  );
  if (offsets.length === 0) {
    return check('clock', { status: 'skip', summary: "the clock could not be compared: no answer carried Aliyun's Date" });
  }
  const offset = offsets.reduce((worst, value) => (Math.abs(value) > Math.abs(worst) ? value : worst));
  const seconds = Math.round(offset / 1000);
  return Math.abs(offset) < 60_000
    ? check('clock', { status: 'pass', summary: `this host's clock is within ${Math.max(Math.abs(seconds), 1)} s of Aliyun's Date` })
    : check('clock', {
        status: 'warn',
        summary: `this host's clock is ${seconds} s off Aliyun's Date (Aliyun refuses requests more than 15 minutes off)`,
        fix: 'synchronise the clock (NTP)',
      });
};
