/**
 * @module sandbox-process
 * The benchmark's server side, in its own process so its CPU never counts against a peer
 * (forked by bench/main.ts under tsx): the sandbox over https on 127.0.0.1:443 with flow control
 * off, the delay proxy on 127.0.0.2:443 in front of it, and a plain-HTTP control port on
 * 127.0.0.1 for the peers (`POST /drop` closes every proxied connection, `GET /count` tells how
 * many API requests the sandbox answered). Reports `{ ready, controlPort }` or `{ error }` over IPC
 * and stops when its parent disconnects.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startSandbox } from '../sandbox/index.js';
import { startDelayProxy } from './delay-proxy.js';
import { proxyAddress, sandboxAddress, type SandboxProcessArguments } from './loopback.js';

const explain = (error: unknown, where: string): string => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return `${where} is already in use (another benchmark or an https server?); stop it and run again.`;
  }
  if (code === 'EACCES') {
    return `binding ${where} needs root (or CAP_NET_BIND_SERVICE), as the peers' hard-coded https host has port 443.`;
  }
  return `could not listen on ${where}: ${error instanceof Error ? error.message : String(error)}`;
};

const main = async () => {
  const { keyPath, certPath, rttMs } = JSON.parse(process.argv[2] ?? '{}') as SandboxProcessArguments;
  const tls = { key: readFileSync(keyPath), cert: readFileSync(certPath) };
  // The benchmark sends no PNVS traffic: the sandbox's PNVS host takes any free port.
  const sandbox = await startSandbox({ tls, port: 443, pnvsPort: 0, host: sandboxAddress, flowControl: false, outboxLimit: 100 }).catch(
    (error: unknown) => {
      throw new Error(explain(error, `${sandboxAddress}:443`));
    }
  );
  const proxy = await startDelayProxy({
    listen: { host: proxyAddress, port: 443 },
    target: { host: sandboxAddress, port: 443 },
    rttMs,
  }).catch((error: unknown) => {
    throw new Error(explain(error, `${proxyAddress}:443`));
  });
  const control = createServer((request, response) => {
    request.resume();
    const answer =
      request.method === 'POST' && request.url === '/drop'
        ? { dropped: proxy.dropConnections() }
        : { requests: sandbox.requests.count, ...sandbox.stats() };
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => control.listen(0, sandboxAddress, resolve));
  const stop = () => {
    control.close();
    void Promise.all([proxy.close(), sandbox.close()]).then(() => process.exit(0));
  };
  process.on('disconnect', stop);
  process.send?.({ ready: true, controlPort: (control.address() as AddressInfo).port });
};

main().catch((error: unknown) => {
  process.send?.({ error: error instanceof Error ? error.message : String(error) }, () => process.exit(1));
});
