// Custom domain names and their API mappings (base path mappings): `api.example.com/v1/...` reaches a
// stage of a REST or HTTP API with the base path stripped (`/v1/orders` → `/orders`). The empty base path
// `(none)` catches every request no other mapping matches; with no match at all API Gateway answers 403
// `{"message":"Forbidden"}` (it has nowhere to send the request). Multi-level base paths (`orders/v1`)
// exist for Regional domains with the TLS 1.2 policy, and the longest matching mapping wins.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mappings.html ;
// https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-custom-domains.html ;
// 403 "Forbidden" without a mapping: Miserlou/Zappa#1248 (maintainer's explanation).
// Plain records in their own world slot, cloned by snapshots. Certificates are not checked: any ARN is
// accepted (the sandbox has no ACM).
import { awsError, fail, ok, type AwsError, type Result } from '../result.js';
import type { World } from '../world.js';
import { findApi, newId } from './model.js';
import { badRequest, conflict, notFound } from './rest-api.js';

export type DomainEndpointType = 'REGIONAL' | 'EDGE';

export interface ApiMapping {
  /** `''` is the empty base path, printed `(none)`. */
  readonly basePath: string;
  readonly apiMappingId: string;
  readonly apiId: string;
  /** Undefined: callers name the stage as the first path segment after the base path. */
  readonly stage?: string;
}

export interface CustomDomain {
  readonly domainName: string;
  readonly endpointType: DomainEndpointType;
  readonly certificateArn: string;
  readonly securityPolicy: 'TLS_1_0' | 'TLS_1_2';
  /** The name DNS points at: `d-xxxxxxxxxx.execute-api.REGION.amazonaws.com` or a CloudFront domain. */
  readonly targetDomainName: string;
  readonly createdDateMs: number;
  mappings: Record<string, ApiMapping>;
}

type DomainState = Record<string, CustomDomain>;

export const APIGATEWAY_DOMAINS_SLOT = 'apigateway.domains';

export const domainState = (world: World): DomainState => world.service<DomainState>(APIGATEWAY_DOMAINS_SLOT, () => ({}));

export const NONE_BASE_PATH = '(none)';

export interface CreateDomainInput {
  readonly domainName: string;
  readonly endpointType: DomainEndpointType;
  readonly certificateArn?: string;
  readonly securityPolicy?: 'TLS_1_0' | 'TLS_1_2';
}

/** Wordings in this file are the simulator's unless a comment says otherwise. */
export function createDomainName(world: World, input: CreateDomainInput): Result<CustomDomain> {
  const state = domainState(world);
  if (!/^[a-z0-9*]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(input.domainName)) return fail(badRequest(`Invalid domain name: ${input.domainName}`));
  if (state[input.domainName] !== undefined) return fail(conflict('The domain name you provided already exists.'));
  if (input.certificateArn === undefined) {
    const flag = input.endpointType === 'REGIONAL' ? '--regional-certificate-arn' : '--certificate-arn';
    return fail(badRequest(`A ${input.endpointType} custom domain name needs a certificate: pass ${flag}`));
  }
  const id = newId(world, 10);
  const domain: CustomDomain = {
    domainName: input.domainName, endpointType: input.endpointType, certificateArn: input.certificateArn, securityPolicy: input.securityPolicy ?? 'TLS_1_2',
    targetDomainName: input.endpointType === 'REGIONAL' ? `d-${id}.execute-api.${world.region}.amazonaws.com` : `d${id}.cloudfront.net`, createdDateMs: world.nowMs, mappings: {},
  };
  state[input.domainName] = domain;
  return ok(domain);
}

export function findDomain(world: World, domainName: string): Result<CustomDomain> {
  const domain = domainState(world)[domainName];
  return domain === undefined ? fail(notFound('Invalid domain name identifier specified')) : ok(domain);
}

/** `(none)`, `''` and undefined are the empty base path; slashes at either end are dropped. */
export const normaliseBasePath = (basePath: string | undefined): string => (basePath === undefined || basePath === NONE_BASE_PATH ? '' : basePath.replace(/^\/+|\/+$/g, ''));

