/**
 * The connector configuration that points at a running sandbox: its endpoint and key pair, its
 * first sign name, and for each Logto usage type the registry's mainland and international code
 * templates as a `{ china, overseas }` pair. Printed by the CLI, used by the demo and the tests.
 *
 * @module
 */
import type { Registry, UsageType } from './registry.js';

/** The usage types the connector requires, in the order operators read them. */
const usageTypes: readonly UsageType[] = ['SignIn', 'Register', 'ForgotPassword', 'Generic'];

/** What {@link connectorConfig} needs from a sandbox. */
export type SandboxAccess = { endpoint: string; accessKeyId: string; accessKeySecret: string; registry: Registry };

/** A ready-to-paste connector configuration for this sandbox. */
export function connectorConfig({ endpoint, accessKeyId, accessKeySecret, registry }: SandboxAccess) {
  const codeFor = (usageType: UsageType, scope: 'mainland' | 'international') =>
    registry.templates.find((template) => template.usageType === usageType && template.scope === scope)?.code;
  const [signName] = registry.signNames;
  if (signName === undefined) {
    throw new TypeError('the registry needs at least one sign name');
  }
  return {
    accessKeyId,
    accessKeySecret,
    signName,
    endpoint,
    templates: usageTypes.map((usageType) => {
      const china = codeFor(usageType, 'mainland');
      const overseas = codeFor(usageType, 'international');
      if (china === undefined || overseas === undefined) {
        throw new TypeError(`the registry needs a mainland and an international ${usageType} template`);
      }
      return { usageType, templateCode: { china, overseas } };
    }),
  };
}
