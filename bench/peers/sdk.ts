/**
 * @module peers/sdk
 * A send written on Aliyun's own SDK, as Aliyun's SendSms sample does it:
 * `new Dysmsapi20170525(new $OpenApi.Config({ accessKeyId, accessKeySecret, endpoint }))` and
 * `sendSms(new SendSmsRequest(…))`. The SDK signs with signature V3 (`ACS3-HMAC-SHA256`), puts the
 * parameters in the query of an empty POST, and reuses connections.
 *
 * The packages live in `bench/node_modules` only, so they are loaded by path and typed here with
 * just what the benchmark touches: type checks of the repository never need them installed.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

import type { Fixture } from '../fixture.js';
import type { PeerSends, Send } from '../workload.js';

type SendSmsResponse = { body?: { code?: string; message?: string } };
type DysmsapiModule = {
  default: new (config: unknown) => { sendSms(request: unknown): Promise<SendSmsResponse> };
  SendSmsRequest: new (fields: Record<string, string>) => unknown;
};
type OpenApiModule = { Config: new (fields: Record<string, string>) => unknown };

/** The SDK's send. */
export const createPeer = (fixture: Fixture): Promise<PeerSends> => {
  const requireFromBench = createRequire(path.join(fixture.packages.bench, 'package.json'));
  const dysmsapi = requireFromBench('@alicloud/dysmsapi20170525') as DysmsapiModule;
  const openApi = requireFromBench('@alicloud/openapi-client') as OpenApiModule;
  const client = new dysmsapi.default(
    new openApi.Config({
      accessKeyId: fixture.accessKeyId,
      accessKeySecret: fixture.accessKeySecret,
      endpoint: 'dysmsapi.aliyuncs.com',
    })
  );
  const send: Send = async (to, code) => {
    const response = await client.sendSms(
      new dysmsapi.SendSmsRequest({
        phoneNumbers: to,
        signName: fixture.signName,
        templateCode: fixture.templateCode.china,
        templateParam: JSON.stringify({ code }),
      })
    );
    if (response.body?.code !== 'OK') {
      throw new Error(`SendSms answered ${response.body?.code ?? 'no code'}: ${response.body?.message ?? ''}`);
    }
  };
  // One client for every send, as Aliyun's sample keeps it: only the reused mode.
  return Promise.resolve({ reused: send });
};
