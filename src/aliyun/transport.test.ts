import { got, Options, type Got } from 'got';
import { describe, expect, it } from 'vitest';

import { createTransport, withoutCacheOptions } from './transport.js';

describe('withoutCacheOptions', () => {
  const nativeOptionKeys = (instance: Got) =>
    Object.keys(new Options('https://dysmsapi.aliyuncs.com/', {}, instance.defaults.options).createNativeRequestOptions());

  it("drops got's unset cacheOptions from the options every request is built with", () => {
    const unset = ['shared', 'cacheHeuristic', 'immutableMinTimeToLive', 'ignoreCargoCult'];
    expect(nativeOptionKeys(got.extend({ mutableDefaults: true }))).toEqual(expect.arrayContaining(unset));
    const lean = nativeOptionKeys(withoutCacheOptions(got.extend({ mutableDefaults: true })));
    expect(lean.filter((key) => unset.includes(key))).toEqual([]);
    expect(lean).toEqual(expect.arrayContaining(['agent', 'headers', 'method', 'checkServerIdentity']));
  });

  it('is applied to the transport every send uses', async () => {
    const { http } = createTransport(await import('got'));
    const { options } = (http as unknown as Got).defaults;
    expect(Object.keys(options.cacheOptions)).toEqual([]);
    expect([options.method, options.isStream, options.decompress, options.followRedirect, options.retry.limit]).toEqual([
      'POST',
      true,
      false,
      false,
      0,
    ]);
  });

  it('keeps a cache option that was set', () => {
    const instance = withoutCacheOptions(got.extend({ mutableDefaults: true, cacheOptions: { shared: false } }));
    expect(Object.entries(instance.defaults.options.cacheOptions)).toEqual([['shared', false]]);
  });
});
