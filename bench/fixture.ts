/**
 * @module fixture
 * What every peer is given, identical for all: the sandbox's AccessKey pair, sign name and
 * SignIn templates, and the connector configuration both Logto connectors read. bench/main.ts
 * builds it once from the sandbox registry and hands it to each peer process as JSON. Imports
 * nothing, so peer processes load no sandbox code.
 */
/** The benchmark's shared inputs. */
export type Fixture = {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  /** The SignIn template codes: mainland and international. */
  templateCode: { china: string; overseas: string };
  /** Configuration for both connectors; no `endpoint`, so ours keeps `https://dysmsapi.aliyuncs.com`. */
  connectorConfig: Record<string, unknown>;
  /** Package folders Logto's loader loads (this repository, the official connector) and `bench/`, whose `node_modules` holds the peers. */
  packages: { ours: string; official: string; bench: string };
};

/** Environment variable that carries the fixture to a peer process. */
export const fixtureVariable = 'BENCH_FIXTURE';

/** The fixture a peer process was started with. */
export const fixtureFromEnvironment = (): Fixture => {
  const text = process.env[fixtureVariable];
  if (text === undefined) {
    throw new Error(`${fixtureVariable} is not set; peer processes are started by bench/main.ts`);
  }
  return JSON.parse(text) as Fixture;
};
