/**
 * @module doctor
 * `doctor`: checks an Aliyun account against a connector configuration without sending an SMS.
 * Validates the configuration with the connector's own guard, then asks the account's read-only
 * APIs about every signature and template the configuration can send with, all calls in
 * parallel, each bounded by the configuration's `timeout`. It sends exactly one message only when
 * asked (`send`), the way the Console's Send button does. Verdicts: doctor-checks.ts.
 */
import { ConnectorError, TemplateType } from '@logto/connector-kit';
import type { ZodError } from 'zod';

import { billingEndpointFor, queryBalance } from '../account/account-balance.js';
import { lookupSign, lookupTemplate } from '../account/account-lookups.js';
import { queryAccount, type QueryTarget } from '../account/account-queries.js';
import type { AliyunClient } from '../aliyun/aliyun-client.js';
import { checkConfig, type AliyunSmsConfig } from '../config/config.js';
import { sentenceOf } from '../config/config-issues.js';
import { accessCheck, balanceCheck, probeKind } from './access-checks.js';
import { errorSentence } from './error-sentence.js';
import { chinaDate } from './send-status.js';
import { clockCheck, credentialsCheck, endpointChecks, signCheck, templateChecks, templateUsages, type Check, type KeyEvidence } from './doctor-checks.js';
import { fallbackChecks } from './doctor-fallback.js';
import { createAliyunSmsConnector } from '../index.js';

/** Progress while calls are in flight: how many of how many have answered, and the latest one. */
export type Progress = { done: number; total: number; label: string };

/** What `doctor` needs besides the configuration. */
export type DoctorOptions = {
  client: AliyunClient;
  /** A phone number to send one test message to, as the Console's Send does; no send without it. */
  send?: string;
  /** Warn when the available balance is below this amount, in the account's currency. */
  minBalance?: number;
  /** Where to read the balance instead of the site's billing host. */
  billingEndpoint?: string;
  progress?: (progress: Progress) => void;
};

/** A number no mobile has (mainland mobiles start 13–19): probing QuerySendDetails with it reads nobody's messages. */
const probeNumber = '10000000000';

/** The checks of an invalid configuration: the guard's own sentences, one per issue, each split into what is wrong and the fix. */
const configIssues = (error: ZodError): Check[] =>
  error.issues.map((issue) => ({
    id: `config${issue.path.length > 0 ? `.${issue.path.join('.')}` : ''}`,
    status: 'fail',
    ...sentenceOf(issue),
  }));

/** Sending actions this configuration needs, which no read-only call can check. */
const sendingActions = (config: AliyunSmsConfig): string[] => {
  const actions: string[] = [];
  if (config.mainlandService === 'pnvs') {
    actions.push('dypns:SendSmsVerifyCode');
  }
  if (config.signName !== undefined) {
    actions.push(...(config.site === 'china' ? ['dysms:SendSms'] : ['dysms:SendMessageWithTemplate', 'dysms:SendMessageToGlobe']));
  }
  return actions;
};

const sendingCheck = (config: AliyunSmsConfig, sent: boolean): Check => {
  const actions = sendingActions(config);
  return {
    id: 'ram.send',
    status: 'skip',
    summary: `whether this AccessKey may call ${actions.join(', ')} cannot be checked without sending${sent ? '; --send tried one send (see send)' : ''}`,
    fix: `grant { "Effect": "Allow", "Action": ${JSON.stringify(actions)}, "Resource": "*" }; run doctor --send <phone> to try one real send`,
  };
};

/** One send as the Console's Send does it: `Generic`, code 000000, the configuration given. */
const trySend = async (raw: unknown, to: string): Promise<Check> => {
  // doctor prints its own report (JSON with --json) on stdout: the send log's line stays out of it.
  const connector = await createAliyunSmsConnector({ warn: () => undefined, sendLog: () => undefined })({
    getConfig: async () => Promise.reject(new Error('doctor passes the configuration')),
  });
  try {
    const receipt = (await connector.sendMessage({ to, type: TemplateType.Generic, payload: { code: '000000' } }, raw)) as Record<string, unknown>;
    const bizId = typeof receipt.BizId === 'string' ? receipt.BizId : (receipt.MessageId as string | undefined);
    return {
      id: 'send',
      status: 'pass',
      summary: `Aliyun accepted one test message to the number (code 000000)${bizId ? `, BizId ${bizId}` : ''}; run status to see whether it was delivered`,
      ...(typeof receipt.RequestId === 'string' ? { aliyun: { code: 'OK', requestId: receipt.RequestId } } : {}),
    };
  } catch (error: unknown) {
    const data = error instanceof ConnectorError && typeof error.data === 'object' && error.data !== null ? (error.data as Record<string, unknown>) : {};
    const sentence = errorSentence(error);
    const aliyun = {
      ...(typeof data.code === 'string' ? { code: data.code } : {}),
      ...(typeof data.requestId === 'string' ? { requestId: data.requestId } : {}),
    };
    return { id: 'send', status: 'fail', summary: `the test send was refused: ${sentence}`, ...(Object.keys(aliyun).length > 0 ? { aliyun } : {}) };
  }
};

