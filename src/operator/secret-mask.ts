/**
 * @module secret-mask
 * How the operator commands show an AccessKey ID: enough to tell two keys apart, not enough to
 * use one. The secret and signatures are never shown at all.
 */

/** The first four and last three characters of an AccessKey ID, the rest as `****`; short ids fully masked. */
export const maskAccessKeyId = (accessKeyId: string): string =>
  accessKeyId.length < 12 ? '****' : `${accessKeyId.slice(0, 4)}****${accessKeyId.slice(-3)}`;
