/**
 * @module sdk-traffic
 * Aliyun's SDKs asking the sandbox every action the package reads an answer of (and those it will
 * read: statistics, balance, caller identity), in every state the
 * sandbox can answer (each review state of a template and a signature, each delivery outcome, a
 * refusal of each kind, RAM denials in both styles), so that each field the package reads comes
 * back at least once. The answers are kept raw by the recorders the clients talk to.
 */
import type { Sandbox } from '../../sandbox/index.js';
import { chinaDate } from '../../src/operator/send-status.js';
import type { Hosts } from './package-traffic.js';
import { sdkClient, type SdkClient } from './sdk-clients.js';
import type { WireRecorder } from './wire-recorder.js';

/** Every host an SDK asks: the package's two, and billing and STS, which the sandbox serves on its SMS port. */
export type SdkHosts = Hosts & { business: WireRecorder; sts: WireRecorder };

/** The clients: SMS China site, SMS international site, PNVS, billing, STS. */
export type SdkClients = { china: SdkClient; international: SdkClient; pnvs: SdkClient; business: SdkClient; sts: SdkClient };

/** Clients for the hosts, signing with the sandbox's key pair. */
export const sdkClients = (sandbox: Sandbox, { sms, pnvs, business, sts }: SdkHosts): SdkClients => ({
  china: sdkClient('@alicloud/dysmsapi20170525', sms.host, sandbox),
  international: sdkClient('@alicloud/dysmsapi20180501', sms.host, sandbox),
  pnvs: sdkClient('@alicloud/dypnsapi20170525', pnvs.host, sandbox),
  business: sdkClient('@alicloud/bssopenapi20171214', business.host, sandbox),
  sts: sdkClient('@alicloud/sts20150401', sts.host, sandbox),
});