/** Runs every check of `raw` (the configuration as the Console saves it) and returns them in report order. */
export const runDoctor = async (raw: unknown, { client, send, minBalance, billingEndpoint, progress }: DoctorOptions): Promise<Check[]> => {
  const checked = checkConfig(raw);
  if (!checked.success) {
    return [...configIssues(checked.error), { id: 'account', status: 'skip', summary: 'the account was not checked: fix the configuration first' }];
  }
  const { config } = checked;
  const { fallback } = config;
  // The fallback account, checked alongside (doctor-fallback.ts); its own configuration has no fallback.
  const fallbackRows = fallback
    ? fallbackChecks(raw, { ...config, fallback }, { client, ...(send === undefined ? {} : { send }) }, async (own, options) => runDoctor(own, { client, ...options }))
    : undefined;
  const target: QueryTarget = config;
  const china = config.site === 'china';
  const usages = china ? templateUsages(config) : [];
  const signNames = china && config.signName !== undefined ? [config.signName] : [];

  let done = 0;
  const calls: Array<Promise<unknown>> = [];
  const track = <T>(label: string, promise: Promise<T>): Promise<T> => {
    calls.push(promise);
    void promise.then(() => {
      done += 1;
      progress?.({ done, total: calls.length, label });
    });
    return promise;
  };
  const signs = signNames.map((name) => track(`signature ${name}`, lookupSign(client, target, name)));
  const templates = usages.map((usage) => track(`template ${usage.code}`, lookupTemplate(client, target, usage.code)));
  const probe = china
    ? track('send records', queryAccount(client, target, 'QuerySendDetails', { PhoneNumber: probeNumber, SendDate: chinaDate(new Date()).replaceAll('-', ''), PageSize: '1', CurrentPage: '1' }))
    : track('send records', queryAccount(client, target, 'QueryMessage', { MessageId: '0' }, '2018-05-01'));
  // Whether the key may read the delivery statistics `report` uses: one day, one row.
  const today = chinaDate(new Date()).replaceAll('-', '');
  const statistics = track('delivery statistics', queryAccount(client, target, 'QuerySendStatistics', { IsGlobe: '1', StartDate: today, EndDate: today, PageIndex: '1', PageSize: '1' }));
  const balance = track('balance', queryBalance(client, target, billingEndpoint ?? billingEndpointFor(config)));
  const sent = send === undefined ? undefined : track('test send', trySend(raw, send));
  progress?.({ done: 0, total: calls.length, label: 'asking Aliyun' });

  const signLookups = await Promise.all(signs);
  const templateLookups = await Promise.all(templates);
  const probeAnswer = await probe;
  const statisticsAnswer = await statistics;
  const probeAction = china ? 'QuerySendDetails' : 'QueryMessage';
  const evidence: KeyEvidence = [...signLookups, ...templateLookups, probeAnswer, statisticsAnswer];

  const checks: Check[] = [{ id: 'config', status: 'pass', summary: `the configuration is valid (site ${config.site}, mainland numbers through ${config.mainlandService === 'pnvs' ? 'PNVS SendSmsVerifyCode' : china ? 'SendSms' : 'SendMessageWithTemplate'})` }];
  checks.push(credentialsCheck(config.accessKeyId, evidence), clockCheck(evidence));
  const answers = [
    ...signLookups,
    ...templateLookups,
    { kind: probeKind(probeAnswer), action: probeAction, ...(probeAnswer.kind === 'refused' ? { code: probeAnswer.code } : {}) },
    { kind: probeKind(statisticsAnswer), action: 'QuerySendStatistics', ...(statisticsAnswer.kind === 'refused' ? { code: statisticsAnswer.code } : {}) },
  ];
  for (const action of new Set(answers.map((answer) => answer.action))) {
    const ram = accessCheck(action, answers);
    if (ram) {
      checks.push(ram);
    }
  }
  checks.push(balanceCheck(await balance, minBalance), ...endpointChecks(config), sendingCheck(config, sent !== undefined));
  signLookups.forEach((lookup, index) => checks.push(signCheck(signNames[index] ?? '', lookup)));
  templateLookups.forEach((lookup, index) => {
    const usage = usages[index];
    if (usage) {
      checks.push(...templateChecks(usage, lookup));
    }
  });
  if (!china) {
    checks.push({
      id: 'international',
      status: 'skip',
      summary: "the international site's API (2018-05-01) cannot read signatures, sender IDs or templates: nothing of them can be checked without sending",
      fix: 'run doctor --send <phone> to try one real send',
    });
  }
  if (config.mainlandService === 'pnvs') {
    checks.push({
      id: 'pnvs',
      status: 'skip',
      summary: `PNVS has no API to read back its gifted signature ${config.pnvsSignName ?? ''} or templates: they cannot be checked without sending`,
      fix: 'run doctor --send <mainland number> to try one real send through SendSmsVerifyCode',
    });
  }
  if (sent) {
    checks.push(await sent);
  }
  if (fallbackRows) {
    checks.push(...(await fallbackRows));
  }
  return checks;
};
