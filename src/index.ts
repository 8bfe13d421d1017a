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
import { createFailoverMemory } from './failover-memory.js';
import { sendExplainingRefusals } from './send-explanation.js';
import { consoleFailoverNote, sendWithFailover, type FailoverContext, type SentBy } from './send-failover.js';
import type { SendStage } from './send-log/send-log.js';
import { stdoutWriter, writeSendLog, type SendLogWriter } from './send-log/send-log-writer.js';

/**
 * What a successful send resolves with: Aliyun's receipt id and request id, and, when the
 * configuration has a fallback account, which account sent ({@link SentBy}: `account`, and the
 * primary's code when the fallback sent). Logto discards it; a log line of the send can use it.
 */
export type SendReceipt = { BizId?: string; MessageId?: string; RequestId?: string } & Partial<SentBy>;

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
type ProcessState = { client: AliyunClient; readConfig: ReturnType<typeof createConfigReader>; failover: FailoverContext };

const processStates = new WeakMap<ConnectorOptions, ProcessState>();

/**
 * The state of the factory built with `options`. Logto calls the factory (the default export)
 * again for every request that sends and keeps only this module for the process, so the client,
 * with the clock corrections it learns, the validated configurations and the failover memory
 * (which primary accounts to pass over for now) are kept per factory, not per connector instance.
 */
const processStateOf = (options: ConnectorOptions): ProcessState => {
  let state = processStates.get(options);
  if (!state) {
    const { now = () => new Date(), warn = (message: string) => { console.warn(message); } } = options;
    const client = createAliyunClient(options);
    const memory = createFailoverMemory({ now: () => now().getTime() });
    state = { client, readConfig: createConfigReader(), failover: { client, memory, warn } };
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
    const { client, readConfig, failover } = processStateOf(options);
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
        const log = (ending: { receipt: SendReceipt } | { error: unknown }) => {
          writeSendLog(sendLog, logConfig, { startedAt, endedAt: now(), test, type, to, stage, ...(call ? { call } : {}), ...ending });
        };
        const sent = (receipt: SendReceipt): SendReceipt => {
          log({ receipt });
          return receipt;
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
          // The Console's Send (a config argument) explains a refusal from the account and tests the
          // primary account only; sign-ins never explain, and fail over when a fallback is configured.
          if (test) {
            return sent(receiptOf(await sendExplainingRefusals(client, call, validated, consoleFailoverNote(validated))) satisfies SendReceipt);
          }
          const { fallback } = validated;
          if (fallback === undefined) {
            return sent(receiptOf(await client.send(call, validated, validated.timeout)) satisfies SendReceipt);
          }
          const { answer, sentBy, call: sentWith } = await sendWithFailover(failover, { ...validated, fallback }, call, data);
          // The line shows the route of the account that sent.
          call = sentWith;
          return sent({ ...receiptOf(answer), ...sentBy } satisfies SendReceipt);
        } catch (error: unknown) {
          log({ error });
          throw error;
        }
      }),
    });
  };

const createConnector: CreateConnector<SmsConnector> = createAliyunSmsConnector();

export default createConnector;
