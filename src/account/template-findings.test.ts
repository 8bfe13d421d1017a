/**
 * What a template's type and variables mean for the numbers and params it serves: one row per
 * case, with the sentence an operator reads.
 */
import { describe, expect, it } from 'vitest';

import { templateKindFinding, templateParamsFindings, templateStateFinding } from './template-findings.js';
import type { TemplateRecord } from './account-records.js';

const template = (overrides: Partial<TemplateRecord>): TemplateRecord => ({ code: 'SMS_1', state: 'approved', kind: 'code', variables: ['code'], content: '验证码${code}', ...overrides });
const both = { mainland: true, overseas: true };
const mainland = { mainland: true, overseas: false };
const overseas = { mainland: false, overseas: true };

describe('templateKindFinding', () => {
  it.each([
    ['mainland code template for mainland numbers', template({}), mainland, undefined],
    ['international template for overseas numbers', template({ kind: 'international' }), overseas, undefined],
    ['mainland template for overseas numbers only: fail', template({}), overseas, 'fail'],
    ['international template for mainland numbers only: fail', template({ kind: 'international' }), mainland, 'fail'],
    ['one code for every number: warn (allowedRegionCodes may keep the others away)', template({}), both, 'warn'],
    ['promotional template for codes: fail', template({ kind: 'promotional' }), mainland, 'fail'],
    ['international promotional template (IntlType 1) for codes: fail', template({ kind: 'international', intlKind: 'promotional', rawIntlType: '1' }), overseas, 'fail'],
    ['international verification-code template (IntlType 2) for overseas numbers: no finding', template({ kind: 'international', intlKind: 'code', rawIntlType: '2' }), overseas, undefined],
    ['international notification template (IntlType 0), which may carry a code: no finding', template({ kind: 'international', intlKind: 'notification', rawIntlType: '0' }), overseas, undefined],
    ['international template of an IntlType this tool does not know: no verdict', template({ kind: 'international', intlKind: 'unknown', rawIntlType: '5' }), overseas, undefined],
    ['a type Aliyun did not say: no verdict', template({ kind: 'unknown' }), both, undefined],
  ])('%s', (_, record, use, status) => {
    expect(templateKindFinding(record, use)?.status).toBe(status);
  });

  it('says why a promotional international template fails, with Aliyun\'s raw values', () => {
    expect(templateKindFinding(template({ kind: 'international', rawType: 'TemplateType "3"', intlKind: 'promotional', rawIntlType: '1' }), overseas)).toEqual({
      status: 'fail',
      summary:
        'template SMS_1 is an international/Hong Kong-Macao-Taiwan promotional (marketing) template (IntlType 1), used here for verification codes: Aliyun approves a promotional template for marketing messages, not for codes',
      fix: 'apply for a verification-code template (验证码, IntlType 2) and use its code',
    });
  });
});

describe('templateParamsFindings', () => {
  it('fails a variable params does not fill, naming it, and warns a key the template lacks', () => {
    expect(templateParamsFindings(template({ variables: ['product', 'code'], content: '${product}${code}' }), ['code', 'app'], '')).toEqual([
      { variable: 'product', status: 'fail', summary: 'template SMS_1 needs ${product}, which params does not fill', fix: 'add "product": "<value or {{placeholder}}>" to params' },
      { variable: 'app', status: 'warn', summary: 'params fills ${app}, which template SMS_1 does not have', fix: 'remove "app" from params; Aliyun may refuse a TemplateParam key the template lacks' },
    ]);
  });

  it('says nothing without the content to compare with', () => {
    expect(templateParamsFindings(template({ content: undefined, variables: [] }), ['code'], '')).toEqual([]);
  });
});

describe('templateStateFinding', () => {
  it.each([
    [template({ state: 'reviewing', createdOn: '2026-12-01' }), 'fail', 'template SMS_1 is still under review, submitted 2026-12-01'],
    [template({ state: 'rejected', reason: '含错别字' }), 'fail', 'template SMS_1 was rejected: 含错别字'],
    [template({ state: 'cancelled' }), 'fail', "template SMS_1's review was cancelled"],
    [template({ state: 'unknown', rawState: '7' }), 'warn', 'template SMS_1 has review status 7, which this tool does not know'],
    [template({}), 'pass', 'template SMS_1 is approved (a verification-code template)'],
    [template({ kind: 'international', rawType: 'TemplateType "3"', intlKind: 'code', rawIntlType: '2' }), 'pass', 'template SMS_1 is approved (an international/Hong Kong-Macao-Taiwan verification-code template; Aliyun\'s IntlType 2)'],
    [template({ kind: 'unknown', rawType: 'TemplateType "7"' }), 'pass', 'template SMS_1 is approved (a template of a type this tool does not know; Aliyun\'s TemplateType "7")'],
  ])('%j', (record, status, summary) => {
    expect(templateStateFinding(record)).toMatchObject({ status, summary });
  });

  it('says when the answer came from QuerySmsTemplate, which Aliyun documents as taken offline', () => {
    expect(templateStateFinding(template({}), 'QuerySmsTemplate').summary).toBe(
      'template SMS_1 is approved (a verification-code template) (read through QuerySmsTemplate, the older action: this endpoint does not know GetSmsTemplate, and Aliyun documents QuerySmsTemplate as taken offline)'
    );
    expect(templateStateFinding(template({}), 'GetSmsTemplate').summary).toBe('template SMS_1 is approved (a verification-code template)');
  });
});
