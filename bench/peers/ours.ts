/**
 * @module peers/ours
 * This package, built into `lib/` by `npm run build`, loaded through Logto's loader with its
 * `endpoint` left at the default `https://dysmsapi.aliyuncs.com`.
 */
import type { Fixture } from '../fixture.js';
import type { PeerSends } from '../workload.js';
import { connectorPeer } from './logto-connector.js';

/** This package's send. */
export const createPeer = (fixture: Fixture): Promise<PeerSends> => connectorPeer(fixture.packages.ours, fixture);
