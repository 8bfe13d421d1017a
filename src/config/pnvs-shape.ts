/**
 * @module pnvs-shape
 * Reads a configuration the way its author meant it when it carries PNVS values in SendSms keys.
 * Logto's own PNVS connector (`@logto/connector-aliyun-sms-mas`, logto-io/logto
 * `packages/connectors/connector-aliyun-sms-mas/src/types.ts`) is configured as
 * `{ accessKeyId, accessKeySecret, signName, templates: [{ usageType, templateCode }] }` with a
 * gifted signature in `signName` and gifted template codes (`100001`…) in `templateCode`. An
 * operator switching over pastes that unchanged, or converts it halfway; every such config is
 * either read as PNVS or refused with a sentence naming the entries, never sent to the wrong API.
 *
 * The tell is the template code: Aliyun names every SendSms template `SMS_` followed by digits,
 * and no gifted template does (docs/aliyun-pnvs-api.md §3).
 */
import { type TemplateType } from '@logto/connector-kit';

import { unreadable, type Readable } from './config-issues.js';

/** What Aliyun's SMS console calls every SendSms template: `SMS_` and digits, e.g. `SMS_154950909`. */
export const isSendSmsTemplateCode = (code: string): boolean => code.startsWith('SMS_');

/** A form or example placeholder such as `<template-code>` or `<your-gift-signature>`. */
const isPlaceholder = (value: string): boolean => /^<.*>$/.test(value);

/** A code that is neither a SendSms code nor a placeholder: a gifted (PNVS) template. */
export const isGiftedCode = (code: unknown): code is string =>
  typeof code === 'string' && !isSendSmsTemplateCode(code) && !isPlaceholder(code);

/** The keys this module reads and may rewrite. */
export type PnvsShapeInput = {
  site: string;
  mainlandService: string;
  signName?: string;
  pnvsSignName?: string;
  templates?: ReadonlyArray<{ usageType: TemplateType; templateCode?: unknown; pnvsTemplateCode?: string }>;
};

/** One refusal: the key's path, what is wrong and the fix. */
export type ShapeIssue = { path: Array<string | number>; summary: string; fix: string };

const giftedSignatureFix =
  'copy a gifted signature from the PNVS console (号码认证服务 → 短信认证 → 赠送签名), e.g. 速通互联验证码';

const entryName = (index: number, usageType: string) => `templates[${index}] (${usageType})`;

const pairCodes = (templateCode: unknown): Array<[string, string]> =>
  typeof templateCode === 'object' && templateCode !== null
    ? Object.entries(templateCode).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    : [];

const hasSendSmsCode = (templateCode: unknown): boolean =>
  typeof templateCode === 'string'
    ? isSendSmsTemplateCode(templateCode)
    : pairCodes(templateCode).some(([, code]) => isSendSmsTemplateCode(code));

/**
 * Refusals that hold whatever the shape: SendSms codes in PNVS keys, gifted codes in a pair,
 * example placeholders. Each reads only its own key (and `site`), so it runs on whichever keys are
 * readable (config-rules.ts).
 */
export const misplacedValues = (config: Partial<PnvsShapeInput>, add: (issue: ShapeIssue) => void): void => {
  for (const key of ['signName', 'pnvsSignName'] as const) {
    const value = config[key];
    if (value !== undefined && isPlaceholder(value)) {
      add({
        path: [key],
        summary: `${key} ${value} is an example's placeholder`,
        fix: `${key === 'signName' ? 'use an approved signature name from the Aliyun SMS console, or for PNVS ' : ''}${giftedSignatureFix}`,
      });
    }
  }
  for (const [index, entry] of (config.templates ?? []).entries()) {
    const name = entryName(index, entry.usageType);
    if (entry.pnvsTemplateCode !== undefined && isSendSmsTemplateCode(entry.pnvsTemplateCode)) {
      add({
        path: ['templates', index, 'pnvsTemplateCode'],
        summary: `${name}: pnvsTemplateCode ${entry.pnvsTemplateCode} is a SendSms template code, which PNVS does not send`,
        fix: 'give pnvsTemplateCode a gifted template such as 100001, and put SendSms codes in templateCode',
      });
    }
    // On the international site only the pair's mainland code is sent, through SendMessageWithTemplate.
    for (const [key, code] of config.site === 'china' ? pairCodes(entry.templateCode) : []) {
      if (isGiftedCode(code)) {
        add({
          path: ['templates', index, 'templateCode', key],
          summary: `${name}: templateCode.${key} ${code} is not a SendSms template code (those look like SMS_123456789)`,
          fix: 'put a gifted PNVS template for mainland numbers in pnvsTemplateCode, with mainlandService pnvs',
        });
      }
    }
  }
};

/**
 * Whether {@link readPnvsShape} keeps this configuration as written and refuses nothing but
 * {@link misplacedValues}, whatever its unreadable keys hold: the China site alone reads a shape,
 * and only from gifted codes in `templateCode`, or from PNVS with one signature in both keys.
 * The rules that need SendSms's keys (config-rules.ts) may then run on the keys as written.
 */
export const keepsAsWritten = (config: { [Key in keyof PnvsShapeInput]: Readable<PnvsShapeInput[Key]> }): boolean => {
  const { site, mainlandService, signName, pnvsSignName, templates } = config;
  if (site !== unreadable && site !== 'china') {
    return true;
  }
  if (templates === unreadable || (templates ?? []).some((entry) => isGiftedCode(entry.templateCode))) {
    return false;
  }
  if (mainlandService === 'sms') {
    return true;
  }
  return mainlandService !== unreadable && signName !== unreadable && pnvsSignName !== unreadable && (signName === undefined || signName !== pnvsSignName);
};

