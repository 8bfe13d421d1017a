/**
 * @module delay-proxy
 * A loopback TCP proxy that adds a fixed round-trip time: every chunk is delivered half an RTT
 * after it arrived, in order, in each direction. The client's TCP handshake with the proxy is
 * local and instant, so the first chunk a client sends on a connection (its TLS ClientHello) is
 * held one more RTT: the time the SYN / SYN-ACK exchange would have cost. A send on a new
 * connection therefore costs connect (1 RTT) + TLS 1.3 (1 RTT) + request (1 RTT), as on a real
 * link, and a send on a warm connection 1 RTT.
 */
import net, { type Socket } from 'node:net';

/** A running proxy. */
export type DelayProxy = {
  /** Closes every connection it carries (both sides); returns how many there were. */
  dropConnections(): number;
  close(): Promise<void>;
};

/** Where to listen, where to forward, and the round-trip time to add. */
export type DelayProxyOptions = {
  listen: { host: string; port: number };
  target: { host: string; port: number };
  rttMs: number;
};

/** Pipes `from` into `to`, each chunk `delayMs` late (the first one `firstExtraMs` later still), in order. */
const forwardLate = (from: Socket, to: Socket, delayMs: number, firstExtraMs: number) => {
  let releaseAt = 0;
  let first = true;
  const later = (action: () => void) => {
    const now = performance.now();
    releaseAt = Math.max(releaseAt, now + delayMs + (first ? firstExtraMs : 0));
    first = false;
    setTimeout(action, releaseAt - now);
  };
  from.on('data', (chunk: Buffer) => {
    later(() => {
      if (!to.destroyed) {
        to.write(chunk);
      }
    });
  });
  from.on('end', () => {
    later(() => to.end());
  });
};

/** Starts the proxy; resolves once it listens. */
export const startDelayProxy = async ({ listen, target, rttMs }: DelayProxyOptions): Promise<DelayProxy> => {
  const pairs = new Set<[Socket, Socket]>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    forwardLate(client, upstream, rttMs / 2, rttMs);
    forwardLate(upstream, client, rttMs / 2, 0);
    const teardown = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', teardown).on('close', teardown);
    upstream.on('error', teardown).on('close', teardown);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const dropConnections = () => {
    const count = pairs.size;
    for (const [client, upstream] of [...pairs]) {
      client.destroy();
      upstream.destroy();
    }
    pairs.clear();
    return count;
  };
  return {
    dropConnections,
    close: () =>
      new Promise<void>((resolve) => {
        dropConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
};
