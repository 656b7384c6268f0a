// WebSocket API objects as `aws apigatewayv2` prints them (PascalCase members, as the v2 API).
import type { ApiDocument } from '../../cli/operation-spec.js';
import { isoDate } from '../describe.js';
import type { WsApi, WsAuthorizer, WsIntegration, WsRoute, WsStage } from './model.js';

const clean = (document: Record<string, unknown>): ApiDocument => Object.fromEntries(Object.entries(document).filter(([, v]) => v !== undefined));

export function describeWsApi(api: WsApi, region: string): ApiDocument {
  return {
    ApiEndpoint: `wss://${api.id}.execute-api.${region}.amazonaws.com`, ApiId: api.id, ApiKeySelectionExpression: '$request.header.x-api-key',
    CreatedDate: isoDate(api.createdDateMs), DisableSchemaValidation: false, Name: api.name, ProtocolType: 'WEBSOCKET', RouteSelectionExpression: api.routeSelectionExpression,
  };
}

export function describeWsRoute(route: WsRoute): ApiDocument {
  return clean({ ApiKeyRequired: false, AuthorizationType: route.authorizationType, AuthorizerId: route.authorizerId, RouteId: route.routeId, RouteKey: route.routeKey, Target: route.target });
}

export function describeWsIntegration(integration: WsIntegration): ApiDocument {
  return clean({
    ConnectionType: 'INTERNET', IntegrationId: integration.integrationId, IntegrationMethod: integration.type === 'AWS_PROXY' ? 'POST' : undefined,
    IntegrationType: integration.type, IntegrationUri: integration.type === 'AWS_PROXY' ? integration.uri : undefined, PassthroughBehavior: 'WHEN_NO_MATCH',
  });
}

export function describeWsAuthorizer(authorizer: WsAuthorizer): ApiDocument {
  return { AuthorizerId: authorizer.authorizerId, AuthorizerType: 'REQUEST', AuthorizerUri: authorizer.functionName, IdentitySource: authorizer.identitySources, Name: authorizer.name };
}

export function describeWsStage(stage: WsStage): ApiDocument {
  return clean({ AutoDeploy: stage.autoDeploy, DeploymentId: stage.deploymentId, StageName: stage.stageName, DefaultRouteSettings: { DataTraceEnabled: false, DetailedMetricsEnabled: false } });
}
