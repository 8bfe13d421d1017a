import { describe, expect, it } from 'vitest';

import { accountDownMs, createFailoverMemory, primaryKey } from './failover-memory.js';

describe('the failover memory', () => {
  it('passes a primary over for 120 s after it refused, then forgets it', () => {
    let now = 1_000_000;
    const memory = createFailoverMemory({ now: () => now });
    memory.remember('k', 'isv.AMOUNT_NOT_ENOUGH');
    expect(accountDownMs).toBe(120_000);
    now += accountDownMs - 1;
    expect(memory.downFor('k')).toEqual({ code: 'isv.AMOUNT_NOT_ENOUGH', until: 1_120_000 });
    now += 1;
    expect(memory.downFor('k')).toBeUndefined();
    expect(memory.size).toBe(0);
  });

  it('forgets a primary that sent', () => {
    const memory = createFailoverMemory({ now: () => 0 });
    memory.remember('k', 'isv.OUT_OF_SERVICE');
    memory.forget('k');
    expect(memory.downFor('k')).toBeUndefined();
  });

  it('keeps at most its limit of primaries, the least recently used forgotten first', () => {
    const memory = createFailoverMemory({ now: () => 0, limit: 2 });
    memory.remember('a', 'A');
    memory.remember('b', 'B');
    expect(memory.downFor('a')?.code).toBe('A');
    memory.remember('c', 'C');
    expect([memory.downFor('a')?.code, memory.downFor('b')?.code, memory.downFor('c')?.code]).toEqual(['A', undefined, 'C']);
    expect(memory.size).toBe(2);
  });

  it('stays bounded under many tenants: the default limit holds', () => {
    const memory = createFailoverMemory({ now: () => 0 });
    for (let index = 0; index < 10_000; index += 1) {
      memory.remember(`key ${index}`, 'isv.AMOUNT_NOT_ENOUGH');
    }
    expect(memory.size).toBe(256);
  });
});

describe('the key of a primary account', () => {
  const key = { accessKeyId: 'LTAI5tKeyId', accessKeySecret: 'aRecognisableFakeSecret' };

  it('is the host, the AccessKey ID and a hash of the secret, never the secret', () => {
    const text = primaryKey('https://dysmsapi.aliyuncs.com', key);
    expect(text.startsWith('https://dysmsapi.aliyuncs.com LTAI5tKeyId ')).toBe(true);
    expect(text).not.toContain('aRecognisableFakeSecret');
  });

  it.each([
    ['another secret (a mistyped one in the Console form)', 'https://dysmsapi.aliyuncs.com', { ...key, accessKeySecret: 'aRecognisableFakeSecreT' }],
    ['another AccessKey', 'https://dysmsapi.aliyuncs.com', { ...key, accessKeyId: 'LTAI5tOtherId' }],
    ['another host (PNVS, for the same key)', 'https://dypnsapi.aliyuncs.com', key],
  ])('differs for %s', (_, endpoint, credentials) => {
    expect(primaryKey(endpoint, credentials)).not.toBe(primaryKey('https://dysmsapi.aliyuncs.com', key));
  });
});
