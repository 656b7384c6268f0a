// The REST API (v1) request pipeline, in API Gateway's order: stage → route (403 Missing Authentication
// Token for an unknown resource or method, APIGW-09) → payload size (413, APIGW-08) → resource policy
// (APIGW-14, private endpoints APIGW-02) → API key and usage plan (403 / quota 429, APIGW-05) →
// throttling (account, method, per key; 429, APIGW-04) → authorizer → request validation (400,
// APIGW-09) → stage cache (APIGW-06) → integration (502/504, APIGW-07/09; mapping templates APIGW-10).
// With `apiKeySource: AUTHORIZER` the key steps run after the authorizer, since the key comes from its
// answer.
import type { World } from '../world.js';
import type { AuthPorts, AuthorizerConfig, MethodContext } from './auth/contract.js';
import { anonymousDeniedMessage, resourcePolicyDecision } from './access.js';
import { pickRelease, type Release } from './canary.js';
import { runCachedIntegration } from './invoke-cache.js';
import { PAYLOAD_MAX_BYTES } from './limits.js';
import type { Deployment, RestApi, Stage } from './model.js';
import { answer, authorizeStep, methodArnOf, step, throttleStep, type ApiResponse, type Authorize, type AuthStepResult, type Flow } from './pipeline.js';
import { matchResource, type RestMatch } from './routes.js';
import { ACCOUNT_THROTTLE } from './throttle.js';
import type { BucketCheck } from './throttle.js';
import { planForKey, takeQuota } from './usage-plans.js';
import { validateMethodRequest } from './validation/request-validation.js';

export interface RestContext {
  readonly flow: Flow;
  readonly api: RestApi;
  readonly stage: Stage;
  readonly deployment: Deployment;
  /** Base or canary, with the stage variables this request sees (canary.ts). */
  readonly release: Release;
  readonly match: RestMatch;
  readonly methodContext: MethodContext;
}

/** A stage with a canary: which deployment serves this request, in the steps and the trace. */
function releaseStep(flow: Flow, api: RestApi, stage: Stage): Release {
  const release = pickRelease(flow.world, api, stage);
  if (stage.canarySettings === undefined) return release;
  flow.servedBy = { deploymentId: release.deploymentId, isCanaryRequest: release.isCanaryRequest };
  step(flow, 'canary', release.isCanaryRequest ? 'canary' : 'base', { deploymentId: release.deploymentId, percentTraffic: stage.canarySettings.percentTraffic });
  return release;
}

function routeStep(flow: Flow, api: RestApi, stage: Stage | undefined): RestContext | ApiResponse {
  const release = stage === undefined ? undefined : releaseStep(flow, api, stage);
  const deployment = release?.deployment;
  const match = deployment === undefined ? undefined : matchResource(deployment.resources, flow.request.method, flow.request.path);
  if (stage === undefined || release === undefined || deployment === undefined || match === undefined) {
    step(flow, 'route', stage === undefined ? 'no-such-stage' : 'no-such-route', { method: flow.request.method, path: flow.request.path });
    return answer(flow, 'MISSING_AUTHENTICATION_TOKEN');
  }
  flow.route = `${match.method.httpMethod} ${match.resource.path}`;
  step(flow, 'route', 'matched', { resource: match.resource.path, method: match.method.httpMethod, pathParameters: match.pathParameters });
  const methodArn = methodArnOf(flow.world, api.id, stage.stageName, flow.request.method, flow.request.path);
  const methodContext: MethodContext = {
    region: flow.world.region, accountId: flow.world.accountId, apiId: api.id, stage: stage.stageName, httpMethod: flow.request.method,
    resourcePath: match.resource.path, methodArn, stageVariables: release.variables,
    ...(api.resourcePolicy === undefined ? {} : { resourcePolicy: api.resourcePolicy }),
  };
  return { flow, api, stage, deployment, release, match, methodContext };
}

/**
 * NONE: the resource policy alone decides (explicit allow needed); with a Lambda or Cognito authorizer
 * only an explicit deny stops here. AWS_IAM callers are judged later, by the IAM authorizer, with the
 * resource policy and their own identity together (APIGW-14 table A, IAM-05): a deny there names the
 * signed caller, not "anonymous".
 */
function resourcePolicyStep(ctx: RestContext): ApiResponse | undefined {
  const { flow, api, methodContext } = ctx;
  if (ctx.match.method.authorizationType === 'AWS_IAM' && api.resourcePolicy !== undefined) return undefined;
  const decision = resourcePolicyDecision(api.resourcePolicy, methodContext.methodArn, flow.request);
  const needsAllow = ctx.match.method.authorizationType === 'NONE';
  if (decision === undefined) {
    if (api.endpointType !== 'PRIVATE') return undefined;
    step(flow, 'resource-policy', 'missing', { reason: 'a private API needs a resource policy that allows the caller (APIGW-02)' });
    return answer(flow, 'ACCESS_DENIED', anonymousDeniedMessage(methodContext.methodArn, 'ImplicitDeny'));
  }
  const denied = decision.effect === 'ExplicitDeny' || (needsAllow && decision.effect === 'ImplicitDeny');
  step(flow, 'resource-policy', denied ? 'denied' : 'passed', { effect: decision.effect });
  if (!denied) return undefined;
  return answer(flow, 'ACCESS_DENIED', anonymousDeniedMessage(methodContext.methodArn, decision.effect));
}

