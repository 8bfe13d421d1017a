/**
 * @module peers/logto-connector
 * A Logto SMS connector package as a peer: loaded from its folder by Logto's own loader
 * (demo/logto-host.ts), configured through `getConfig` as Logto core does for a real sign-in,
 * and sent a SignIn code. Both this package and `@logto/connector-aliyun-sms` run through here.
 */
import { TemplateType } from '@logto/connector-kit';

import { loadConnector } from '../../demo/logto-host.js';
import type { Fixture } from '../fixture.js';
import type { Send } from '../workload.js';

/** Loads the connector in `packagePath` and returns its send. */
export const connectorPeer = async (packagePath: string, fixture: Fixture): Promise<Send> => {
  const { connector } = await loadConnector(packagePath, () => Promise.resolve(fixture.connectorConfig));
  return async (to, code) => {
    await connector.sendMessage({ to, type: TemplateType.SignIn, payload: { code, locale: 'zh-CN' } });
  };
};
