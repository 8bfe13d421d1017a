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
 * The 2018-05-01 API's regional hosts, public and VPC (docs/aliyun-intl-api.md §1). Where Aliyun's
 * sources disagree, both hosts are listed: for `cn-hongkong` the SDK's endpoint map
 * (dysmsapi-20180501 1.0.10 `_endpointMap`) says `dysmsapi-xman.cn-hongkong.aliyuncs.com`, the
 * endpoint page and the API metadata say `dysmsapi.aliyuncs.com`. Any of them may be set as
 * `endpoint`; the request's `RegionId` is read from the host ({@link regionOfEndpoint}).
 */
export const internationalHosts: Readonly<Record<string, readonly string[]>> = {
  'ap-southeast-1': ['dysmsapi.ap-southeast-1.aliyuncs.com', 'dysmsapi-xman.vpc-proxy.aliyuncs.com'],
  'ap-southeast-5': ['dysmsapi.ap-southeast-5.aliyuncs.com', 'dysmsapi-xman-vpc.ap-southeast-5.aliyuncs.com'],
  'cn-beijing': ['dysmsapi-proxy.cn-beijing.aliyuncs.com'],
  'cn-hongkong': ['dysmsapi-xman.cn-hongkong.aliyuncs.com', 'dysmsapi.aliyuncs.com'],
  'eu-central-1': ['dysmsapi.eu-central-1.aliyuncs.com', 'dysmsapi-xman-vpc.eu-central-1.aliyuncs.com'],
  'us-east-1': ['dysmsapi.us-east-1.aliyuncs.com'],
};

/** The region of each international host, for the lookup below. */
const regionByInternationalHost: ReadonlyMap<string, string> = new Map(
  Object.entries(internationalHosts).flatMap(([region, hosts]) => hosts.map((host) => [host, region] as const))
);

/** The site's own region when the host names none (a loopback sandbox, a proxy). */
const siteRegions: Readonly<Record<Site, string>> = { china: 'cn-hangzhou', international: 'ap-southeast-1' };

/**
 * The Alibaba Cloud region an endpoint serves: an international host of the table above, else the
 * region in `dysmsapi[-prefix…].<region>.aliyuncs.com` (VPC hosts such as
 * `dysmsapi-xman-vpc.ap-southeast-5.aliyuncs.com` included), else the site's own region.
 */
export const regionOfEndpoint = (endpoint: string, site: Site): string => {
  const host = new URL(endpoint).hostname.toLowerCase().replace(/\.$/, '');
  const listed = site === 'international' ? regionByInternationalHost.get(host) : undefined;
  return listed ?? /^dysmsapi(?:-[a-z]+)*\.([a-z]+-[a-z]+(?:-\d+)?)\.aliyuncs\.com$/.exec(host)?.[1] ?? siteRegions[site];
};

/**
 * Jakarta (`ap-southeast-5`, the Indonesian site) serves `SendMessageToGlobe` but not
 * `SendMessageWithTemplate`, so no mainland China number can be sent from it
 * (https://www.alibabacloud.com/help/en/sms/indonesian-site-of-sms-console; fact sheet §3).
 */
export const jakartaRegion = 'ap-southeast-5';

/** Whether an international-site endpoint can send to mainland China numbers (SendMessageWithTemplate). */
export const servesMainlandTemplates = (endpoint: string): boolean => regionOfEndpoint(endpoint, 'international') !== jakartaRegion;

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

