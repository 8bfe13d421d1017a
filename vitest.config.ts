import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'sandbox/**/*.test.ts', 'test/**/*.test.ts'],
    // End-to-end suites start servers and a browser; give them room on a busy two-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Installs each Logto release's loader (test/compat) and Aliyun's SDKs (test/aliyun-sdk) from their lockfiles, once.
    globalSetup: ['test/global-setup.ts'],
    // The send log's lines (docs/send-log.md) of every send the suites make through the default
    // export: tests that read them capture them (test/harness.ts, the sendLog option); here they
    // would only bury the report.
    onConsoleLog: (log) => !log.startsWith('event=aliyun-sms.send '),
  },
});
