/**
 * TemplateParam against a template (fact sheet §2, §5), and SMS part counting (§3 `Segments`).
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import type { Template } from './registry.js';
import { segmentCount } from './segments.js';
import { checkTemplateParam, templateVariables } from './template-params.js';

const code: Template = { code: 'SMS_1', name: 'n', scope: 'mainland', kind: 'code', content: '验证码${code}，${code}' };
const notice: Template = { code: 'SMS_2', name: 'n', scope: 'mainland', kind: 'notification', content: '${a} and ${b}' };

describe('checkTemplateParam', () => {
  it.each([
    ['code template, digits', code, '{"code":"123456"}', { ok: true, text: '验证码123456，123456', code: '123456' }],
    ['code template, letters and digits', code, '{"code":"a1B2"}', { ok: true, code: 'a1B2' }],
    ['notification template: no code', notice, '{"a":"x","b":"y"}', { ok: true, text: 'x and y', code: undefined }],
    ['absent TemplateParam', notice, undefined, { ok: false, problem: 'missing' }],
    ['one value missing', notice, '{"a":"x"}', { ok: false, problem: 'missing' }],
    ['extra key', notice, '{"a":"x","b":"y","c":"z"}', { ok: false, problem: 'unexpected' }],
    ['misspelt key is reported missing first', code, '{"Code":"1234"}', { ok: false, problem: 'missing' }],
    ['number value', code, '{"code":1234}', { ok: false, problem: 'invalid-json' }],
    ['null', code, 'null', { ok: false, problem: 'invalid-json' }],
    ['array', code, '["1234"]', { ok: false, problem: 'invalid-json' }],
    ['broken JSON', code, '{"code":', { ok: false, problem: 'invalid-json' }],
    ['3-character code', code, '{"code":"123"}', { ok: false, problem: 'bad-code' }],
    ['7-character code', code, '{"code":"1234567"}', { ok: false, problem: 'bad-code' }],
    ['code with a space', code, '{"code":"12 34"}', { ok: false, problem: 'bad-code' }],
  ])('%s', (_why, template, raw, expected) => {
    expect(checkTemplateParam(raw, template)).toMatchObject(expected);
  });

  it('lists distinct variables in order', () => {
    expect(templateVariables('${b}${a}${b}')).toEqual(['b', 'a']);
  });
});

describe('segmentCount', () => {
  it.each([
    ['empty', '', 1],
    ['160 GSM', 'x'.repeat(160), 1],
    ['161 GSM', 'x'.repeat(161), 2],
    ['306 GSM: two parts of 153', 'x'.repeat(306), 2],
    ['extension characters take two septets', '€'.repeat(81), 2],
    ['70 UCS-2', '码'.repeat(70), 1],
    ['71 UCS-2', '码'.repeat(71), 2],
    ['one Chinese character makes the whole text UCS-2', `${'x'.repeat(70)}码`, 2],
  ])('%s → %i', (_why, text, parts) => {
    expect(segmentCount(text)).toBe(parts);
  });
});
