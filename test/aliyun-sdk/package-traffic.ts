/**
 * @module package-traffic
 * Everything the package and its operator commands say to Aliyun, produced by running them, not by
 * reading their constants: the connector's sends on each site and route (sign-in sends and the
 * Console's Send with its refusal explanation), `doctor` (with the current lookups, with the older
 * `QuerySms*` ones a host falls back to, and with RAM refusals in both styles), `status` on each
 * site and on PNVS, and `report` (its statistics page by page, and the balance). They run against a
 * sandbox behind wire recorders, one per Aliyun host (`dysmsapi`, `dypnsapi`, the billing host
 * `business`), so each exchange keeps the parameters sent and the answer's raw body.
 */
import { TemplateType } from '@logto/connector-kit';

import { createAliyunSmsConnector } from '../../src/index.js';
import { createAliyunClient } from '../../src/aliyun/aliyun-client.js';
import { parseConfig } from '../../src/config/config.js';
import { runReport } from '../../src/operator/delivery-report.js';
import { runDoctor } from '../../src/operator/doctor.js';
import { addDays } from '../../src/operator/report-range.js';
import { chinaDate, querySendStatus } from '../../src/operator/send-status.js';
import { accountAccess, connectorConfig, pnvsConnectorConfig, withFallback } from '../../sandbox/connector-config.js';
import type { Sandbox } from '../../sandbox/index.js';
import type { WireRecorder } from './wire-recorder.js';

/** The hosts: SMS (`dysmsapi`), PNVS (`dypnsapi`) and billing (`business`), each a recorder in front of one sandbox. */
export type Hosts = { sms: WireRecorder; pnvs: WireRecorder; business: WireRecorder };

const mainland = '13800138000';
const hongKong = '85261234567';

/** The sandbox's configurations, pointed at the recorders. */
export const configsFor = (sandbox: Sandbox, { sms, pnvs }: Hosts) => {
  const access = { ...sandbox, endpoint: sms.endpoint };
  return {
    china: connectorConfig(access),
    international: connectorConfig(access, 'international'),
    pnvs: { ...pnvsConnectorConfig(access), pnvsEndpoint: pnvs.endpoint },
    withFallback: withFallback(connectorConfig(access), accountAccess({ ...sandbox, endpoint: sms.endpoint }, 'backup')),
  };
};

/** A send's outcome does not matter here, only what crossed the wire: a refusal is an answer too. */
const settled = (sending: Promise<unknown>): Promise<void> => sending.then(
  () => undefined,
  () => undefined,
);

/** Sends through the connector: one sign-in send per number, and the Console's Send of `config`. */
const sends = async (config: object, numbers: readonly string[]): Promise<void> => {
  const connector = await createAliyunSmsConnector()({ getConfig: () => Promise.resolve(config) });
  for (const to of numbers) {
    await settled(connector.sendMessage({ to, type: TemplateType.SignIn, payload: { code: '123456' } }));
    await settled(connector.sendMessage({ to, type: TemplateType.Generic, payload: { code: '000000' } }, config));
  }
};

/** A refused Console Send, which the connector explains with the template and signature lookups. */
const explainedRefusal = async (config: { templates: object[] }): Promise<void> => {
  // SMS_460300001 is under review in the default registry: SendSms refuses it, the explanation looks it up.
  const reviewing = { ...config, templates: config.templates.map((template) => ({ ...template, templateCode: { china: 'SMS_460300001' } })) };
  const connector = await createAliyunSmsConnector()({ getConfig: () => Promise.resolve(reviewing) });
  await settled(connector.sendMessage({ to: mainland, type: TemplateType.Generic, payload: { code: '000000' } }, reviewing));
};

