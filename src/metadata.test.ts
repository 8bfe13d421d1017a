import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { ConnectorConfigFormItemType, connectorMetadataGuard, TemplateType } from '@logto/connector-kit';
import { parseMetadata } from '@logto/cli/lib/connector/index.js';
import { describe, expect, it } from 'vitest';

import { configGuard, configShape } from './config/config.js';
import { metadata } from './metadata.js';

describe('metadata', () => {
  it("passes connector-kit's own metadata guard", () => {
    expect(connectorMetadataGuard.safeParse(metadata).success).toBe(true);
  });

  it('has its own id, so it installs next to the official connector', () => {
    expect(metadata.id).not.toBe('aliyun-short-message-service');
    expect(metadata.platform).toBeNull();
    expect(metadata.readme).toBe('./docs/console-guide.md');
  });

  it("carries logo.svg as the data URL Logto's loader would make of it, so the loader reads no logo file", async () => {
    const svg = readFileSync(new URL('../logo.svg', import.meta.url));
    expect(metadata.logo).toBe(`data:image/svg+xml;base64,${svg.toString('base64')}`);
    // What the Console receives: the loader passes a logo that is not a file in the package through.
    const root = fileURLToPath(new URL('..', import.meta.url));
    const fromFile = await parseMetadata({ ...metadata, logo: './logo.svg' }, root);
    expect((await parseMetadata(metadata, root)).logo).toBe(fromFile.logo);
  });

  it.each(['en', 'zh-CN', 'zh-TW', 'ja', 'ko', 'es', 'pt-BR'] as const)('names and describes itself in %s', (language) => {
    expect(metadata.name[language]).toBeTruthy();
    expect(metadata.description[language]).toBeTruthy();
  });

  it('has a form item, with label and description, for every configuration key', () => {
    const keys = metadata.formItems?.map(({ key }) => key) ?? [];
    expect(keys.toSorted()).toEqual(Object.keys(configShape.shape).toSorted());
    for (const item of metadata.formItems ?? []) {
      expect([item.key, Boolean(item.label), Boolean(item.description)]).toEqual([item.key, true, true]);
    }
  });

  it('marks the secret confidential', () => {
    expect(metadata.formItems?.find(({ key }) => key === 'accessKeySecret')).toMatchObject({ isConfidential: true });
  });

  it('offers a templates default listing every TemplateType, and one entry for a language', () => {
    const templates = metadata.formItems?.find(({ key }) => key === 'templates');
    expect(templates?.type).toBe(ConnectorConfigFormItemType.Json);
    const defaults = templates?.defaultValue as Array<{ usageType: string; locales?: string[] }>;
    expect(defaults.filter(({ locales }) => locales === undefined).map(({ usageType }) => usageType)).toEqual(Object.values(TemplateType));
    expect(defaults.filter(({ locales }) => locales !== undefined)).toEqual([
      { usageType: TemplateType.SignIn, locales: ['en'], templateCode: '<template-code>' },
    ]);
  });

  it('the templates default passes the guard once each <template-code> is filled in', () => {
    const templates = metadata.formItems?.find(({ key }) => key === 'templates')?.defaultValue as unknown[];
    const filled = JSON.parse(JSON.stringify(templates).replaceAll('<template-code>', 'SMS_123456789')) as unknown;
    const config = { accessKeyId: 'LTAI5tFakeKeyId', accessKeySecret: 'fakeSecret', signName: '阿里云短信测试', templates: filled };
    expect(configGuard.safeParse(config).error?.issues).toBeUndefined();
  });

  it('ships a logo that is a well-formed SVG', () => {
    const svg = readFileSync(new URL('../logo.svg', import.meta.url), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 64 64"/);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
  });
});
