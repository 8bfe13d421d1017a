/**
 * End to end: the table of PNVS gifted templates in docs/configuration.md ("Mainland codes without a signature of
 * your own", rows `100001`…`100005`), written out as literal expectations, one row per Logto
 * message type, and checked on the wire: the `TemplateCode` of the `SendSmsVerifyCode` request
 * the sandbox receives from the built package. Never compared with the code's own table
 * (`giftedTemplateByType`), which a wrong default would change too.
 */
import { TemplateType } from '@logto/connector-kit';
import { beforeEach, describe, expect, it } from 'vitest';

import { pnvsConnectorConfig } from '../sandbox/connector-config.js';
import { useSandboxAndConnector } from './harness.js';

const harness = useSandboxAndConnector({ flowControl: false });

beforeEach(() => {
  harness.sandbox.requests.clear();
  harness.sandbox.outbox.clear();
});

/** docs/configuration.md's table, row by row: message type, gifted template code, and what the text says. */
const readmeTable: Array<[type: TemplateType, templateCode: string, wording: string]> = [
  [TemplateType.SignIn, '100001', '您正在登录或注册'],
  [TemplateType.Register, '100001', '您正在登录或注册'],
  [TemplateType.Generic, '100001', '您正在登录或注册'],
  [TemplateType.MfaVerification, '100001', '您正在登录或注册'],
  [TemplateType.OrganizationInvitation, '100001', '您正在登录或注册'],
  [TemplateType.ForgotPassword, '100003', '您正在重置密码'],
  [TemplateType.BindNewIdentifier, '100004', '您正在绑定新手机号'],
  [TemplateType.BindMfa, '100004', '您正在绑定新手机号'],
  [TemplateType.UserPermissionValidation, '100005', '您正在验证绑定的手机号'],
];

it('the table covers every Logto message type exactly once', () => {
  expect(readmeTable.map(([type]) => type).sort()).toEqual(Object.values(TemplateType).sort());
});

describe.each([
  // No templates at all: the gifted default is all there is.
  ['a PNVS-only account', { ownSignature: false }],
  // Templates for SendSms without pnvsTemplateCode: types without an entry fall back to the
  // Generic entry, yet the gifted template still follows the message type.
  ['an account with its own SendSms templates and no pnvsTemplateCode', { ownSignature: true }],
])('PNVS default gifted template per message type (docs/configuration.md table), %s', (_, options) => {
  it.each(readmeTable.map(([type, templateCode, wording], index) => [type, templateCode, wording, `86139001390${String(index).padStart(2, '0')}`]))(
    '%s sends TemplateCode %s',
    async (type, templateCode, wording, to) => {
      await harness.connector.sendMessage({ to, type, payload: { code: '975310' } }, pnvsConnectorConfig(harness.sandbox, options));
      const requests = harness.sandbox.requests.list();
      expect(requests.map(({ params }) => [params.Action, params.TemplateCode])).toEqual([['SendSmsVerifyCode', templateCode]]);
      expect(harness.sandbox.outbox.list()[0]?.text).toContain(wording);
    }
  );
});
