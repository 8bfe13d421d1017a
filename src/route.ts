/**
 * @module route
 * From a validated configuration and one Logto message to the exact Aliyun API call: host,
 * action, version and parameters. Pure, so every route is table-tested without a network.
 */
import {
  ConnectorError,
  ConnectorErrorCodes,
  type SendMessagePayload,
  type TemplateType,
} from '@logto/connector-kit';

import type { AliyunSmsConfig } from './config.js';
import { isPhoneProblem, maskNumber, parsePhone, type PhoneRegion } from './phone.js';
import { chooseTemplate, renderTemplateParam, templateCodeFor } from './template.js';

/** What an error or a log line may say about a send: never the full number, never a secret. */
export type RouteSummary = {
  region: PhoneRegion;
  regionCode: string;
  api: string;
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

/** China-site `SendSms` (fact sheet §2): one API for mainland and international templates. */
const sendSms = { action: 'SendSms', version: '2017-05-25', regionId: 'cn-hangzhou' } as const;

/** Plans the `SendSms` call for a message, or throws the `ConnectorError` that says why it cannot be sent. */
export const planSend = (config: AliyunSmsConfig, { to, type, payload }: Message): ApiCall => {
  const phone = parsePhone(to, { strict: config.strictPhoneRegionNumberCheck });
  if (isPhoneProblem(phone)) {
    throw new ConnectorError(
      ConnectorErrorCodes.InvalidRequestParameters,
      `The phone number ${JSON.stringify(maskNumber(to.trim()))} ${phone.problem}.`
    );
  }
  const template = chooseTemplate(config.templates, type);
  const templateCode = templateCodeFor(template, phone.region);
  return {
    endpoint: config.endpoint,
    action: sendSms.action,
    version: sendSms.version,
    parameters: {
      Action: sendSms.action,
      Version: sendSms.version,
      Format: 'JSON',
      RegionId: sendSms.regionId,
      PhoneNumbers: phone.aliyunNumber,
      SignName: config.signName,
      TemplateCode: templateCode,
      TemplateParam: renderTemplateParam(template.params, payload),
    },
    route: {
      region: phone.region,
      regionCode: phone.regionCode,
      api: `${sendSms.action} ${sendSms.version}`,
      templateCode,
      to: maskNumber(phone.aliyunNumber),
    },
  };
};
