/**
 * @module endpoint
 * Where requests go: each account site's API host, and which `endpoint` URLs an operator may set
 * (https anywhere, plain http only to a loopback host such as the local sandbox).
 */

/** Which Alibaba Cloud site the account lives on; each has its own SMS API (fact sheet §0). */
export const sites = ['china', 'international'] as const;

/** An account's site: `china` (aliyun.com) or `international` (alibabacloud.com). */
export type Site = (typeof sites)[number];

/** The API host of each site when `endpoint` is not set (fact sheet §2, §3). */
export const defaultEndpoints: Readonly<Record<Site, string>> = {
  china: 'https://dysmsapi.aliyuncs.com',
  international: 'https://dysmsapi.ap-southeast-1.aliyuncs.com',
};

/**
 * The 2018-05-01 API's regional hosts, as Aliyun's generated SDKs map them (dysmsapi-20180501
 * `_endpointMap`; docs/aliyun-intl-api.md §1). Any of them may be set as `endpoint`; the request's
 * `RegionId` is read from the host (route.ts `regionIdFor`).
 */
export const internationalHosts: Readonly<Record<string, string>> = {
  'ap-southeast-1': 'dysmsapi.ap-southeast-1.aliyuncs.com',
  'ap-southeast-5': 'dysmsapi.ap-southeast-5.aliyuncs.com',
  'cn-beijing': 'dysmsapi-proxy.cn-beijing.aliyuncs.com',
  'cn-hongkong': 'dysmsapi-xman.cn-hongkong.aliyuncs.com',
  'eu-central-1': 'dysmsapi.eu-central-1.aliyuncs.com',
  'us-east-1': 'dysmsapi.us-east-1.aliyuncs.com',
};

const loopbackHosts = new Set(['localhost', '[::1]']);

/** Loopback hosts, the only ones allowed over plain http (the local sandbox). */
export const isLoopbackHost = (hostname: string): boolean =>
  loopbackHosts.has(hostname) || /^127(?:\.\d{1,3}){3}$/.test(hostname);

/** What is wrong with an `endpoint` URL, or `undefined` when it may be used (config-endpoint.ts says it). */
export const endpointProblem = (value: string): string | undefined => {
  if (!URL.canParse(value)) {
    return 'is not a URL';
  }
  const url = new URL(value);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    return url.protocol === 'http:' ? 'uses http:// for a host that is not loopback' : `uses ${url.protocol}//, not https://`;
  }
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') {
    return 'must be only a scheme and host (and port), with no path, query or credentials';
  }
  return undefined;
};

