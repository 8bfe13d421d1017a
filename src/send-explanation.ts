/**
 * @module send-explanation
 * The Console's Send says why: when a send made with the form's configuration (the Console's
 * Send button) is refused for a signature or template reason, the account's read-only APIs are
 * asked, within what is left of the send's deadline, and what they say is added to the operator's
 * sentence. Sign-in sends (no configuration argument) never come here, so they make no extra call.
 */
import { ConnectorError } from '@logto/connector-kit';

import { lookupProblem, signStateFinding, type Finding } from './account/account-findings.js';
import { templateKindFinding, templateParamsFindings, templateStateFinding } from './account/template-findings.js';
import { lookupSign, lookupTemplate } from './account/account-lookups.js';
import type { QueryTarget } from './account/account-queries.js';
import type { AliyunAnswer, AliyunClient, SendOutcome } from './aliyun/aliyun-client.js';
import type { AliyunSmsConfig } from './config/config.js';
import type { ApiCall } from './plan/route.js';

/** SendSms refusals a signature lookup can explain (fact sheet §5). */
const signatureCodes = new Set(['isv.SMS_SIGNATURE_ILLEGAL', 'isv.SMS_SIGN_ILLEGAL', 'isv.SIGN_STATE_ILLEGAL', 'isv.SMS_SIGNATURE_SCENE_ILLEGAL']);

/** SendSms refusals a template lookup can explain (fact sheet §5, §8; sandbox assumption A1 for the last). */
const templateCodes = new Set([
  'isv.SMS_TEMPLATE_ILLEGAL',
  'isv.TEMPLATE_MISSING_PARAMETERS',
  'isv.TEMPLATE_PARAMS_ILLEGAL',
  'isv.SMS_SIGNATURE_SCENE_ILLEGAL',
  'isv.DOMESTIC_NUMBER_NOT_SUPPORTED',
  'isv.MOBILE_NUMBER_ILLEGAL',
]);

/** Below this much of the deadline left, no lookup is started: it could not answer in time. */
const minimumLookupMs = 300;

/** The keys `TemplateParam` filled, as sent. */
const filledKeys = (call: ApiCall): string[] => {
  try {
    return Object.keys(JSON.parse(call.parameters.TemplateParam ?? '{}') as object);
  } catch {
    return [];
  }
};

/** What the account says, as findings worth adding: the problems found, or why nothing could be read. */
const explain = async (client: AliyunClient, call: ApiCall, config: AliyunSmsConfig, code: string, budget: number): Promise<Finding[]> => {
  const target: QueryTarget = { ...config, endpoint: call.endpoint, timeout: budget };
  const { SignName: signName, TemplateCode: templateCode } = call.parameters;
  const [sign, template] = await Promise.all([
    signatureCodes.has(code) && signName ? lookupSign(client, target, signName) : undefined,
    templateCodes.has(code) && templateCode ? lookupTemplate(client, target, templateCode) : undefined,
  ]);
  const findings: Finding[] = [];
  // A lookup Aliyun refused for another reason, or that got no answer, adds nothing worth reading to the refusal.
  const telling = (lookup: { kind: string } | undefined) => lookup !== undefined && lookup.kind !== 'refused' && lookup.kind !== 'unreachable';
  if (sign && telling(sign)) {
    findings.push(sign.kind === 'found' ? signStateFinding(sign.record, sign.action) : lookupProblem(`signature ${signName ?? ''}`, sign));
  }
  if (template?.kind === 'found') {
    const { record } = template;
    const mainland = call.route.region === 'mainland';
    findings.push(
      templateStateFinding(record, template.action),
      ...[templateKindFinding(record, { mainland, overseas: !mainland })].filter((finding) => finding !== undefined),
      ...templateParamsFindings(record, filledKeys(call), '').map(({ status, summary, fix }) => ({ status, summary, ...(fix === undefined ? {} : { fix }) }))
    );
  } else if (template && telling(template)) {
    findings.push(lookupProblem(`template ${templateCode ?? ''}`, template));
  }
  const problems = findings.filter((finding) => finding.status !== 'pass');
  return problems.length > 0 ? problems : findings;
};

/** The refusal with the account's findings added to its operator's sentence. */
const withFindings = (error: ConnectorError, findings: readonly Finding[]): ConnectorError => {
  const data = error.data as Record<string, unknown>;
  const said = findings.map(({ summary, fix }) => `${summary}${fix ? ` (${fix})` : ''}`).join('; ');
  return new ConnectorError(error.code, {
    ...data,
    errorDescription: `${String(data.errorDescription)} The account says: ${said}.`,
    accountFindings: findings,
  });
};

/** A refused or failed send's outcome. */
type Failed = Exclude<SendOutcome, { kind: 'sent' }>;

/** The error with `note` added to its operator's sentence. */
const withNote = (error: ConnectorError, note: string): ConnectorError => {
  const data = error.data as Record<string, unknown>;
  return note === '' ? error : new ConnectorError(error.code, { ...data, errorDescription: `${String(data.errorDescription)}${note}` });
};

/**
 * Sends as `client.send` does; a SendSms refusal for a signature or template reason is explained
 * from the account's read-only APIs, within what is left of `config.timeout`, and `note` may add a
 * sentence about the failure (send-failover.ts: what a sign-in would have done). Only for a send
 * with the form's configuration (the Console's Send).
 */
export const sendExplainingRefusals = async (
  client: AliyunClient,
  call: ApiCall,
  config: AliyunSmsConfig,
  note: (outcome: Failed) => string = () => ''
): Promise<AliyunAnswer> => {
  const deadline = performance.now() + config.timeout;
  const outcome = await client.trySend(call, config, config.timeout);
  if (outcome.kind === 'sent') {
    return outcome.body;
  }
  const { error } = outcome;
  const code = outcome.kind === 'refused' ? outcome.code : '';
  const budget = Math.floor(deadline - performance.now());
  if (call.action !== 'SendSms' || !(signatureCodes.has(code) || templateCodes.has(code)) || budget < minimumLookupMs) {
    throw withNote(error, note(outcome));
  }
  const findings = await explain(client, call, config, code, budget).catch(() => []);
  throw withNote(findings.length > 0 ? withFindings(error, findings) : error, note(outcome));
};
