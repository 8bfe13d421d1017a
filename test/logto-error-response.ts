/**
 * @module logto-error-response
 * What Logto core makes of a `ConnectorError` a connector throws: the response body, the Console's
 * error toast and the audit-log entry. Modelled on logto-io/logto:
 * - `packages/core/src/middleware/koa-connector-error-handler.ts` (the same in tags
 *   `@logto/core@1.37.1`, `1.40.1` and `1.42.0`): the error code becomes `connector.<code>`; the
 *   listed codes keep `data` and their fixed phrase with status 400, 401, 429 (`RateLimitExceeded`)
 *   or 501; `General` and the other unlisted codes get status 400 and the phrase interpolated with
 *   `data.errorDescription` (or `JSON.stringify(data)` when it has none);
 * - `packages/core/src/errors/RequestError/index.ts` (commit 0f1025c0765f): `details` lists the
 *   issues of a ZodError as `Error in key path "<path>": (<code>) <message>`, except that an
 *   `invalid_type` issue prints `Expected <expected> but received <received>.` instead of its message;
 * - the Console's `use-api` hook: the toast is `[message, details].join('\n')`;
 * - `packages/core/src/middleware/koa-audit-log.ts` (commit 054aba1062d0): a `RequestError` is
 *   stored as its `message`, `code` and `data`, anything else as `{ message: String(error) }`.
 *   The connector error handler is mounted on the tenant app, outside the experience router's
 *   audit log, so what the audit log sees is the `ConnectorError` itself.
 * English phrases are from `@logto/phrases` 1.31 (`locales/en/errors/connector.ts`).
 */
import { ConnectorError, ConnectorErrorCodes } from '@logto/connector-kit';
import { ZodError } from 'zod';

/** The English phrases of the connector error codes these tests meet. */
const phrases: Partial<Record<ConnectorErrorCodes, string>> = {
  [ConnectorErrorCodes.General]: 'Error occurred in connector: {{errorDescription}}',
  [ConnectorErrorCodes.InvalidConfig]: "The connector's config is invalid.",
  [ConnectorErrorCodes.InvalidRequestParameters]: 'The request is with wrong input parameter(s).',
  [ConnectorErrorCodes.InsufficientRequestParameters]: 'The request might miss some input parameters.',
  [ConnectorErrorCodes.TemplateNotFound]: 'Unable to find correct template in connector config.',
  [ConnectorErrorCodes.RateLimitExceeded]: 'Trigger rate limit. Please try again later.',
};

/** The codes the handler lists, with their status; every other code is interpolated with status 400. */
const listed = new Map<ConnectorErrorCodes, number>([
  [ConnectorErrorCodes.InvalidMetadata, 400],
  [ConnectorErrorCodes.InvalidConfigGuard, 400],
  [ConnectorErrorCodes.InvalidRequestParameters, 400],
  [ConnectorErrorCodes.InsufficientRequestParameters, 400],
  [ConnectorErrorCodes.InvalidConfig, 400],
  [ConnectorErrorCodes.InvalidCertificate, 400],
  [ConnectorErrorCodes.InvalidResponse, 400],
  [ConnectorErrorCodes.TemplateNotFound, 400],
  [ConnectorErrorCodes.NotImplemented, 501],
  [ConnectorErrorCodes.RateLimitExceeded, 429],
]);

/** Logto's `formatZodError`: one line per issue. */
export const formatZodError = ({ issues }: ZodError): string[] =>
  issues.map((issue) => {
    const base = `Error in key path "${issue.path.map(String).join('.')}": (${issue.code}) `;
    return issue.code === 'invalid_type' ? `${base}Expected ${issue.expected} but received ${issue.received}.` : base + issue.message;
  });

/** The body Logto answers with. */
export type ErrorBody = { status: number; code: string; message: string; details?: string; data: unknown };

/** The response Logto builds from a connector's error. */
export const responseFor = (error: ConnectorError): ErrorBody => {
  const { code, data } = error;
  const description = (data as { errorDescription?: unknown } | undefined)?.errorDescription;
  const status = listed.get(code) ?? 400;
  const interpolated = listed.has(code) ? '' : typeof description === 'string' ? description : JSON.stringify(data);
  const message = (phrases[code] ?? code).replace('{{errorDescription}}', interpolated);
  const details = data instanceof ZodError ? formatZodError(data).join('\n') : undefined;
  return { status, code: `connector.${code}`, message, ...(details === undefined ? {} : { details }), data };
};

/** The Console's error toast for that response. */
export const consoleToast = ({ message, details }: ErrorBody): string => [message, details].join('\n');

/** The `error` an audit-log entry stores for a send that threw this error. */
export const auditLogError = (error: unknown): { message: string } => ({ message: String(error) });

/**
 * The operator's `data` as the audit log keeps it for a sign-in send: `ConnectorError` writes its
 * message as `ConnectorError: ${JSON.stringify(data)}`, and the end user's error keeps the
 * operator's message (src/end-user-error.ts).
 */
export const auditedData = (error: unknown): unknown =>
  JSON.parse((error as Error).message.replace(/^ConnectorError: /, '')) as unknown;
