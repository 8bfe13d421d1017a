/**
 * @module aliyun-answer
 * Reads a response body as Aliyun's answer: a JSON object with `Code`/`Message` (2017-05-25 and
 * gateway errors) or `ResponseCode`/`ResponseDescription` (2018-05-01); PNVS answers also carry
 * `Success` and put the receipt in `Model` (docs/aliyun-pnvs-api.md §4). Pure; anything else is
 * not Aliyun's, and the client reports it as such.
 */

/** Aliyun's verdict on a request; `success` is PNVS's `Success` flag, when the answer has one. */
export type AliyunOutcome = { code: string; message: string; requestId?: string; success?: boolean };

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

/**
 * How to read an answer. `codelessIsOk`: an answer with a `RequestId` and no code is a success, as
 * APIs outside SMS answer (STS `GetCallerIdentity`: Aliyun's STS SDK (`sts20150401`)
 * `GetCallerIdentityResponseBody.ts` has no `Code`). Never for a send, whose success always says `OK`.
 */
export type AnswerReading = { codelessIsOk?: boolean };

const outcomeOf = (body: Record<string, unknown>, { codelessIsOk = false }: AnswerReading): AliyunOutcome | undefined => {
  const code = body.Code ?? body.ResponseCode ?? (codelessIsOk && typeof body.RequestId === 'string' ? 'OK' : undefined);
  const message = body.Message ?? body.ResponseDescription;
  const requestId = body.RequestId;
  return typeof code === 'string'
    ? {
        code,
        message: typeof message === 'string' ? message : '',
        ...(typeof requestId === 'string' ? { requestId } : {}),
        ...(typeof body.Success === 'boolean' ? { success: body.Success } : {}),
      }
    : undefined;
};

/**
 * True when the answer says the message was accepted: `Code` `OK`, and no `Success: false`. A PNVS
 * answer with `Code: OK` and `Success: false` contradicts itself, so it is not taken as sent.
 */
export const isAccepted = ({ code, success }: AliyunOutcome): boolean => code === 'OK' && success !== false;

const stringsOf = (value: unknown, keys: readonly string[]): Record<string, string> => {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return Object.fromEntries(
    keys.flatMap((key) => {
      const field = record[key];
      return typeof field === 'string' ? [[key, field]] : [];
    })
  );
};

/**
 * The receipt of an accepted answer: `BizId` (SendSms, or PNVS's `Model.BizId`), `MessageId`
 * (2018-05-01) and the top-level `RequestId`. Nothing else, so a `Model.VerifyCode` never leaves.
 */
export const receiptOf = (body: Readonly<Record<string, unknown>>): Record<string, string> => ({
  ...stringsOf(body.Model, ['BizId']),
  ...stringsOf(body, ['BizId', 'MessageId', 'RequestId']),
});

/** The answer's fields and verdict, or `undefined` when the body is not an answer of Aliyun's. */
export const readAnswer = (text: string, reading: AnswerReading = {}): { body: Record<string, unknown>; outcome: AliyunOutcome } | undefined => {
  const body = parseObject(text);
  const outcome = body && outcomeOf(body, reading);
  return body && outcome ? { body, outcome } : undefined;
};
