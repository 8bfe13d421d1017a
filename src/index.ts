/**
 * @module connector-aliyun-sms
 * Logto SMS connector for Aliyun Short Message Service. Glue only: validate the configuration,
 * plan the API call, send it, return Aliyun's receipt.
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

import { receiptOf } from './aliyun-answer.js';
import { createAliyunClient, type ClientOptions } from './aliyun-client.js';
import { configGuard, parseConfig, type AliyunSmsConfig } from './config.js';
import { withEndUserErrors } from './end-user-error.js';
import { storedConfigError } from './errors.js';
import { metadata } from './metadata.js';
import { planSend } from './route.js';

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

/**
 * Validates configurations, remembering the last valid one by its JSON text: Logto reads the same
 * stored configuration for every send, and validating it costs more than signing the request. An
 * edited configuration has another text and is validated afresh; an invalid one is never kept.
 */
const createConfigReader = () => {
  let last: { text: string; config: AliyunSmsConfig } | undefined;
  return (raw: unknown): AliyunSmsConfig => {
    let text: string | undefined;
    try {
      text = JSON.stringify(raw);
    } catch {
      // Not JSON (a cycle, a BigInt): zod explains what is wrong with it.
    }
    if (text !== undefined && last?.text === text) {
      return last.config;
    }
    const config = parseConfig(raw);
    if (text !== undefined) {
      last = { text, config };
    }
    return config;
  };
};

/**
 * Builds the connector; `options` pins the nonce and clock for tests. Logto calls the default
 * export, which uses a random nonce and the system clock.
 */
export const createAliyunSmsConnector =
  (options: ClientOptions = {}): CreateConnector<SmsConnector> =>
  ({ getConfig }: { getConfig: GetConnectorConfig }) => {
    const client = createAliyunClient(options);
    const readConfig = createConfigReader();
    return Promise.resolve({
      metadata,
      type: ConnectorType.Sms,
      configGuard,
      sendMessage: withEndUserErrors(async (data, config) => {
        assertMessage(data);
        const validated = readConfig(config ?? (await storedConfig(getConfig)));
        const call = planSend(validated, data);
        const answer = await client.send(call, validated, validated.timeout);
        return receiptOf(answer) satisfies SendReceipt;
      }),
    });
  };

const createConnector: CreateConnector<SmsConnector> = createAliyunSmsConnector();

export default createConnector;
