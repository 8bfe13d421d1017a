/**
 * Where the sandbox answers as Aliyun is believed to, not as Aliyun documents: each guess has an
 * id, the behaviour the sandbox implements, and the confidence the fact sheet gives it
 * ([M] secondary source or inference, [L] unverified). Tests that exercise a guess carry its id in
 * their name, and `sandbox/README.md` lists every entry, so agreement between the connector and
 * the sandbox on these points is never mistaken for agreement with Aliyun.
 *
 * @module
 */

/** One guessed Aliyun behaviour. */
export type Assumption = { id: string; behaviour: string; confidence: '[M]' | '[L]'; source: string };

/** Every guess the sandbox makes, by id. */
export const assumptions: readonly Assumption[] = [
  { id: 'A1', behaviour: 'A mainland template to an overseas number (Hong Kong included) is isv.MOBILE_NUMBER_ILLEGAL', confidence: '[L]', source: 'fact sheet §8: the error for this case was not found' },
  { id: 'A2', behaviour: 'SendMessageWithTemplate to a number outside mainland China is NOT_SUPPORTED_COUNTRY', confidence: '[L]', source: 'fact sheet §3: mirrors SendMessageToGlobe to a mainland number' },
  { id: 'A3', behaviour: 'International-site per-number flow control is answered BUSINESS_LIMIT_CONTROL_MINUTE, isv.BUSINESS_LIMIT_HOUR or isv.BUSINESS_LIMIT_DAY by tier', confidence: '[L]', source: 'docs/aliyun-intl-api.md §2: codes of an older published list; the current list has no rate-limit code' },
  { id: 'A4', behaviour: 'An unknown or non-mainland template on the 2018-05-01 API is SMS_CONTENT_CODE_ILLEGAL', confidence: '[M]', source: 'fact sheet §3: "template invalid: missing or blocked"' },
  { id: 'A5', behaviour: 'A missing required parameter on the 2018-05-01 API is INVALID_PARAMETERS in a 200 body, not a gateway 400', confidence: '[M]', source: 'fact sheet §3' },
  { id: 'A6', behaviour: 'Gateway refusals use HTTP 400 (SignatureDoesNotMatch, SignatureNonceUsed, InvalidTimeStamp.*), 404 (InvalidAccessKeyId.NotFound, InvalidAction.NotFound)', confidence: '[M]', source: 'fact sheet §5 and "What is uncertain": branch on Code, not status' },
  { id: 'A7', behaviour: 'A Timestamp with milliseconds is accepted', confidence: '[L]', source: 'fact sheet §1.1' },
  { id: 'A8', behaviour: 'Nonces are remembered for 15 minutes', confidence: '[L]', source: 'fact sheet §1.4: one forum answer says 31 minutes' },
  { id: 'A9', behaviour: 'A SignatureVersion other than 1.0 is InvalidSignatureVersion', confidence: '[L]', source: 'the code name is a guess' },
  { id: 'A10', behaviour: 'A SendSms batch with one unreadable number fails as a whole', confidence: '[L]', source: 'fact sheet §2: batches are documented, partial failure is not' },
  { id: 'A11', behaviour: 'PNVS: every wrong signature, template, scheme name or TemplateParam is INVALID_PARAMETERS', confidence: '[M]', source: 'docs/aliyun-pnvs-api.md §5: Aliyun may use isv.-prefixed or more specific codes' },
  { id: 'A12', behaviour: 'PNVS: the per-number interval refusal is FREQUENCY_FAIL and the hourly and daily caps BUSINESS_LIMIT_CONTROL', confidence: '[M]', source: 'docs/aliyun-pnvs-api.md §5: code names seen in public code, not on the API page' },
  { id: 'A13', behaviour: 'PNVS: besides the Interval between codes (default 60 s), 5 an hour and 10 a day per number, whatever the signature', confidence: '[L]', source: 'docs/aliyun-pnvs-api.md §6: set per account in the PNVS console, defaults not published' },
  { id: 'A14', behaviour: 'PNVS: a refusal (HTTP 400) has the body of a success without Model: { RequestId, Code, Message, Success: false }', confidence: '[M]', source: 'docs/aliyun-pnvs-api.md §4: the API reference lists the codes with HTTP 400 but shows no refusal body' },
  { id: 'A15', behaviour: 'QuerySmsTemplate / QuerySmsSign for a code or name not in the account is HTTP 200 isv.SMS_TEMPLATE_ILLEGAL / isv.SMS_SIGNATURE_ILLEGAL', confidence: '[L]', source: "docs/aliyun-sms-query-api.md §6: only GetSms*'s not-found codes are documented; SendSms's codes for the same case" },
  { id: 'A16', behaviour: 'A missing required parameter of a read-only query is the gateway Missing<Name> (HTTP 400), as for SendSms', confidence: '[M]', source: 'fact sheet §2 (SendSms); not stated for the queries' },
  { id: 'A17', behaviour: 'QuerySendDetails: a malformed SendDate, one older than 30 days, PageSize outside 1-50 or CurrentPage below 1 is HTTP 200 isv.INVALID_PARAMETERS', confidence: '[M]', source: 'docs/aliyun-sms-query-api.md §7: old docs for the date format; the rest inferred' },
  { id: 'A18', behaviour: 'A QuerySendDetails record waiting for its receipt has neither ErrCode nor ReceiveDate', confidence: '[L]', source: 'docs/aliyun-sms-query-api.md §7: not documented' },
  { id: 'A19', behaviour: 'A RAM user without a dysms action gets HTTP 403 Forbidden.RAM with AccessDeniedDetail (AuthAction, NoPermissionType, ...); the values besides AuthAction are stand-ins', confidence: '[M]', source: "docs/aliyun-sms-query-api.md §10: Aliyun's answer for read APIs, not an SMS page" },
  { id: 'A20', behaviour: "GetSmsTemplate's TemplateNotFound and GetSmsSign's SignatureNotFound (HTTP 404) have the gateway's body { RequestId, HostId, Code, Message, Recommend }", confidence: '[M]', source: 'docs/aliyun-sms-query-api.md §3: the codes and statuses are documented, the body is not' },
  { id: 'A21', behaviour: 'QueryMessage for an unknown MessageId is INVALID_PARAMETERS in a 200 body', confidence: '[L]', source: 'docs/aliyun-sms-query-api.md §8: not documented' },
  { id: 'A22', behaviour: 'QuerySmsTemplateList / QuerySmsSignList with PageIndex below 1 or PageSize outside 1-50 is HTTP 200 isv.INVALID_PARAMETERS', confidence: '[M]', source: 'docs/aliyun-sms-query-api.md §4: the limits are documented, the refusal is not' },
  { id: 'A23', behaviour: "PNVS's QuerySendDetails lists the number's SendSmsVerifyCode messages of that day, and refuses a malformed value as SMS's does (A17) but with PNVS's bare INVALID_PARAMETERS and Success: false in a 200 body", confidence: '[L]', source: 'docs/aliyun-sms-query-api.md §9: marked deprecated; which messages it returns and its refusals are not documented' },
];
