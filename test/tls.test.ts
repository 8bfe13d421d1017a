/**
 * End to end over real TLS: the sandbox serves HTTPS with a certificate from a CA made for this
 * run, which the child process trusts through `NODE_EXTRA_CA_CERTS`, as an operator would trust a
 * private CA. A stalled handshake ends within the timeout; a handshake that fails is retried once,
 * as nothing can have been sent; TLS that fails after the request was read is never repeated.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { makeTlsMaterial } from '../bench/tls-material.js';
import { runFixture } from './fixture-process.js';

const timeout = 1000;
/** What a send may take beyond its timeout: event-loop delay on a busy machine, never a second budget. */
const margin = 250;

const directory = mkdtempSync(path.join(tmpdir(), 'connector-aliyun-sms-tls-'));
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

type Line = { name: string; outcome: string; failure?: Record<string, unknown>; attempts?: number; says?: string; requests: number; elapsed: number };

const runChild = async () => {
  const trusted = makeTlsMaterial(path.join(directory, 'trusted'));
  const untrusted = makeTlsMaterial(path.join(directory, 'untrusted'));
  const { code, signal, stderr, lines } = await runFixture<Line>('tls-sends.ts', {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: trusted.caPath, TLS_FILES: JSON.stringify({ trusted, untrusted }) },
    killAfterMs: 40_000,
  });
  return { code, signal, stderr, byName: new Map(lines.map((line) => [line.name, line])) };
};

describe('over real TLS', () => {
  let run: Awaited<ReturnType<typeof runChild>>;
  const line = (name: string) => run.byName.get(name);

  it('the child sends every case and exits by itself', async () => {
    run = await runChild();
    expect({ code: run.code, signal: run.signal, stderr: run.stderr }).toEqual({ code: 0, signal: null, stderr: '' });
    expect(run.byName.size).toBe(7);
  }, 60_000);

  it('delivers through the sandbox over HTTPS with a CA trusted through NODE_EXTRA_CA_CERTS', () => {
    expect(line('delivers over TLS')).toMatchObject({ outcome: 'sent', requests: 1 });
  });

  it.each([
    ['an answer later than the timeout', { kind: 'timeout', timeout }],
    ['the connection closed unanswered', { kind: 'network', errorCode: 'ECONNRESET' }],
    ['a reset in the middle of the body', { kind: 'network' }],
  ])('a sandbox fault over TLS, %s: one request, never repeated', (name, failure) => {
    expect(line(name)).toMatchObject({ outcome: 'general', failure, attempts: 1, requests: 1 });
    expect(line(name)!.elapsed).toBeLessThan(timeout + margin);
  });

  it('a TLS handshake that stalls ends in a timeout within the bound', () => {
    expect(line('a TLS handshake that stalls')).toMatchObject({ outcome: 'general', failure: { kind: 'timeout', timeout }, requests: 0 });
    expect(line('a TLS handshake that stalls')!.elapsed).toBeLessThan(timeout + margin);
  });

  it('a TLS handshake that fails is tried once more (nothing was sent) and names the certificate problem', () => {
    const failed = line('a TLS handshake that fails: unknown CA');
    expect(failed).toMatchObject({ outcome: 'general', failure: { kind: 'network', duringHandshake: true }, attempts: 2, requests: 0 });
    expect(failed?.says).toContain('its certificate is not trusted here');
  });

  it('TLS that fails after the request was read is never repeated, and says the message may have been sent', () => {
    const failed = line('TLS that fails after the request was read');
    expect(failed).toMatchObject({ outcome: 'general', failure: { kind: 'network', duringHandshake: false }, attempts: 1, requests: 1 });
    expect(failed?.says).toContain('The message may have been sent');
  });
});
