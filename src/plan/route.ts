/**
 * @module route
 * From a validated configuration and one Logto message to the exact Aliyun API call: host,
 * action, version and parameters. Pure, so every route is table-tested without a network.
 *
 * China site (aliyun.com): `SendSms` 2017-05-25 for every number; the template decides mainland
 * or international delivery (fact sheet §2). International site (alibabacloud.com): 2018-05-01,
 * `SendMessageWithTemplate` for mainland numbers and `SendMessageToGlobe`, with the full text,
 * for every other number (fact sheet §3). China site with `mainlandService: pnvs`: mainland numbers
 * go to PNVS's `SendSmsVerifyCode` on its own host (pnvs.ts), the rest to `SendSms` when the
 * account has a signature of its own, else nowhere.
 */
import {
  ConnectorError,
  ConnectorErrorCodes,
  type SendMessagePayload,
  type TemplateType,
} from '@logto/connector-kit';

import { BoundedMap } from '../bounded-map.js';
import type { AliyunSmsConfig, Site, Template } from '../config/config.js';
import { regionOfEndpoint, servesMainlandTemplates } from './endpoint.js';
import { isPhoneProblem, maskNumber, parsePhone, type Phone, type PhoneRegion } from './phone.js';
import { planPnvs } from './pnvs.js';
import { chooseTemplate, renderPlaceholder, renderTemplateParam, templateCodeFor } from './template.js';

/** What an error or a log line may say about a send: never the full number, never a secret. */
export type RouteSummary = {
  site: Site;
  region: PhoneRegion;
  regionCode: string;
  api: string;
  /** The template code, or for `SendMessageToGlobe` (which sends text) `content of <usageType>`. */
  templateCode: string;
  to: string;
};

/** One request to make: where, which action, and its own (unsigned) parameters. */
export type ApiCall = {
  endpoint: string;
  action: string;
  version: string;
  parameters: Record<string, string>;
  route: RouteSummary;
};

/** The message as Logto hands it to `sendMessage`. */
export type Message = { to: string; type: TemplateType; payload: SendMessagePayload };

/** `RegionId` by site and endpoint, so a send does not parse its endpoint URL again. */
const regionIds = new BoundedMap<string, string>(64);

/**
 * `RegionId` for a host: the region it serves (endpoint.ts `regionOfEndpoint`), else the site's own.
 * Aliyun's current docs no longer list `RegionId` as required (fact sheet §1.1), so a wrong guess
 * costs nothing; every SDK still sends it.
 */
export const regionIdFor = (endpoint: string, site: Site): string => {
  const key = `${site} ${endpoint}`;
  let regionId = regionIds.get(key);
  if (regionId === undefined) {
    regionId = regionOfEndpoint(endpoint, site);
    regionIds.set(key, regionId);
  }
  return regionId;
};

type Plan = { action: string; version: string; templateCode: string; parameters: Record<string, string> };

/** The SendSms/SendMessageWithTemplate code; the guard requires one wherever these APIs are used. */
const ownTemplateCode = (template: Template, region: PhoneRegion): string => {
  const code = templateCodeFor(template, region);
  if (code === undefined) {
    throw new ConnectorError(
      ConnectorErrorCodes.TemplateNotFound,
      `The ${template.usageType} template has no templateCode: add the template code shown in the Aliyun SMS console.`
    );
  }
  return code;
};

const chinaSite = (config: AliyunSmsConfig, phone: Phone, template: Template, payload: SendMessagePayload): Plan => {
  const templateCode = ownTemplateCode(template, phone.region);
  return {
    action: 'SendSms',
    version: '2017-05-25',
    templateCode,
    parameters: {
      PhoneNumbers: phone.aliyunNumber,
      SignName: config.signName ?? '',
      TemplateCode: templateCode,
      TemplateParam: renderTemplateParam(template.params, payload),
    },
  };
};

