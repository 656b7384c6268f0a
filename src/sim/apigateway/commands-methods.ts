// The `aws apigateway` rows that carry the most members: put-method, put-integration,
// create-authorizer and create-usage-plan. Split from commands.ts to keep files short.
import type { ApiDocument } from '../cli/operation-spec.js';
import { fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import type { AuthorizerConfig } from './auth/contract.js';
import { describeAuthorizer, describeIntegration, describeMethod, describeUsagePlan } from './describe.js';
import { integrationOf } from './define.js';
import { CACHE_TTL_DEFAULT_SECONDS, CACHE_TTL_MAX_SECONDS, MIN_INTEGRATION_TIMEOUT_MS, REST_INTEGRATION_TIMEOUT_MS } from './limits.js';
import type { Integration, IntegrationType, Method } from './model.js';
import { checkMethodValidation, checkTemplates, resolveValidatorId } from './models.js';
import { badMember, readBoolean, readList, readNumber, readRecord, readString, readStringRecord } from './request.js';
import { createAuthorizer, putIntegration, putMethod, withRestApi } from './rest-api.js';
import { functionOfUri } from './integrations.js';
import { createUsagePlan } from './usage-plans.js';

export function putMethodCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  return withRestApi(world, request, (api) => {
    const authorizerId = readString(request, 'authorizerId');
    const parameters = readRecord(request, 'requestParameters');
    const requestValidatorId = resolveValidatorId(api, readString(request, 'requestValidatorId'));
    const requestModels = readStringRecord(request, 'requestModels');
    const checked = checkMethodValidation(api, requestValidatorId, requestModels);
    if (!checked.ok) return checked;
    const created = putMethod(api, readString(request, 'resourceId') ?? '', {
      httpMethod: readString(request, 'httpMethod') ?? '', authorizationType: (readString(request, 'authorizationType') ?? 'NONE') as Method['authorizationType'],
      apiKeyRequired: readBoolean(request['apiKeyRequired']) ?? false, ...(authorizerId === undefined ? {} : { authorizerId }),
      ...(parameters === undefined ? {} : { requestParameters: Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, readBoolean(v) ?? false])) }),
      ...(requestValidatorId === undefined ? {} : { requestValidatorId }), ...(requestModels === undefined ? {} : { requestModels }),
    });
    return created.ok ? ok(describeMethod(created.value)) : created;
  });
}

const PASSTHROUGH_BEHAVIORS = ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'] as const;

/** put-integration's mapping members: request templates (each must parse), passthrough, parameters. */
function mappingOf(request: ApiDocument): Result<Pick<Integration, 'requestTemplates' | 'passthroughBehavior' | 'requestParameters'>> {
  const requestTemplates = readStringRecord(request, 'requestTemplates');
  const checked = checkTemplates(requestTemplates);
  if (!checked.ok) return checked;
  const behavior = readString(request, 'passthroughBehavior');
  const passthroughBehavior = PASSTHROUGH_BEHAVIORS.find((b) => b === behavior);
  if (behavior !== undefined && passthroughBehavior === undefined) return fail(badMember('passthroughBehavior', 'must be WHEN_NO_MATCH, WHEN_NO_TEMPLATES or NEVER'));
  const requestParameters = readStringRecord(request, 'requestParameters');
  return ok({
    ...(requestTemplates === undefined ? {} : { requestTemplates }), ...(passthroughBehavior === undefined ? {} : { passthroughBehavior }),
    ...(requestParameters === undefined ? {} : { requestParameters }),
  });
}

export function putIntegrationCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  return withRestApi(world, request, (api) => {
    const timeoutInMillis = readNumber(request['timeoutInMillis']) ?? REST_INTEGRATION_TIMEOUT_MS;
    // 50 ms – 29 s (APIGW-07); raising the limit is a Service Quotas request the simulator does not model.
    if (timeoutInMillis < MIN_INTEGRATION_TIMEOUT_MS || timeoutInMillis > REST_INTEGRATION_TIMEOUT_MS) {
      return fail(badMember('timeoutInMillis', `must be between ${MIN_INTEGRATION_TIMEOUT_MS} and ${REST_INTEGRATION_TIMEOUT_MS} ms`));
    }
    const type = (readString(request, 'type') ?? 'MOCK') as IntegrationType;
    const uri = readString(request, 'uri') ?? '';
    if (type !== 'MOCK' && uri === '') return fail(badMember('uri', `is required for integration type ${type}`));
    const mapping = mappingOf(request);
    if (!mapping.ok) return mapping;
    const integration = { ...integrationOf(world, { type, uri, timeoutInMillis }, REST_INTEGRATION_TIMEOUT_MS), ...mapping.value };
    const keys = readList(request, 'cacheKeyParameters').map(String);
    const put = putIntegration(api, readString(request, 'resourceId') ?? '', readString(request, 'httpMethod') ?? '', integration, keys);
    return put.ok ? ok({ ...describeIntegration(put.value), cacheKeyParameters: keys }) : put;
  });
}

