/**
 * @module logto-error-response
 * What Logto core makes of a `ConnectorError` a connector throws: the response body, the Console's
 * error toast and the audit-log entry. Modelled on logto-io/logto:
 * - `packages/core/src/middleware/koa-connector-error-handler.ts` (commit 017585188271): the
 *   error code becomes `connector.<code>`; `General` and the other unlisted codes get status 500
 *   and the `errorDescription` from `data`, on a new line;
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
  [ConnectorErrorCodes.RateLimitExceeded]: 'Trigger rate limit. Please try again later.',
};

const status400 = new Set<ConnectorErrorCodes>([
  ConnectorErrorCodes.InvalidMetadata,
  ConnectorErrorCodes.InvalidConfigGuard,
  ConnectorErrorCodes.InvalidRequestParameters,
  ConnectorErrorCodes.InsufficientRequestParameters,
  ConnectorErrorCodes.InvalidConfig,
  ConnectorErrorCodes.InvalidResponse,
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
  const status = status400.has(code) ? 400 : 500;
  const interpolated = status === 500 && typeof description === 'string' ? `\n${description}` : '';
  const message = (phrases[code] ?? code).replace('{{errorDescription}}', interpolated);
  const details = data instanceof ZodError ? formatZodError(data).join('\n') : undefined;
  return { status, code: `connector.${code}`, message, ...(details === undefined ? {} : { details }), data };
};

/** The Console's error toast for that response. */
export const consoleToast = ({ message, details }: ErrorBody): string => [message, details].join('\n');

/** The `error` an audit-log entry stores for a send that threw this error. */
export const auditLogError = (error: unknown): { message: string } => ({ message: String(error) });