const internationalSite = (
  config: AliyunSmsConfig,
  phone: Phone,
  template: Template,
  payload: SendMessagePayload
): Plan => {
  if (phone.region === 'mainland') {
    if (!servesMainlandTemplates(config.endpoint)) {
      throw regionRefused(
        `The phone number ${JSON.stringify(maskNumber(phone.international))} is in mainland China, which endpoint ${config.endpoint} (Jakarta, ap-southeast-5) cannot serve: Aliyun's Indonesian site has no SendMessageWithTemplate, so nothing was sent. To serve mainland numbers, set endpoint to https://dysmsapi.ap-southeast-1.aliyuncs.com (Singapore); to refuse them earlier, set allowedRegionCodes without "86".`
      );
    }
    const templateCode = ownTemplateCode(template, 'mainland');
    return {
      action: 'SendMessageWithTemplate',
      version: '2018-05-01',
      templateCode,
      parameters: {
        To: phone.international,
        From: config.signName ?? '',
        TemplateCode: templateCode,
        TemplateParam: renderTemplateParam(template.params, payload),
      },
    };
  }
  if (template.content === undefined) {
    throw new ConnectorError(
      ConnectorErrorCodes.TemplateNotFound,
      `The ${template.usageType} template has no content, which the international site sends to numbers outside mainland China: add "content", e.g. "Your verification code is {{code}}".`
    );
  }
  return {
    action: 'SendMessageToGlobe',
    version: '2018-05-01',
    templateCode: `content of ${template.usageType}`,
    parameters: {
      To: phone.international,
      Message: renderPlaceholder('content', template.content, payload),
      ...(config.senderId === undefined ? {} : { From: config.senderId }),
      Type: 'OTP',
    },
  };
};

/** `data.refusal` of an error that refuses the number's region; end-user-error.ts words it for the end user. */
export const regionRefusal = 'region';

/**
 * A number whose region this configuration does not serve. `General`, because Logto shows a
 * `General` error's `errorDescription` (to the operator in the Console, and to the end user the
 * sentence end-user-error.ts puts there) where it shows only a fixed phrase for
 * `InvalidRequestParameters` (`koa-connector-error-handler.ts`).
 */
const regionRefused = (sentence: string): ConnectorError =>
  new ConnectorError(ConnectorErrorCodes.General, { errorDescription: sentence, refusal: regionRefusal });

/** Which host and plan serve this number: PNVS for mainland numbers when chosen, else the site's API. */
const planFor = (config: AliyunSmsConfig, phone: Phone, { type, payload }: Message): { endpoint: string; plan: Plan } => {
  if (config.mainlandService === 'pnvs' && phone.region === 'mainland' && config.pnvsSignName !== undefined) {
    return {
      endpoint: config.pnvsEndpoint,
      plan: planPnvs({ ...config, pnvsSignName: config.pnvsSignName }, config.templates, phone, { type, payload }),
    };
  }
  const template = config.templates.length > 0 ? chooseTemplate(config.templates, type, payload) : undefined;
  if (template === undefined || config.signName === undefined) {
    throw regionRefused(
      `The phone number ${JSON.stringify(maskNumber(phone.international))} is outside mainland China, which PNVS (mainlandService pnvs) does not serve, and no signName is set for SendSms; nothing was sent. To serve it, set signName to an approved signature of this account and templates with international template codes; to refuse such numbers earlier, set allowedRegionCodes to ["86"].`
    );
  }
  return {
    endpoint: config.endpoint,
    plan: (config.site === 'china' ? chinaSite : internationalSite)(config, phone, template, payload),
  };
};

/** Plans the call for a message, or throws the `ConnectorError` that says why it cannot be sent. */
export const planSend = (config: AliyunSmsConfig, { to, type, payload }: Message): ApiCall => {
  const phone = parsePhone(to, { strict: config.strictPhoneRegionNumberCheck });
  if (isPhoneProblem(phone)) {
    throw new ConnectorError(
      ConnectorErrorCodes.InvalidRequestParameters,
      `The phone number ${JSON.stringify(maskNumber(to.trim()))} ${phone.problem}.`
    );
  }
  const { allowedRegionCodes } = config;
  if (allowedRegionCodes && !allowedRegionCodes.includes(phone.regionCode)) {
    throw regionRefused(
      `The phone number ${JSON.stringify(maskNumber(phone.international))} has region code +${phone.regionCode}, which allowedRegionCodes (${allowedRegionCodes.join(', ')}) does not allow; nothing was sent. Add "${phone.regionCode}" to allowedRegionCodes to serve this region.`
    );
  }
  const { endpoint, plan } = planFor(config, phone, { to, type, payload });
  return {
    endpoint,
    action: plan.action,
    version: plan.version,
    parameters: {
      Action: plan.action,
      Version: plan.version,
      Format: 'JSON',
      RegionId: regionIdFor(endpoint, config.site),
      ...plan.parameters,
    },
    route: {
      site: config.site,
      region: phone.region,
      regionCode: phone.regionCode,
      api: `${plan.action} ${plan.version}`,
      templateCode: plan.templateCode,
      to: maskNumber(phone.aliyunNumber),
    },
  };
};
