/**
 * @module config-rules
 * The configuration rules that span several keys: which service sends to which numbers decides
 * which keys are required. SendSms (every number, or with PNVS the numbers outside mainland China
 * when a signature of one's own is set) needs `signName` and templates with codes; PNVS needs a
 * gifted signature and the China site. Each refusal names its key, as the single-key checks do.
 */
import { TemplateType } from '@logto/connector-kit';

import { unreadable, type GuardProblem, type Readable } from './config-issues.js';
import { keepsAsWritten, misplacedValues, readPnvsShape, type PnvsShapeInput } from './pnvs-shape.js';

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

/** The keys the rules across keys read, as the PNVS shape reads them too. */
export type ServiceKeys = PnvsShapeInput;

/** Those keys after their own checks: each one's value, or `unreadable` where its own check failed. */
export type RuleKeys = { [Key in keyof ServiceKeys]: Readable<ServiceKeys[Key]> };

const allReadable = (keys: RuleKeys): keys is ServiceKeys =>
  Object.values(keys).every((value) => value !== unreadable);

/**
 * Every broken rule across keys, each with its key's path, what is wrong and the fix. A rule runs
 * when the keys it reads passed their own checks, so that one pass reports every problem: with all
 * of them readable, Logto's PNVS shape is read first (pnvs-shape.ts) and the service rules judge
 * the configuration as meant; otherwise, or where misplaced values were refused, they judge it as
 * written when no unreadable key could change how the shape reads it.
 */
export const crossKeyProblems = (keys: RuleKeys): GuardProblem[] => {
  const problems: GuardProblem[] = [];
  if (allReadable(keys)) {
    const { config: meant, issues } = readPnvsShape(keys);
    if (issues.length === 0) {
      return serviceProblems(meant);
    }
    problems.push(...issues);
  } else {
    const known = Object.fromEntries(Object.entries(keys).filter(([, value]) => value !== unreadable)) as Partial<ServiceKeys>;
    misplacedValues(known, (issue) => problems.push(issue));
  }
  return keepsAsWritten(keys) ? [...problems, ...serviceProblems(keys)] : problems;
};

/** Which keys the service sending to each number needs; a rule whose keys are unreadable waits for their fix. */
const serviceProblems = (config: RuleKeys): GuardProblem[] => {
  const problems: GuardProblem[] = [];
  const issue = (path: Array<string | number>, summary: string, fix: string) => problems.push({ path, summary, fix });
  const { mainlandService, site, signName, templates } = config;
  if (mainlandService === unreadable) {
    return problems;
  }
  const pnvs = mainlandService === 'pnvs';
  if (pnvs && site !== 'china' && site !== unreadable) {
    issue(['mainlandService'], 'mainlandService pnvs is a China-site (aliyun.com) service', 'set site to china, or mainlandService to sms');
  }
  // An unreadable key was given, so it counts as set: its own check said what is wrong with it.
  if (pnvs && config.pnvsSignName === undefined) {
    issue(['pnvsSignName'], 'pnvsSignName is required with mainlandService pnvs', 'use a gifted signature from the PNVS console, e.g. 速通互联验证码');
  }
  // SendSms serves every number unless PNVS takes the mainland; with PNVS, a signature of one's own
  // opts the other numbers in.
  if (pnvs && signName === undefined) {
    return problems;
  }
  if (signName === undefined) {
    issue(['signName'], 'signName is required', signNameFix);
  }
  if (templates === unreadable) {
    return problems;
  }
  if (templates === undefined) {
    issue(['templates'], 'templates is required', 'add one entry per usageType');
    return problems;
  }
  const missing = requiredUsageTypes.filter((type) => !templates.some(({ usageType }) => usageType === type));
  if (missing.length > 0) {
    issue(['templates'], `templates must include usageType ${missing.join(', ')}`, 'add an entry with a templateCode for each');
  }
  for (const [index, template] of templates.entries()) {
    if (template.templateCode === undefined) {
      issue(['templates', index, 'templateCode'], `templateCode is required${pnvs ? ' (signName is set, so overseas numbers go through SendSms)' : ''}`, templateCodeFix);
    }
    for (const { path, field, code } of placeholdersIn(template.templateCode)) {
      issue(['templates', index, ...path], `${field} ${code} is the form's placeholder`, templateCodeFix);
    }
  }
  return problems;
};
