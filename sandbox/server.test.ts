/**
 * Server lifecycle: close() ends everything (hanging and keep-alive sockets included), connection
 * stats, https, the injectable clock and registry, and a request log free of secrets.
 *
 * @module
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry, startSandbox } from './index.js';
import { rawRequest, sendSms, signParams } from './test-client.js';

const signIn = { PhoneNumbers: '13800138000', SignName: 'Logto沙箱', TemplateCode: 'SMS_460100001', TemplateParam: '{"code":"123456"}' };

const tcpHandles = (): number =>
  process.getActiveResourcesInfo().filter((name) => name === 'TCPServerWrap' || name === 'TCPSocketWrap').length;

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** Opens a request the server will never answer; resolves once the server has it. */
function openHangingRequest(endpoint: string, agent: Agent | false = false): Promise<void> {
  return new Promise((resolve) => {
    const outgoing = request(`${endpoint}/`, { method: 'POST', agent, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    outgoing.on('error', () => undefined);
    outgoing.end('Action=SendSms');
    setTimeout(resolve, 50);
  });
}

describe('close()', () => {
  it('destroys hanging, stalled and idle keep-alive sockets and leaves no TCP handles', async () => {
    const before = tcpHandles();
    const sandbox = await startSandbox();
    const keepAlive = new Agent({ keepAlive: true });
    await new Promise<void>((resolve) => {
      request(`${sandbox.endpoint}/api/messages`, { agent: keepAlive }, (response) => {
        response.resume();
        response.on('end', resolve);
      }).end();
    });
    sandbox.faults.set({ kind: 'hang' }, 1);
    await openHangingRequest(sandbox.endpoint);
    sandbox.faults.set({ kind: 'headers-then-stall' }, 1);
    await openHangingRequest(sandbox.endpoint);
    sandbox.faults.set({ kind: 'trickle', tickMs: 1000 }, 1);
    await openHangingRequest(sandbox.endpoint);
    expect(sandbox.stats().openConnections).toBe(4);

    const started = Date.now();
    await sandbox.close();
    expect(Date.now() - started).toBeLessThan(1000);
    keepAlive.destroy();
    await settle();
    expect(sandbox.stats().openConnections).toBe(0);
    expect(tcpHandles()).toBe(before);
    await sandbox.close(); // idempotent
  });
});

describe('stats()', () => {
  it('counts accepted, open and peak connections', async () => {
    const sandbox = await startSandbox();
    try {
      const agent = new Agent({ keepAlive: true, maxSockets: 3 });
      await Promise.all(
        [1, 2, 3].map(
          () =>
            new Promise<void>((resolve) => {
              sandbox.faults.set({ kind: 'delay', ms: 100 });
              request(`${sandbox.endpoint}/?Action=SendSms`, { agent }, (response) => {
                response.resume();
                response.on('end', resolve);
              }).end();
            }),
        ),
      );
      expect(sandbox.stats()).toEqual({ connectionsAccepted: 3, openConnections: 3, peakOpenConnections: 3 });
      agent.destroy();
      await settle();
      expect(sandbox.stats()).toEqual({ connectionsAccepted: 3, openConnections: 0, peakOpenConnections: 3 });
    } finally {
      await sandbox.close();
    }
  });
});

describe('options', () => {
  it('serves https with tls', async (context) => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-tls-'));
    try {
      try {
        execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-subj', '/CN=127.0.0.1', '-days', '1'], { stdio: 'ignore' });
      } catch {
        context.skip('openssl is not available to make a test certificate');
      }
      const sandbox = await startSandbox({ tls: { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) } });
      try {
        expect(sandbox.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
        expect((await sendSms(sandbox, signIn)).json).toMatchObject({ Code: 'OK' });
      } finally {
        await sandbox.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes the base clock from now()', async () => {
    const fixed = Date.UTC(2030, 0, 2, 3, 4, 5);
    const sandbox = await startSandbox({ now: () => fixed });
    try {
      sandbox.clock.advance(60_000);
      const reply = await sendSms(sandbox, signIn);
      expect(reply.headers.date).toBe('Wed, 02 Jan 2030 03:05:05 GMT');
      expect(sandbox.outbox.list()[0]?.receivedAt).toBe('2030-01-02T03:05:05.000Z');
    } finally {
      await sandbox.close();
    }
  });

  it('uses the first credential of a given registry', async () => {
    const registry = await loadRegistry();
    registry.credentials = [{ accessKeyId: 'LTAI5tOtherSandboxKey', accessKeySecret: 'other-fake-secret' }];
    const sandbox = await startSandbox({ registry });
    try {
      expect(sandbox.accessKeyId).toBe('LTAI5tOtherSandboxKey');
      expect((await sendSms(sandbox, signIn)).json).toMatchObject({ Code: 'OK' });
    } finally {
      await sandbox.close();
    }
  });

  it('rejects when the port is taken', async () => {
    const first = await startSandbox();
    try {
      const port = Number(new URL(first.endpoint).port);
      await expect(startSandbox({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await first.close();
    }
  });

  it('logs one line per API request, never the secret or the signature', async () => {
    const lines: string[] = [];
    const sandbox = await startSandbox({ log: (line) => lines.push(line) });
    try {
      const params = signParams(sandbox, { Action: 'SendSms', Version: '2017-05-25', ...signIn }, { method: 'GET' });
      await rawRequest(`${sandbox.endpoint}/?${new URLSearchParams(params).toString()}`);
      await sendSms(sandbox, signIn, { accessKeySecret: 'wrong' });
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^GET \/ SendSms 200 OK$/);
      expect(lines[1]).toMatch(/^POST \/ SendSms 400 SignatureDoesNotMatch$/);
      const all = lines.join('\n');
      expect(all).not.toContain(sandbox.accessKeySecret);
      expect(all).not.toContain(params.Signature);
    } finally {
      await sandbox.close();
    }
  });
});
