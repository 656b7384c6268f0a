// WebSocket API definitions: create-api, routes (with the `$connect`-only authorizer rule, APIGW-01),
// integrations (Lambda proxy or MOCK), REQUEST Lambda authorizers, route responses, stages and
// deployments. Every change is applied here, in one place per operation.
import { fail, ok, type Result } from '../../result.js';
import type { World } from '../../world.js';
import { newId } from '../model.js';
import { badRequest, conflict, notFound } from '../rest-api.js';
import { bodyPathOf } from './route-selection.js';
import { findWsApi, newWsApiId, webSocketState, type WsApi, type WsAuthorizer, type WsIntegration, type WsRoute, type WsStage } from './model.js';

export function findWebSocketApi(world: World, apiId: string): Result<WsApi> {
  const api = findWsApi(world, apiId);
  return api === undefined ? fail(notFound(`Invalid API identifier specified ${world.accountId}:${apiId}`)) : ok(api);
}

export function createWebSocketApi(world: World, name: string, routeSelectionExpression: string | undefined): Result<WsApi> {
  if (routeSelectionExpression === undefined) return fail(badRequest('RouteSelectionExpression is required for a WEBSOCKET API'));
  if (bodyPathOf(routeSelectionExpression) === undefined) {
    return fail(badRequest(`The simulator reads route selection expressions of the form $request.body.NAME (nested: $request.body.a.b), got ${routeSelectionExpression}`));
  }
  const api: WsApi = {
    kind: 'WEBSOCKET', id: newWsApiId(world), name, createdDateMs: world.nowMs, routeSelectionExpression,
    routes: {}, integrations: {}, authorizers: {}, stages: {}, deployments: {},
  };
  webSocketState(world).apis[api.id] = api;
  return ok(api);
}

export interface WsRouteInput {
  readonly routeKey: string;
  readonly target?: string;
  readonly authorizationType?: string;
  readonly authorizerId?: string;
}

const PREDEFINED_KEYS = ['$connect', '$disconnect', '$default'];

function checkRoute(api: WsApi, input: WsRouteInput): string | undefined {
  const { routeKey } = input;
  if (routeKey === '' || (routeKey.startsWith('$') && !PREDEFINED_KEYS.includes(routeKey))) {
    return `Unable to create route ${routeKey}: a WebSocket route key is $connect, $disconnect, $default or a custom key such as sendmessage`;
  }
  const type = input.authorizationType ?? 'NONE';
  if (type !== 'NONE' && type !== 'CUSTOM') return `AuthorizationType ${type} is not simulated for WebSocket APIs: use NONE or CUSTOM (a REQUEST Lambda authorizer)`;
  // APIGW-01: WebSocket APIs authorize the connection, once, on $connect.
  if (type === 'CUSTOM' && routeKey !== '$connect') return 'Currently, authorization is restricted to the $connect route only';
  if (type === 'CUSTOM' && (input.authorizerId === undefined || api.authorizers[input.authorizerId] === undefined)) {
    return `Invalid authorizer id specified: ${input.authorizerId ?? '(none)'}`;
  }
  return undefined;
}

