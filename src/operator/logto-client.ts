/**
 * @module logto-client
 * The requests that read from a running Logto, bounded in time: a client-credentials token for a
 * machine-to-machine app (HTTP Basic), then the Management API's connectors, with one sentence and
 * its fix for each way Logto can refuse. Modelled on logto-io/logto:
 * `packages/core/src/oidc/grants/client-credentials.ts` and oidc-provider's `shared/client_auth.js`
 * (the token and its errors), `src/middleware/koa-auth` (401, 403), `src/routes/connector/index.ts`
 * (`GET /connectors` refuses to list more than one SMS connector; `GET /connectors/:id` answers 404).
 * The app secret and the token travel only in headers: no sentence holds them.
 */

/** Where the configuration comes from, and with which app. */
export type LogtoSource = {
  endpoint: URL;
  appId: string;
  appSecret: string;
  /** The Management API's identifier; never derived from the endpoint (logto-config.ts, `defaultManagementApi`). */
  resource: string;
  /** The connector's instance id, when given; otherwise the one connector of this package. */
  connector?: string;
  /** How long each request may take (logto-config.ts, `logtoTimeoutMs`, unless a test says). */
  timeoutMs?: number;
};

/** A failure to read the configuration: what is wrong, and the fix. */
export class LogtoProblem extends Error {
  constructor(
    readonly summary: string,
    readonly fix: string
  ) {
    super(`${summary}: ${fix}`);
  }
}

// The fixes, in the Console's words (Logto's `phrases` for application details, roles and API resources).
const appFix = 'LOGTO_M2M_APP_ID must be the App ID of a machine-to-machine app and LOGTO_M2M_APP_SECRET one of its secrets (Console → Applications → the app)';
const roleFix = 'assign the app a machine-to-machine role with the Logto Management API permission "all" (Console → Applications → the app → Roles; Logto 1.17 and later create one named "Logto Management API access")';
const resourceFix = "set --logto-resource to this tenant's Logto Management API identifier (Console → API resources → Logto Management API): https://default.logto.app/api on Logto OSS, https://<tenant-id>.logto.app/api on Logto Cloud";
/** How to name the connector when Logto cannot tell which. */
export const connectorFix = "give --connector the id of this package's connector, the last part of its address in the Console (Connectors → the SMS connector)";

type Answer = { status: number; json: unknown; location?: string };

/** A string field of a JSON answer, if it has one. */
const field = (json: unknown, key: string): string | undefined => {
  const value = typeof json === 'object' && json !== null ? (json as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
};

/** One request to Logto, bounded in time; the answer's JSON (`undefined` when it is not JSON). */
const ask = async (url: URL, init: RequestInit, what: string, timeoutMs: number): Promise<Answer> => {
  const origin = url.origin;
  try {
    const response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
    const location = response.headers.get('location') ?? undefined;
    return { status: response.status, json, ...(location ? { location } : {}) };
  } catch (error: unknown) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      throw new LogtoProblem(`Logto at ${origin} did not answer ${what} within ${timeoutMs} ms`, 'check that --logto is the address Logto serves and that this host can reach it');
    }
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    const why = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : String(error);
    throw new LogtoProblem(`Logto at ${origin} could not be reached (${why})`, 'check that --logto is the address Logto serves and that this host can reach it');
  }
};

/** What an answer Logto did not expect says, for a sentence: its status and Logto's own code and words. */
const unexpected = ({ status, json, location }: Answer, what: string, origin: string): LogtoProblem => {
  if (location !== undefined && status >= 300 && status < 400) {
    return new LogtoProblem(`Logto at ${origin} answered ${what} with a redirect to ${location}`, 'give the address it redirects to as --logto');
  }
  const code = field(json, 'error') ?? field(json, 'code');
  const said = field(json, 'error_description') ?? field(json, 'message');
  return new LogtoProblem(
    `Logto at ${origin} answered ${what} with HTTP ${status}${code ? ` (${code}${said ? `: ${said}` : ''})` : ''}`,
    'check that --logto is the address Logto serves, e.g. https://logto.example.com'
  );
};

