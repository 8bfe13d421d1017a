/**
 * Where an answer Aliyun really gave contradicts the type an SDK model declares, the real answer
 * wins, and the package's readers must read both forms alike. Each row names the SDK model that
 * declares one type (checked here against the pinned SDK, so the dispute is real) and the source
 * of the other: an Aliyun page's example answer or an answer documented in full.
 */
import { describe, expect, it } from 'vitest';

import { readQueryResult } from '../../src/account/account-queries.js';
import { readAnswer } from '../../src/aliyun/aliyun-answer.js';
import { readSendDetails } from '../../src/account/message-records.js';
import { declaredType } from './answer-shapes.js';
import { sdkPins } from './sdk-environment.js';
import { modelSource, readResponseModel, wireTypeOf, type ModelRef } from './sdk-models.js';

/** The RAM action a refused query names, read by the package from a raw answer body. */
const authActionOf = (body: object): string | undefined => {
  const text = JSON.stringify(body);
  const answer = readAnswer(text);
  if (answer === undefined) throw new TypeError(`not an answer: ${text}`);
  const result = { kind: 'answer' as const, httpStatus: 200, ...answer, receivedAt: 0, attempts: 1, clockOffsetMs: 0, secrets: [] };
  const read = readQueryResult(result, 'https://dypnsapi.aliyuncs.com');
  return read.kind === 'refused' ? read.authAction : undefined;
};

const detail = { AuthAction: 'dypns:QuerySendDetails', NoPermissionType: 'ImplicitDeny', PolicyType: 'AccountLevelIdentityBasedPolicy' };

type Dispute = {
  field: string;
  sdk: ModelRef;
  /** The value as the SDK model types it, and as the real answer carried it. */
  declared: unknown;
  real: unknown;
  source: string;
  /** What the package reads from an answer with this value. */
  read: (value: unknown) => unknown;
};

const disputes: Dispute[] = [
  {
    field: 'TotalCount',
    sdk: { sdk: '@alicloud/dysmsapi20170525', model: 'QuerySendDetailsResponseBody' },
    declared: '2',
    real: 2,
    source: 'Aliyun\'s earlier QuerySendDetails reference (doc_api_915983): its schema says String, its JSON example answers "TotalCount":1',
    read: (value) => readSendDetails({ Code: 'OK', TotalCount: value, SmsSendDetailDTOs: { SmsSendDetailDTO: [] } }).total,
  },
  {
    field: 'AccessDeniedDetail',
    sdk: { sdk: '@alicloud/dypnsapi20170525', model: 'QuerySendDetailsResponseBody' },
    declared: JSON.stringify(detail),
    real: detail,
    source: 'Aliyun\'s announcement of the Forbidden.RAM answer, with its full body (docs/aliyun-sms-query-api.md §10, R3): an object',
    read: (value) => authActionOf({ Code: 'Forbidden.RAM', Message: 'User not authorized to operate on the specified resource.', AccessDeniedDetail: value }),
  },
];

describe('types Aliyun\'s answers and SDK models disagree on', () => {
  it.each(disputes.map((dispute) => [dispute.field, `${modelSource(dispute.sdk)} ${sdkPins[dispute.sdk.sdk]}`, dispute] as const))(
    '%s: the SDK declares one type (%s), a real answer carries another, and the package reads both alike',
    (_field, _model, { field, sdk, declared, real, read }) => {
      expect(declaredType(readResponseModel(sdk), field)).toBe(wireTypeOf(declared));
      expect(wireTypeOf(real)).not.toBe(wireTypeOf(declared));
      expect(read(real)).toEqual(read(declared));
      expect(read(real)).not.toBeUndefined();
    },
  );
});
