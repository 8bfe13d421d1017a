/**
 * @module config-issues
 * The configuration guard's sentences, as the Console shows them and as `doctor` splits them.
 *
 * Every sentence has two parts, what is wrong (`summary`) and the fix (`fix`), and the Console
 * shows them as one: `${summary}: ${fix}`. Logto lists each issue of an `InvalidConfig` error
 * carrying a ZodError as a `details` line with its message, except that for an `invalid_type` issue
 * it prints its own "Expected string but received undefined." (logto-io/logto
 * `packages/core/src/errors/RequestError/index.ts`, `formatZodError`), so every type mismatch is
 * reported as a `custom` issue with the same path and message. The parts travel in the issue's
 * `params` (custom issues), or, for the messages of zod's own checks (`min`, `regex`, an enum),
 * which hold only a string, are found again by the message they were written as ({@link said}).
 */
import { z } from 'zod';

/**
 * What the rules across keys see of a key that failed its own check (and reported that itself):
 * a rule that needs the key waits for its fix; the others run (config-rules.ts).
 */
export const unreadable: unique symbol = Symbol('unreadable');

/** A key as the rules across keys read it. */
export type Readable<T> = T | typeof unreadable;

/** A guard sentence in its two parts. */
export type Sentence = { summary: string; fix: string };

/** A problem a rule found: where it is (zod path), what is wrong and the fix. */
export type GuardProblem = Sentence & { path: Array<string | number> };

/** The one way the two parts become the Console's sentence. */
const joined = ({ summary, fix }: Sentence): string => `${summary}: ${fix}`;

// The messages given to zod's own checks, each with its parts. Only schemas add to it, once, as
// their modules load: a sentence that holds a configuration's values goes through guardIssue.
const checkSentences = new Map<string, Sentence>();

/** The message for one of zod's own checks (`min`, `regex`, an enum's errorMap, a type error), written when a schema is built. */
export const said = (summary: string, fix: string): string => {
  const message = joined({ summary, fix });
  checkSentences.set(message, { summary, fix });
  return message;
};

/** An errorMap that answers every problem of a schema (an enum, a union) with one sentence, written now. */
export const saidAlways = (summary: string, fix: string): z.ZodErrorMap => {
  const message = said(summary, fix);
  return () => ({ message });
};

/** How many check messages are known; it never grows after the modules load (config-issues.test.ts). */
export const checkSentenceCount = (): number => checkSentences.size;

/** A rule's problem as a zod issue: the Console's whole sentence, and its parts in `params`. */
export const guardIssue = ({ path, summary, fix }: GuardProblem): z.IssueData => ({
  code: z.ZodIssueCode.custom,
  path,
  message: joined({ summary, fix }),
  params: { summary, fix },
});

const isSentence = (value: unknown): value is Sentence =>
  typeof value === 'object' && value !== null && typeof (value as Sentence).summary === 'string' && typeof (value as Sentence).fix === 'string';

/**
 * What is wrong and the fix, for an issue the guard reported; an issue from anywhere else (none
 * should reach here) keeps its whole message as the summary.
 */
export const sentenceOf = (issue: z.ZodIssue): { summary: string; fix?: string } => {
  const params: unknown = issue.code === z.ZodIssueCode.custom ? issue.params : undefined;
  if (isSentence(params)) {
    return { summary: params.summary, fix: params.fix };
  }
  return checkSentences.get(issue.message) ?? { summary: issue.message };
};

/** Zod's own wording for a type mismatch, used only when a schema was given no sentence of its own. */
const zodDefault = /^(?:Required|Expected .+, received .+)$/;

/** The sentence for a type mismatch whose schema has none: names the key and what it must be. */
const fallbackSentence = (issue: z.ZodInvalidTypeIssue, path: readonly (string | number)[]): Sentence => {
  const key = path.length > 0 ? path.join('.') : 'the configuration';
  return {
    summary: issue.received === 'undefined' ? `${key} is required` : `${key} must be ${issue.expected}, not ${issue.received}`,
    fix: 'see the configuration table in docs/configuration.md',
  };
};

/** The same problem as a `custom` issue, whose message Logto shows as written. */
const asCustomIssue = (issue: z.ZodIssue, basePath: readonly (string | number)[] = []): z.IssueData => {
  if (issue.code !== z.ZodIssueCode.invalid_type) {
    return issue;
  }
  const sentence = zodDefault.test(issue.message) ? fallbackSentence(issue, [...basePath, ...issue.path]) : checkSentences.get(issue.message);
  return {
    code: z.ZodIssueCode.custom,
    path: issue.path,
    message: sentence === undefined ? issue.message : joined(sentence),
    params: { expected: issue.expected, received: issue.received, ...sentence },
  };
};

/**
 * Wraps one key's schema so that its type mismatches, nested ones included, become `custom`
 * issues. The wrapper keeps the key's input and output types, so the guard stays a `ZodObject`
 * with the same shape (Logto's loader checks that it is one).
 *
 * A refused key holds zod's INVALID marker (`z.NEVER`) in the object the rules across keys read,
 * unless `readable` reads the part of it those rules need (config.ts, `templates`): then the
 * rules still run on that part, and one pass reports every problem.
 */
const inOwnWords = <T extends z.ZodTypeAny>(key: string, schema: T, readable?: z.ZodTypeAny): z.ZodType<z.output<T>, z.ZodTypeDef, z.input<T>> =>
  z.any().transform((value: unknown, context): unknown => {
    const result = schema.safeParse(value);
    if (result.success) {
      return result.data;
    }
    for (const issue of result.error.issues) {
      context.addIssue(asCustomIssue(issue, [key]));
    }
    const part = readable?.safeParse(value);
    return part?.success ? part.data : z.NEVER;
  });

/**
 * Applies {@link inOwnWords} to every key of an object shape; `readable` names, per key, what the
 * rules across keys can still read of it when its own check fails.
 */
export const inOperatorWords = <Shape extends z.ZodRawShape>(
  shape: Shape,
  readable: Partial<Record<keyof Shape, z.ZodTypeAny>> = {}
): { [Key in keyof Shape]: z.ZodType<z.output<Shape[Key]>, z.ZodTypeDef, z.input<Shape[Key]>> } =>
  Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, inOwnWords(key, schema, readable[key])])) as {
    [Key in keyof Shape]: z.ZodType<z.output<Shape[Key]>, z.ZodTypeDef, z.input<Shape[Key]>>;
  };
