/**
 * Every route Logto sends a code from, every error the connector can raise: the caller's JSON
 * holds only the end user's sentence and Aliyun's RequestId, and where Logto keeps an audit log,
 * its entry holds the operator's whole error, exactly what the Console's Send would have shown.
 * The package is loaded by Logto's loader, a new instance per send, and answers come from a
 * scripted loopback server speaking Aliyun's error shape; Logto's side is modelled from its files
 * (`logto-send-paths.ts`, `logto-error-response.ts`).
 */
import { ConnectorError, ConnectorErrorCodes, type SendMessageData, type SmsConnector } from '@logto/connector-kit';
import { beforeAll, describe, expect, it } from 'vitest';

import { connectorPerSend, loadFactory } from '../demo/logto-host.js';
import type { CodeRule } from '../src/aliyun/code-rule.js';
import { codeRules } from '../src/aliyun/error-codes.js';
import { storedConfigError } from '../src/aliyun/errors.js';
import { pnvsCodeRules } from '../src/aliyun/pnvs-error-codes.js';
import { sendPaths, serve, type SendPath } from './logto-send-paths.js';
import { useScriptedServer } from './scripted-server.js';

const scripted = useScriptedServer();

const accessKeyId = 'LTAI5tSENDPATHSKEYID';
const accessKeySecret = 'send-paths-secret-0123456789';
const signName = '路径测试签名';
const requestId = 'A1B2C3D4-0000-4000-8000-REQUESTPATHS';
/** Aliyun's message text: the operator's account state, for the audit log only. */
const aliyunMessage = '账户余额不足 (operator-only account state)';

const sms = () => ({
  accessKeyId,
  accessKeySecret,
  signName,
  endpoint: scripted.endpoint,
  timeout: 1000,
  templates: ['SignIn', 'Register', 'ForgotPassword', 'Generic'].map((usageType) => ({
    usageType,
    templateCode: { china: `SMS_9${usageType.length}00001`, overseas: `SMS_9${usageType.length}00002` },
  })),
});
const pnvs = () => ({ ...sms(), mainlandService: 'pnvs', pnvsSignName: '速通互联验证码', pnvsEndpoint: scripted.endpoint });

/** An answer in Aliyun's error shape. */
const refuse = (code: string) => {
  scripted.answer = (_, __, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ Code: code, Message: aliyunMessage, RequestId: requestId, Success: false }));
  };
};

type Scenario = {
  name: string;
  config: () => Record<string, unknown> | Promise<never>;
  to?: string;
  script?: () => void;
  fromAliyun?: boolean;
  /** What the end user is told: {@link told}. */
  told?: keyof typeof told;
  /** The operator's error where the Console cannot produce it (it always passes a config). */
  operator?: () => ConnectorError;
};

/** The end user's sentences (English), by what happened. */
const told = {
  failed: 'The verification code could not be sent by SMS. Please try again later, or contact support if this keeps happening.',
  rateLimited: 'Too many verification codes were requested for this phone number. Please wait a while and try again.',
  badNumber: 'A verification code could not be sent to this phone number. Please check the number and try again.',
  region: 'Verification codes by SMS are not available for phone numbers in your region. Please use a phone number from another region, or another way to sign in.',
};

/** What an end user is told for an Aliyun code, by the connector code its table gives it. */
const toldFor = (code: string, rules: ReadonlyMap<string, CodeRule>): keyof typeof told => {
  const connectorCode = rules.get(code)?.connectorCode;
  if (code === 'NOT_SUPPORTED_COUNTRY') {
    return 'region';
  }
  return connectorCode === ConnectorErrorCodes.RateLimitExceeded ? 'rateLimited' : connectorCode === ConnectorErrorCodes.InvalidRequestParameters ? 'badNumber' : 'failed';
};

const scenarios: Scenario[] = [
  ...[...codeRules.keys(), 'X.NOT_IN_THE_TABLE'].map((code) => ({
    name: `SendSms ${code}`,
    config: sms,
    script: () => { refuse(code); },
    fromAliyun: true,
    told: toldFor(code, codeRules),
  })),
  ...[...pnvsCodeRules.keys(), 'X.NOT_IN_THE_TABLE'].map((code) => ({
    name: `PNVS ${code}`,
    config: pnvs,
    script: () => { refuse(code); },
    fromAliyun: true,
    told: toldFor(code, pnvsCodeRules),
  })),
  { name: 'a proxy page', config: sms, script: () => (scripted.answer = (_, __, response) => response.writeHead(502).end(`<html>bad gateway at ${scripted.endpoint}</html>`)) },
  { name: 'no answer (timeout)', config: sms, script: () => (scripted.answer = () => undefined) },
  { name: 'connection refused', config: () => ({ ...sms(), endpoint: 'http://127.0.0.1:1' }) },
  { name: 'a number that is not one', config: sms, to: '86138001380OO', told: 'badNumber' },
  { name: 'a region not in allowedRegionCodes', config: () => ({ ...sms(), allowedRegionCodes: ['86'] }), to: '85268326366', told: 'region' },
  { name: 'a region PNVS alone does not serve', config: () => ({ ...pnvs(), signName: undefined, templates: undefined }), to: '85268326366', told: 'region' },
  { name: 'no content on the international site', config: () => ({ ...sms(), site: 'international', endpoint: scripted.endpoint }), to: '85268326366' },
  // Jakarta has no SendMessageWithTemplate: refused before anything is sent (the scripted server would answer otherwise).
  {
    name: 'a mainland number on the Jakarta endpoint',
    config: () => ({ ...sms(), site: 'international', endpoint: 'https://dysmsapi-xman-vpc.ap-southeast-5.aliyuncs.com', templates: sms().templates.map((entry) => ({ ...entry, content: 'Code {{code}}' })) }),
    told: 'region',
  },
  { name: 'a placeholder the payload lacks', config: () => ({ ...sms(), templates: sms().templates.map((entry) => ({ ...entry, params: { code: '{{code}}', app: '{{application.name}}' } })) }) },
  { name: 'an invalid stored config', config: () => ({ ...sms(), signName: ' ', endpoint: 'http://10.0.0.1/secret-host' }) },
  {
    name: 'a stored config Logto could not read',
    config: () => Promise.reject(new Error(`connection to ${scripted.endpoint} terminated`)),
    operator: () => storedConfigError(new Error(`connection to ${scripted.endpoint} terminated`)),
  },
];

