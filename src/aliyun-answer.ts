/**
 * @module aliyun-answer
 * Reads a response body as Aliyun's answer: a JSON object with `Code`/`Message` (2017-05-25 and
 * gateway errors) or `ResponseCode`/`ResponseDescription` (2018-05-01). Pure; anything else is not
 * Aliyun's, and the client reports it as such.
 */

/** Aliyun's verdict on a request. */
export type AliyunOutcome = { code: string; message: string; requestId?: string };

const parseObject = (text: string): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
};

const outcomeOf = (body: Record<string, unknown>): AliyunOutcome | undefined => {
  const code = body.Code ?? body.ResponseCode;
  const message = body.Message ?? body.ResponseDescription;
  const requestId = body.RequestId;
  return typeof code === 'string'
    ? {
        code,
        message: typeof message === 'string' ? message : '',
        ...(typeof requestId === 'string' ? { requestId } : {}),
      }
    : undefined;
};

/** The answer's fields and verdict, or `undefined` when the body is not an answer of Aliyun's. */
export const readAnswer = (text: string): { body: Record<string, unknown>; outcome: AliyunOutcome } | undefined => {
  const body = parseObject(text);
  const outcome = body && outcomeOf(body);
  return body && outcome ? { body, outcome } : undefined;
};
