/**
 * The sandbox guesses some of Aliyun's answers (sandbox/assumptions.ts). Whatever Aliyun really
 * answers in those cases, the operator must still read Aliyun's code, message and RequestId: here
 * a server answers each guessed case with a code nobody knows, in either API's shape and with an
 * unexpected HTTP status, through Logto's loader and the built package.
 */
import { ConnectorError, ConnectorErrorCodes, TemplateType } from '@logto/connector-kit';
import { beforeAll, describe, expect, it } from 'vitest';

import { loadConnector } from '../demo/logto-host.js';
import { connectorConfig, type Site } from '../sandbox/connector-config.js';
import { startSandbox, type Sandbox } from '../sandbox/index.js';
import { useScriptedServer } from './scripted-server.js';

const server = useScriptedServer();
let sandbox: Sandbox;
let connector: Awaited<ReturnType<typeof loadConnector>>['connector'];

beforeAll(async () => {
  sandbox = await startSandbox();
  ({ connector } = await loadConnector());
  await sandbox.close();
});

/** The shape each API answers in: `Code`/`Message` (2017-05-25) or `ResponseCode`/`ResponseDescription` (2018-05-01). */
const refusal = (site: Site, code: string, message: string) =>
  site === 'china' ? { Code: code, Message: message, RequestId: 'REQ-GUESS' } : { ResponseCode: code, ResponseDescription: message, RequestId: 'REQ-GUESS' };

describe('a guessed case answered with a code nobody knows', () => {
  it.each<[string, Site, string, number, string]>([
    ['[assumption A1] mainland template to a Hong Kong number', 'china', '85268326366', 200, 'SendSms 2017-05-25'],
    ['[assumption A3] international-site per-number flow control', 'international', '8613800138000', 429, 'SendMessageWithTemplate 2018-05-01'],
    ['[assumption A4] an unknown template on the 2018 API', 'international', '8613800138000', 200, 'SendMessageWithTemplate 2018-05-01'],
    ['an unknown refusal of SendMessageToGlobe', 'international', '85268326366', 200, 'SendMessageToGlobe 2018-05-01'],
    ['[assumption A6] a gateway refusal with a status of its own', 'china', '8613800138000', 403, 'SendSms 2017-05-25'],
  ])('%s: General, with Aliyun’s code, message and RequestId', async (_, site, to, status, api) => {
    const code = 'isv.CODE_NOBODY_KNOWS';
    const message = 'Aliyun says something new';
    server.answer = (_body, _request, response) => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(refusal(site, code, message)));
    };
    const error: unknown = await connector
      .sendMessage({ to, type: TemplateType.SignIn, payload: { code: '123456' } }, { ...connectorConfig(sandbox, site), endpoint: server.endpoint })
      .catch((error_: unknown) => error_);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({
      code: ConnectorErrorCodes.General,
      data: { code, message, requestId: 'REQ-GUESS', httpStatus: status, attempts: 1, route: { site, api } },
    });
    expect((error as ConnectorError & { data: { errorDescription: string } }).data.errorDescription).toMatch(
      /look the code up at https:\/\/help\.aliyun\.com\/.* \(Aliyun isv\.CODE_NOBODY_KNOWS: "Aliyun says something new", RequestId REQ-GUESS\)$/
    );
  });
});
