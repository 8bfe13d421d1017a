/**
 * What the fake account has approved as a template, shared by the registry, its PNVS part and the
 * template-variable checks, so that none of them imports another for the shape alone.
 *
 * @module
 */

/** Logto's template usage types; lets the CLI print a ready-made connector config. */
export type UsageType = 'SignIn' | 'Register' | 'ForgotPassword' | 'Generic';

/**
 * A template. `mainland` templates send to mainland numbers only, `international` (国际/港澳台)
 * ones to everything else (§2, §8); `code` templates have one variable (§2); `marketing` is
 * Aliyun's promotional type (推广短信, docs/aliyun-sms-query-api.md §2).
 */
export type Template = {
  code: string;
  name: string;
  scope: 'mainland' | 'international';
  kind: 'code' | 'notification' | 'marketing';
  content: string;
  usageType?: UsageType;
};

/**
 * Where a template or signature stands in Aliyun's review (docs/aliyun-sms-query-api.md §2, §5):
 * status `0` reviewing, `1` approved, `2` rejected, `10` cancelled.
 */
export type ReviewStatus = 'reviewing' | 'approved' | 'rejected' | 'cancelled';

/**
 * A template's or signature's review as the read-only APIs report it. `owner: 'other'` stands for
 * one approved in another Aliyun account: this account's queries and sends do not find it.
 */
export type Review = {
  status: ReviewStatus;
  /** The rejection reason (`Reason`, `AuditInfo.RejectInfo`); only for `rejected`. */
  reason?: string;
  /** `yyyy-MM-dd HH:mm:ss`, China time, as Aliyun's `CreateDate`. */
  createdAt: string;
  owner: 'this' | 'other';
};

/** A template with its review: what the registry and the account state hold. */
export type ReviewedTemplate = Template & Review;

/** A signature (`SignName`) with its review. */
export type Signature = { name: string } & Review;
