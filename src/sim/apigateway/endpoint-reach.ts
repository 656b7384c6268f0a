// Whether a request can reach the API at all, given where the caller is (APIGW-02). A PRIVATE API is
// served only through an interface VPC endpoint for execute-api; an interface endpoint serves only
// private APIs, so an EDGE or REGIONAL REST API (or any HTTP API) asked for through it refuses too.
// Both refusals are a bare 403 `{"message":"Forbidden"}` that no gateway response can change: the
// request never reaches the API's own pipeline.
import type { HttpApi, RestApi } from './model.js';
import { finish, step, type ApiResponse, type Flow } from './pipeline.js';

/** The bare 403 `{"message":"Forbidden"}` of a request that reaches no API (also: no base path mapping, domains.ts). */
export function bareForbidden(flow: Flow, outcome: string): ApiResponse {
  const response = { statusCode: 403, headers: { 'content-type': 'application/json', 'x-amzn-ErrorType': 'ForbiddenException' }, body: '{"message":"Forbidden"}' };
  return finish(flow, response, undefined, outcome);
}

const forbidden = (flow: Flow): ApiResponse => bareForbidden(flow, 'endpoint-unreachable');

/** undefined when the caller can reach the API; else API Gateway's 403. */
export function endpointReachStep(flow: Flow, api: RestApi | HttpApi): ApiResponse | undefined {
  const isPrivate = api.kind === 'REST' && api.endpointType === 'PRIVATE';
  const via = flow.request.via;
  if (isPrivate && via === undefined) {
    step(flow, 'endpoint', 'outside-vpc', { reason: 'a PRIVATE API is reachable only through an interface VPC endpoint for execute-api (APIGW-02)' });
    return forbidden(flow);
  }
  if (!isPrivate && via !== undefined) {
    const type = api.kind === 'REST' ? api.endpointType : 'HTTP API';
    step(flow, 'endpoint', 'public-api-via-vpce', { vpcEndpointId: via.vpcEndpointId, reason: `${type} is a public endpoint; an execute-api VPC endpoint only carries requests for PRIVATE APIs (APIGW-02)` });
    return forbidden(flow);
  }
  if (via !== undefined) step(flow, 'endpoint', 'via-vpce', { vpcEndpointId: via.vpcEndpointId, vpcId: via.vpcId });
  return undefined;
}
