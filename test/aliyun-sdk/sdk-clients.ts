/**
 * @module sdk-clients
 * Aliyun's SDK clients pointed at the sandbox and nowhere else: explicit credentials (the sandbox's
 * key pair, so the SDK never consults its default credential chain: environment variables,
 * `~/.alibabacloud/credentials`, ECS instance roles, which could reach a real account), an explicit
 * loopback `endpoint` (so the SDK's endpoint map of real hosts is never used) and `protocol: 'http'`.
 * The SDKs sign with V3 (`ACS3-HMAC-SHA256`), which the sandbox verifies (sandbox/verify-v3.ts).
 * Calls are made through the SDK's own generated methods (`getSmsTemplate(new GetSmsTemplateRequest(…))`).
 */
import { createRequire } from 'node:module';

import type { ModelClass } from './sdk-environment.js';
import { loadSdk, sdkFile } from './sdk-environment.js';

/** The AccessKey pair a client signs with. */
export type SdkCredentials = { accessKeyId: string; accessKeySecret: string };

/** A generated client, as far as the oracle uses it. */
type GeneratedClient = Record<string, unknown> & { _endpoint?: string; _credential?: { getCredential(): Promise<{ type?: string; accessKeyId?: string }> } };

/** One SDK's client for a loopback host. */
export type SdkClient = {
  sdk: string;
  /** Calls `action` with `params` given by wire name; resolves with the SDK's parsed model, or the SDK's error. */
  call(action: string, params: Record<string, string | number | boolean>): Promise<{ ok: true; body: unknown } | { ok: false; error: unknown }>;
  /** Where the client sends and whose key it signs with, as the SDK resolved them. */
  resolved(): Promise<{ endpoint: string | undefined; credentialType: string | undefined; accessKeyId: string | undefined }>;
};

const lowerFirst = (name: string): string => `${name.charAt(0).toLowerCase()}${name.slice(1)}`;

/** A request model's fields from parameters given by wire name; a name the model lacks is refused. */
const fieldsOf = (model: ModelClass, action: string, params: Record<string, string | number | boolean>): Record<string, unknown> => {
  const fieldOf = new Map(Object.entries(model.names()).map(([field, wire]) => [wire, field]));
  return Object.fromEntries(
    Object.entries(params).map(([wire, value]) => {
      const field = fieldOf.get(wire);
      if (field === undefined) throw new TypeError(`${action}Request has no parameter ${wire}`);
      return [field, value];
    }),
  );
};

/** A client of `sdk` that talks only to `host` (`127.0.0.1:<port>`), signing with `credentials`. */
export const sdkClient = (sdk: string, host: string, credentials: SdkCredentials): SdkClient => {
  if (!/^127\.0\.0\.1:\d+$/.test(host)) {
    throw new TypeError(`an SDK client may only talk to a loopback host, not ${host}`);
  }
  const module = loadSdk(sdk);
  // openapi-core as the SDK itself resolves it, so the Config is the class its client reads.
  const core = createRequire(sdkFile(sdk, 'package.json'))('@alicloud/openapi-core') as { $OpenApiUtil: { Config: new (fields: object) => object } };
  const config = new core.$OpenApiUtil.Config({
    accessKeyId: credentials.accessKeyId,
    accessKeySecret: credentials.accessKeySecret,
    endpoint: host,
    protocol: 'http',
    regionId: 'cn-hangzhou',
    connectTimeout: 5000,
    readTimeout: 10_000,
  });
  const client = new module.default(config) as GeneratedClient;
  return {
    sdk,
    async call(action, params) {
      const model = module[`${action}Request`] as ModelClass | undefined;
      const method = client[lowerFirst(action)];
      if (typeof method !== 'function') {
        throw new TypeError(`${sdk} has no ${action}`);
      }
      // An action without parameters (QueryAccountBalance, GetCallerIdentity) has no request model.
      const request = model === undefined ? undefined : new model(fieldsOf(model, action, params));
      if (model === undefined && Object.keys(params).length > 0) {
        throw new TypeError(`${action} takes no parameters`);
      }
      try {
        const response = await (method as (request?: object) => Promise<{ body?: unknown }>).call(client, request);
        return { ok: true, body: response.body };
      } catch (error: unknown) {
        return { ok: false, error };
      }
    },
    async resolved() {
      const credential = await client._credential?.getCredential();
      return { endpoint: client._endpoint, credentialType: credential?.type, accessKeyId: credential?.accessKeyId };
    },
  };
};
