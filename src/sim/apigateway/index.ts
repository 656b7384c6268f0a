// API Gateway's public surface: the model, declarative definitions (for scenarios and SAM), the request
// pipeline with its injectable authorizer, and the sandbox rows.
export type * from './auth/contract.js';
export { cacheKeyOf } from './cache.js';
export { defineHttpApi, defineRestApi, lambdaIntegrationUri, type HttpApiSpec, type HttpRouteSpec, type IntegrationSpec, type RestApiSpec, type RestRouteSpec } from './define.js';
export { gatewayResponse, type GatewayResponseType, type HttpResponse } from './gateway-responses.js';
export { createHttpApi, createHttpIntegration, createHttpStage, createRoute } from './http-api.js';
export { DEFAULT_AUTH_PORTS, invokeApi, invokeUrl, setApiGatewayAuthPorts, setApiGatewayAuthorizer, type ApiRequest, type InvokeApiOptions } from './invoke-api.js';
export * from './limits.js';
export { APIGATEWAY_SLOT, apiGatewayState, findApi, type ApiGatewayState, type CanarySettings, type HttpApi, type RestApi, type Stage } from './model.js';
export { CANARY_STREAM, pickRelease, type Release } from './canary.js';
export { createApiMapping, createDomainName, deleteApiMapping, resolveUrl, type ApiMapping, type CustomDomain, type UrlTarget } from './domains.js';
export { stageVariablesProblem } from './stage-variables.js';
export type { ApiResponse, Authorize, CacheStatus, TraceStep } from './pipeline.js';
export { proxyEventV1, proxyEventV2, readProxyResponse } from './proxy-event.js';
export { applyStageSettings, createAuthorizer, createDeployment, createResource, createRestApi, createStage, deployToStage, putIntegration, putMethod } from './rest-api.js';
export { tokensAt } from './throttle.js';
export { createApiKey, createUsagePlan, createUsagePlanKey } from './usage-plans.js';
export { callLambda, setAwsServiceActions, type AwsServiceActions } from './integrations.js';
export * as websocket from './websocket/index.js';
export { importRestApi, putRestApi, type ImportOutcome, type ImportRequest, type PutMode } from './openapi/apply.js';
export { exportRestApi, type ExportExtensions, type ExportRequest } from './openapi/export.js';
export { planImport, type ImportOptions } from './openapi/plan.js';
export type { ImportPlan, PlannedMethod } from './openapi/plan-types.js';
export { generateSdk, sdkFunctionName, SDK_TYPES } from './openapi/sdk.js';
