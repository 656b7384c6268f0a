// The sandbox rows for custom domain names: `aws apigateway create-domain-name | get-domain-name |
// create-base-path-mapping | get-base-path-mappings | delete-base-path-mapping` (camelCase members) and
// `aws apigatewayv2 create-api-mapping | get-api-mappings` (PascalCase), over domains.ts.
import type { ApiDocument, OperationSpec, ParamSpec } from '../cli/operation-spec.js';
import { fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { isoDate } from './describe.js';
import { createApiMapping, createDomainName, deleteApiMapping, findDomain, NONE_BASE_PATH, type ApiMapping, type CustomDomain, type DomainEndpointType } from './domains.js';
import { badMember, readList, readRecord, readString } from './request.js';

function describeDomain(domain: CustomDomain, region: string): ApiDocument {
  const endpoint = domain.endpointType === 'REGIONAL'
    ? { regionalDomainName: domain.targetDomainName, regionalHostedZoneId: 'Z1UJRXOUMOOFQ8', regionalCertificateArn: domain.certificateArn }
    : { distributionDomainName: domain.targetDomainName, distributionHostedZoneId: 'Z2FDTNDATAQYW2', certificateArn: domain.certificateArn };
  return {
    domainName: domain.domainName, ...endpoint, endpointConfiguration: { types: [domain.endpointType] }, domainNameStatus: 'AVAILABLE',
    securityPolicy: domain.securityPolicy, certificateUploadDate: isoDate(domain.createdDateMs), region,
  };
}

const describeBasePathMapping = (mapping: ApiMapping): ApiDocument => ({
  basePath: mapping.basePath === '' ? NONE_BASE_PATH : mapping.basePath, restApiId: mapping.apiId, ...(mapping.stage === undefined ? {} : { stage: mapping.stage }),
});

const describeApiMapping = (mapping: ApiMapping): ApiDocument => ({
  ApiId: mapping.apiId, ApiMappingId: mapping.apiMappingId, ApiMappingKey: mapping.basePath, ...(mapping.stage === undefined ? {} : { Stage: mapping.stage }),
});

const sortedMappings = (domain: CustomDomain): ApiMapping[] => Object.values(domain.mappings).sort((a, b) => a.basePath.localeCompare(b.basePath));

function createDomainNameCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  const domainName = readString(request, 'domainName');
  if (domainName === undefined) return fail(badMember('domainName'));
  const type = readList(readRecord(request, 'endpointConfiguration') ?? {}, 'types')[0] ?? 'EDGE';
  if (type !== 'REGIONAL' && type !== 'EDGE') return fail(badMember('endpointConfiguration.types', 'must be REGIONAL or EDGE'));
  const certificateArn = readString(request, type === 'REGIONAL' ? 'regionalCertificateArn' : 'certificateArn');
  const policy = readString(request, 'securityPolicy');
  const created = createDomainName(world, {
    domainName: domainName.toLowerCase(), endpointType: type as DomainEndpointType, ...(certificateArn === undefined ? {} : { certificateArn }),
    ...(policy === 'TLS_1_0' || policy === 'TLS_1_2' ? { securityPolicy: policy } : {}),
  });
  return created.ok ? ok(describeDomain(created.value, world.region)) : created;
}

function createBasePathMappingCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  const basePath = readString(request, 'basePath');
  const stage = readString(request, 'stage');
  const created = createApiMapping(world, {
    domainName: readString(request, 'domainName') ?? '', apiId: readString(request, 'restApiId') ?? '', kinds: ['REST'],
    ...(basePath === undefined ? {} : { basePath }), ...(stage === undefined || stage === NONE_BASE_PATH ? {} : { stage }),
  });
  return created.ok ? ok(describeBasePathMapping(created.value)) : created;
}

function createApiMappingCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  const key = readString(request, 'ApiMappingKey');
  const created = createApiMapping(world, {
    domainName: readString(request, 'DomainName') ?? '', apiId: readString(request, 'ApiId') ?? '', stage: readString(request, 'Stage') ?? '', kinds: ['REST', 'HTTP'],
    ...(key === undefined ? {} : { basePath: key }),
  });
  return created.ok ? ok(describeApiMapping(created.value)) : created;
}

