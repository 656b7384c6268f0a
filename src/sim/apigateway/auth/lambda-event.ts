// The events API Gateway sends a Lambda authorizer (APIGW-12): TOKEN gets the token and the method
// ARN; REQUEST gets the request as the integration would (headers, query strings, path parameters,
// stage variables, request context).
import type { World } from '../../world.js';
import type { IncomingRequest, MethodContext } from './contract.js';

/**
 * The simulator keeps header names in lower case, so it cannot know how the client spelled them; it
 * hands them to the function in the usual spelling (`authorization` → `Authorization`).
 */
export function canonicalHeaderName(name: string): string {
  return name
    .split('-')
    .map((part) => (part === '' ? part : part[0]?.toUpperCase() + part.slice(1).toLowerCase()))
    .join('-');
}

/** Path parameters by matching the resource template against the path: `/orders/{id}` + `/orders/42` → `{id: '42'}`. */
export function pathParametersOf(resourcePath: string, path: string): Record<string, string> {
  const template = resourcePath.split('/');
  const actual = path.split('/');
  const parameters: Record<string, string> = {};
  for (let index = 0; index < template.length && index < actual.length; index += 1) {
    const segment = template[index] ?? '';
    const match = /^\{([^}+]+)(\+?)\}$/.exec(segment);
    if (match === null) continue;
    const [, name = '', greedy] = match;
    parameters[name] = greedy === '+' ? actual.slice(index).join('/') : (actual[index] ?? '');
    if (greedy === '+') break;
  }
  return parameters;
}

const orNull = <T extends object>(record: T): T | null => (Object.keys(record).length === 0 ? null : record);

export function tokenEvent(token: string, method: MethodContext): Record<string, unknown> {
  return { type: 'TOKEN', authorizationToken: token, methodArn: method.methodArn };
}

export function requestEvent(world: World, request: IncomingRequest, method: MethodContext): Record<string, unknown> {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[canonicalHeaderName(name)] = value;
    multiValueHeaders[canonicalHeaderName(name)] = [value];
  }
  const multiValueQuery = Object.fromEntries(Object.entries(request.query).map(([name, value]) => [name, [value]]));
  return {
    type: 'REQUEST',
    methodArn: method.methodArn,
    resource: method.resourcePath,
    path: request.path,
    httpMethod: method.httpMethod,
    headers,
    multiValueHeaders,
    queryStringParameters: orNull({ ...request.query }),
    multiValueQueryStringParameters: orNull(multiValueQuery),
    pathParameters: orNull(pathParametersOf(method.resourcePath, request.path)),
    stageVariables: orNull({ ...method.stageVariables }),
    requestContext: {
      accountId: method.accountId,
      apiId: method.apiId,
      stage: method.stage,
      httpMethod: method.httpMethod,
      resourcePath: method.resourcePath,
      path: `/${method.stage}${request.path}`,
      identity: { sourceIp: request.sourceIp },
      requestTimeEpoch: world.nowMs,
    },
  };
}
