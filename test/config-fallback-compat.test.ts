/**
 * The fallback keys are optional and additive: every configuration without them gets from the
 * guard what it got before they existed. Compared with a frozen copy of the guard from before
 * (fixtures/config-guard-frozen, the guard as it stood before the fallback keys), on configurations
 * built from a valid one with each key kept, left out or given another value, and on anything at all.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { configGuard } from '../src/config/config.js';
import { requiredTemplates } from './config-refusals.js';
import { configGuard as frozenGuard } from './fixtures/config-guard-frozen/config-guard.js';
import { propertyOptions } from './property-runs.js';

const valid: Record<string, unknown> = {
  accessKeyId: 'LTAI5tFakeKeyId',
  accessKeySecret: 'fakeSecret',
  signName: '阿里云短信测试',
  templates: requiredTemplates,
};

/** Values a key may hold, right or wrong for it. */
const other = fc.constantFrom<unknown>(
  null, '', ' ', 0, 5000, 10_000, '10s', true, false, [], {}, ['86'], ['86', '852'], 'china', 'international', 'sms', 'pnvs',
  '速通互联验证码', 'SMS_1', 'https://dysmsapi.aliyuncs.com', 'http://127.0.0.1:8787', 'Logto', 10,
  [{ usageType: 'SignIn', templateCode: '100001' }], [{ usageType: 'Generic', templateCode: { china: 'SMS_1', overseas: 'SMS_2' } }]
);

const keys = [
  'accessKeyId', 'accessKeySecret', 'signName', 'templates', 'site', 'senderId', 'endpoint', 'timeout', 'mainlandService',
  'pnvsSignName', 'pnvsCodeValidMinutes', 'pnvsSchemeName', 'pnvsEndpoint', 'allowedRegionCodes', 'strictPhoneRegionNumberCheck',
];

/** A configuration without fallback keys: each key as in the valid one, left out, or another value. */
const configWithoutFallback = fc
  .tuple(...keys.map((key) => fc.oneof({ arbitrary: fc.constant(valid[key]), weight: 12 }, { arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: other, weight: 1 })))
  .map((values) => Object.fromEntries(keys.flatMap((key, index) => (values[index] === undefined ? [] : [[key, values[index]]]))));

describe('configurations without a fallback', () => {
  it('get the same verdict and the same parsed configuration as before the fallback keys existed', () => {
    fc.assert(
      fc.property(fc.oneof({ arbitrary: configWithoutFallback, weight: 9 }, { arbitrary: fc.anything(), weight: 1 }), (config) => {
        const before = frozenGuard.safeParse(config);
        const now = configGuard.safeParse(config);
        expect(now.success).toBe(before.success);
        if (now.success && before.success) {
          expect(now.data).toStrictEqual(before.data);
        } else {
          expect(now.error?.issues).toEqual(before.error?.issues);
        }
      }),
      propertyOptions({ numRuns: 1000 })
    );
  });

  it('the generated configurations are accepted and refused both, often', () => {
    const verdicts = fc.sample(configWithoutFallback, { numRuns: 1000, seed: 28 }).map((config) => configGuard.safeParse(config).success);
    expect(verdicts.filter(Boolean).length).toBeGreaterThan(100);
    expect(verdicts.filter((accepted) => !accepted).length).toBeGreaterThan(100);
  });
});
