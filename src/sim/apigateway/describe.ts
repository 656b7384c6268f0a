// The JSON the AWS CLI prints for API Gateway resources: `aws apigateway` answers camelCase members
// (`id`, `rootResourceId`, `createdDate`), `aws apigatewayv2` PascalCase ones (`ApiId`, `RouteKey`).
import type { ApiDocument } from '../cli/operation-spec.js';
import { describeCanary } from './canary.js';
import type { ApiKey, HttpApi, HttpRoute, HttpStage, Integration, Method, Resource, RestApi, Stage, StoredAuthorizer, UsagePlan } from './model.js';

/** `2026-01-01T00:00:00+00:00`, as the AWS CLI prints API Gateway timestamps. */
export const isoDate = (timeMs: number): string => new Date(timeMs).toISOString().replace(/\.\d{3}Z$/, '+00:00');

const clean = (document: Record<string, unknown>): ApiDocument => Object.fromEntries(Object.entries(document).filter(([, v]) => v !== undefined));

export function describeRestApi(api: RestApi): ApiDocument {
  return clean({
    id: api.id, name: api.name, createdDate: isoDate(api.createdDateMs), apiKeySource: api.apiKeySource,
    endpointConfiguration: { types: [api.endpointType] }, rootResourceId: api.rootResourceId, policy: api.resourcePolicy, disableExecuteApiEndpoint: false,
  });
}

export function describeIntegration(integration: Integration): ApiDocument {
  return clean({
    type: integration.type, uri: integration.uri, timeoutInMillis: integration.timeoutInMillis, passthroughBehavior: integration.passthroughBehavior ?? 'WHEN_NO_MATCH',
    requestParameters: integration.requestParameters, requestTemplates: integration.requestTemplates, integrationResponses: integration.integrationResponses,
  });
}

export function describeMethod(method: Method): ApiDocument {
  return clean({
    httpMethod: method.httpMethod, authorizationType: method.authorizationType, authorizerId: method.authorizerId, apiKeyRequired: method.apiKeyRequired,
    requestParameters: Object.keys(method.requestParameters).length === 0 ? undefined : method.requestParameters,
    requestValidatorId: method.requestValidatorId, requestModels: method.requestModels, methodResponses: method.methodResponses,
    methodIntegration: method.integration === undefined ? undefined : { ...describeIntegration(method.integration), cacheKeyParameters: method.cacheKeyParameters },
  });
}

export function describeResource(resource: Resource): ApiDocument {
  const methods = Object.keys(resource.methods).sort();
  return clean({
    id: resource.id, parentId: resource.parentId, pathPart: resource.parentId === undefined ? undefined : resource.pathPart, path: resource.path,
    resourceMethods: methods.length === 0 ? undefined : Object.fromEntries(methods.map((m) => [m, {}])),
  });
}

export function describeStage(stage: Stage): ApiDocument {
  const settings = (throttle: Stage['throttle']) => ({ throttlingRateLimit: throttle?.rateLimit ?? 10_000, throttlingBurstLimit: throttle?.burstLimit ?? 5_000 });
  return clean({
    deploymentId: stage.deploymentId, stageName: stage.stageName, cacheClusterEnabled: stage.cacheClusterEnabled,
    cacheClusterStatus: stage.cacheClusterEnabled ? 'AVAILABLE' : 'NOT_AVAILABLE', variables: Object.keys(stage.variables).length === 0 ? undefined : stage.variables,
    canarySettings: stage.canarySettings === undefined ? undefined : describeCanary(stage.canarySettings),
    methodSettings: {
      '*/*': { ...settings(stage.throttle), cachingEnabled: stage.cacheClusterEnabled && stage.cacheTtlSeconds > 0, cacheTtlInSeconds: stage.cacheTtlSeconds,
        requireAuthorizationForCacheControl: stage.requireAuthorizationForCacheControl, unauthorizedCacheControlHeaderStrategy: stage.unauthorizedCacheControlHeaderStrategy },
      ...Object.fromEntries(Object.entries(stage.methodThrottles).sort().map(([path, throttle]) => [path.replace(/^\//, ''), settings(throttle)])),
    },
  });
}

export function describeAuthorizer(authorizer: StoredAuthorizer): ApiDocument {
  if (authorizer.type === 'AWS_IAM') return { id: authorizer.id, type: 'AWS_IAM' };
  if (authorizer.type === 'COGNITO_USER_POOLS') {
    return { id: authorizer.id, name: authorizer.name, type: authorizer.type, providerARNs: authorizer.providerArns, identitySource: authorizer.identitySource };
  }
  return clean({
    id: authorizer.id, name: authorizer.name, type: authorizer.type, authorizerUri: authorizer.functionName,
    identitySource: authorizer.type === 'TOKEN' ? authorizer.identitySource : authorizer.identitySources.join(', '),
    identityValidationExpression: authorizer.type === 'TOKEN' ? authorizer.identityValidationExpression : undefined, authorizerResultTtlInSeconds: authorizer.resultTtlSeconds,
  });
}

export const describeApiKey = (key: ApiKey): ApiDocument => ({ id: key.id, value: key.value, name: key.name, enabled: key.enabled, stageKeys: [] });

export function describeUsagePlan(plan: UsagePlan): ApiDocument {
  return clean({ id: plan.id, name: plan.name, apiStages: plan.apiStages, throttle: plan.throttle, quota: plan.quota === undefined ? undefined : { ...plan.quota, offset: 0 } });
}

export function describeHttpApi(api: HttpApi, region: string): ApiDocument {
  return {
    ApiEndpoint: `https://${api.id}.execute-api.${region}.amazonaws.com`, ApiId: api.id, ApiKeySelectionExpression: '$request.header.x-api-key',
    CreatedDate: isoDate(api.createdDateMs), DisableExecuteApiEndpoint: false, Name: api.name, ProtocolType: 'HTTP', RouteSelectionExpression: '$request.method $request.path',
  };
}

export function describeRoute(route: HttpRoute): ApiDocument {
  return clean({ ApiKeyRequired: false, AuthorizationType: route.authorizationType, AuthorizerId: route.authorizerId, RouteId: route.routeId, RouteKey: route.routeKey, Target: route.target });
}

export function describeHttpIntegration(integration: Integration & { integrationId: string }): ApiDocument {
  return clean({
    IntegrationId: integration.integrationId, IntegrationType: integration.type, IntegrationUri: integration.uri, PayloadFormatVersion: integration.payloadFormatVersion ?? '1.0',
    TimeoutInMillis: integration.timeoutInMillis, ConnectionType: 'INTERNET', IntegrationMethod: integration.type === 'AWS_PROXY' ? 'POST' : undefined,
  });
}

export function describeHttpStage(stage: HttpStage): ApiDocument {
  return clean({
    AutoDeploy: stage.autoDeploy, StageName: stage.stageName, StageVariables: Object.keys(stage.variables).length === 0 ? undefined : stage.variables,
    DefaultRouteSettings: { DetailedMetricsEnabled: false, ThrottlingBurstLimit: stage.throttle?.burstLimit, ThrottlingRateLimit: stage.throttle?.rateLimit },
  });
}
