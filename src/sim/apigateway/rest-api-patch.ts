// `aws apigateway update-rest-api --patch-operations`: changing a REST API's endpoint type with
// `op=replace,path=/endpointConfiguration/types/CURRENT,value=NEW` (APIGW-02). A PRIVATE API cannot
// become edge-optimized (it can become REGIONAL); the other changes are allowed. Other paths are refused.
import type { ApiDocument } from '../cli/operation-spec.js';
import { fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { describeRestApi } from './describe.js';
import { apiGatewayState, type EndpointType, type RestApi } from './model.js';
import { badRequest, withRestApi } from './rest-api.js';
import { readPatchOperations, type PatchOperation } from './stage-patch.js';

const TYPES: readonly string[] = ['EDGE', 'REGIONAL', 'PRIVATE'];

function newEndpointType(api: RestApi, operation: PatchOperation): Result<EndpointType> {
  const match = /^\/endpointConfiguration\/types\/([A-Z]+)$/.exec(operation.path);
  if (operation.op !== 'replace' || match === null) return fail(badRequest(`Invalid patch path '${operation.path}' for op '${operation.op}' (the simulator supports op=replace,path=/endpointConfiguration/types/TYPE)`));
  if (match[1] !== api.endpointType) return fail(badRequest(`The API's endpoint type is ${api.endpointType}, not ${match[1] ?? ''}: the path names the current type`));
  const next = operation.value ?? '';
  if (!TYPES.includes(next)) return fail(badRequest(`Invalid endpoint type '${next}': use EDGE, REGIONAL or PRIVATE`));
  if (api.endpointType === 'PRIVATE' && next === 'EDGE') return fail(badRequest('A PRIVATE API cannot be changed to EDGE; change it to REGIONAL (APIGW-02)'));
  return ok(next as EndpointType);
}

export function updateRestApiCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  return withRestApi(world, request, (api) => {
    let patched = api;
    for (const operation of readPatchOperations(request)) {
      const type = newEndpointType(patched, operation);
      if (!type.ok) return type;
      patched = { ...patched, endpointType: type.value };
    }
    apiGatewayState(world).restApis[api.id] = patched;
    return ok(describeRestApi(patched));
  });
}
