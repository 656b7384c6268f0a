// One method → one OpenAPI operation for get-export: parameters from the method request parameters, the
// body model (`requestBody` in 3.0, an `in: body` parameter in 2.0), method responses, security, and,
// with the extensions asked for, `x-amazon-apigateway-integration` and the request validator's name.
// The shapes are the inverse of plan-operations.ts / plan-integration.ts, so an export imports back.
import type { Integration, Method, MethodResponse, RestApi, StoredAuthorizer } from '../model.js';
import type { OpenApiVersion } from './document.js';
import { compact, type Json } from './values.js';

export interface ExportContext {
  readonly version: OpenApiVersion;
  readonly api: RestApi;
  /** The deployment's authorizers by id. */
  readonly authorizers: Readonly<Record<string, StoredAuthorizer>>;
  readonly withIntegrations: boolean;
  readonly withApiGateway: boolean;
}

const LOCATIONS: Readonly<Record<string, string>> = { path: 'path', querystring: 'query', header: 'header' };
const nonEmpty = <T extends object>(value: T | undefined): T | undefined => (value === undefined || Object.keys(value).length === 0 ? undefined : value);

function schemaRef(ctx: ExportContext, model: string): Json {
  return { $ref: ctx.version === 'oas30' ? `#/components/schemas/${model}` : `#/definitions/${model}` };
}

function parametersOf(ctx: ExportContext, method: Method): Json[] {
  const parameters: Json[] = [];
  for (const [key, required] of Object.entries(method.requestParameters).sort(([a], [b]) => a.localeCompare(b))) {
    const match = /^method\.request\.(path|querystring|header)\.(.+)$/.exec(key);
    if (match === null) continue;
    const type = ctx.version === 'oas30' ? { schema: { type: 'string' } } : { type: 'string' };
    parameters.push({ name: match[2]!, in: LOCATIONS[match[1]!]!, required: match[1] === 'path' ? true : required, ...type });
  }
  const bodyModel = Object.entries(method.requestModels ?? {})[0];
  if (ctx.version === 'swagger' && bodyModel !== undefined) parameters.push({ in: 'body', name: bodyModel[1], required: true, schema: schemaRef(ctx, bodyModel[1]) });
  return parameters;
}

function responseOf(ctx: ExportContext, response: MethodResponse): Json {
  const headerNames = Object.keys(response.responseParameters ?? {}).map((key) => key.replace(/^method\.response\.header\./, ''));
  const headers = Object.fromEntries(headerNames.map((name) => [name, ctx.version === 'oas30' ? { schema: { type: 'string' } } : { type: 'string' }]));
  const models = Object.entries(response.responseModels ?? {});
  const body = ctx.version === 'oas30'
    ? { content: nonEmpty(Object.fromEntries(models.map(([type, model]) => [type, { schema: schemaRef(ctx, model) }]))) }
    : { schema: models[0] === undefined ? undefined : schemaRef(ctx, models[0][1]) };
  return compact({ description: `${response.statusCode} response`, headers: nonEmpty(headers), ...body });
}

function securityOf(ctx: ExportContext, method: Method): Json[] | undefined {
  const requirement: Record<string, string[]> = {};
  const authorizer = method.authorizerId === undefined ? undefined : ctx.authorizers[method.authorizerId];
  if (authorizer !== undefined && authorizer.type !== 'AWS_IAM') requirement[authorizer.name] = [];
  if (method.authorizationType === 'AWS_IAM') requirement['sigv4'] = [];
  if (method.apiKeyRequired) requirement['api_key'] = [];
  return Object.keys(requirement).length === 0 ? undefined : [requirement];
}

function integrationResponsesOf(integration: Integration): Json | undefined {
  const entries = Object.values(integration.integrationResponses ?? {}).map((r) => [r.selectionPattern ?? 'default', compact({
    statusCode: r.statusCode, responseTemplates: r.responseTemplates, responseParameters: r.responseParameters,
  })] as const);
  if (entries.length === 0 && integration.type === 'MOCK' && integration.mockBody !== undefined) {
    return { default: { statusCode: String(integration.mockStatusCode ?? 200), responseTemplates: { 'application/json': integration.mockBody } } };
  }
  return nonEmpty(Object.fromEntries(entries));
}

function integrationOf(method: Method, integration: Integration): Json {
  const isLambda = integration.type === 'AWS_PROXY' || integration.type === 'AWS';
  const mockTemplate = integration.type === 'MOCK' && integration.mockStatusCode !== undefined ? { 'application/json': `{"statusCode": ${integration.mockStatusCode}}` } : undefined;
  return compact({
    type: integration.type.toLowerCase(), uri: integration.uri === '' ? undefined : integration.uri,
    httpMethod: integration.type === 'MOCK' ? undefined : isLambda ? 'POST' : method.httpMethod,
    timeoutInMillis: integration.timeoutInMillis, passthroughBehavior: (integration.passthroughBehavior ?? 'WHEN_NO_MATCH').toLowerCase(),
    requestTemplates: integration.requestTemplates ?? mockTemplate, requestParameters: integration.requestParameters,
    cacheKeyParameters: method.cacheKeyParameters.length === 0 ? undefined : [...method.cacheKeyParameters], responses: integrationResponsesOf(integration),
  });
}

export function operationOf(ctx: ExportContext, method: Method): Json {
  const models = Object.entries(method.requestModels ?? {});
  const responses = Object.fromEntries(Object.values(method.methodResponses ?? {}).sort((a, b) => a.statusCode.localeCompare(b.statusCode)).map((r) => [r.statusCode, responseOf(ctx, r)]));
  const validator = method.requestValidatorId === undefined ? undefined : ctx.api.requestValidators?.[method.requestValidatorId]?.name;
  return compact({
    parameters: nonEmpty(parametersOf(ctx, method)),
    consumes: ctx.version === 'swagger' && models.length > 0 ? models.map(([type]) => type) : undefined,
    requestBody: ctx.version === 'oas30' && models.length > 0 ? { content: Object.fromEntries(models.map(([type, model]) => [type, { schema: schemaRef(ctx, model) }])), required: true } : undefined,
    responses,
    security: securityOf(ctx, method),
    'x-amazon-apigateway-request-validator': ctx.withApiGateway ? validator : undefined,
    'x-amazon-apigateway-integration': ctx.withIntegrations && method.integration !== undefined ? integrationOf(method, method.integration) : undefined,
  });
}