function basePathProblem(domain: CustomDomain, basePath: string): AwsError | undefined {
  if (basePath !== '' && !/^[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/.test(basePath)) return badRequest(`Invalid base path: ${basePath}`);
  const isMultiLevel = basePath.includes('/');
  if (isMultiLevel && (domain.endpointType !== 'REGIONAL' || domain.securityPolicy !== 'TLS_1_2')) {
    return badRequest('Multi-level base paths need a REGIONAL custom domain name with the TLS_1_2 security policy');
  }
  if (domain.mappings[basePath] !== undefined) return conflict(`A mapping for base path ${basePath === '' ? NONE_BASE_PATH : basePath} already exists on ${domain.domainName}`);
  return undefined;
}

export interface CreateMappingInput {
  readonly domainName: string;
  readonly basePath?: string;
  readonly apiId: string;
  readonly stage?: string;
  /** The v2 operation maps HTTP APIs too; the v1 one only REST APIs. */
  readonly kinds: readonly ('REST' | 'HTTP')[];
}

export function createApiMapping(world: World, input: CreateMappingInput): Result<ApiMapping> {
  const domain = findDomain(world, input.domainName);
  if (!domain.ok) return domain;
  const api = findApi(world, input.apiId);
  if (api === undefined || !input.kinds.includes(api.kind)) return fail(notFound(`Invalid API identifier specified ${world.accountId}:${input.apiId}`));
  if (input.stage !== undefined && api.stages[input.stage] === undefined) return fail(badRequest('Invalid stage identifier specified'));
  if (api.kind === 'HTTP' && domain.value.endpointType !== 'REGIONAL') return fail(badRequest('HTTP APIs can be mapped only to REGIONAL custom domain names')); // APIGW-01
  const basePath = normaliseBasePath(input.basePath);
  const problem = basePathProblem(domain.value, basePath);
  if (problem !== undefined) return fail(problem);
  const mapping: ApiMapping = { basePath, apiMappingId: newId(world, 6), apiId: api.id, ...(input.stage === undefined ? {} : { stage: input.stage }) };
  domain.value.mappings[basePath] = mapping;
  return ok(mapping);
}

export function deleteApiMapping(world: World, domainName: string, basePath: string | undefined): Result<ApiMapping> {
  const domain = findDomain(world, domainName);
  if (!domain.ok) return domain;
  const key = normaliseBasePath(basePath);
  const mapping = domain.value.mappings[key];
  if (mapping === undefined) return fail(notFound('Invalid base path mapping identifier specified'));
  delete domain.value.mappings[key];
  return ok(mapping);
}

/** Where a request to a URL goes: an API (and stage, unless it comes from the path) and the path it sees. */
export type UrlTarget =
  | { readonly kind: 'api'; readonly api: string; readonly stage?: string; readonly path: string; readonly domain?: { readonly domainName: string; readonly basePath: string } }
  | { readonly kind: 'no-mapping'; readonly domainName: string; readonly path: string };

const depthOf = (mapping: ApiMapping): number => (mapping.basePath === '' ? 0 : mapping.basePath.split('/').length);

/** The longest mapping whose segments start the path, else `(none)`, else undefined. */
function mappingFor(domain: CustomDomain, segments: readonly string[]): ApiMapping | undefined {
  let best: ApiMapping | undefined;
  for (const mapping of Object.values(domain.mappings)) {
    const parts = mapping.basePath === '' ? [] : mapping.basePath.split('/');
    const matches = parts.length <= segments.length && parts.every((part, i) => segments[i] === part);
    if (matches && (best === undefined || parts.length > depthOf(best))) best = mapping;
  }
  return best;
}

/**
 * `https://api.example.com/v1/orders?x=1` through the domain's mappings, or
 * `https://ID.execute-api.REGION.amazonaws.com/prod/orders` straight to the API.
 */
export function resolveUrl(world: World, url: string): Result<UrlTarget> {
  const match = /^https?:\/\/([^/?#]+)([^#]*)$/i.exec(url);
  if (match === null) return fail(awsError('InvalidUrl', 400, `Not a URL: ${url}`));
  const host = match[1]!.toLowerCase();
  const rest = match[2] === '' ? '/' : match[2]!;
  const [pathOnly = '/', query] = rest.split(/\?(.*)/s);
  const suffix = query === undefined ? '' : `?${query}`;
  const executeApi = /^([a-z0-9]+)\.execute-api\.[a-z0-9-]+\.amazonaws\.com$/.exec(host);
  if (executeApi !== null) return ok({ kind: 'api', api: executeApi[1]!, path: `${pathOnly}${suffix}` });
  const domain = domainState(world)[host];
  if (domain === undefined) return fail(awsError('CouldNotResolveHost', 6, `Could not resolve host: ${host} (no custom domain name of that name: aws apigateway create-domain-name)`));
  const segments = pathOnly.split('/').filter((s) => s !== '');
  const mapping = mappingFor(domain, segments);
  if (mapping === undefined) return ok({ kind: 'no-mapping', domainName: host, path: pathOnly });
  const path = `/${segments.slice(depthOf(mapping)).join('/')}${suffix}`;
  return ok({ kind: 'api', api: mapping.apiId, ...(mapping.stage === undefined ? {} : { stage: mapping.stage }), path, domain: { domainName: host, basePath: mapping.basePath === '' ? NONE_BASE_PATH : mapping.basePath } });
}
