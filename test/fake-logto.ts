/**
 * @module fake-logto
 * A loopback Logto that answers as Logto's code does, for `--logto` (src/operator/logto-config.ts):
 * - `POST /oidc/token`: client authentication as oidc-provider 9's `shared/client_auth.js` (HTTP
 *   Basic, each part form-decoded as Logto's `koa-app-secret-transpilation.ts` does: `+` is a
 *   space; one mechanism only; 401 `invalid_client` "client authentication failed" for an unknown
 *   app or a wrong secret, with `WWW-Authenticate: Basic`), then Logto's client-credentials grant
 *   (`packages/core/src/oidc/grants/client-credentials.ts`: 400 `invalid_target` for an unknown
 *   resource, `unauthorized_client` for an app that is not machine-to-machine, the requested
 *   scopes filtered by what the app's roles grant on that resource, `scope` left out when none);
 * - `/api/*`: `koa-auth` (401 `auth.authorization_header_missing`,
 *   `auth.authorization_token_type_not_supported`, `auth.unauthorized` for a token of another
 *   audience; 403 `auth.forbidden` without the `all` scope), then `routes/connector/index.ts`:
 *   `GET /api/connectors` (400 `connector.more_than_one_sms` with two SMS connectors) and
 *   `GET /api/connectors/:id` (404 `entity.not_found`), each row as `transpileLogtoConnector` builds it.
 * English phrases from `@logto/phrases` (`errors/auth.ts`, `connector.ts`, `entity.ts`).
 * No test runner needed: a script can start one (`startFakeLogto`); tests use fake-logto-hooks.ts.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** The Management API on Logto OSS, and another API resource a tenant may define. */
export const managementApi = 'https://default.logto.app/api';
export const otherApi = 'https://api.example.com';

/** An application of the tenant: its secret, type, and whether a role grants it the Management API's `all`. */
export type FakeApp = { secret: string; type: 'MachineToMachine' | 'Traditional'; managementRole: boolean };

/** A connector row as `GET /api/connectors` answers it (the fields this package reads, and a few more). */
export type FakeConnector = { id: string; connectorId: string; type: 'Sms' | 'Email' | 'Social'; config: unknown };

/** What a test sets up and reads. */
export type FakeLogto = {
  endpoint: string;
  apps: Map<string, FakeApp>;
  connectors: FakeConnector[];
  /** Every request, oldest first. */
  requests: Array<{ method: string; path: string; headers: IncomingMessage['headers']; body: string }>;
  /** Every token issued. */
  tokens: string[];
  /** When set, requests are read and never answered. */
  silent: boolean;
};

const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
};

const oidcError = (response: ServerResponse, status: number, error: string, description: string, headers: Record<string, string> = {}) => {
  json(response, status, { error, error_description: description }, headers);
};

const phrases: Record<string, string> = {
  'auth.authorization_header_missing': 'Authorization header is missing.',
  'auth.authorization_token_type_not_supported': 'Authorization type is not supported.',
  'auth.unauthorized': 'Unauthorized. Please check credentials and its scope.',
  'auth.forbidden': 'Forbidden. Please check your user roles and permissions.',
  'connector.more_than_one_sms': 'The number of SMS connectors is larger then 1.',
  'entity.not_found': 'The resource does not exist.',
};

const requestError = (response: ServerResponse, status: number, code: string) => {
  json(response, status, { code, message: phrases[code] ?? code });
};

/** oidc-provider's `decodeAuthToken`: `+` is a space, then percent-decoding. */
const decodeAuthToken = (token: string) => decodeURIComponent(token.replaceAll('+', '%20'));

type Token = { appId: string; audience: string; scopes: string[] };

