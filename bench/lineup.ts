/**
 * @module lineup
 * The peers as the report names them, with the module each one's cold-import time is taken on.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import type { PeerName } from './options.js';

/** One column of the table. */
export type Peer = { name: PeerName; label: string; importEntry: string };

/** Where things are: the package measured as this one, `bench/`, and a built peer file by source path. */
export type Locations = { ours: string; bench: string; built: (source: string) => string };

const versionOf = (packageJson: string): string =>
  (JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: string }).version ?? '?';

/** Folder of the official connector package, as npm installed it for the benchmark. */
export const officialPackage = (bench: string): string => path.join(bench, 'node_modules/@logto/connector-aliyun-sms');

/** The peers in table order. */
export const lineup = ({ ours, bench, built }: Locations): Peer[] => {
  const requireFromBench = createRequire(path.join(bench, 'package.json'));
  const sdkEntry = requireFromBench.resolve('@alicloud/dysmsapi20170525');
  const sdkPackage = path.join(bench, 'node_modules/@alicloud/dysmsapi20170525/package.json');
  return [
    { name: 'ours', label: `connector-aliyun-sms ${versionOf(path.join(ours, 'package.json'))}`, importEntry: path.join(ours, 'lib/index.js') },
    {
      name: 'official',
      label: `@logto/connector-aliyun-sms ${versionOf(path.join(officialPackage(bench), 'package.json'))}`,
      importEntry: path.join(officialPackage(bench), 'lib/index.js'),
    },
    { name: 'sdk', label: `Aliyun SDK (dysmsapi20170525 ${versionOf(sdkPackage)})`, importEntry: sdkEntry },
    { name: 'floor', label: 'node:https floor', importEntry: built('bench/peers/floor.ts') },
  ];
};
