/**
 * Drives every error path with a recognisable secret and asserts that neither the secret nor any
 * request Signature appears in an error's message, data, cause or stack, or in anything written
 * to stdout or stderr while it ran.
 */
import { ConnectorError, TemplateType, type SmsConnector } from '@logto/connector-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConnector } from '../demo/logto-host.js';
import { connectorConfig } from '../sandbox/connector-config.js';
import { startSandbox, type Fault, type Sandbox } from '../sandbox/index.js';
import { codeRules } from '../src/aliyun/error-codes.js';
import { useScriptedServer } from './scripted-server.js';

const secret = 'S3cretCanaryDoNotLeak7f1e';

let sandbox: Sandbox;
let connector: SmsConnector;
const output: string[] = [];
const signatures = new Set<string>();

/**
 * A server that answers with the code under test and echoes the secret, the signature (decoded and
 * form-encoded) and the request it got, secret and signature first so no excerpt cut hides them;
 * with `echoCode` empty it answers the same in a short text body that is not Aliyun's JSON.
 */
let echoCode = 'OK';
const echo = useScriptedServer();
echo.answer = (body, _request, response) => {
  const signature = new URLSearchParams(body).get('Signature') ?? '';
  if (signature) {
    signatures.add(signature);
  }
  const said = `${secret} ${signature} ${encodeURIComponent(signature)}`;
  if (!echoCode) {
    response.writeHead(502, { 'content-type': 'text/plain' }).end(`${said} bad gateway`);
    return;
  }
  response
    .writeHead(echoCode.startsWith('isv.') || echoCode === echoCode.toUpperCase() ? 200 : 400, { 'content-type': 'application/json' })
    .end(JSON.stringify({ Code: echoCode, Message: `${said} echo ${body}`, RequestId: 'R', Recommend: body }));
};

const writes = { stdout: process.stdout.write.bind(process.stdout), stderr: process.stderr.write.bind(process.stderr) };

beforeAll(async () => {
  sandbox = await startSandbox({ log: (line) => output.push(line) });
  ({ connector } = await loadConnector(undefined, async () => ({ ...connectorConfig(sandbox), accessKeySecret: secret })));
  const capture = (stream: 'stdout' | 'stderr') =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      output.push(String(chunk));
      return (writes[stream] as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
  process.stdout.write = capture('stdout');
  process.stderr.write = capture('stderr');
});

afterAll(async () => {
  process.stdout.write = writes.stdout;
  process.stderr.write = writes.stderr;
  await sandbox.close();
});

const errors: unknown[] = [];

const attempt = async (config: Record<string, unknown>, to = '8613800138000') => {
  const error: unknown = await connector
    .sendMessage({ to, type: TemplateType.SignIn, payload: { code: '123456' } }, config)
    .catch((error_: unknown) => error_);
  expect(error).toBeInstanceOf(ConnectorError);
  errors.push(error);
};

/** Everything an error carries that a log or a UI might print. */
const surfaceOf = (error: unknown) => {
  const { message, stack, cause, data } = error as ConnectorError & { cause?: unknown };
  return [message, stack ?? '', JSON.stringify(data) ?? '', JSON.stringify(cause) ?? '', cause instanceof Error ? cause.stack : ''].join('\n');
};

describe('secrets never leave', () => {
  const base = () => ({ ...connectorConfig(sandbox), accessKeySecret: secret });

  it('through configuration, routing and template errors', async () => {
    await attempt({ ...base(), signName: '' });
    await attempt({ ...base(), endpoint: 'ftp://127.0.0.1' });
    await attempt({ ...base(), templates: [] });
    await attempt(base(), '8613800138000,8613900139000');
    await attempt({ ...base(), allowedRegionCodes: ['852'] });
  });

  it('through every Aliyun code, an unknown one and a non-JSON body, even when the secret and signature are echoed first', async () => {
    for (const code of [...codeRules.keys(), 'isv.CODE_NOBODY_KNOWS', '']) {
      echoCode = code;
      await attempt({ ...base(), endpoint: echo.endpoint, timeout: 1000 });
    }
    expect(signatures.size).toBeGreaterThan(40);
  });

  it('through the sandbox: wrong key, wrong signature, flow control', async () => {
    await attempt({ ...base(), accessKeyId: 'LTAI5tUnknown' });
    await attempt(base());
    sandbox.outbox.clear();
    await connector.sendMessage({ to: '8613700137000', type: TemplateType.SignIn, payload: { code: '123456' } }, { ...base(), accessKeySecret: sandbox.accessKeySecret });
    await attempt({ ...base(), accessKeySecret: sandbox.accessKeySecret }, '8613700137000');
  });

  it('through every transport fault', async () => {
    const faults: Fault[] = [
      { kind: 'hang' },
      { kind: 'close' },
      { kind: 'http-error', status: 502 },
      { kind: 'truncated-json' },
      { kind: 'headers-then-stall' },
      { kind: 'reset-mid-body' },
    ];
    for (const fault of faults) {
      sandbox.faults.set(fault, 1);
      await attempt({ ...base(), timeout: 1000 });
    }
    await attempt({ ...base(), endpoint: 'http://127.0.0.1:1', timeout: 1000 });
  });

  it('in none of the errors or output above', () => {
    for (const { params } of sandbox.requests.list()) {
      if (params.Signature) {
        signatures.add(params.Signature);
      }
    }
    expect(errors.length).toBeGreaterThan(60);
    const everything = [...errors.map(surfaceOf), ...output].join('\n');
    expect(everything).not.toContain(secret);
    const leaked = [...signatures].filter(
      (signature) => everything.includes(signature) || everything.includes(encodeURIComponent(signature))
    );
    expect(leaked).toEqual([]);
  });
});