export function createWebSocketRoute(world: World, api: WsApi, input: WsRouteInput): Result<WsRoute> {
  const problem = checkRoute(api, input);
  if (problem !== undefined) return fail(badRequest(problem));
  if (Object.values(api.routes).some((r) => r.routeKey === input.routeKey)) return fail(conflict(`Unable to create route ${input.routeKey}. A route with that key already exists`));
  const integrationId = input.target?.replace(/^integrations\//, '');
  if (integrationId !== undefined && api.integrations[integrationId] === undefined) return fail(notFound(`Unable to find Integration with id ${integrationId}`));
  const route: WsRoute = {
    routeId: newId(world, 7), routeKey: input.routeKey, authorizationType: input.authorizationType === 'CUSTOM' ? 'CUSTOM' : 'NONE', hasRouteResponse: false,
    ...(integrationId === undefined ? {} : { target: `integrations/${integrationId}` }),
    ...(input.authorizerId === undefined ? {} : { authorizerId: input.authorizerId }),
  };
  api.routes[route.routeId] = route;
  return ok(route);
}

export function deleteWebSocketRoute(api: WsApi, routeId: string): Result<Record<string, never>> {
  if (api.routes[routeId] === undefined) return fail(notFound(`Invalid Route identifier specified ${routeId}`));
  delete api.routes[routeId];
  return ok({});
}

/** A `$default` route response makes the route two-way: what the integration answers goes to the client. */
export function createRouteResponse(world: World, api: WsApi, routeId: string, routeResponseKey: string): Result<{ routeResponseId: string; routeResponseKey: string }> {
  const route = api.routes[routeId];
  if (route === undefined) return fail(notFound(`Invalid Route identifier specified ${routeId}`));
  if (routeResponseKey !== '$default') return fail(badRequest('Only the $default route response key is supported for WebSocket APIs'));
  route.hasRouteResponse = true;
  return ok({ routeResponseId: newId(world, 6), routeResponseKey });
}

export function createWebSocketIntegration(world: World, api: WsApi, type: string, uri: string | undefined): Result<WsIntegration> {
  if (type !== 'AWS_PROXY' && type !== 'MOCK') return fail(badRequest(`IntegrationType ${type} is not simulated for WebSocket APIs: use AWS_PROXY (Lambda) or MOCK`));
  if (type === 'AWS_PROXY' && (uri === undefined || uri === '')) return fail(badRequest('IntegrationUri is required for an AWS_PROXY integration'));
  const integration: WsIntegration = { integrationId: newId(world, 7), type, uri: uri ?? '' };
  api.integrations[integration.integrationId] = integration;
  return ok(integration);
}

export interface WsAuthorizerInput {
  readonly name: string;
  readonly authorizerType: string;
  readonly authorizerUri: string;
  readonly identitySources: readonly string[];
}

const IDENTITY_SOURCE = /^(route\.request\.header\.[^\s.]+|route\.request\.querystring\.[^\s.]+|stageVariables\.[A-Za-z0-9_]+)$/;

export function createWebSocketAuthorizer(world: World, api: WsApi, input: WsAuthorizerInput): Result<WsAuthorizer> {
  // APIGW-01: a WebSocket API only takes REQUEST Lambda authorizers.
  if (input.authorizerType !== 'REQUEST') return fail(badRequest(`AuthorizerType ${input.authorizerType} is not valid for a WEBSOCKET API: only REQUEST (a Lambda authorizer) is supported`));
  const bad = input.identitySources.find((source) => !IDENTITY_SOURCE.test(source));
  if (bad !== undefined) return fail(badRequest(`Invalid identity source ${bad}: use route.request.header.NAME, route.request.querystring.NAME or stageVariables.NAME`));
  const authorizer: WsAuthorizer = { authorizerId: newId(world, 6), name: input.name, functionName: input.authorizerUri, identitySources: input.identitySources };
  api.authorizers[authorizer.authorizerId] = authorizer;
  return ok(authorizer);
}

export function createWebSocketStage(api: WsApi, stageName: string, autoDeploy: boolean, deploymentId: string | undefined): Result<WsStage> {
  if (api.stages[stageName] !== undefined) return fail(conflict(`Stage ${stageName} already exists`));
  if (deploymentId !== undefined && api.deployments[deploymentId] === undefined) return fail(notFound(`Invalid Deployment identifier specified ${deploymentId}`));
  const stage: WsStage = { stageName, autoDeploy, ...(deploymentId === undefined ? {} : { deploymentId }) };
  api.stages[stageName] = stage;
  return ok(stage);
}

/** Freezes the routes, integrations and authorizers; with a stage name, that stage serves the copy. */
export function createWebSocketDeployment(world: World, api: WsApi, stageName: string | undefined): Result<{ deploymentId: string; createdDateMs: number }> {
  const stage = stageName === undefined ? undefined : api.stages[stageName];
  if (stageName !== undefined && stage === undefined) return fail(notFound(`Invalid stage identifier specified ${stageName}`));
  const deploymentId = newId(world, 6);
  api.deployments[deploymentId] = structuredClone({
    routeSelectionExpression: api.routeSelectionExpression, routes: api.routes, integrations: api.integrations, authorizers: api.authorizers, createdDateMs: world.nowMs,
  });
  if (stage !== undefined) stage.deploymentId = deploymentId;
  return ok({ deploymentId, createdDateMs: world.nowMs });
}