function authorizerConfigOf(request: ApiDocument): Result<Exclude<AuthorizerConfig, { type: 'AWS_IAM' }>> {
  const name = readString(request, 'name') ?? '';
  const type = readString(request, 'type');
  const identitySource = readString(request, 'identitySource') ?? 'method.request.header.Authorization';
  const resultTtlSeconds = readNumber(request['authorizerResultTtlInSeconds']) ?? CACHE_TTL_DEFAULT_SECONDS; // APIGW-12
  if (resultTtlSeconds < 0 || resultTtlSeconds > CACHE_TTL_MAX_SECONDS) return fail(badMember('authorizerResultTtlInSeconds', `must be between 0 and ${CACHE_TTL_MAX_SECONDS}`));
  if (type === 'COGNITO_USER_POOLS') {
    const providerArns = readList(request, 'providerARNs').map(String);
    if (providerArns.length === 0) return fail(badMember('providerARNs', 'must name at least one user pool for COGNITO_USER_POOLS'));
    return ok({ type, name, providerArns, identitySource });
  }
  const uri = readString(request, 'authorizerUri');
  if (uri === undefined) return fail(badMember('authorizerUri', `is required for ${type ?? 'TOKEN'} authorizers`));
  const functionName = functionOfUri(uri).functionName;
  if (type === 'REQUEST') return ok({ type, name, functionName, identitySources: identitySource.split(',').map((s) => s.trim()).filter((s) => s !== ''), resultTtlSeconds });
  const expression = readString(request, 'identityValidationExpression');
  return ok({ type: 'TOKEN', name, functionName, identitySource, resultTtlSeconds, ...(expression === undefined ? {} : { identityValidationExpression: expression }) });
}

export function createAuthorizerCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  return withRestApi(world, request, (api) => {
    const config = authorizerConfigOf(request);
    if (!config.ok) return config;
    const created = createAuthorizer(world, api, config.value);
    return created.ok ? ok(describeAuthorizer(created.value)) : created;
  });
}

function throttleOf(value: Readonly<Record<string, unknown>> | undefined) {
  const rateLimit = readNumber(value?.['rateLimit']);
  const burstLimit = readNumber(value?.['burstLimit']);
  return rateLimit === undefined || burstLimit === undefined ? undefined : { rateLimit, burstLimit };
}

export function createUsagePlanCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  const apiStages = readList(request, 'apiStages').map((s) => {
    const record = (s ?? {}) as Record<string, unknown>;
    return { apiId: String(record['apiId'] ?? ''), stage: String(record['stage'] ?? '') };
  });
  const quotaRecord = readRecord(request, 'quota');
  const limit = readNumber(quotaRecord?.['limit']);
  const period = quotaRecord?.['period'];
  const throttle = throttleOf(readRecord(request, 'throttle'));
  const created = createUsagePlan(world, {
    name: readString(request, 'name') ?? '', apiStages, ...(throttle === undefined ? {} : { throttle }),
    ...(limit === undefined ? {} : { quota: { limit, period: (typeof period === 'string' ? period : 'DAY') as 'DAY' } }),
  });
  return created.ok ? ok(describeUsagePlan(created.value)) : created;
}

/** The gateway response types `put-gateway-response` accepts (APIGW-09). */
export const GATEWAY_RESPONSE_TYPES: readonly string[] = [
  'ACCESS_DENIED', 'API_CONFIGURATION_ERROR', 'AUTHORIZER_CONFIGURATION_ERROR', 'AUTHORIZER_FAILURE', 'BAD_REQUEST_BODY', 'BAD_REQUEST_PARAMETERS', 'DEFAULT_4XX',
  'DEFAULT_5XX', 'EXPIRED_TOKEN', 'INTEGRATION_FAILURE', 'INTEGRATION_TIMEOUT', 'INVALID_API_KEY', 'INVALID_SIGNATURE', 'MISSING_AUTHENTICATION_TOKEN', 'QUOTA_EXCEEDED',
  'REQUEST_TOO_LARGE', 'RESOURCE_NOT_FOUND', 'THROTTLED', 'UNAUTHORIZED', 'UNSUPPORTED_MEDIA_TYPE', 'WAF_FILTERED',
];

export function putGatewayResponseCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  return withRestApi(world, request, (api) => {
    const responseType = readString(request, 'responseType') ?? '';
    const parameters = readRecord(request, 'responseParameters') ?? {};
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(parameters)) {
      const name = /^gatewayresponse\.header\.(.+)$/.exec(key)?.[1];
      if (name === undefined) return fail(badMember('responseParameters', `key ${key} must look like gatewayresponse.header.NAME`));
      headers[name] = String(value).replace(/^'(.*)'$/, '$1');
    }
    const statusCode = readNumber(request['statusCode']);
    const template = readRecord(request, 'responseTemplates')?.['application/json'];
    api.gatewayResponses = {
      ...(api.gatewayResponses ?? {}),
      [responseType]: { headers, ...(statusCode === undefined ? {} : { statusCode }), ...(typeof template === 'string' ? { template } : {}) },
    };
    return ok({
      responseType, ...(statusCode === undefined ? {} : { statusCode: String(statusCode) }), responseParameters: parameters,
      ...(typeof template === 'string' ? { responseTemplates: { 'application/json': template } } : {}), defaultResponse: false,
    });
  });
}
