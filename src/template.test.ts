import { ConnectorErrorCodes } from '@logto/connector-kit';
import { describe, expect, it } from 'vitest';

import { renderTemplateParam } from './template.js';

describe('renderTemplateParam', () => {
  it.each<[string, Record<string, string>, Record<string, unknown>, string]>([
    ['the default maps code', { code: '{{code}}' }, { code: '123456', locale: 'zh-CN' }, '{"code":"123456"}'],
    ['renamed variable and literal text', { verifyCode: '{{ code }}', product: 'Logto' }, { code: '42' }, '{"verifyCode":"42","product":"Logto"}'],
    ['dotted paths reach nested strings', { app: '{{application.name}}' }, { application: { name: 'Acme' } }, '{"app":"Acme"}'],
    ['a missing nested property renders empty', { app: '{{application.name}}' }, { application: {} }, '{"app":""}'],
    ['an object value never becomes [object Object]', { who: '{{user}}' }, { user: { id: 'u1' } }, '{"who":""}'],
    ['prototype names render empty', { p: '{{__proto__}}', c: '{{constructor}}' }, { code: '1' }, '{"p":"","c":""}'],
    ['numbers become strings', { code: '{{code}}' }, { code: 123_456 }, '{"code":"123456"}'],
    ['quotes and newlines are JSON-escaped', { code: '{{code}}' }, { code: 'a"b\nc' }, '{"code":"a\\"b\\nc"}'],
  ])('%s', (_, params, payload, expected) => {
    expect(renderTemplateParam(params, payload)).toBe(expected);
  });

  it('refuses a placeholder the payload cannot fill, instead of texting "{{code}}" to a user', () => {
    expect(() => renderTemplateParam({ code: '{{code}}' }, { locale: 'en' })).toThrow(
      expect.objectContaining({
        code: ConnectorErrorCodes.InsufficientRequestParameters,
        data: { message: "Template parameter code needs {{code}}, which this message's payload does not have." },
      })
    );
  });
});
