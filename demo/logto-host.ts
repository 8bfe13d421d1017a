/**
 * @module logto-host
 * The part of a Logto instance that touches an SMS connector: its connector loader
 * (`@logto/cli/lib/connector`, the same code Logto core runs) and the Console's Send button.
 * Used by the demo, the end-to-end tests and the benchmark, so all three exercise the package
 * exactly as Logto would.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { buildRawConnector, loadConnectorFactories } from '@logto/cli/lib/connector/index.js';
import { TemplateType, type ConnectorMetadata, type ConnectorType, type SmsConnector } from '@logto/connector-kit';

/** This repository's root: a connector package whose `lib/` was built by `npm run build`. */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A connector as Logto holds it after loading. */
export type LoadedConnector = {
  connector: SmsConnector;
  type: ConnectorType;
  /** The metadata as Logto serves it: logo inlined as a data URL, README read from the package. */
  metadata: ConnectorMetadata;
};

/** A connector package as Logto's loader keeps it for the process: its factory. */
export type ConnectorFactory = Awaited<ReturnType<typeof loadConnectorFactories>>[number];

/**
 * Loads one connector package from a folder the way Logto does at start-up: checks its
 * `@logto/connector-kit` range, imports `lib/index.js` and validates the module. Logto's loader
 * caches what it loaded per process, so one process loads one set of packages.
 */
export const loadFactory = async (packagePath: string = packageRoot): Promise<ConnectorFactory> => {
  const factories = await loadConnectorFactories([{ name: path.basename(packagePath), path: packagePath }], false);
  const [factory] = factories;
  if (!factory) {
    throw new Error(`Logto's loader skipped ${packagePath}; its log line above says why`);
  }
  return factory;
};

/** Receives each line of the package's send log. */
export type SendLogWriter = (line: string) => void;

/**
 * The factory with the send log going to `write` instead of Logto's standard output: the loaded
 * package's own `createAliyunSmsConnector({ sendLog })` in place of its default export (which is
 * the same factory with the log on stdout). Everything else stays as Logto's loader left it, so
 * sends still go through Logto's `buildRawConnector`.
 */
export const withSendLog = async (factory: ConnectorFactory, write: SendLogWriter): Promise<ConnectorFactory> => {
  const loaded = (await import(pathToFileURL(path.join(factory.path, 'lib', 'index.js')).href)) as {
    createAliyunSmsConnector: (options: { sendLog: SendLogWriter }) => ConnectorFactory['createConnector'];
  };
  return { ...factory, createConnector: loaded.createAliyunSmsConnector({ sendLog: write }) };
};

/** What Logto does with a factory for every request that uses a connector: a new instance, and its metadata read from the package. */
export const buildConnector = async (
  factory: ConnectorFactory,
  getConfig: (id: string) => Promise<unknown> = () => Promise.reject(new Error('no stored config'))
): Promise<LoadedConnector> => {
  const { rawConnector, rawMetadata } = await buildRawConnector(factory, getConfig);
  return { connector: rawConnector as SmsConnector, type: factory.type, metadata: rawMetadata };
};

/** Loads a package (see {@link loadFactory}) and builds one connector from it. */
export const loadConnector = async (
  packagePath: string = packageRoot,
  getConfig?: (id: string) => Promise<unknown>
): Promise<LoadedConnector> => buildConnector(await loadFactory(packagePath), getConfig);

/**
 * A connector whose every `sendMessage` runs on a fresh instance built from the factory, as Logto
 * serves sends (core's `getLogtoConnectors` and the Console's test route call `buildRawConnector`
 * per request); the other members come from a first instance.
 */
export const connectorPerSend = async (
  factory: ConnectorFactory,
  getConfig?: (id: string) => Promise<unknown>
): Promise<SmsConnector> => {
  const { connector } = await buildConnector(factory, getConfig);
  return {
    ...connector,
    sendMessage: async (data, config) => (await buildConnector(factory, getConfig)).connector.sendMessage(data, config),
  };
};

/** What the Console's Send button does: a Generic message with code 000000, using the unsaved form. */
export const pressSend = (connector: SmsConnector, to: string, config: unknown, locale = 'zh-CN') =>
  connector.sendMessage({ to, type: TemplateType.Generic, payload: { code: '000000', locale } }, config);
