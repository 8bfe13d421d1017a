/**
 * @module config-issues
 * Keeps the configuration guard's own sentences visible in Logto's Console. Logto turns an
 * `InvalidConfig` error carrying a ZodError into a `details` line per issue, and for an
 * `invalid_type` issue it prints its own "Expected string but received undefined." instead of the
 * issue's message (logto-io/logto `packages/core/src/errors/RequestError/index.ts`, `formatZodError`).
 * So every type mismatch is reported as a `custom` issue with the same path and message.
 */
import { z } from 'zod';

/** Zod's own wording for a type mismatch, used only when a schema was given no sentence of its own. */
const zodDefault = /^(?:Required|Expected .+, received .+)$/;

/** The sentence for a type mismatch whose schema has none: names the key and what it must be. */
const fallbackSentence = (issue: z.ZodInvalidTypeIssue, path: readonly (string | number)[]): string => {
  const key = path.length > 0 ? path.join('.') : 'the configuration';
  return issue.received === 'undefined'
    ? `${key} is required; see the configuration table in docs/configuration.md`
    : `${key} must be ${issue.expected}, not ${issue.received}; see the configuration table in docs/configuration.md`;
};

/** The same problem as a `custom` issue, whose message Logto shows as written. */
const asCustomIssue = (issue: z.ZodIssue, basePath: readonly (string | number)[] = []): z.IssueData => {
  if (issue.code !== z.ZodIssueCode.invalid_type) {
    return issue;
  }
  const message = zodDefault.test(issue.message) ? fallbackSentence(issue, [...basePath, ...issue.path]) : issue.message;
  return {
    code: z.ZodIssueCode.custom,
    path: issue.path,
    message,
    params: { expected: issue.expected, received: issue.received },
  };
};

/**
 * Wraps one key's schema so that its type mismatches, nested ones included, become `custom`
 * issues. The wrapper keeps the key's input and output types, so the guard stays a `ZodObject`
 * with the same shape (Logto's loader checks that it is one).
 */
const inOwnWords = <T extends z.ZodTypeAny>(key: string, schema: T): z.ZodType<z.output<T>, z.ZodTypeDef, z.input<T>> =>
  z.any().transform((value: unknown, context): unknown => {
    const result = schema.safeParse(value);
    if (result.success) {
      return result.data;
    }
    for (const issue of result.error.issues) {
      context.addIssue(asCustomIssue(issue, [key]));
    }
    return z.NEVER;
  });

/** Applies {@link inOwnWords} to every key of an object shape. */
export const inOperatorWords = <Shape extends z.ZodRawShape>(
  shape: Shape
): { [Key in keyof Shape]: z.ZodType<z.output<Shape[Key]>, z.ZodTypeDef, z.input<Shape[Key]>> } =>
  Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, inOwnWords(key, schema)])) as {
    [Key in keyof Shape]: z.ZodType<z.output<Shape[Key]>, z.ZodTypeDef, z.input<Shape[Key]>>;
  };
