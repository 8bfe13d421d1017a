/**
 * The default registry and the registry checks: a broken config file must fail at start-up with
 * a message naming the field.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { loadRegistry, parseRegistry } from './registry.js';
import { templateVariables } from './template-params.js';

describe('registry.default.json', () => {
  it('has a demo credential, a Chinese and an ASCII sign name, sender IDs', async () => {
    const registry = await loadRegistry();
    expect(registry.credentials[0]?.accessKeyId).toBe('LTAI5tSandboxDemoKeyId');
    expect(registry.signNames).toEqual(expect.arrayContaining(['Logto沙箱', 'LogtoSandbox']));
    expect(registry.intlSignNames.length).toBeGreaterThan(0);
    expect(registry.senderIds.length).toBeGreaterThan(0);
  });

  it.each(['mainland', 'international'] as const)('has a %s code template for every usage type', async (scope) => {
    const registry = await loadRegistry();
    const usages = registry.templates
      .filter((template) => template.scope === scope && template.kind === 'code')
      .map(({ usageType }) => usageType);
    expect(usages).toEqual(expect.arrayContaining(['SignIn', 'Register', 'ForgotPassword', 'Generic']));
  });

  it('has English content in international templates, one variable in code templates', async () => {
    const registry = await loadRegistry();
    for (const template of registry.templates) {
      if (template.scope === 'international') {
        expect(template.content).toMatch(/^[\x20-\x7e]+$/);
      }
      if (template.kind === 'code') {
        expect(templateVariables(template.content)).toEqual(['code']);
      }
    }
  });
});

describe('parseRegistry', () => {
  const minimal = {
    credentials: [{ accessKeyId: 'id', accessKeySecret: 'secret' }],
    signNames: ['S'],
    templates: [{ code: 'SMS_1', name: 'n', scope: 'mainland', kind: 'code', content: '${code}' }],
  };

  it('fills optional lists', () => {
    expect(parseRegistry(minimal)).toMatchObject({ intlSignNames: [], senderIds: [] });
  });

  it.each([
    ['not an object', [], 'registry must be an object'],
    ['no credentials', { ...minimal, credentials: [] }, 'registry.credentials must hold at least one AccessKey pair'],
    ['empty secret', { ...minimal, credentials: [{ accessKeyId: 'id', accessKeySecret: '' }] }, 'registry.credentials[0].accessKeySecret must be a non-empty string'],
    ['sign names not a list', { ...minimal, signNames: 'S' }, 'registry.signNames must be an array'],
    ['bad scope', { ...minimal, templates: [{ ...minimal.templates[0], scope: 'global' }] }, 'registry.templates[0].scope must be one of mainland, international'],
    ['code template with two variables', { ...minimal, templates: [{ ...minimal.templates[0], content: '${a}${b}' }] }, 'registry.templates[0].content must have exactly one ${variable} for a code template'],
    ['duplicate template code', { ...minimal, templates: [minimal.templates[0], minimal.templates[0]] }, 'registry.templates has two templates with code SMS_1'],
    ['bad usage type', { ...minimal, templates: [{ ...minimal.templates[0], usageType: 'Login' }] }, 'registry.templates[0].usageType must be one of SignIn, Register, ForgotPassword, Generic'],
  ])('refuses %s', (_why, value, message) => {
    expect(() => parseRegistry(value)).toThrow(new TypeError(message));
  });
});