/** Makes every call; what each answered is in the recorders. */
export const driveSdks = async (sandbox: Sandbox, clients: SdkClients): Promise<void> => {
  const { registry } = sandbox;
  const [signName = ''] = registry.signNames;
  const [senderId = ''] = registry.senderIds;
  const [pnvsSign = ''] = registry.pnvs.signNames;
  const day = (daysAgo: number) => chinaDate(new Date(sandbox.clock.now() - daysAgo * 86_400_000)).replaceAll('-', '');
  const today = day(0);
  const { china, international, pnvs, business, sts } = clients;

  await china.call('SendSms', { PhoneNumbers: '13800138000', SignName: signName, TemplateCode: 'SMS_460100001', TemplateParam: '{"code":"123456"}', OutId: 'oracle-1' });
  await china.call('SendSms', { PhoneNumbers: '13800138000', SignName: signName, TemplateCode: 'SMS_NOT_IN_ACCOUNT', TemplateParam: '{"code":"123456"}' });
  for (const { code } of registry.templates) {
    await china.call('GetSmsTemplate', { TemplateCode: code });
    await china.call('QuerySmsTemplate', { TemplateCode: code });
  }
  for (const name of [...registry.signNames, ...registry.signatures.map((signature) => signature.name)]) {
    await china.call('GetSmsSign', { SignName: name });
    await china.call('QuerySmsSign', { SignName: name });
  }
  // The registry's records of 13700137000 (delivered, failed, pending), the send above, a day without any, a refused date.
  for (const PhoneNumber of ['13700137000', '13800138000', '13900139000']) {
    await china.call('QuerySendDetails', { PhoneNumber, SendDate: today, PageSize: 10, CurrentPage: 1 });
  }
  await china.call('QuerySendDetails', { PhoneNumber: '13700137000', SendDate: '2020-01-01', PageSize: 10, CurrentPage: 1 });

  await international.call('SendMessageWithTemplate', { To: '8613800138000', From: signName, TemplateCode: 'SMS_460100001', TemplateParam: '{"code":"123456"}' });
  await international.call('SendMessageWithTemplate', { To: '85261234567', From: signName, TemplateCode: 'SMS_460100001', TemplateParam: '{"code":"123456"}' });
  const ids: string[] = [];
  for (const type of ['OTP', 'NOTIFY']) {
    const sent = await international.call('SendMessageToGlobe', { To: '85261234567', Message: 'Your code is 123456', From: senderId, Type: type });
    const id = sent.ok ? (sent.body as { messageId?: unknown }).messageId : undefined;
    if (typeof id === 'string') ids.push(id);
  }
  const [failed, pending] = ids;
  if (failed !== undefined) sandbox.records.setOutcome({ id: failed }, { status: 'failed', errCode: 'UNDELIV' });
  if (pending !== undefined) sandbox.records.setOutcome({ id: pending }, { status: 'pending' });
  for (const MessageId of [...ids, '0']) {
    await international.call('QueryMessage', { MessageId });
  }
  // Sent a minute ago, so its receipt (2 s after a send) is in: delivered.
  sandbox.clock.advance(60_000);
  for (const MessageId of ids) {
    sandbox.records.setOutcome({ id: MessageId }, { status: 'delivered' });
    await international.call('QueryMessage', { MessageId });
  }

  await pnvs.call('SendSmsVerifyCode', { PhoneNumber: '13800138000', SignName: pnvsSign, TemplateCode: '100001', TemplateParam: '{"code":"##code##","min":"5"}', ReturnVerifyCode: true, OutId: 'oracle-2' });
  await pnvs.call('SendSmsVerifyCode', { PhoneNumber: '13800138000', SignName: pnvsSign, TemplateCode: '100001', TemplateParam: '{"code":"##code##","min":"5"}' });
  await pnvs.call('QuerySendDetails', { PhoneNumber: '13800138000', SendDate: today, PageSize: 10, CurrentPage: 1 });

  // Not sent by the package yet: a week of statistics (the registry's daily sends), the balance, the caller.
  for (const IsGlobe of [1, 2]) {
    await china.call('QuerySendStatistics', { IsGlobe, StartDate: day(6), EndDate: today, PageIndex: 1, PageSize: 10 });
  }
  await china.call('QuerySendStatistics', { IsGlobe: 1, StartDate: today, EndDate: day(6), PageIndex: 1, PageSize: 10 });
  await business.call('QueryAccountBalance', {});
  await sts.call('GetCallerIdentity', {});

  // RAM refusals: the gateway's 403 with AccessDeniedDetail, and the business layer's 200.
  for (const style of ['Forbidden.RAM', 'isp.RAM_PERMISSION_DENY'] as const) {
    sandbox.account.setDenial(sandbox.accessKeyId, {
      actions: ['dysms:GetSmsTemplate', 'dysms:QuerySmsTemplate', 'dysms:GetSmsSign', 'dysms:QuerySmsSign', 'dysms:QuerySendDetails', 'dysms:QueryMessage', 'dysms:SendSms', 'dypns:SendSmsVerifyCode', 'dysms:QuerySendStatistics', 'bssapi:QueryAccountBalance'],
      style,
    });
    await china.call('GetSmsTemplate', { TemplateCode: 'SMS_460100001' });
    await china.call('QuerySmsTemplate', { TemplateCode: 'SMS_460100001' });
    await china.call('GetSmsSign', { SignName: signName });
    await china.call('QuerySmsSign', { SignName: signName });
    await china.call('QuerySendDetails', { PhoneNumber: '13700137000', SendDate: today, PageSize: 10, CurrentPage: 1 });
    await china.call('SendSms', { PhoneNumbers: '13800138000', SignName: signName, TemplateCode: 'SMS_460100001', TemplateParam: '{"code":"123456"}' });
    await international.call('QueryMessage', { MessageId: ids[0] ?? '0' });
    await pnvs.call('SendSmsVerifyCode', { PhoneNumber: '13800138000', SignName: pnvsSign, TemplateCode: '100001', TemplateParam: '{"code":"##code##","min":"5"}' });
    await china.call('QuerySendStatistics', { IsGlobe: 1, StartDate: day(6), EndDate: today, PageIndex: 1, PageSize: 10 });
    await business.call('QueryAccountBalance', {});
  }
  sandbox.account.setDenial(sandbox.accessKeyId, { actions: [], style: 'Forbidden.RAM' });
};
