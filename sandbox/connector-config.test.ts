/**
 * The connector configuration with a second account as its `fallback`: an object holding only the
 * keys whose value differs from the primary's (an omitted key is the primary's), the fallback's
 * secret in the top-level `fallbackAccessKeySecret` and never inside `fallback`.
 *
 * @module
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { accountAccess, connectorConfig, withFallback } from './connector-config.js';
import { loadRegistry } from './registry.js';
import type { Registry } from './registry.js';

let registry: Registry;
beforeAll(async () => {
  registry = await loadRegistry();
});
const endpoint = 'http://127.0.0.1:8787';
const primary = () => ({ endpoint, accessKeyId: 'LTAI5tSandboxDemoKeyId', accessKeySecret: 'SandboxDemoSecretNotARealKey00', registry });

describe('withFallback', () => {
  it('China site: the backup’s key, signature and templates; the endpoint is the primary’s', () => {
    const config = withFallback(connectorConfig(primary()), accountAccess({ endpoint, registry }, 'backup'));
    expect(config.fallback).toEqual({
      accessKeyId: 'LTAI5tSandboxBackupKeyId',
      signName: 'Logto备用',
      templates: [
        { usageType: 'SignIn', templateCode: { china: 'SMS_560100001', overseas: 'SMS_560200001' } },
        { usageType: 'Register', templateCode: { china: 'SMS_560100002', overseas: 'SMS_560200002' } },
        { usageType: 'ForgotPassword', templateCode: { china: 'SMS_560100003', overseas: 'SMS_560200003' } },
        { usageType: 'Generic', templateCode: { china: 'SMS_560100004', overseas: 'SMS_560200004' } },
      ],
    });
    expect(config.fallbackAccessKeySecret).toBe('SandboxBackupSecretNotARealKey0');
    expect(JSON.stringify(config.fallback)).not.toContain('Secret');
    expect(config).toMatchObject(connectorConfig(primary()));
  });

  it('international site: the backup’s sender ID and template texts too, not the site both share', () => {
    const config = withFallback(connectorConfig(primary(), 'international'), accountAccess({ endpoint, registry }, 'backup'), 'international');
    expect(Object.keys(config.fallback).sort()).toEqual(['accessKeyId', 'senderId', 'signName', 'templates']);
    expect(config.fallback).toMatchObject({ senderId: 'LogtoBackup', templates: expect.arrayContaining([expect.objectContaining({ usageType: 'SignIn', content: 'Your sign-in code: {{code}}. Valid for 5 minutes.' })]) as unknown });
  });

  it('a fallback on another endpoint names it', () => {
    const other = { ...accountAccess({ endpoint, registry }, 'backup'), endpoint: 'http://127.0.0.1:9999' };
    expect(withFallback(connectorConfig(primary()), other).fallback).toMatchObject({ endpoint: 'http://127.0.0.1:9999' });
  });

  it('an account the registry lacks is refused with the names it has', () => {
    expect(() => accountAccess({ endpoint, registry }, 'spare')).toThrow(new TypeError('the registry has no account named spare; it has primary, backup'));
  });
});
