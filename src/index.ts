/**
 * @module connector-aliyun-sms
 * Logto SMS connector for Aliyun Short Message Service. Glue only: validate the configuration,
 * plan the API call, send it, return Aliyun's receipt, and write the send's line to the send log.
 */
import {
  ConnectorError,
  ConnectorErrorCodes,
  ConnectorType,
  type CreateConnector,
  type GetConnectorConfig,
  type SendMessageData,
  type SmsConnector,
} from '@logto/connector-kit';

import { receiptOf } from './aliyun/aliyun-answer.js';
import { createAliyunClient, type AliyunClient, type ClientOptions } from './aliyun/aliyun-client.js';
import { BoundedMap } from './bounded-map.js';
import { configGuard, parseConfig, type AliyunSmsConfig } from './config/config.js';
import { isConsoleSend, withEndUserErrors } from './end-user-error.js';
import { storedConfigError } from './aliyun/errors.js';
import { metadata } from './metadata.js';
import { planSend, type ApiCall } from './plan/route.js';
import { sendExplainingRefusals } from './send-explanation.js';
import type { SendStage } from './send-log/send-log.js';
import { stdoutWriter, writeSendLog, type SendLogWriter } from './send-log/send-log-writer.js';

/** What a successful send resolves with: Aliyun's receipt id and request id. */
export type SendReceipt = { BizId?: string; RequestId?: string };

/** Refuses, before anything is sent, a `data` that is not shaped like Logto's. */
function assertMessage(data: unknown): asserts data is SendMessageData {
  const { to, type, payload } = (data ?? {}) as Partial<Record<string, unknown>>;
  if (typeof to !== 'string' || typeof type !== 'string' || typeof payload !== 'object' || payload === null) {
    throw new ConnectorError(
      ConnectorErrorCodes.InvalidRequestParameters,
      'sendMessage needs { to: string, type: string, payload: object }.'
    );
  }
}

/** The stored configuration; a failure to read it is reported as a `ConnectorError` like every other. */
const storedConfig = async (getConfig: GetConnectorConfig): Promise<unknown> => {
  try {
    return await getConfig(metadata.id);
  } catch (error: unknown) {
    if (error instanceof ConnectorError) {
      throw error;
    }
    throw storedConfigError(error);
  }
};

/** How many validated configurations a process keeps: far more than the tenants' configs in daily use. */
const configCacheLimit = 64;

/**
 * Validates configurations, remembering valid ones by their JSON text: Logto reads the stored
 * configuration afresh for every send, and validating it costs more than signing the request. An
 * edited configuration has another text and is validated afresh; an invalid one is never kept.
 */
const createConfigReader = () => {
  const validated = new BoundedMap<string, AliyunSmsConfig>(configCacheLimit);
  return (raw: unknown): AliyunSmsConfig => {
    let text: string | undefined;
    try {
      text = JSON.stringify(raw);
    } catch {
      // Not JSON (a cycle, a BigInt): zod explains what is wrong with it.
    }
    const known = text === undefined ? undefined : validated.get(text);
    if (known) {
      return known;
    }
    const config = parseConfig(raw);
    if (text !== undefined) {
      validated.set(text, config);
    }
    return config;
  };
};

/**
 * What {@link createAliyunSmsConnector} takes: the client's nonce, clock and warnings, and where
 * the send log's lines go (Logto's standard output unless a test captures them).
 */
export type ConnectorOptions = ClientOptions & { sendLog?: SendLogWriter };

/** What the connectors of one factory share for the whole process. */
type ProcessState = { client: AliyunClient; readConfig: ReturnType<typeof createConfigReader> };

const processStates = new WeakMap<ConnectorOptions, ProcessState>();

/**
 * The state of the factory built with `options`. Logto calls the factory (the default export)
 * again for every request that sends and keeps only this module for the process, so the client,
 * with the clock corrections it learns, and the validated configurations are kept per factory,
 * not per connector instance.
 */
const processStateOf = (options: ConnectorOptions): ProcessState => {
  let state = processStates.get(options);
  if (!state) {
    state = { client: createAliyunClient(options), readConfig: createConfigReader() };
    processStates.set(options, state);
  }
  return state;
};

/**
 * Builds the connector; `options` pins the nonce and clock and captures the send log for tests.
 * Logto calls the default export, which uses a random nonce and the system clock and logs to stdout.
 */
export const createAliyunSmsConnector =
  (options: ConnectorOptions = {}): CreateConnector<SmsConnector> =>
  ({ getConfig }: { getConfig: GetConnectorConfig }) => {
    const { client, readConfig } = processStateOf(options);
    const { now = () => new Date(), sendLog = stdoutWriter } = options;
    return Promise.resolve({
      metadata,
      type: ConnectorType.Sms,
      configGuard,
      sendMessage: withEndUserErrors(async (data, config) => {
        const startedAt = now();
        const test = isConsoleSend(config);
        const { type, to } = (data ?? {}) as Partial<Record<string, unknown>>;
        // How far the send got, for its line in the send log.
        let stage: SendStage = 'message';
        // The configuration the line reads its switch and secret from: the validated one once there is one.
        let logConfig: unknown = config;
        let call: ApiCall | undefined;
        const log = (ending: { receipt: Record<string, string> } | { error: unknown }) => {
          writeSendLog(sendLog, logConfig, { startedAt, endedAt: now(), test, type, to, stage, ...(call ? { call } : {}), ...ending });
        };
        try {
          assertMessage(data);
          stage = 'config';
          logConfig = config ?? (await storedConfig(getConfig));
          const validated = readConfig(logConfig);
          logConfig = validated;
          stage = 'plan';
          call = planSend(validated, data);
          stage = 'send';
          // The Console's Send (a config argument) explains a refusal from the account; sign-ins never do.
          const answer = test ? await sendExplainingRefusals(client, call, validated) : await client.send(call, validated, validated.timeout);
          const receipt = receiptOf(answer) satisfies SendReceipt;
          log({ receipt });
          return receipt;
        } catch (error: unknown) {
          log({ error });
          throw error;
        }
      }),
    });
  };

const createConnector: CreateConnector<SmsConnector> = createAliyunSmsConnector();

export default createConnector;