const domainNameParam: ParamSpec = { flag: '--domain-name', member: 'domainName', type: 'string', required: true, description: 'The custom domain name, e.g. api.example.com.' };
const basePathParam: ParamSpec = { flag: '--base-path', member: 'basePath', type: 'string', required: false, description: 'The first path segment(s) callers add after the domain (v1); (none) or omitted = the empty base path.' };
const v1 = (command: string, operation: string, summary: string, params: readonly ParamSpec[], run: OperationSpec['run']): OperationSpec => ({ service: 'apigateway', command, operation, summary, params, run });
const v2 = (command: string, operation: string, summary: string, params: readonly ParamSpec[], run: OperationSpec['run']): OperationSpec => ({ service: 'apigatewayv2', command, operation, summary, params, run });

export const APIGATEWAY_DOMAIN_OPERATIONS: readonly OperationSpec[] = [
  v1('create-domain-name', 'CreateDomainName', 'Creates a custom domain name (REGIONAL or EDGE) that base path mappings route to API stages.', [
    domainNameParam,
    { flag: '--regional-certificate-arn', member: 'regionalCertificateArn', type: 'string', required: false, description: 'The ACM certificate for a REGIONAL domain (any ARN: the sandbox has no ACM).' },
    { flag: '--certificate-arn', member: 'certificateArn', type: 'string', required: false, description: 'The ACM certificate (us-east-1) for an EDGE domain.' },
    { flag: '--endpoint-configuration', member: 'endpointConfiguration', type: 'json', required: false, description: 'types=REGIONAL or types=EDGE (the default).' },
    { flag: '--security-policy', member: 'securityPolicy', type: 'string', required: false, description: 'TLS_1_2 (default here) or TLS_1_0; multi-level base paths need TLS_1_2 on a REGIONAL domain.', choices: ['TLS_1_0', 'TLS_1_2'] },
  ], createDomainNameCommand),
  v1('get-domain-name', 'GetDomainName', 'Shows a custom domain name and the target DNS should point at.', [domainNameParam], (world, request) => {
    const domain = findDomain(world, readString(request, 'domainName') ?? '');
    return domain.ok ? ok(describeDomain(domain.value, world.region)) : domain;
  }),
  v1('create-base-path-mapping', 'CreateBasePathMapping', 'Maps a base path of a custom domain to a REST API stage: https://DOMAIN/BASE/orders reaches /orders.', [
    domainNameParam, basePathParam,
    { flag: '--rest-api-id', member: 'restApiId', type: 'string', required: true, description: 'The REST API id (or name).' },
    { flag: '--stage', member: 'stage', type: 'string', required: false, description: 'The stage; omitted: callers name the stage after the base path.' },
  ], createBasePathMappingCommand),
  v1('get-base-path-mappings', 'GetBasePathMappings', "Lists a custom domain's base path mappings.", [domainNameParam], (world, request) => {
    const domain = findDomain(world, readString(request, 'domainName') ?? '');
    return domain.ok ? ok({ items: sortedMappings(domain.value).map(describeBasePathMapping) }) : domain;
  }),
  v1('delete-base-path-mapping', 'DeleteBasePathMapping', 'Removes a base path mapping; requests to that base path then fall to (none), or get 403 Forbidden.', [
    domainNameParam, { ...basePathParam, required: true },
  ], (world, request) => {
    const deleted = deleteApiMapping(world, readString(request, 'domainName') ?? '', readString(request, 'basePath'));
    return deleted.ok ? ok({}) : deleted;
  }),
  v2('create-api-mapping', 'CreateApiMapping', 'Maps a path of a custom domain (one or more segments, or none) to a stage of an HTTP or REST API.', [
    { ...domainNameParam, member: 'DomainName' },
    { flag: '--api-id', member: 'ApiId', type: 'string', required: true, description: 'The API id (or name).' },
    { flag: '--stage', member: 'Stage', type: 'string', required: true, description: 'The stage, e.g. $default.' },
    { flag: '--api-mapping-key', member: 'ApiMappingKey', type: 'string', required: false, description: 'The base path, e.g. v2 or orders/v2; omitted = the empty path.' },
  ], createApiMappingCommand),
  v2('get-api-mappings', 'GetApiMappings', "Lists a custom domain's API mappings.", [{ ...domainNameParam, member: 'DomainName' }], (world, request) => {
    const domain = findDomain(world, readString(request, 'DomainName') ?? '');
    return domain.ok ? ok({ Items: sortedMappings(domain.value).map(describeApiMapping) }) : domain;
  }),
];
