/**
 * @module peers/official
 * Logto's official `@logto/connector-aliyun-sms` (latest, from `bench/node_modules`), loaded through
 * the same loader. It posts to its hard-coded `https://dysmsapi.aliyuncs.com/` with `Format=json`,
 * and sends the whole payload minus `locale` as `TemplateParam`.
 */
import type { Fixture } from '../fixture.js';
import type { PeerSends } from '../workload.js';
import { connectorPeer } from './logto-connector.js';

/** The official connector's send. */
export const createPeer = (fixture: Fixture): Promise<PeerSends> => connectorPeer(fixture.packages.official, fixture);