const tokenEndpoint = (logto: FakeLogto, issued: Map<string, Token>, request: IncomingMessage, body: string, response: ServerResponse) => {
  const params = new URLSearchParams(body);
  const { authorization } = request.headers;
  if (authorization !== undefined && params.get('client_secret')) {
    oidcError(response, 400, 'invalid_request', 'client authentication must only be provided using one mechanism');
    return;
  }
  let appId = params.get('client_id') ?? undefined;
  let secret = params.get('client_secret') ?? undefined;
  if (authorization !== undefined) {
    const parts = authorization.split(' ');
    const basic = parts.length === 2 && parts[0]?.toLowerCase() === 'basic' ? Buffer.from(parts[1] ?? '', 'base64').toString('utf8') : '';
    const colon = basic.indexOf(':');
    if (colon === -1) {
      oidcError(response, 400, 'invalid_request', 'invalid authorization header value format');
      return;
    }
    try {
      appId = decodeAuthToken(basic.slice(0, colon));
      secret = decodeAuthToken(basic.slice(colon + 1));
    } catch {
      oidcError(response, 400, 'invalid_request', 'client_id and client_secret in the authorization header are not properly encoded');
      return;
    }
  }
  if (!appId) {
    oidcError(response, 400, 'invalid_request', 'no client authentication mechanism provided');
    return;
  }
  const app = logto.apps.get(appId);
  if (app === undefined || app.secret !== secret) {
    const challenge: Record<string, string> = authorization === undefined ? {} : { 'www-authenticate': 'Basic realm="fake-logto", error="invalid_client", error_description="client authentication failed"' };
    oidcError(response, 401, 'invalid_client', 'client authentication failed', challenge);
    return;
  }
  if (params.get('grant_type') !== 'client_credentials' || app.type !== 'MachineToMachine') {
    oidcError(response, 400, 'unauthorized_client', 'requested grant type is not allowed for this client');
    return;
  }
  const resource = params.get('resource');
  if (resource === null) {
    oidcError(response, 400, 'invalid_target', 'both `resource` and `organization_id` are not provided');
    return;
  }
  if (resource !== managementApi && resource !== otherApi) {
    oidcError(response, 400, 'invalid_target', 'resource indicator is missing, or unknown');
    return;
  }
  const granted = resource === managementApi && app.managementRole ? ['all'] : [];
  const scopes = [...new Set((params.get('scope') ?? '').split(' '))].filter((scope) => granted.includes(scope));
  const accessToken = randomBytes(24).toString('base64url');
  issued.set(accessToken, { appId, audience: resource, scopes });
  logto.tokens.push(accessToken);
  json(response, 200, { access_token: accessToken, expires_in: 3600, token_type: 'Bearer', ...(scopes.length > 0 ? { scope: scopes.join(' ') } : {}) }, { 'cache-control': 'no-store' });
};

const managementEndpoint = (logto: FakeLogto, issued: Map<string, Token>, request: IncomingMessage, path: string, response: ServerResponse) => {
  const { authorization } = request.headers;
  if (authorization === undefined) {
    requestError(response, 401, 'auth.authorization_header_missing');
    return;
  }
  if (!authorization.startsWith('Bearer')) {
    requestError(response, 401, 'auth.authorization_token_type_not_supported');
    return;
  }
  const token = issued.get(authorization.slice('Bearer'.length + 1));
  if (token === undefined || token.audience !== managementApi) {
    requestError(response, 401, 'auth.unauthorized');
    return;
  }
  if (!token.scopes.includes('all')) {
    requestError(response, 403, 'auth.forbidden');
    return;
  }
  const row = (connector: FakeConnector) => ({ ...connector, name: { en: connector.connectorId }, metadata: {}, syncProfile: false, isDemo: false, extraInfo: {} });
  if (request.method === 'GET' && path === '/api/connectors') {
    if (logto.connectors.filter(({ type }) => type === 'Sms').length > 1) {
      requestError(response, 400, 'connector.more_than_one_sms');
      return;
    }
    json(response, 200, logto.connectors.map(row));
    return;
  }
  const one = /^\/api\/connectors\/([^/]+)$/.exec(path);
  const connector = one && request.method === 'GET' ? logto.connectors.find(({ id }) => id === decodeURIComponent(one[1] ?? '')) : undefined;
  if (connector === undefined) {
    requestError(response, 404, 'entity.not_found');
    return;
  }
  json(response, 200, row(connector));
};

/** A Logto with no apps and no connectors yet. */
export const blank = (): FakeLogto => ({ endpoint: '', apps: new Map(), connectors: [], requests: [], tokens: [], silent: false });

/** Starts a fake Logto on an ephemeral loopback port, answering from `logto` as it is at each request; `close` ends it and every connection. */
export const startFakeLogto = async (logto: FakeLogto = blank()): Promise<FakeLogto & { close: () => Promise<void> }> => {
  const issued = new Map<string, Token>();
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      const path = new URL(request.url ?? '/', 'http://logto').pathname;
      logto.requests.push({ method: request.method ?? '', path, headers: request.headers, body });
      if (logto.silent) {
        return;
      }
      if (request.method === 'POST' && path === '/oidc/token') {
        tokenEndpoint(logto, issued, request, body, response);
      } else if (path.startsWith('/api/')) {
        managementEndpoint(logto, issued, request, path, response);
      } else {
        response.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><title>Not Found</title>');
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  logto.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = async () => {
    for (const socket of sockets) {
      socket.destroy();
    }
    server.close();
    await once(server, 'close');
  };
  return Object.assign(logto, { close });
};
