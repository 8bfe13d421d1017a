/**
 * The connector configuration that points at a running sandbox: its endpoint and key pair, its
 * first sign name, and for each Logto usage type the registry's mainland and international code
 * templates as a `{ china, overseas }` pair. For an international-site account it also carries
 * the `site`, a registered sender ID, and each template's text as `content` (the international
 * template with `${code}` written as Logto's `{{code}}`). Printed by the CLI, used by the demo,
 * the tests and the benchmark. {@link withFallback} adds a second account of the sandbox as the
 * configuration's `fallback`.
 *
 * @module
 */
import { registryAccounts } from './registry.js';
import type { AccountRegistry, Registry, Template, UsageType } from './registry.js';

/** The usage types the connector requires, in the order operators read them. */
const usageTypes: readonly UsageType[] = ['SignIn', 'Register', 'ForgotPassword', 'Generic'];

/**
 * What {@link connectorConfig} needs from a sandbox: an endpoint, a key pair and the account it
 * belongs to; PNVS goes to `pnvsEndpoint` (the sandbox's PNVS host) when given, else to `endpoint`.
 */
export type SandboxAccess = {
  endpoint: string;
  pnvsEndpoint?: string;
  accessKeyId: string;
  accessKeySecret: string;
  registry: Pick<AccountRegistry, 'signNames' | 'senderIds' | 'templates' | 'pnvs'>;
};

/** The two kinds of Alibaba Cloud account the connector serves. */
export type Site = 'china' | 'international';

/** Aliyun's `${name}` template variables written as Logto's `{{name}}` placeholders. */
const asPlaceholders = (content: string) => content.replaceAll(/\$\{(\w+)\}/g, '{{$1}}');

/** A ready-to-paste connector configuration for this sandbox, for a China-site account by default. */
export function connectorConfig({ endpoint, accessKeyId, accessKeySecret, registry }: SandboxAccess, site: Site = 'china') {
  const templateFor = (usageType: UsageType, scope: Template['scope']) => {
    const template = registry.templates.find((candidate) => candidate.usageType === usageType && candidate.scope === scope);
    if (template === undefined) {
      throw new TypeError(`the registry has no ${scope} ${usageType} template`);
    }
    return template;
  };
  const [signName] = registry.signNames;
  if (signName === undefined) {
    throw new TypeError('the registry needs at least one sign name');
  }
  const templates = usageTypes.map((usageType) => {
    const china = templateFor(usageType, 'mainland');
    const overseas = templateFor(usageType, 'international');
    return {
      usageType,
      templateCode: { china: china.code, overseas: overseas.code },
      ...(site === 'international' ? { content: asPlaceholders(overseas.content) } : {}),
    };
  });
  const [senderId] = registry.senderIds;
  return {
    accessKeyId,
    accessKeySecret,
    signName,
    endpoint,
    templates,
    ...(site === 'international' ? { site, ...(senderId === undefined ? {} : { senderId }) } : {}),
  };
}

/**
 * A China-site configuration that sends mainland numbers through PNVS (on the sandbox's PNVS host) with the registry's first
 * gifted signature and the gifted defaults, and, with `ownSignature` (default), every other number
 * through SendSms with the registry's own signature and templates. Without it, the configuration
 * of an account that has only PNVS: keys, service and gifted signature.
 */
export function pnvsConnectorConfig(access: SandboxAccess, { ownSignature = true }: { ownSignature?: boolean } = {}) {
  const [pnvsSignName] = access.registry.pnvs.signNames;
  if (pnvsSignName === undefined) {
    throw new TypeError('the registry needs at least one PNVS gifted sign name');
  }
  const pnvs = { mainlandService: 'pnvs', pnvsSignName, pnvsEndpoint: access.pnvsEndpoint ?? access.endpoint };
  if (ownSignature) {
    return { ...connectorConfig(access), ...pnvs };
  }
  return { accessKeyId: access.accessKeyId, accessKeySecret: access.accessKeySecret, ...pnvs };
}

/** The endpoint and first key pair of the account named `name` in a sandbox's registry. */
export function accountAccess({ endpoint, registry }: { endpoint: string; registry: Registry }, name: string): SandboxAccess {
  const entry = registryAccounts(registry).find((account) => account.name === name);
  const credential = entry?.credentials[0];
  if (entry === undefined || credential === undefined) {
    throw new TypeError(`the registry has no account named ${name}; it has ${registryAccounts(registry).map((account) => account.name).join(', ')}`);
  }
  return { endpoint, accessKeyId: credential.accessKeyId, accessKeySecret: credential.accessKeySecret, registry: entry };
}

/**
 * `primary` with another account as its `fallback`: an object with the configuration's own keys,
 * holding only those whose value differs from the primary's (an omitted key is the primary's),
 * and the fallback's secret in the top-level `fallbackAccessKeySecret`, never inside `fallback`.
 */
export function withFallback<T extends { accessKeySecret: string }>(primary: T, fallback: SandboxAccess, site: Site = 'china') {
  const { accessKeySecret, ...keys } = connectorConfig(fallback, site);
  const differs = ([name, value]: [string, unknown]) =>
    JSON.stringify(value) !== JSON.stringify((primary as Record<string, unknown>)[name]);
  return { ...primary, fallback: Object.fromEntries(Object.entries(keys).filter(differs)), fallbackAccessKeySecret: accessKeySecret };
}