let stored: Scenario['config'] = sms;
let connector: SmsConnector;

beforeAll(async () => {
  connector = await connectorPerSend(await loadFactory(), async () => stored());
});

/** What the operator's error says: the same send with the config passed, as the Console's Send passes it. */
const operatorError = async (scenario: Scenario, data: SendMessageData): Promise<ConnectorError> => {
  if (scenario.operator) {
    return scenario.operator();
  }
  const error: unknown = await connector.sendMessage(data, await scenario.config()).catch((error_: unknown) => error_);
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
};

/**
 * The operator's error as a sign-in send makes it: the Console's Send also asks the account's
 * read-only APIs about a signature or template refusal and adds what they say (src/send-explanation.ts),
 * which a sign-in send never does, so that addition is taken off before comparing.
 */
const withoutConsoleFindings = (operator: ConnectorError): string => {
  const { accountFindings, ...data } = operator.data as Record<string, unknown>;
  if (accountFindings === undefined) {
    return operator.message;
  }
  const errorDescription = String(data.errorDescription).replace(/ The account says: [^]*$/, '');
  return `ConnectorError: ${JSON.stringify({ ...data, errorDescription })}`;
};

/** Text of the operator's story that must never reach the caller. */
const operatorOnly = (operator: ConnectorError): string[] => {
  const data = operator.data as Record<string, unknown>;
  const route = data.route as Record<string, unknown> | undefined;
  return [
    typeof data.errorDescription === 'string' ? data.errorDescription : '',
    typeof data.message === 'string' ? data.message : '',
    aliyunMessage,
    'operator-only',
    signName,
    accessKeyId,
    scripted.endpoint.replace('http://', ''),
    '127.0.0.1',
    'secret-host',
    'signName',
    'operatorDescription',
    '"route"',
    ...(typeof data.code === 'string' ? [`"${data.code}"`] : []),
    ...(route ? [String(route.templateCode), String(route.api)] : []),
  ].filter((text) => text.length > 0);
};

describe.each(sendPaths.map((path) => [path.name, path] as const))('%s', (_, path: SendPath) => {
  it.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('%s', async (__, scenario) => {
    stored = scenario.config;
    scenario.script?.();
    const data = path.message(scenario.to ?? '8613800138000', { locale: 'en', uiLocales: 'en' });

    const served = await serve(path, () => connector.sendMessage(data));
    const operator = await operatorError(scenario, data);

    // The caller's JSON: Logto's phrase, and data with the end user's sentence and at most the RequestId.
    const body = served.body as { code: string; message: string; data: { errorDescription: string; requestId?: string } };
    expect(Object.keys(body.data).sort()).toEqual(scenario.fromAliyun ? ['errorDescription', 'requestId'] : ['errorDescription']);
    expect(body.data.errorDescription).toBe(told[scenario.told ?? 'failed']);
    // A region is told as General, whose description Logto shows; the rest keep their code.
    if (scenario.told === 'region') {
      expect([served.status, body.code, body.message]).toEqual([400, 'connector.general', `Error occurred in connector: ${told.region}`]);
    }
    if (scenario.fromAliyun) {
      expect(body.data.requestId).toBe(requestId);
    }
    const json = JSON.stringify(body);
    for (const text of operatorOnly(operator)) {
      expect(json, text).not.toContain(text);
    }
    expect(json).not.toContain(accessKeySecret);

    // The audit log: where Logto keeps one, the operator's error, whole, as String(error).
    if (path.auditKey === undefined) {
      expect(served.auditLog).toEqual([]);
    } else {
      expect(served.auditLog).toEqual([{ key: path.auditKey, result: 'Error', error: { message: `Error: ${withoutConsoleFindings(operator)}` } }]);
      const logged = served.auditLog[0]!.error!.message;
      const operatorData = operator.data as Record<string, unknown>;
      if (typeof operatorData.errorDescription === 'string') {
        const description = operatorData.errorDescription.replace(/ The account says: [^]*$/, '');
        expect(logged).toContain(JSON.stringify(description).slice(1, -1));
      }
      if (scenario.fromAliyun) {
        for (const piece of [`"code":"${String(operatorData.code)}"`, `"requestId":"${requestId}"`, aliyunMessage, '"route":{', '"templateCode":']) {
          expect(logged).toContain(piece);
        }
      }
      expect(logged).not.toContain(accessKeySecret);
    }
  });
});
