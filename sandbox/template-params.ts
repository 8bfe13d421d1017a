/**
 * Template variables: reading `TemplateParam`, matching it against a template's `${var}`
 * placeholders and filling them in, with the failure modes Aliyun distinguishes (fact sheet §2, §5).
 *
 * @module
 */
import type { Template } from './template.js';

/** Why a `TemplateParam` does not fit a template. */
export type ParamProblem =
  /** Not a JSON object of string values (§2: `{"code":123}` → `isv.INVALID_JSON_PARAM`). */
  | 'invalid-json'
  /** A `${var}` of the template has no (or an empty) value (§5 `isv.TEMPLATE_MISSING_PARAMETERS`). */
  | 'missing'
  /** A key the template does not have (§5: variables don't match → `isv.SMS_TEMPLATE_ILLEGAL`). */
  | 'unexpected'
  /** A code template's value is not 4–6 letters or digits (§2; §5 `isv.TEMPLATE_PARAMS_ILLEGAL`). */
  | 'bad-code';

/** The outcome of matching a `TemplateParam` against a template. */
export type ParamCheck =
  | { ok: true; values: Record<string, string>; text: string; code: string | undefined }
  | { ok: false; problem: ParamProblem };

/** The distinct `${name}` placeholders of a template, in order of appearance. */
export function templateVariables(content: string): string[] {
  return [...new Set(Array.from(content.matchAll(/\$\{([^}]+)\}/g), (match) => match[1] ?? ''))];
}

/** Checks `TemplateParam` (absent = no values) against a template and renders its text. */
export function checkTemplateParam(raw: string | undefined, template: Template): ParamCheck {
  const values = parseValues(raw);
  if (values === undefined) {
    return { ok: false, problem: 'invalid-json' };
  }
  const variables = templateVariables(template.content);
  // Missing values first: a misspelt key (`Code` for `${code}`) is reported as the missing variable.
  const missing = variables.find((name) => (values[name] ?? '') === '');
  if (missing !== undefined) {
    return { ok: false, problem: 'missing' };
  }
  const unexpected = Object.keys(values).find((key) => !variables.includes(key));
  if (unexpected !== undefined) {
    return { ok: false, problem: 'unexpected' };
  }
  const code = template.kind === 'code' ? values[variables[0] ?? ''] : undefined;
  if (code !== undefined && !/^[A-Za-z0-9]{4,6}$/.test(code)) {
    return { ok: false, problem: 'bad-code' };
  }
  const text = template.content.replace(/\$\{([^}]+)\}/g, (_match, name: string) => values[name] ?? '');
  return { ok: true, values, text, code };
}

function parseValues(raw: string | undefined): Record<string, string> | undefined {
  if (raw === undefined || raw === '') {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return undefined;
  }
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof value !== 'string') {
      return undefined;
    }
    values[key] = value;
  }
  return values;
}
