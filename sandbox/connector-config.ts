/**
 * The connector configuration that points at a running sandbox: its endpoint and key pair, its
 * first sign name, and for each Logto usage type the registry's mainland and international code
 * templates as a `{ china, overseas }` pair. For an international-site account it also carries
 * the `site`, a registered sender ID, and each template's text as `content` (the international
 * template with `${code}` written as Logto's `{{code}}`). Printed by the CLI, used by the demo,
 * the tests and the benchmark.
 *
 * @module
 */
import type { Registry, Template, UsageType } from './registry.js';

/** The usage types the connector requires, in the order operators read them. */
const usageTypes: readonly UsageType[] = ['SignIn', 'Register', 'ForgotPassword', 'Generic'];

/** What {@link connectorConfig} needs from a sandbox; PNVS goes to `pnvsEndpoint` when given, else to `endpoint`. */
export type SandboxAccess = { endpoint: string; pnvsEndpoint?: string; accessKeyId: string; accessKeySecret: string; registry: Registry };

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