/** `POST /oidc/token`: a Management API token for the app, or the sentence that says why not. */
export const requestToken = async (source: LogtoSource, timeoutMs: number): Promise<string> => {
  const origin = source.endpoint.origin;
  const what = 'POST /oidc/token';
  // RFC 6749 §2.3.1: the id and secret are form-encoded before Basic joins them (oidc-provider decodes both).
  const basic = Buffer.from(`${encodeURIComponent(source.appId)}:${encodeURIComponent(source.appSecret)}`).toString('base64');
  const answer = await ask(
    new URL(`${source.endpoint.pathname.replace(/\/$/, '')}/oidc/token`, source.endpoint),
    {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'client_credentials', resource: source.resource, scope: 'all' }).toString(),
    },
    what,
    timeoutMs
  );
  const token = field(answer.json, 'access_token');
  if (answer.status === 200 && token) {
    return token;
  }
  const error = field(answer.json, 'error');
  const said = field(answer.json, 'error_description');
  const logtoSays = `${error ?? ''}${said ? `: ${said}` : ''}`;
  if (error === 'invalid_client') {
    throw new LogtoProblem(`Logto refused the machine-to-machine app's credentials (${logtoSays})`, appFix);
  }
  if (error === 'unauthorized_client') {
    throw new LogtoProblem(`Logto refused a client-credentials token for this app (${logtoSays}): it is not a machine-to-machine app`, appFix);
  }
  if (error === 'invalid_target') {
    throw new LogtoProblem(`Logto does not know the API resource ${source.resource} (${logtoSays})`, resourceFix);
  }
  if (error === 'invalid_request') {
    throw new LogtoProblem(`Logto refused the token request (${logtoSays})`, appFix);
  }
  throw unexpected(answer, what, origin);
};

/** The sentence for a Management API refusal Logto's auth middleware or connector routes give. */
const managementRefusal = (answer: Answer, source: LogtoSource, what: string): LogtoProblem => {
  const code = field(answer.json, 'code');
  if (answer.status === 401) {
    return new LogtoProblem(`Logto's Management API refused the app's token (${code ?? 'HTTP 401'}): it was issued for ${source.resource}, which is not this tenant's Management API`, resourceFix);
  }
  if (answer.status === 403) {
    return new LogtoProblem(`the machine-to-machine app may not use Logto's Management API (${code ?? 'HTTP 403'})`, roleFix);
  }
  if (code === 'connector.more_than_one_sms') {
    return new LogtoProblem(`Logto has more than one SMS connector and will not list them (${code})`, connectorFix);
  }
  if (answer.status === 404 && source.connector !== undefined) {
    return new LogtoProblem(`Logto has no connector with id ${source.connector} (${code ?? 'HTTP 404'})`, connectorFix);
  }
  return unexpected(answer, what, source.endpoint.origin);
};


/** `GET /api/connectors`, or `/api/connectors/:id` with `--connector`: the JSON Logto answered, or the sentence that says why it refused. */
export const fetchConnectors = async (source: LogtoSource, token: string, timeoutMs: number): Promise<{ json: unknown; what: string }> => {
  const path = `/api/connectors${source.connector === undefined ? '' : `/${encodeURIComponent(source.connector)}`}`;
  const what = `GET ${path}`;
  const answer = await ask(
    new URL(`${source.endpoint.pathname.replace(/\/$/, '')}${path}`, source.endpoint),
    { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } },
    what,
    timeoutMs
  );
  if (answer.status !== 200) {
    throw managementRefusal(answer, source, what);
  }
  return { json: answer.json, what };
};

/** The sentence for an answer of the right status that is not what Logto sends there. */
export const notLogto = (what: string, origin: string): LogtoProblem =>
  new LogtoProblem(`Logto at ${origin} answered ${what} with something other than connectors`, 'check that --logto is the address Logto serves, e.g. https://logto.example.com');
