/**
 * The README's rule for `endpoint` and `pnvsEndpoint` ("`https://` only, except `http://` to a
 * loopback host"), as one literal table of hostile near-misses, checked for both keys. A host is
 * read as WHATWG URL reads it, which is also how the request is sent (got parses the endpoint with
 * `new URL`), so `0177.0.0.1` and `2130706433` are 127.0.0.1 both for the check and for the
 * connection (the last describe block sends to each such spelling); a name that only looks like
 * loopback is a DNS name that may resolve anywhere.
 */
import { describe, expect, it } from 'vitest';

import { issuesOf, requiredTemplates } from '../../test/config-refusals.js';
import { useScriptedServer } from '../../test/scripted-server.js';
import { createAliyunClient } from '../aliyun/aliyun-client.js';
import { parseConfig } from '../config/config.js';
import type { ApiCall } from './route.js';

/** The fix each key's sentence gives, with that key's own host as the example. */
const fixFor = (key: string) =>
  `use an https:// URL such as ${key === 'endpoint' ? 'https://dysmsapi.aliyuncs.com' : 'https://dypnsapi.aliyuncs.com'} (http:// only for a loopback host such as http://127.0.0.1:8787, the local sandbox)`;
const notLoopback = 'uses http:// for a host that is not loopback';
const notBare = 'must be only a scheme and host (and port), with no path, query or credentials';

/** One row per URL: accepted, or refused with the sentence the README's rule gives. */
const rule: Array<[url: string, why: string, outcome: 'accepted' | typeof notLoopback | typeof notBare]> = [
  // Loopback as the sandbox uses it.
  ['http://127.0.0.1:8787', 'IPv4 loopback', 'accepted'],
  ['http://127.1.2.3:8787', 'anywhere in 127.0.0.0/8', 'accepted'],
  ['http://localhost:8787', 'localhost', 'accepted'],
  ['http://[::1]:8787', 'IPv6 loopback', 'accepted'],
  ['http://[0:0:0:0:0:0:0:1]:8787', 'IPv6 loopback written out', 'accepted'],
  // Other spellings of the same addresses, normalised by WHATWG URL for the check and the connection alike.
  ['http://LOCALHOST:8787', 'uppercase localhost', 'accepted'],
  ['HTTP://127.0.0.1:8787', 'uppercase scheme', 'accepted'],
  ['http://127.0.0.1.:8787', 'an IPv4 address with a trailing dot', 'accepted'],
  ['http://2130706433:8787', 'decimal 127.0.0.1', 'accepted'],
  ['http://0177.0.0.1:8787', 'octal first part', 'accepted'],
  ['http://0x7f.0.0.1:8787', 'hex first part', 'accepted'],
  ['http://0x7f000001:8787', 'hex whole address', 'accepted'],
  ['http://127.1:8787', 'short form', 'accepted'],
  // Names that begin like loopback but are DNS names.
  ['http://127.0.0.1.nip.io', 'a DNS name beginning with 127.0.0.1', notLoopback],
  ['http://127.attacker.example:8080', 'a DNS name beginning with 127.', notLoopback],
  ['http://127.0.0.1.attacker.example', 'a DNS name beginning with an address', notLoopback],
  ['http://localhost.', 'localhost with a trailing dot: a DNS query', notLoopback],
  ['http://localhost.:8787', 'localhost with a trailing dot and a port', notLoopback],
  ['http://localhost.attacker.example', 'a localhost. prefix', notLoopback],
  ['http://LOCALHOST.attacker.example', 'an uppercase localhost. prefix', notLoopback],
  ['http://localhost.localdomain', 'localhost.localdomain', notLoopback],
  ['http://attacker.localhost', 'a .localhost subdomain', notLoopback],
  ['http://0.0.0.0:8787', 'the unspecified address', notLoopback],
  ['http://[::]:8787', 'the unspecified IPv6 address', notLoopback],
  // IPv4 inside IPv6: not a form the rule names.
  ['http://[::ffff:127.0.0.1]:8787', 'IPv4-mapped IPv6', notLoopback],
  ['http://[::ffff:7f00:1]', 'IPv4-mapped IPv6 in hex', notLoopback],
  ['http://[::127.0.0.1]', 'IPv4-compatible IPv6', notLoopback],
  // Userinfo tricks: the host is what follows the last @.
  ['http://127.0.0.1@evil.example', 'loopback as a user name', notLoopback],
  ['http://127.0.0.1:8787@evil.example', 'loopback and port as user name and password', notLoopback],
  ['http://localhost@evil.example:8787', 'localhost as a user name', notLoopback],
  ['http://evil.example@127.0.0.1', 'credentials before a loopback host', notBare],
  ['http://user:secret@localhost:8787', 'a user name and password', notBare],
  ['https://evil.example@dysmsapi.aliyuncs.com', 'credentials over https', notBare],
  // Separators that end the host early.
  ['http://evil.example#@127.0.0.1', 'loopback after a fragment mark', notLoopback],
  ['http://evil.example\\@127.0.0.1', 'loopback after a backslash (a path)', notLoopback],
  ['http://127.0.0.1\\@evil.example', 'a backslash path after loopback', notBare],
  // A public host over http.
  ['http://dysmsapi.aliyuncs.com', 'a public host', notLoopback],
  ['http://100.100.100.200', 'a private address', notLoopback],
];

const keys = { accessKeyId: 'LTAI5tFakeKeyId', accessKeySecret: 'fakeSecret' };

/** A SendSms call; each wire test sets its endpoint. */
const call: ApiCall = {
  endpoint: '',
  action: 'SendSms',
  version: '2017-05-25',
  parameters: { Action: 'SendSms', Version: '2017-05-25', Format: 'JSON', PhoneNumbers: '13800138000' },
  route: { site: 'china', region: 'mainland', regionCode: '86', api: 'SendSms 2017-05-25', templateCode: 'SMS_1', to: '138****8000' },
};

/** A valid config that sets the key under test, each where it is used. */
const configs = {
  endpoint: (url: string) => ({ ...keys, signName: '阿里云短信测试', templates: requiredTemplates, endpoint: url }),
  pnvsEndpoint: (url: string) => ({ ...keys, mainlandService: 'pnvs', pnvsSignName: '速通互联验证码', pnvsEndpoint: url }),
};

describe.each(Object.entries(configs))('the loopback rule for http:// in %s (README table)', (key, configWith) => {
  it.each(rule)('%s (%s): %s', (url, _, outcome) => {
    if (outcome === 'accepted') {
      expect(parseConfig(configWith(url))[key as keyof typeof configs]).toBe(url.replace(/\/$/, ''));
    } else {
      expect(issuesOf(configWith(url))).toEqual([`${key}: ${key} ${outcome}: ${fixFor(key)}`]);
    }
  });
});

describe('an accepted spelling of loopback is where the request goes', () => {
  const server = useScriptedServer();
  const client = createAliyunClient();

  it.each(['2130706433', '0177.0.0.1', '0x7f.0.0.1', '127.1', '127.0.0.1.', 'LOCALHOST'])(
    'http://%s reaches the loopback server the rule let through',
    async (host) => {
      server.answer = (_body, _request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"Code":"OK","Message":"OK","BizId":"1^0","RequestId":"R"}');
      };
      const endpoint = parseConfig(configs.endpoint(server.endpoint.replace('127.0.0.1', host))).endpoint;
      const before = server.received.length;
      await expect(client.send({ ...call, endpoint }, keys, 2000)).resolves.toMatchObject({ Code: 'OK' });
      expect(server.received.length - before).toBe(1);
    }
  );
});
