/**
 * @module errors
 * Turns an Aliyun refusal or a transport failure into a `ConnectorError` whose `data` an operator
 * can act on: one sentence naming what happened and what to fix, Aliyun's code, message and
 * RequestId, and the route taken. Secrets are redacted from anything that came off the wire.
 */
import { ConnectorError, ConnectorErrorCodes } from '@logto/connector-kit';

import { ruleFor } from './error-codes.js';
import { isTlsFailure } from './retry-policy.js';
import type { RouteSummary } from '../plan/route.js';

/** The most of a foreign body or message an error repeats. */
const excerptLength = 300;

/** Replaces every listed (non-empty) secret in `text` with `[redacted]`. */
export const withoutSecrets = (text: string, secrets: readonly string[]): string =>
  secrets.filter((secret) => secret.length > 0).reduce((result, secret) => result.split(secret).join('[redacted]'), text);

/** Cuts text to a readable excerpt and removes every listed secret from it. */
export const redact = (text: string, secrets: readonly string[], limit = excerptLength): string => {
  const clean = withoutSecrets(text, secrets);
  return clean.length > limit ? `${clean.slice(0, limit)}…` : clean;
};

/**
 * `SignatureDoesNotMatch` messages end with `server string to sign is:…`, which echoes the
 * AccessKey id and every parameter (fact sheet §1.4): worth a log line, not an error shown in a UI.
 */
const withoutStringToSign = (message: string): string => message.replace(/\s*server string to sign is:.*$/s, '');

/** An answer in Aliyun's error shape. */
export type AliyunRefusal = {
  code: string;
  message: string;
  requestId?: string;
  httpStatus: number;
};

/** How the send went: how many requests it made, and the clock correction it learned. */
export type SendContext = { attempts: number; clockOffsetMs: number };

const firstTry: SendContext = { attempts: 1, clockOffsetMs: 0 };

/** What the second attempt adds to the story. */
const retryNote = (code: string, { attempts, clockOffsetMs }: SendContext): string => {
  if (attempts < 2) {
    return '';
  }
  return code === 'InvalidTimeStamp.Expired'
    ? ` It was refused again when signed with Aliyun's own clock: this host's clock is ${Math.round(clockOffsetMs / 60_000)} minutes off, so fix the clock (NTP).`
    : ' This was the second attempt; the first never reached Aliyun.';
};

/** The `ConnectorError` for an answer whose `Code` is not `OK`. */
export const aliyunError = (
  { code, message, requestId, httpStatus }: AliyunRefusal,
  route: RouteSummary,
  secrets: readonly string[],
  context: SendContext = firstTry
): ConnectorError => {
  const rule = ruleFor(code, route.api);
  const said = redact(withoutStringToSign(message), secrets);
  const sentence = rule.explain({ templateCode: route.templateCode, api: route.api }) + retryNote(code, context);
  return new ConnectorError(rule.connectorCode, {
    errorDescription: `${sentence} (Aliyun ${code}: "${said}"${requestId ? `, RequestId ${requestId}` : ''})`,
    code,
    message: said,
    requestId,
    httpStatus,
    attempts: context.attempts,
    route,
  });
};

/** How a request failed without an Aliyun answer. */
export type TransportFailure =
  | { kind: 'timeout'; timeout: number }
  | { kind: 'network'; errorCode: string; duringHandshake?: boolean }
  | { kind: 'not-aliyun'; httpStatus: number; body: string };

/** Sentences that say which failure it was and whether the message may have gone out. */
const describeTransport = (failure: TransportFailure, host: string): string => {
  switch (failure.kind) {
    case 'timeout': {
      return `No complete answer from ${host} within ${failure.timeout} ms (timeout). The message may have been sent: check the send records in the Aliyun SMS console before sending again, and check the network path to ${host}.`;
    }
    case 'not-aliyun': {
      return `${host} answered HTTP ${failure.httpStatus} with a body that is not Aliyun's JSON, so something other than Aliyun (a proxy or gateway) may have answered; check endpoint. It sent: "${failure.body}"`;
    }
    case 'network': {
      const { errorCode } = failure;
      if (errorCode === 'ECONNREFUSED') {
        return `Could not connect to ${host}: connection refused (ECONNREFUSED); check endpoint and any firewall or proxy on the way.`;
      }
      if (errorCode === 'ENOTFOUND' || errorCode === 'EAI_AGAIN') {
        return `Could not resolve ${host} (DNS ${errorCode}); check endpoint and this server's DNS.`;
      }
      if (isTlsFailure(errorCode) && failure.duringHandshake !== false) {
        return `The TLS connection to ${host} failed (${errorCode}): its certificate is not trusted here, often because a proxy intercepts HTTPS.`;
      }
      if (isTlsFailure(errorCode)) {
        return `The TLS connection to ${host} failed after it was established (${errorCode}). The message may have been sent: check the send records in the Aliyun SMS console before sending again.`;
      }
      return `The connection to ${host} failed before Aliyun answered (${errorCode}). The message may have been sent: check the send records in the Aliyun SMS console before sending again.`;
    }
  }
};

/** The `ConnectorError` for a request that got no usable Aliyun answer. */
export const transportError = (
  failure: TransportFailure,
  endpoint: string,
  route: RouteSummary,
  secrets: readonly string[],
  context: SendContext = firstTry
): ConnectorError => {
  const host = new URL(endpoint).host;
  const safe: TransportFailure =
    failure.kind === 'not-aliyun' ? { ...failure, body: redact(failure.body.trim(), secrets) } : failure;
  return new ConnectorError(ConnectorErrorCodes.General, {
    errorDescription: describeTransport(safe, host) + retryNote('', context),
    failure: safe,
    attempts: context.attempts,
    route,
  });
};

/** A `General` error whose sentence quotes what failed underneath; the foreign error itself is not kept. */
const foreignError = (describe: (cause: string) => string, error: unknown): ConnectorError =>
  new ConnectorError(ConnectorErrorCodes.General, {
    errorDescription: describe(error instanceof Error ? error.message : String(error)),
  });

/** The `ConnectorError` for a package this connector needs and Logto did not provide. */
export const dependencyError = (name: string, error: unknown): ConnectorError =>
  foreignError(
    (cause) =>
      `The connector could not load the ${name} package (${cause}); Logto ships it, so reinstall Logto's dependencies or add ${name} next to the connector.`,
    error
  );

/** The `ConnectorError` for a stored configuration Logto could not read. */
export const storedConfigError = (error: unknown): ConnectorError =>
  foreignError(
    (cause) =>
      `Logto could not read this connector's stored configuration (${cause}); save the configuration in the Console again.`,
    error
  );
