/**
 * @module aliyun-dns
 * Preloaded into every peer process (`node --import`): answers `dns.lookup` and
 * `dns.promises.lookup` for `aliyuncs.com` and its subdomains with the loopback address in
 * `BENCH_ALIYUN_ADDRESS` (the sandbox, or the delay proxy in front of it), so every peer keeps its
 * hard-coded `https://dysmsapi.aliyuncs.com` and still never leaves the machine. Other names go to
 * the real resolver. `node:net` reads `dns.lookup` at connect time, so patching the module object
 * reaches every HTTP client in the process.
 */
import dns, { type LookupAddress, type LookupOptions } from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';

const address = process.env.BENCH_ALIYUN_ADDRESS ?? '127.0.0.1';

const isAliyun = (hostname: string) => hostname === 'aliyuncs.com' || hostname.endsWith('.aliyuncs.com');

type Callback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

const lookupAll = (options: unknown): boolean =>
  typeof options === 'object' && options !== null && (options as LookupOptions).all === true;

const originalLookup = dns.lookup.bind(dns) as (...parameters: unknown[]) => void;
const redirectedLookup = (hostname: string, options: unknown, callback?: unknown): void => {
  if (!isAliyun(hostname)) {
    originalLookup(hostname, options, callback);
    return;
  }
  const done = (typeof options === 'function' ? options : callback) as Callback;
  process.nextTick(() => {
    if (lookupAll(options)) {
      done(null, [{ address, family: 4 }]);
    } else {
      done(null, address, 4);
    }
  });
};

const originalPromisesLookup = dns.promises.lookup.bind(dns.promises) as (...parameters: unknown[]) => Promise<unknown>;
const redirectedPromisesLookup = (hostname: string, options?: unknown): Promise<unknown> =>
  isAliyun(hostname)
    ? Promise.resolve(lookupAll(options) ? [{ address, family: 4 }] : { address, family: 4 })
    : originalPromisesLookup(hostname, options);

Object.assign(dns, { lookup: redirectedLookup });
Object.assign(dns.promises, { lookup: redirectedPromisesLookup });
syncBuiltinESMExports();
