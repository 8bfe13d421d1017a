/**
 * @module config-refusals
 * What the config guard's tests compare: the issues of a refused configuration, one
 * `path: message` line each, as Logto lists them in the Console.
 */
import { ConnectorErrorCodes } from '@logto/connector-kit';
import { expect } from 'vitest';
import type { ZodError } from 'zod';

import { parseConfig } from '../src/config/config.js';

/** The four templates every SendSms configuration needs, with made-up codes. */
export const requiredTemplates = [
  { usageType: 'SignIn', templateCode: 'SMS_1' },
  { usageType: 'Register', templateCode: 'SMS_2' },
  { usageType: 'ForgotPassword', templateCode: 'SMS_3' },
  { usageType: 'Generic', templateCode: 'SMS_4' },
];

/** The messages a refused config produces; fails the test when the config is accepted. */
export const issuesOf = (config: unknown): string[] => {
  try {
    parseConfig(config);
  } catch (error: unknown) {
    expect(error).toMatchObject({ code: ConnectorErrorCodes.InvalidConfig });
    const { issues } = (error as { data: ZodError }).data;
    return issues.map(({ path, message }) => `${path.join('.')}: ${message}`);
  }
  throw new Error('config was accepted');
};
