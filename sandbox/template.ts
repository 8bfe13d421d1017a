/**
 * What the fake account has approved as a template, shared by the registry, its PNVS part and the
 * template-variable checks, so that none of them imports another for the shape alone.
 *
 * @module
 */

/** Logto's template usage types; lets the CLI print a ready-made connector config. */
export type UsageType = 'SignIn' | 'Register' | 'ForgotPassword' | 'Generic';

/**
 * An approved template. `mainland` templates send to mainland numbers only, `international`
 * (国际/港澳台) ones to everything else (§2, §8); `code` templates have one variable (§2).
 */
export type Template = {
  code: string;
  name: string;
  scope: 'mainland' | 'international';
  kind: 'code' | 'notification';
  content: string;
  usageType?: UsageType;
};
