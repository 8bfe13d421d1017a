/**
 * The sandbox inbox page in a real browser (Debian's Chromium through playwright-core): codes sent
 * through the built connector appear without a reload, grouped per phone number, newest first, and
 * Clear empties the inbox.
 *
 * Needs `/usr/bin/chromium` (`apt-get install chromium`, or `CHROMIUM_PATH`): without it every test
 * here is skipped locally, with the reason, and fails when `CI` is set.
 *
 * @module
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { TemplateType } from '@logto/connector-kit';

import createConnector from '../lib/index.js';
import { connectorConfig, pnvsConnectorConfig, type Site } from '../sandbox/connector-config.js';
import { startSandbox } from '../sandbox/index.js';
import type { Sandbox } from '../sandbox/index.js';

/** Debian's Chromium; `CHROMIUM_PATH` points elsewhere (and lets the missing-browser paths be tried). */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
const artifacts = new URL('.artifacts/', import.meta.url);

/**
 * Lets a test run only with Chromium: without it, skipped locally with the reason, failed under
 * CI, where a missing browser means the inbox page went untested.
 */
const needChromium = (context: TestContext) => {
  if (hasChromium) {
    return;
  }
  const reason = `Chromium not found at ${chromiumPath}: apt-get install chromium, or set CHROMIUM_PATH`;
  if (process.env.CI) {
    throw new Error(`${reason} (CI is set, so the inbox page test may not be skipped)`);
  }
  context.skip(reason);
};

let sandbox: Sandbox | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!hasChromium) {
    return;
  }
  sandbox = await startSandbox({ flowControl: false });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

/** Sends a SignIn code the way Logto does: through the built connector. */
const sendCode = async (target: Sandbox, phone: string, code: string, site: Site = 'china') => {
  const { sendMessage } = await createConnector({ getConfig: () => Promise.resolve(connectorConfig(target, site)) });
  await sendMessage({ to: phone, type: TemplateType.SignIn, payload: { code } });
};

const phones = (page: Page) => page.getByTestId('phone-group').getByTestId('phone').allTextContents();

describe('inbox page', () => {
  it('shows messages live, grouped per number, newest first; Clear empties it', async (context) => {
    needChromium(context);
    const target = sandbox!;
    const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${target.endpoint}/`);
    await page.getByTestId('empty').waitFor();
    // Survives only if the page is never reloaded.
    await page.evaluate('window.inboxMarker = 42');

    await sendCode(target, '13800138000', '482913');
    await page.getByTestId('code').filter({ hasText: '482913' }).waitFor({ timeout: 5000 });
    expect(await phones(page)).toEqual(['+86 138 0013 8000']);

    await sendCode(target, '85291234567', '551177', 'international');
    await expect.poll(() => phones(page), { timeout: 5000 }).toEqual(['+85291234567', '+86 138 0013 8000']);

    await sendCode(target, '+8613800138000', '770215');
    await expect.poll(() => phones(page), { timeout: 5000 }).toEqual(['+86 138 0013 8000', '+85291234567']);
    const mainland = page.getByTestId('phone-group').first();
    expect(await mainland.getByTestId('code').allTextContents()).toEqual(['770215', '482913']);
    expect(await mainland.getByTestId('text').first().textContent()).toBe(
      '【Logto沙箱】您的登录验证码为770215，5分钟内有效，请勿泄露给他人。',
    );
    expect(await mainland.getByTestId('meta').first().textContent()).toContain('SMS_460100001');
    expect(await page.getByTestId('phone-group').nth(1).getByTestId('code').textContent()).toBe('551177');
    expect(await page.evaluate('window.inboxMarker')).toBe(42);

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: new URL('inbox.png', artifacts).pathname, fullPage: true });

    await page.getByTestId('clear').click();
    await page.getByTestId('empty').waitFor({ timeout: 5000 });
    expect(await page.getByTestId('message').count()).toBe(0);
    expect(target.outbox.list()).toEqual([]);
    await page.close();
  });

  it('shows a PNVS message with its service', async (context) => {
    needChromium(context);
    const target = sandbox!;
    const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${target.endpoint}/`);
    const { sendMessage } = await createConnector({ getConfig: () => Promise.resolve(pnvsConnectorConfig(target)) });
    await sendMessage({ to: '8613900139000', type: TemplateType.SignIn, payload: { code: '864213' } });
    const message = page.getByTestId('message').filter({ hasText: '864213' });
    await message.waitFor({ timeout: 5000 });
    expect(await message.getByTestId('meta').textContent()).toBe('【速通互联验证码】100001china · PNVS (dypnsapi) · SendSmsVerifyCode · account primary');
    await page.close();
  });
});
