/**
 * @module tls-material
 * A throw-away certificate authority and a server certificate made with `openssl` at run time,
 * so every peer talks real TLS to the sandbox under Aliyun's own host name. The leaf covers
 * `dysmsapi.aliyuncs.com`, `*.aliyuncs.com`, `localhost` and the loopback addresses the sandbox
 * and the delay proxy listen on; peers trust the CA through `NODE_EXTRA_CA_CERTS`. RSA 2048, as
 * served by most public API hosts. Nothing is reused between runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Files a run uses: the CA for the peers, key and certificate for the sandbox. */
export type TlsMaterial = { caPath: string; keyPath: string; certPath: string };

const openssl = (args: string[], cwd: string) => {
  try {
    execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error: unknown) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`openssl ${args[0] ?? ''} failed${stderr ? `: ${stderr}` : ''}; is openssl installed?`);
  }
};

/** Makes a fresh CA and leaf in `directory` (emptied first). */
export const makeTlsMaterial = (directory: string): TlsMaterial => {
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  writeFileSync(
    path.join(directory, 'leaf.ext'),
    [
      'basicConstraints = critical, CA:FALSE',
      'keyUsage = critical, digitalSignature, keyEncipherment',
      'extendedKeyUsage = serverAuth',
      'subjectAltName = DNS:dysmsapi.aliyuncs.com, DNS:*.aliyuncs.com, DNS:localhost, IP:127.0.0.1, IP:127.0.0.2',
      '',
    ].join('\n')
  );
  const rsa = ['-newkey', 'rsa:2048', '-nodes'];
  openssl(
    ['req', '-x509', ...rsa, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=connector-aliyun-sms bench CA',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    directory
  );
  openssl(['req', ...rsa, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=dysmsapi.aliyuncs.com'], directory);
  openssl(
    ['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'leaf.pem', '-days', '2',
      '-extfile', 'leaf.ext'],
    directory
  );
  return {
    caPath: path.join(directory, 'ca.pem'),
    keyPath: path.join(directory, 'leaf.key'),
    certPath: path.join(directory, 'leaf.pem'),
  };
};
