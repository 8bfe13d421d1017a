/**
 * Regenerates `docs/inbox.png`: `tsx sandbox/screenshot.ts`. Starts a sandbox, sends a few
 * messages to four numbers (one through the international site, one through PNVS), and photographs the inbox
 * with Debian's Chromium (`apt-get install chromium fonts-noto-cjk`).
 *
 * @module
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startSandbox } from './index.js';
import { callSandbox, sendSms } from './test-client.js';

const output = fileURLToPath(new URL('../docs/inbox.png', import.meta.url));

const sandbox = await startSandbox({ flowControl: false });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const sends = [
    () => sendSms(sandbox, { PhoneNumbers: '13800138000', SignName: 'Logto沙箱', TemplateCode: 'SMS_460100001', TemplateParam: '{"code":"482913"}' }),
    () => sendSms(sandbox, { PhoneNumbers: '16502530000', SignName: 'LogtoSandbox', TemplateCode: 'SMS_460200002', TemplateParam: '{"code":"209384"}' }),
    () => callSandbox(sandbox, {
      Action: 'SendMessageToGlobe', Version: '2018-05-01', To: '85291234567', From: 'Logto', Type: 'OTP',
      Message: 'Your Logto verification code is 551177. It expires in 5 minutes.',
    }),
    () => sendSms(sandbox, { PhoneNumbers: '+8613800138000', SignName: 'Logto沙箱', TemplateCode: 'SMS_460100003', TemplateParam: '{"code":"770215"}' }),
    () => callSandbox(sandbox, {
      Action: 'SendSmsVerifyCode', Version: '2017-05-25', PhoneNumber: '13900139000', CountryCode: '86',
      SignName: '速通互联验证码', TemplateCode: '100001', TemplateParam: '{"code":"318406","min":"10"}',
    }),
  ];
  for (const send of sends) {
    const reply = await send();
    if (reply.status !== 200) {
      throw new Error(`send failed: ${reply.text}`);
    }
    sandbox.clock.advance(47_000);
  }
  const page = await browser.newPage({ viewport: { width: 1280, height: 700 } });
  await page.goto(`${sandbox.endpoint}/`);
  await page.getByTestId('message').nth(sends.length - 1).waitFor();
  mkdirSync(fileURLToPath(new URL('../docs/', import.meta.url)), { recursive: true });
  await page.screenshot({ path: output });
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
  await sandbox.close();
}
