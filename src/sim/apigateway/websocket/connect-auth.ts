// The REQUEST Lambda authorizer of a `$connect` route (APIGW-01, APIGW-12): the identity sources name
// headers and query strings of the handshake (`route.request.header.Auth`,
// `route.request.querystring.token`) or stage variables; a missing one refuses the connection with 401
// without calling the function. The decision itself is the shared Lambda authorizer's (policy on the
// method ARN `.../STAGE/$connect`, Deny → 403, "Unauthorized" → 401, anything else → 500).
// https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-lambda-auth.html
import type { World } from '../../world.js';
import type { AuthorizerConfig, IncomingRequest, MethodContext } from '../auth/contract.js';
import { authorize, statusCodeOf } from '../auth/index.js';
import { DEFAULT_AUTH_PORTS } from '../invoke-api.js';
import type { WsAuthorizer } from './model.js';

/** `route.request.header.X` → `method.request.header.X`: the shared authorizer's spelling. */
export function sharedIdentitySource(source: string): string {
  return source.replace(/^route\.request\./, 'method.request.');
}

/** The WebSocket upgrade request: where it goes, and the parts of a request an authorizer may read. */
export type Handshake = Pick<IncomingRequest, 'headers' | 'query' | 'sourceIp'> & { readonly apiId: string; readonly stage: string };

export type ConnectAuth =
  | { readonly kind: 'allow'; readonly authorizer: Readonly<Record<string, string | number | boolean>> }
  | { readonly kind: 'refuse'; readonly statusCode: number; readonly reason: string };

export function authorizeConnect(world: World, authorizer: WsAuthorizer, handshake: Handshake): ConnectAuth {
  const config: AuthorizerConfig = {
    type: 'REQUEST', name: authorizer.name, functionName: authorizer.functionName, identitySources: authorizer.identitySources.map(sharedIdentitySource),
    resultTtlSeconds: 0, // WebSocket authorizers run once per connection: nothing to cache across requests here
  };
  const headers = Object.fromEntries(Object.entries(handshake.headers).map(([name, value]) => [name.toLowerCase(), value]));
  const request: IncomingRequest = { method: 'GET', path: '/', headers, query: handshake.query, body: '', sourceIp: handshake.sourceIp };
  const method: MethodContext = {
    region: world.region, accountId: world.accountId, apiId: handshake.apiId, stage: handshake.stage, httpMethod: 'GET', resourcePath: '$connect',
    methodArn: `arn:aws:execute-api:${world.region}:${world.accountId}:${handshake.apiId}/${handshake.stage}/$connect`, stageVariables: {},
  };
  const outcome = authorize(world, config, request, method, DEFAULT_AUTH_PORTS);
  if (outcome.kind === 'allow') {
    return { kind: 'allow', authorizer: { ...outcome.context, ...(outcome.principalId === undefined ? {} : { principalId: outcome.principalId }) } };
  }
  return { kind: 'refuse', statusCode: statusCodeOf(outcome), reason: outcome.reason };
}
