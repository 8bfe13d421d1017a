/**
 * @module template
 * Which configured template a message uses (by usageType and the user's language), which Aliyun
 * template code applies to the number's region, and the `TemplateParam` values rendered from
 * Logto's payload.
 */
import {
  ConnectorError,
  ConnectorErrorCodes,
  getValue,
  replaceSendMessageHandlebars,
  TemplateType,
  type SendMessagePayload,
} from '@logto/connector-kit';

import type { Template } from '../config/config-templates.js';
import { lookupChain, preferredTags } from './language-tag.js';
import type { PhoneRegion } from './phone.js';

/**
 * Among one usageType's entries, the one for the first of the user's languages that has one (the
 * tag, then its shorter prefixes), else the entry without `locales`.
 */
const forLanguages = (templates: readonly Template[], usageType: TemplateType, tags: readonly string[]): Template | undefined => {
  for (const tag of tags) {
    for (const candidate of lookupChain(tag)) {
      const entry = templates.find((template) => template.usageType === usageType && template.locales?.includes(candidate));
      if (entry) {
        return entry;
      }
    }
  }
  return templates.find((template) => template.usageType === usageType && template.locales === undefined);
};

/**
 * The whole entry a message uses: for its usageType, the entry matching the user's language
 * (`uiLocales` in order, then `locale`), else that usageType's entry without `locales`; then the
 * same for `Generic`. Like connector-kit's `getConfigTemplateByType`, with languages added.
 * `TemplateNotFound` names the type.
 */
export const chooseTemplate = (
  templates: readonly Template[],
  type: TemplateType,
  payload: Pick<SendMessagePayload, 'locale' | 'uiLocales'>
): Template => {
  const tags = preferredTags(payload);
  const template =
    forLanguages(templates, type, tags) ??
    (type === TemplateType.Generic ? undefined : forLanguages(templates, TemplateType.Generic, tags));
  if (!template) {
    throw new ConnectorError(
      ConnectorErrorCodes.TemplateNotFound,
      `No template for usageType ${type} and no Generic template to fall back on: add a templates entry with usageType ${type} or Generic.`
    );
  }
  return template;
};

/**
 * The template code for the number's region: mainland and international templates are separate at
 * Aliyun. `undefined` only for an entry of a PNVS-only account, which the config guard allows
 * because such an account never calls SendSms.
 */
export const templateCodeFor = ({ templateCode }: Template, region: PhoneRegion): string | undefined =>
  templateCode === undefined || typeof templateCode === 'string'
    ? templateCode
    : region === 'mainland'
      ? templateCode.china
      : templateCode.overseas;

const handlebar = /{{\s*([\w.]+)\s*}}/g;

/**
 * Renders one placeholder string with connector-kit's handlebars. A placeholder naming an object
 * (e.g. `{{user}}`) renders empty rather than as `[object Object]`, so nested payload objects never
 * reach Aliyun; a placeholder whose value is missing from the payload is refused, because Aliyun
 * would otherwise deliver the literal `{{code}}` to the user.
 */
export const renderPlaceholder = (name: string, placeholder: string, payload: SendMessagePayload): string => {
  const flattened = placeholder.replaceAll(handlebar, (match, path: string) => {
    const value = getValue(payload, path);
    return value !== null && (typeof value === 'object' || typeof value === 'function') ? '' : match;
  });
  const rendered = replaceSendMessageHandlebars(flattened, payload);
  const unresolved = rendered.match(handlebar);
  if (unresolved) {
    throw new ConnectorError(
      ConnectorErrorCodes.InsufficientRequestParameters,
      `Template parameter ${name} needs ${unresolved.join(', ')}, which this message's payload does not have.`
    );
  }
  return rendered;
};

/** `TemplateParam`: a JSON object of strings, built only from the template's `params`. */
export const renderTemplateParam = (params: Readonly<Record<string, string>>, payload: SendMessagePayload): string =>
  JSON.stringify(
    Object.fromEntries(
      Object.entries(params).map(([name, placeholder]) => [name, renderPlaceholder(name, placeholder, payload)])
    )
  );
