/**
 * RPC answers and their wire form: JSON when `Format` is `JSON` (any case, real clients send
 * `json`), XML otherwise (fact sheet §0, §1.1).
 *
 * @module
 */

/**
 * A value an answer body may hold. An array is a repeated element in XML: `{ Item: [a, b] }` is
 * `<Item>a</Item><Item>b</Item>`, as Aliyun's `SmsSendDetailDTOs.SmsSendDetailDTO` lists.
 */
export type AnswerValue = string | number | boolean | AnswerValue[] | { [key: string]: AnswerValue };

/** What the sandbox answers to one RPC request, before serialization. */
export type RpcAnswer = {
  status: number;
  /** XML root element: `<Action>Response` for API results, `Error` for gateway errors. */
  root: string;
  body: Record<string, AnswerValue>;
};

/** The serialization a request asked for. */
export type AnswerFormat = 'JSON' | 'XML';

/**
 * §1.1: `Format` is optional and defaults to XML; the comparison ignores case. A V3-signed request
 * (signature-v3.ts) without `Format` gets JSON: the SDKs that sign V3 send no `Format`, ask for
 * `Accept: application/json` and parse the body as JSON (Aliyun does not document this default).
 */
export function answerFormat(format: string | undefined, signedV3 = false): AnswerFormat {
  if (format === undefined) {
    return signedV3 ? 'JSON' : 'XML';
  }
  return format.toUpperCase() === 'JSON' ? 'JSON' : 'XML';
}

/** Serializes an answer: content type and body text. */
export function renderAnswer(
  answer: RpcAnswer,
  format: AnswerFormat,
): { contentType: string; text: string } {
  if (format === 'JSON') {
    return { contentType: 'application/json;charset=utf-8', text: JSON.stringify(answer.body) };
  }
  return {
    contentType: 'text/xml;charset=utf-8',
    text: `<?xml version='1.0' encoding='UTF-8'?><${answer.root}>${xmlElements(answer.body)}</${answer.root}>`,
  };
}

function xmlElements(body: Record<string, AnswerValue>): string {
  return Object.entries(body)
    .map(([name, value]) => xmlElement(name, value))
    .join('');
}

function xmlElement(name: string, value: AnswerValue): string {
  if (Array.isArray(value)) {
    return value.map((item) => xmlElement(name, item)).join('');
  }
  const inner = typeof value === 'object' ? xmlElements(value) : escapeXml(String(value));
  return `<${name}>${inner}</${name}>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}
