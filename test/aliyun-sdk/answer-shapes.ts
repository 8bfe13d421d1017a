/**
 * @module answer-shapes
 * What an answer body may hold, and what one holds: a raw JSON answer flattened to the same paths
 * as a response model (sdk-models.ts), and the fields of a gateway error, which no action's model
 * describes because the SDK turns an HTTP status ≥ 400 into an exception.
 */
import type { WireType } from './sdk-models.js';

/** Every value of a JSON answer with its path (`A.B`, `A.List[]`, `A.List[].C`). */
export const jsonPaths = (value: unknown, prefix = ''): Array<{ path: string; value: unknown }> => {
  if (Array.isArray(value)) {
    const at = `${prefix.replace(/\.$/, '')}[]`;
    return value.flatMap((item: unknown) => [{ path: at, value: item }, ...jsonPaths(item, `${at}.`)]);
  }
  if (typeof value !== 'object' || value === null) {
    return [];
  }
  return Object.entries(value).flatMap(([key, child]) => [{ path: `${prefix}${key}`, value: child }, ...jsonPaths(child, `${prefix}${key}.`)]);
};

/**
 * The body of a gateway error (HTTP 4xx/5xx): the fields `@alicloud/openapi-core` 1.0.8 reads from
 * it (`dist/client.js`, `doRequest`: `Code`, `Message`, `RequestId`, `Detail`, `Description`,
 * `AccessDeniedDetail`), those of Aliyun's real gateway answers (fact sheet §1.4: `HostId`,
 * `Recommend`), and inside `AccessDeniedDetail` the fields Aliyun's access-denied documentation
 * names (docs/aliyun-sms-query-api.md §10, R3 and R4), which no SDK model declares.
 */
export const gatewayErrorFields: ReadonlyMap<string, WireType> = new Map([
  ['RequestId', 'string'],
  ['Code', 'string'],
  ['Message', 'string'],
  ['Detail', 'string'],
  ['Description', 'string'],
  ['HostId', 'string'],
  ['Recommend', 'string'],
  ['AccessDeniedDetail', 'object'],
  ['AccessDeniedDetail.AuthAction', 'string'],
  ['AccessDeniedDetail.AuthPrincipalType', 'string'],
  ['AccessDeniedDetail.AuthPrincipalOwnerId', 'string'],
  ['AccessDeniedDetail.AuthPrincipalDisplayName', 'string'],
  ['AccessDeniedDetail.PolicyType', 'string'],
  ['AccessDeniedDetail.NoPermissionType', 'string'],
  ['AccessDeniedDetail.EncodedDiagnosticMessage', 'string'],
]);

/** The declared type of `path` in a flattened model; a `map` field (`X.*`) declares any key under it. */
export const declaredType = (model: ReadonlyMap<string, WireType>, path: string): WireType | undefined => {
  const exact = model.get(path);
  if (exact !== undefined) {
    return exact;
  }
  const parent = path.slice(0, Math.max(path.lastIndexOf('.'), 0));
  return parent !== '' && model.has(`${parent}.*`) ? 'any' : undefined;
};