/** Runs every path of the package that talks to Aliyun once. */
export const drivePackage = async (sandbox: Sandbox, hosts: Hosts): Promise<void> => {
  const configs = configsFor(sandbox, hosts);
  const client = createAliyunClient();
  const today = chinaDate(new Date(sandbox.clock.now()));
  // Aliyun's billing API is a host of its own; the sandbox serves it behind the `business` recorder.
  const billingEndpoint = hosts.business.endpoint;

  await sends(configs.china, [mainland, hongKong]);
  await sends(configs.international, [mainland, hongKong]);
  await sends(configs.pnvs, [mainland]);
  await explainedRefusal(configs.china);

  await runDoctor(configs.china, { client, send: mainland, billingEndpoint });
  // An account in trouble: a rejected signature, a rejected template, a promotional international one.
  const troubled = { ...configs.china, signName: '沙箱驳回', templates: configs.china.templates.map((template) => ({ ...template, templateCode: { china: 'SMS_460300002', overseas: 'SMS_460300005' } })) };
  await runDoctor(troubled, { client, billingEndpoint });
  await runDoctor(configs.international, { client, billingEndpoint });
  await runDoctor(configs.pnvs, { client, billingEndpoint });
  // A fallback account: its checks, one test send through each account, and STS GetCallerIdentity for both keys.
  await runDoctor(configs.withFallback, { client, send: hongKong, billingEndpoint });
  await sends(configs.withFallback, [mainland]);
  // A host that no longer serves the current lookups: doctor falls back to QuerySmsTemplate and QuerySmsSign.
  hosts.sms.withdrawn.add('GetSmsTemplate').add('GetSmsSign');
  await runDoctor(configs.china, { client, billingEndpoint });
  hosts.sms.withdrawn.clear();
  // RAM refusals, in the gateway's style (403 with AccessDeniedDetail) and the business layer's (200).
  for (const style of ['Forbidden.RAM', 'isp.RAM_PERMISSION_DENY'] as const) {
    sandbox.account.setDenial(sandbox.accessKeyId, { actions: ['dysms:GetSmsTemplate', 'dysms:QuerySendDetails', 'dysms:QueryMessage'], style });
    await runDoctor(configs.china, { client, billingEndpoint });
    await runDoctor(configs.international, { client, billingEndpoint });
  }
  sandbox.account.setDenial(sandbox.accessKeyId, { actions: [], style: 'Forbidden.RAM' });

  const [sent] = sandbox.outbox.list({ phone: mainland }).filter((message) => message.action === 'SendSms');
  const [globe] = sandbox.outbox.list({ phone: hongKong }).filter((message) => message.action === 'SendMessageToGlobe');
  await querySendStatus(client, parseConfig(configs.china), { phone: mainland, date: today });
  // The registry's records of 13700137000: delivered, failed (with the carrier's code) and pending.
  await querySendStatus(client, parseConfig(configs.china), { phone: '13700137000', date: today });
  await querySendStatus(client, parseConfig(configs.china), { phone: mainland, date: today, ...(sent?.bizId ? { bizId: sent.bizId } : {}) });
  await querySendStatus(client, parseConfig(configs.pnvs), { phone: mainland, date: today });
  await querySendStatus(client, parseConfig(configs.international), { phone: hongKong, date: today, bizId: globe?.messageId ?? '0' });
  if (globe?.messageId !== undefined) {
    sandbox.records.setOutcome({ id: globe.messageId }, { status: 'failed', errCode: 'UNDELIV' });
    await querySendStatus(client, parseConfig(configs.international), { phone: hongKong, date: today, bizId: globe.messageId });
  }

  // report: the week before today, then one page at a time (paging), for the signature and the whole account, on both sites.
  const week = { from: addDays(today, -7), to: addDays(today, -1), days: 7, includesToday: false };
  const request = { range: week, allSignatures: false, thresholds: { minSent: 20, minRate: 0.9, minBalance: 100 }, billingEndpoint };
  await runReport(client, parseConfig(configs.china), request);
  await runReport(client, parseConfig(configs.china), { ...request, allSignatures: true, paging: { pageSize: 2, gapMs: 0 } });
  await runReport(client, parseConfig(configs.international), request);
};
