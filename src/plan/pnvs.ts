/**
 * @module pnvs
 * Aliyun's Phone Number Verification Service (号码认证服务) as a China-site route for mainland
 * numbers: `SendSmsVerifyCode` 2017-05-25 on `dypnsapi.aliyuncs.com`, with the signatures and
 * templates Aliyun gives every PNVS account, so no approved signature of one's own is needed.
 * Facts and their confidence: docs/aliyun-pnvs-api.md.
 */
import {
  ConnectorError,
  ConnectorErrorCodes,
  TemplateType,
  type SendMessagePayload,
} from '@logto/connector-kit';

import type { Template } from '../config/config-templates.js';
import type { Phone } from './phone.js';
import { chooseTemplate, renderTemplateParam } from './template.js';

/** Where `SendSmsVerifyCode` goes unless `pnvsEndpoint` says otherwise (docs/aliyun-pnvs-api.md §1). */
export const defaultPnvsEndpoint = 'https://dypnsapi.aliyuncs.com';

/** The action and version, for plans and error sentences. */
export const pnvsApi = { action: 'SendSmsVerifyCode', version: '2017-05-25' } as const;

/** True for a route summary's `api` that names the PNVS action. */
export const isPnvsApi = (api: string): boolean => api.startsWith(`${pnvsApi.action} `);

/** The gifted templates (赠送模板) and what each is for (docs/aliyun-pnvs-api.md §3). */
export const giftedTemplates = {
  signInOrUp: '100001',
  changePhone: '100002',
  resetPassword: '100003',
  bindPhone: '100004',
  verifyPhone: '100005',
} as const;

/**
 * The gifted template each Logto message type uses when its `templates` entry names none. Types
 * without a closer gifted wording use the sign-in/sign-up one, as `Generic` does.
 */
export const giftedTemplateByType: Readonly<Record<TemplateType, string>> = {
  [TemplateType.SignIn]: giftedTemplates.signInOrUp,
  [TemplateType.Register]: giftedTemplates.signInOrUp,
  [TemplateType.Generic]: giftedTemplates.signInOrUp,
  [TemplateType.MfaVerification]: giftedTemplates.signInOrUp,
  [TemplateType.OrganizationInvitation]: giftedTemplates.signInOrUp,
  [TemplateType.ForgotPassword]: giftedTemplates.resetPassword,
  [TemplateType.BindNewIdentifier]: giftedTemplates.bindPhone,
  [TemplateType.BindMfa]: giftedTemplates.bindPhone,
  [TemplateType.UserPermissionValidation]: giftedTemplates.verifyPhone,
};

/** Minutes the gifted templates' `${min}` says a code lasts, unless `pnvsCodeValidMinutes` is set: Logto's default code lifetime is 600 s. */
export const defaultPnvsCodeValidMinutes = 10;

/** What the PNVS route needs from the configuration. */
export type PnvsSettings = {
  pnvsSignName: string;
  pnvsCodeValidMinutes: number;
  pnvsSchemeName?: string;
};

/** The template code and `TemplateParam` for one message: the entry's own, else the gifted defaults. */
const pnvsTemplateFor = (
  settings: PnvsSettings,
  template: Template | undefined,
  type: TemplateType,
  payload: SendMessagePayload
): { templateCode: string; templateParam: string } => {
  // Gifted templates read `${code}` and `${min}`; Logto checks its own code, so the code is sent as
  // is rather than `##code##` (which would make Aliyun generate one).
  const params = template?.pnvsParams ?? { code: '{{code}}', min: String(settings.pnvsCodeValidMinutes) };
  return {
    templateCode: template?.pnvsTemplateCode ?? giftedTemplateByType[type],
    templateParam: renderTemplateParam(params, payload),
  };
};

/**
 * The action parameters of `SendSmsVerifyCode` for a mainland number. `Interval` and `AutoRetry`
 * are left to Aliyun's defaults (docs/aliyun-pnvs-api.md §2): a shorter `Interval` than 60 s would
 * spare a user who taps Logto's Resend the moment it unlocks (59 s), but Aliyun documents no
 * accepted range, and a refused value would fail every send, while the 60 s default costs that user
 * one "try again later"; `AutoRetry` on lets Aliyun resend after a carrier failure, possibly with
 * another gifted signature, which only helps the code arrive.
 */
const pnvsParameters = (
  settings: PnvsSettings,
  phone: Phone,
  chosen: { templateCode: string; templateParam: string }
): Record<string, string> => ({
  PhoneNumber: phone.aliyunNumber,
  CountryCode: phone.regionCode,
  SignName: settings.pnvsSignName,
  TemplateCode: chosen.templateCode,
  TemplateParam: chosen.templateParam,
  ...(settings.pnvsSchemeName === undefined ? {} : { SchemeName: settings.pnvsSchemeName }),
});

/** The entry {@link chooseTemplate} picks for the message, or none when no entry fits. */
const pnvsEntry = (
  templates: readonly Template[],
  type: TemplateType,
  payload: SendMessagePayload
): Template | undefined => {
  try {
    return chooseTemplate(templates, type, payload);
  } catch (error: unknown) {
    if (error instanceof ConnectorError && error.code === ConnectorErrorCodes.TemplateNotFound) {
      return undefined;
    }
    throw error;
  }
};

/**
 * The `SendSmsVerifyCode` call for a mainland number. An entry of `templates`, chosen as for
 * SendSms, may override the gifted template; without one (a PNVS-only account may have no
 * templates at all) the gifted default for the message type applies.
 */
export const planPnvs = (
  settings: PnvsSettings,
  templates: readonly Template[],
  phone: Phone,
  { type, payload }: { type: TemplateType; payload: SendMessagePayload }
) => {
  const chosen = pnvsTemplateFor(settings, pnvsEntry(templates, type, payload), type, payload);
  return { ...pnvsApi, templateCode: chosen.templateCode, parameters: pnvsParameters(settings, phone, chosen) };
};
