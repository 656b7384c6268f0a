// The HTTP API (v2) request pipeline: stage → route (404 `{"message":"Not Found"}`, APIGW-09) →
// payload size (413, APIGW-08) → throttling (account, stage per route; 429, APIGW-04) → authorizer →
// integration (Lambda payload format 2.0 by default). HTTP APIs have no cache, no usage plans and no
// resource policies (APIGW-01).
import type { World } from '../world.js';
import type { AuthPorts, AuthorizerConfig, MethodContext } from './auth/contract.js';
import { runIntegration } from './integrations.js';
import { proxyFactsOf } from './invoke-cache.js';
import { PAYLOAD_MAX_BYTES } from './limits.js';
import type { HttpApi } from './model.js';
import { answer, authorizeStep, finish, methodArnOf, settleIntegration, step, throttleStep, type ApiResponse, type Authorize } from './pipeline.js';
import type { Flow } from './pipeline.js';
import { proxyEventV1, proxyEventV2 } from './proxy-event.js';
import { matchRoute, type HttpMatch } from './routes.js';
import { ACCOUNT_THROTTLE, type BucketCheck } from './throttle.js';

function authorizerOf(api: HttpApi, match: HttpMatch): AuthorizerConfig | undefined {
  if (match.route.authorizationType === 'AWS_IAM') return { type: 'AWS_IAM' };
  return match.route.authorizerId === undefined ? undefined : api.authorizers[match.route.authorizerId];
}

function methodContextOf(flow: Flow, api: HttpApi, match: HttpMatch, variables: Readonly<Record<string, string>>): MethodContext {
  return {
    region: flow.world.region, accountId: flow.world.accountId, apiId: api.id, stage: flow.stage, httpMethod: flow.request.method,
    resourcePath: match.route.routeKey, methodArn: methodArnOf(flow.world, api.id, flow.stage, flow.request.method, flow.request.path), stageVariables: variables,
  };
}

function integrate(world: World, flow: Flow, api: HttpApi, match: HttpMatch, facts: Parameters<typeof proxyFactsOf>[2]): ApiResponse {
  const integration = match.route.target === undefined ? undefined : api.integrations[match.route.target.replace(/^integrations\//, '')];
  const stage = api.stages[flow.stage]!;
  if (integration === undefined) {
    step(flow, 'integration', 'missing', { routeKey: match.route.routeKey });
    return answer(flow, 'RESOURCE_NOT_FOUND');
  }
  const proxyFacts = () => proxyFactsOf(flow, { resourceId: match.route.routeId, resourcePath: match.route.routeKey, routeKey: match.route.routeKey, pathParameters: match.pathParameters, stageVariables: stage.variables }, facts);
  const outcome = runIntegration(world, integration, {
    event: () => (integration.payloadFormatVersion === '1.0' ? proxyEventV1(proxyFacts()) : proxyEventV2(proxyFacts())),
    method: flow.request.method, path: flow.request.path, headers: flow.request.headers, body: flow.request.body, stageVariables: stage.variables,
    sourceArn: methodArnOf(flow.world, api.id, flow.stage, flow.request.method, flow.request.path),
  });
  const settled = settleIntegration(flow, integration.type, outcome);
  return settled.ok ? finish(flow, settled.response) : settled.answered;
}

export function invokeHttp(world: World, flow: Flow, api: HttpApi, authorize: Authorize | undefined, ports: AuthPorts): ApiResponse {
  const stage = api.stages[flow.stage];
  const match = stage === undefined ? undefined : matchRoute(api.routes, flow.request.method, flow.request.path);
  flow.cache = 'off';
  if (stage === undefined || match === undefined) {
    step(flow, 'route', stage === undefined ? 'no-such-stage' : 'no-such-route', { method: flow.request.method, path: flow.request.path });
    return answer(flow, 'RESOURCE_NOT_FOUND');
  }
  flow.route = match.route.routeKey;
  step(flow, 'route', 'matched', { routeKey: match.route.routeKey, pathParameters: match.pathParameters });
  if (Buffer.byteLength(flow.request.body, 'utf8') > PAYLOAD_MAX_BYTES) {
    step(flow, 'payload', 'too-large', { limitBytes: PAYLOAD_MAX_BYTES });
    return answer(flow, 'REQUEST_TOO_LARGE');
  }
  const checks: BucketCheck[] = [];
  if (stage.throttle !== undefined) checks.push({ scope: `route:${api.id}/${stage.stageName}/${match.route.routeKey}`, settings: stage.throttle });
  checks.push({ scope: 'account', settings: ACCOUNT_THROTTLE });
  const throttled = throttleStep(flow, checks);
  if (throttled !== undefined) return throttled;
  if (match.route.authorizationType === 'NONE') return integrate(world, flow, api, match, undefined);
  const config = authorizerOf(api, match);
  if (config === undefined) {
    step(flow, 'authorizer', 'missing', { reason: `route uses ${match.route.authorizationType} but names no authorizer` });
    return answer(flow, 'AUTHORIZER_CONFIGURATION_ERROR');
  }
  const auth = authorizeStep(flow, config, methodContextOf(flow, api, match, stage.variables), authorize, ports);
  return auth.ok ? integrate(world, flow, api, match, auth.allow) : auth.response;
}
