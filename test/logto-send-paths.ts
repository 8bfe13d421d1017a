/**
 * @module logto-send-paths
 * Every route from which Logto sends a verification code by SMS, and what each makes of a failed
 * send: the JSON the caller gets and the audit-log entries Logto writes. All of them reach the
 * connector through `libraries/passcode.ts` `sendPasscode`, which calls `sendMessage` without a
 * config (so the connector reads the stored one), with `payload: { code, ...context }` and `ip`
 * beside it. Read from logto-io/logto at tag `@logto/core@1.42.0`:
 * - `tenants/Tenant.ts` mounts `koaConnectorErrorHandler` on the tenant app; `routes/init.ts`
 *   mounts `koaAuditLog` on the Experience router and `routes/interaction/index.ts` on the
 *   interaction router, both inside it, so their audit log sees the `ConnectorError` itself. The
 *   Management router and the user router (Account API) have no audit-log middleware.
 * - Experience API (`routes/experience/verification-routes/verification-code-helpers.ts`
 *   `sendCode`): creates `Interaction.<event>.Verification.PhoneVerificationCode.Create`, then sends
 *   with `ctx.emailI18n` (`middleware/koa-email-i18n.ts`: `locale`, and `uiLocales` when the
 *   sign-in request had `ui_locales`).
 * - The older interaction API (`routes/interaction/additional.ts` and
 *   `utils/verification-code-validation.ts`): creates `Interaction.<event>.Identifier.VerificationCode.Create`,
 *   then sends with `locale: ctx.locale` only (its `uiLocales` is destructured away).
 * - Account API (`routes/verification/index.ts`, `POST /api/verifications/verification-code`):
 *   `UserPermissionValidation` (or `BindNewIdentifier`) with `ctx.emailI18n`; no audit log.
 * - Management API (`routes/verification-code.ts`, `POST /api/verification-codes`): `Generic`
 *   with no payload context; no audit log.
 * `koaErrorHandler` (outermost) answers a `RequestError` with `toBody()` and anything else with a
 * 500 and `{ message: 'Internal server error.' }`.
 */
import { ConnectorError, TemplateType, type SendMessageData } from '@logto/connector-kit';

import { auditLogError, responseFor } from './logto-error-response.js';

/** The language context a route gets from the request. */
export type RequestLanguage = { locale: string; uiLocales?: string };

/** One route that sends a code. */
export type SendPath = {
  name: string;
  route: string;
  /** The key of the audit-log entry created before the send, where an audit log runs. */
  auditKey?: string;
  /** What `sendPasscode` passes to `sendMessage`. */
  message: (to: string, language: RequestLanguage) => SendMessageData;
};

const ip = '203.0.113.7';

/** The four routes, as Logto 1.42 sends from them. */
export const sendPaths: readonly SendPath[] = [
  {
    name: 'Experience API',
    route: 'POST /api/experience/verification/verification-code',
    auditKey: 'Interaction.SignIn.Verification.PhoneVerificationCode.Create',
    message: (to, { locale, uiLocales }) => ({ to, type: TemplateType.SignIn, payload: { code: '123456', locale, ...(uiLocales ? { uiLocales } : {}) }, ip }),
  },
  {
    name: 'interaction API',
    route: 'POST /api/interaction/verification/verification-code',
    auditKey: 'Interaction.SignIn.Identifier.VerificationCode.Create',
    message: (to, { locale }) => ({ to, type: TemplateType.SignIn, payload: { code: '123456', locale }, ip }),
  },
  {
    name: 'Account API',
    route: 'POST /api/verifications/verification-code',
    message: (to, { locale, uiLocales }) => ({
      to,
      type: TemplateType.UserPermissionValidation,
      payload: { code: '123456', locale, ...(uiLocales ? { uiLocales } : {}) },
    }),
  },
  {
    name: 'Management API',
    route: 'POST /api/verification-codes',
    message: (to) => ({ to, type: TemplateType.Generic, payload: { code: '123456' }, ip }),
  },
];

/** An audit-log entry as `koaAuditLog` stores it. */
export type AuditEntry = { key: string; result: 'Success' | 'Error'; error?: { message: string } };

/** What the caller got and what Logto logged. */
export type Served = { status: number; body?: unknown; auditLog: AuditEntry[] };

/** Runs `send` inside the middlewares of `path`, outermost first. */
export const serve = async (path: SendPath, send: () => Promise<unknown>): Promise<Served> => {
  const auditLog: AuditEntry[] = [];
  try {
    // koaAuditLog, where the router has one: the route creates its entry, then sends.
    const entry: AuditEntry | undefined = path.auditKey === undefined ? undefined : { key: path.auditKey, result: 'Success' };
    try {
      await send();
    } catch (error: unknown) {
      if (entry) {
        entry.result = 'Error';
        entry.error = auditLogError(error);
      }
      throw error;
    } finally {
      if (entry) {
        auditLog.push(entry);
      }
    }
    return { status: 204, auditLog };
  } catch (error: unknown) {
    // koaConnectorErrorHandler, then koaErrorHandler's answer.
    if (error instanceof ConnectorError) {
      const { status, ...body } = responseFor(error);
      return { status, body, auditLog };
    }
    return { status: 500, body: { message: 'Internal server error.' }, auditLog };
  }
};
