/**
 * @module error-sentence
 * What the operator commands print for an error the connector threw: its own sentence. A
 * `ConnectorError`'s `message` is `ConnectorError: ` and its data as JSON (connector-kit
 * `types/error.ts`), written for Logto's audit log, so a sentence given as a string comes out
 * quoted and escaped there; the sentence itself is in `data`.
 */
import { ConnectorError } from '@logto/connector-kit';
import { ZodError } from 'zod';

/** The sentence an error carries: `errorDescription`, a string's `message`, a guard's issues; otherwise its own message. */
export const errorSentence = (error: unknown): string => {
  if (!(error instanceof ConnectorError)) {
    return error instanceof Error ? error.message : String(error);
  }
  const { data } = error;
  if (data instanceof ZodError) {
    return data.issues.map(({ message }) => message).join('; ');
  }
  const { errorDescription, message } = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (typeof errorDescription === 'string') {
    return errorDescription;
  }
  return typeof message === 'string' ? message : `the connector refused with ${error.code}`;
};
