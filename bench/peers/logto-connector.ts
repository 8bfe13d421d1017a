/**
 * @module peers/logto-connector
 * A Logto SMS connector package as a peer: loaded from its folder by Logto's own loader
 * (demo/logto-host.ts), configured through `getConfig` and sent a SignIn code with no config
 * argument, as Logto core does for a real sign-in. Both this package and
 * `@logto/connector-aliyun-sms` run through here, in two modes: `served`, a new connector from
 * `buildRawConnector` for every send (what Logto does: it reads the package's logo and README each
 * time too), and `reused`, one connector for every send.
 */
import { TemplateType, type SmsConnector } from '@logto/connector-kit';

import { buildConnector, loadFactory } from '../../demo/logto-host.js';
import type { Fixture } from '../fixture.js';
import type { PeerSends } from '../workload.js';

const signIn = (connector: SmsConnector, to: string, code: string) =>
  connector.sendMessage({ to, type: TemplateType.SignIn, payload: { code, locale: 'zh-CN' } });

/** Loads the connector in `packagePath` and returns its sends. */
export const connectorPeer = async (packagePath: string, fixture: Fixture): Promise<PeerSends> => {
  const factory = await loadFactory(packagePath);
  // Logto core reads the stored config from its own cache; both connectors get the same object.
  const getConfig = () => Promise.resolve(fixture.connectorConfig);
  const { connector: reused } = await buildConnector(factory, getConfig);
  return {
    served: async (to, code) => {
      const { connector } = await buildConnector(factory, getConfig);
      await signIn(connector, to, code);
    },
    reused: async (to, code) => {
      await signIn(reused, to, code);
    },
  };
};