/**
 * The configuration as meant, and the refusals. On the China site, templates that name gifted
 * codes and no SendSms code are Logto's PNVS shape: mainland numbers go through PNVS with those
 * codes (each becomes its entry's `pnvsTemplateCode`) and the gifted signature in `signName`
 * (it becomes `pnvsSignName`), and other numbers are refused, as Logto's connector refuses them.
 * A config that mixes gifted codes with a SendSms route that would send them is refused.
 */
export const readPnvsShape = <T extends PnvsShapeInput>(config: T): { config: T; issues: ShapeIssue[] } => {
  const issues: ShapeIssue[] = [];
  const add = (issue: ShapeIssue) => issues.push(issue);
  misplacedValues(config, add);
  const templates = config.templates ?? [];
  const gifted = templates.flatMap((entry, index) => (isGiftedCode(entry.templateCode) ? [{ entry, index, code: entry.templateCode }] : []));
  const sendSms = templates.some((entry) => hasSendSmsCode(entry.templateCode));
  // The international site has no PNVS (its own template codes are checked by Alibaba Cloud).
  if (config.site !== 'china' || issues.length > 0) {
    return { config, issues };
  }
  const sameSignature = config.signName !== undefined && config.signName === config.pnvsSignName;
  if (gifted.length === 0) {
    if (config.mainlandService === 'pnvs' && sameSignature && sendSms) {
      add({
        path: ['signName'],
        summary: `signName and pnvsSignName are both ${config.signName ?? ''}, but no signature serves both: PNVS sends only with a gifted signature (pnvsSignName, e.g. 速通互联验证码) and SendSms, for numbers outside mainland China, only with one approved in the Aliyun SMS console (signName)`,
        fix: 'correct the one that is wrong, or remove signName to refuse those numbers',
      });
    }
    // A copy of the gifted signature with no SendSms template to go with it serves nothing: PNVS only.
    return { config: sameSignature && !sendSms && config.mainlandService === 'pnvs' ? { ...config, signName: undefined } : config, issues };
  }
  if (sendSms && config.mainlandService !== 'pnvs') {
    for (const { entry, index, code } of gifted) {
      add({
        path: ['templates', index, 'templateCode'],
        summary: `${entryName(index, entry.usageType)}: templateCode ${code} is a gifted PNVS template, not a SendSms one (those look like SMS_123456789), while other entries name SendSms templates`,
        fix: `use this account's SMS_ template code, or send mainland codes through PNVS (mainlandService pnvs, with ${code} in pnvsTemplateCode)`,
      });
    }
    return { config, issues };
  }
  // Either Logto's PNVS shape (no SendSms code anywhere), or mainlandService pnvs with gifted codes
  // in templateCode. An own signature then still sends SendSms to the other numbers, and needs SMS_ codes.
  const ownSignature = sendSms && config.mainlandService === 'pnvs' ? config.signName : undefined;
  if (ownSignature !== undefined) {
    for (const { entry, index, code } of gifted) {
      add({
        path: ['templates', index, 'templateCode'],
        summary: `${entryName(index, entry.usageType)}: templateCode ${code} is a gifted PNVS template, but signName is set, so this entry goes to numbers outside mainland China through SendSms, which needs an SMS_ template code`,
        fix: `move ${code} to pnvsTemplateCode and give an international SMS_ code, or remove signName to refuse those numbers`,
      });
    }
    return { config, issues };
  }
  if (!sendSms && config.signName !== undefined && config.pnvsSignName !== undefined && !sameSignature) {
    add({
      path: ['signName'],
      summary: `signName ${config.signName} differs from pnvsSignName ${config.pnvsSignName}, but no templates entry names a SendSms template (SMS_…), so signName could send nothing`,
      fix: "remove signName (numbers outside mainland China are then refused), or give the entries this account's SMS_ template codes",
    });
  }
  if (config.signName === undefined && config.pnvsSignName === undefined) {
    const [{ code }] = gifted as [(typeof gifted)[number]];
    add({
      path: ['signName'],
      summary: `signName is required: templates name gifted PNVS templates (${code}…), so mainland codes go through PNVS with a gifted signature`,
      fix: giftedSignatureFix,
    });
  }
  for (const { entry, index, code } of gifted) {
    if (entry.pnvsTemplateCode !== undefined && entry.pnvsTemplateCode !== code) {
      add({
        path: ['templates', index, 'pnvsTemplateCode'],
        summary: `${entryName(index, entry.usageType)} names two gifted templates, templateCode ${code} and pnvsTemplateCode ${entry.pnvsTemplateCode}`,
        fix: 'keep one',
      });
    }
  }
  if (issues.length > 0) {
    return { config, issues };
  }
  // The same object type with some keys rewritten: a PNVS config whose entries carry their gifted codes.
  const read: PnvsShapeInput = {
    ...config,
    mainlandService: 'pnvs',
    pnvsSignName: config.pnvsSignName ?? config.signName,
    signName: undefined,
    templates: templates.map((entry) =>
      isGiftedCode(entry.templateCode) ? { ...entry, templateCode: undefined, pnvsTemplateCode: entry.templateCode } : entry
    ),
  };
  return { config: read as T, issues };
};