/** API key, usage plan quota and every throttle bucket that applies. */
function meterStep(ctx: RestContext, authorizerKey: string | undefined): ApiResponse | undefined {
  const { flow, api, stage, match } = ctx;
  const checks: BucketCheck[] = [];
  let quota: (() => boolean) | undefined;
  if (match.method.apiKeyRequired) {
    const keyValue = api.apiKeySource === 'AUTHORIZER' ? authorizerKey : flow.request.headers['x-api-key'];
    const found = keyValue === undefined ? undefined : planForKey(flow.world, api.id, stage.stageName, keyValue);
    if (found === undefined) {
      step(flow, 'api-key', keyValue === undefined ? 'missing' : 'invalid');
      return answer(flow, 'INVALID_API_KEY');
    }
    step(flow, 'api-key', 'valid', { usagePlanId: found.plan.id, keyId: found.key.id });
    if (found.plan.throttle !== undefined) checks.push({ scope: `key:${found.plan.id}/${found.key.id}`, settings: found.plan.throttle });
    quota = () => takeQuota(flow.world, found.plan, found.key);
  }
  // Stage-level settings apply to each method separately; a method's own settings replace them.
  const methodKey = `${match.resource.path}/${match.method.httpMethod}`;
  const methodThrottle = stage.methodThrottles[methodKey] ?? stage.throttle;
  if (methodThrottle !== undefined) checks.push({ scope: `method:${api.id}/${stage.stageName}${methodKey}`, settings: methodThrottle });
  checks.push({ scope: 'account', settings: ACCOUNT_THROTTLE });
  const throttled = throttleStep(flow, checks);
  if (throttled !== undefined) return throttled;
  if (quota !== undefined && !quota()) {
    step(flow, 'quota', 'exceeded');
    return answer(flow, 'QUOTA_EXCEEDED');
  }
  return undefined;
}

function authorizerConfigOf(ctx: RestContext): AuthorizerConfig | undefined {
  const method = ctx.match.method;
  if (method.authorizationType === 'AWS_IAM') return { type: 'AWS_IAM' };
  if (method.authorizationType !== 'CUSTOM' && method.authorizationType !== 'COGNITO_USER_POOLS') return undefined;
  return method.authorizerId === undefined ? undefined : ctx.deployment.authorizers[method.authorizerId];
}

function restAuthorize(ctx: RestContext, authorize: Authorize | undefined, ports: AuthPorts): AuthStepResult {
  if (ctx.match.method.authorizationType === 'NONE') return { ok: true };
  const config = authorizerConfigOf(ctx);
  if (config === undefined) {
    step(ctx.flow, 'authorizer', 'missing', { reason: `method uses ${ctx.match.method.authorizationType} but the deployment has no such authorizer` });
    return { ok: false, response: answer(ctx.flow, 'AUTHORIZER_CONFIGURATION_ERROR') };
  }
  return authorizeStep(ctx.flow, config, ctx.methodContext, authorize, ports);
}

function tooLarge(flow: Flow): ApiResponse | undefined {
  if (Buffer.byteLength(flow.request.body, 'utf8') <= PAYLOAD_MAX_BYTES) return undefined;
  step(flow, 'payload', 'too-large', { limitBytes: PAYLOAD_MAX_BYTES });
  return answer(flow, 'REQUEST_TOO_LARGE');
}

/**
 * The method's request validator (400 BAD_REQUEST_PARAMETERS / BAD_REQUEST_BODY, APIGW-09), with the
 * models and validators the deployment froze. It runs after the authorizer: an invalid request from a
 * caller the authorizer refuses gets the 401/403, and a Lambda authorizer is invoked even for a request
 * that then fails validation (widely observed in execution logs; AWS's pages only say validation comes
 * before the integration request).
 */
function validationStep(ctx: RestContext): ApiResponse | undefined {
  const checked = validateMethodRequest({
    method: ctx.match.method, validators: ctx.deployment.requestValidators ?? {}, models: ctx.deployment.models ?? {},
    request: ctx.flow.request, pathParameters: ctx.match.pathParameters,
  });
  if (checked === undefined) return undefined;
  step(ctx.flow, 'validation', checked.ok ? 'passed' : checked.type, checked.detail);
  return checked.ok ? undefined : answer(ctx.flow, checked.type, checked.message, checked.validationErrorString);
}

export function invokeRest(world: World, flow: Flow, api: RestApi, authorize: Authorize | undefined, ports: AuthPorts): ApiResponse {
  const routed = routeStep(flow, api, api.stages[flow.stage]);
  if (!('match' in routed)) return routed;
  const early = tooLarge(flow) ?? resourcePolicyStep(routed) ?? (api.apiKeySource === 'HEADER' ? meterStep(routed, undefined) : undefined);
  if (early !== undefined) return early;
  const auth = restAuthorize(routed, authorize, ports);
  if (!auth.ok) return auth.response;
  if (api.apiKeySource === 'AUTHORIZER') {
    const late = meterStep(routed, auth.allow?.usageIdentifierKey);
    if (late !== undefined) return late;
  }
  const invalid = validationStep(routed);
  if (invalid !== undefined) return invalid;
  return runCachedIntegration(world, routed, auth.allow);
}
