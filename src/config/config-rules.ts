/**
 * @module config-rules
 * The configuration rules that span several keys: which service sends to which numbers decides
 * which keys are required. SendSms (every number, or with PNVS the numbers outside mainland China
 * when a signature of one's own is set) needs `signName` and templates with codes; PNVS needs a
 * gifted signature and the China site. Each refusal names its key, as the single-key checks do.
 */
import { TemplateType } from '@logto/connector-kit';

import { readPnvsShape, type PnvsShapeInput } from './pnvs-shape.js';

/** The message types Logto sends most; the official connector also requires these four. */
export const requiredUsageTypes = [
  TemplateType.Register,
  TemplateType.SignIn,
  TemplateType.ForgotPassword,
  TemplateType.Generic,
] as const;

/** How to fix a missing or unusable `signName`. */
export const signNameFix = 'use an approved signature name from the Aliyun SMS console, e.g. 阿里云短信测试';

/** How to fix a missing or unusable template code. */
export const templateCodeFix = 'use the template code shown in the Aliyun SMS console, e.g. SMS_123456789';

// The Console form's templates default holds `<template-code>` placeholders (metadata.ts): sent
// through SendSms unchanged they would only fail later at Aliyun as an unknown template. A
// PNVS-only account never sends them, so they are refused only where SendSms uses them.
const isPlaceholder = (code: unknown): code is string => typeof code === 'string' && /^<.*>$/.test(code);

/** Each `<...>` placeholder left in a template code, with its path under the entry and its field name. */
const placeholdersIn = (templateCode: unknown): Array<{ path: string[]; field: string; code: string }> => {
  if (isPlaceholder(templateCode)) {
    return [{ path: ['templateCode'], field: 'templateCode', code: templateCode }];
  }
  if (typeof templateCode !== 'object' || templateCode === null) {
    return [];
  }
  return Object.entries(templateCode)
    .filter((entry): entry is [string, string] => isPlaceholder(entry[1]))
    .map(([key, code]) => ({ path: ['templateCode', key], field: `templateCode.${key}`, code }));
};

/** What the rules read: the keys after their own checks. */
export type ServiceKeys = {
  site: string;
  mainlandService: string;
  signName?: string;
  pnvsSignName?: string;
  templates?: ReadonlyArray<{ usageType: TemplateType; templateCode?: unknown }>;
};

/** Reports each broken rule through `issue`, with the key's path and the fix. */
export const checkServiceKeys = (config: ServiceKeys, issue: (path: Array<string | number>, message: string) => void): void => {
  const pnvs = config.mainlandService === 'pnvs';
  if (pnvs && config.site !== 'china') {
    issue(['mainlandService'], 'mainlandService pnvs is a China-site (aliyun.com) service; set site to china, or mainlandService to sms');
  }
  if (pnvs && config.pnvsSignName === undefined) {
    issue(['pnvsSignName'], 'pnvsSignName is required with mainlandService pnvs: use a gifted signature from the PNVS console, e.g. 速通互联验证码');
  }
  // SendSms serves every number unless PNVS takes the mainland; with PNVS, a signature of one's own
  // opts the other numbers in.
  if (pnvs && config.signName === undefined) {
    return;
  }
  if (config.signName === undefined) {
    issue(['signName'], `signName is required: ${signNameFix}`);
  }
  const { templates } = config;
  if (templates === undefined) {
    issue(['templates'], 'templates is required: add one entry per usageType');
    return;
  }
  const missing = requiredUsageTypes.filter((type) => !templates.some(({ usageType }) => usageType === type));
  if (missing.length > 0) {
    issue(['templates'], `templates must include usageType ${missing.join(', ')}: add an entry with a templateCode for each`);
  }
  for (const [index, template] of templates.entries()) {
    if (template.templateCode === undefined) {
      issue(
        ['templates', index, 'templateCode'],
        `templateCode is required: ${pnvs ? 'signName is set, so overseas numbers go through SendSms; ' : ''}${templateCodeFix}`
      );
    }
    for (const { path, field, code } of placeholdersIn(template.templateCode)) {
      issue(['templates', index, ...path], `${field} ${code} is the form's placeholder: ${templateCodeFix}`);
    }
  }
};

/** The keys the rules of one account read: the service keys, as the PNVS shape reads them too. */
export type AccountRuleKeys = ServiceKeys & PnvsShapeInput;

/**
 * Every rule one account's keys break, with the key's path and the sentence: Logto's PNVS
 * connector's config, pasted or half-converted (pnvs-shape.ts), is read as meant first, then the
 * service rules judge it. The guard applies them to the primary and to the merged fallback alike.
 */
export const accountIssues = (config: AccountRuleKeys): Array<{ path: Array<string | number>; message: string }> => {
  const { config: meant, issues } = readPnvsShape(config);
  if (issues.length > 0) {
    return issues;
  }
  const problems: Array<{ path: Array<string | number>; message: string }> = [];
  checkServiceKeys(meant, (path, message) => problems.push({ path, message }));
  return problems;
};
