// get-export: the OpenAPI 3.0 (`oas30`) or Swagger 2.0 (`swagger`) document of what a stage serves (its
// deployment's resources and authorizers; models, validators and gateway responses are the API's own),
// as JSON or YAML. `--parameters extensions=integrations` adds x-amazon-apigateway-integration,
// `extensions=authorizers` adds x-amazon-apigateway-authorizer, `extensions=apigateway` adds every API
// Gateway extension (also validators, gateway responses, the API key source and the policy);
// `postman` is accepted and adds nothing here.
// Sources: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-export-api.html,
// https://docs.aws.amazon.com/apigateway/latest/api/API_GetExport.html
import { stringify } from 'yaml';
import { fail, ok, type Result } from '../../result.js';
import type { World } from '../../world.js';
import { lambdaIntegrationUri } from '../define.js';
import { isoDate } from '../describe.js';
import type { Method, Resource, RestApi, StoredAuthorizer } from '../model.js';
import { badRequest, notFound } from '../rest-api.js';
import type { OpenApiVersion } from './document.js';
import { operationOf, type ExportContext } from './export-operations.js';
import { ANY_METHOD, VERBS } from './plan-operations.js';
import { compact, type Json } from './values.js';

export type ExportExtensions = 'integrations' | 'apigateway' | 'authorizers' | 'postman';

export interface ExportRequest {
  readonly exportType: OpenApiVersion;
  readonly extensions?: ExportExtensions;
  readonly accepts: 'application/json' | 'application/yaml';
}

function authorizerExtension(world: World, authorizer: Exclude<StoredAuthorizer, { type: 'AWS_IAM' }>): Json {
  if (authorizer.type === 'COGNITO_USER_POOLS') return { type: 'cognito_user_pools', providerARNs: [...authorizer.providerArns], identitySource: authorizer.identitySource };
  return compact({
    type: authorizer.type.toLowerCase(), authorizerUri: lambdaIntegrationUri(world, authorizer.functionName), authorizerResultTtlInSeconds: authorizer.resultTtlSeconds,
    identitySource: authorizer.type === 'TOKEN' ? authorizer.identitySource : authorizer.identitySources.join(', '),
    identityValidationExpression: authorizer.type === 'TOKEN' ? authorizer.identityValidationExpression : undefined,
  });
}

function securitySchemesOf(world: World, ctx: ExportContext, methods: readonly Method[], withAuthorizers: boolean): Json | undefined {
  const schemes: Record<string, Json> = {};
  for (const method of methods) {
    if (method.apiKeyRequired) schemes['api_key'] = { type: 'apiKey', name: 'x-api-key', in: 'header' };
    if (method.authorizationType === 'AWS_IAM') schemes['sigv4'] = { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' };
    const authorizer = method.authorizerId === undefined ? undefined : ctx.authorizers[method.authorizerId];
    if (authorizer === undefined || authorizer.type === 'AWS_IAM') continue;
    const header = /^method\.request\.header\.(.+)$/.exec(authorizer.type === 'REQUEST' ? authorizer.identitySources[0] ?? '' : authorizer.identitySource)?.[1] ?? 'Unused';
    schemes[authorizer.name] = compact({
      type: 'apiKey', name: header, in: 'header',
      'x-amazon-apigateway-authtype': withAuthorizers ? (authorizer.type === 'COGNITO_USER_POOLS' ? 'cognito_user_pools' : 'custom') : undefined,
      'x-amazon-apigateway-authorizer': withAuthorizers ? authorizerExtension(world, authorizer) : undefined,
    });
  }
  return Object.keys(schemes).length === 0 ? undefined : Object.fromEntries(Object.entries(schemes).sort(([a], [b]) => a.localeCompare(b)));
}

function pathsOf(ctx: ExportContext, resources: readonly Resource[]): Json {
  const paths: Record<string, Json> = {};
  for (const resource of [...resources].sort((a, b) => a.path.localeCompare(b.path))) {
    const operations: Record<string, Json> = {};
    for (const verb of [...VERBS, ANY_METHOD]) {
      const method = resource.methods[verb === ANY_METHOD ? 'ANY' : verb.toUpperCase()];
      if (method !== undefined) operations[verb] = operationOf(ctx, method);
    }
    if (Object.keys(operations).length > 0) paths[resource.path] = operations;
  }
  return paths;
}

function apiGatewayExtensions(api: RestApi): Json {
  const validators = Object.values(api.requestValidators ?? {}).sort((a, b) => a.name.localeCompare(b.name));
  const responses = Object.entries(api.gatewayResponses ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([type, r]) => [type, compact({
    statusCode: r.statusCode === undefined ? undefined : String(r.statusCode),
    responseParameters: Object.keys(r.headers).length === 0 ? undefined : Object.fromEntries(Object.entries(r.headers).map(([h, v]) => [`gatewayresponse.header.${h}`, `'${v}'`])),
    responseTemplates: r.template === undefined ? undefined : { 'application/json': r.template },
  })] as const);
  return compact({
    'x-amazon-apigateway-request-validators': validators.length === 0 ? undefined : Object.fromEntries(validators.map((v) => [v.name, { validateRequestBody: v.validateRequestBody, validateRequestParameters: v.validateRequestParameters }])),
    'x-amazon-apigateway-gateway-responses': responses.length === 0 ? undefined : Object.fromEntries(responses),
    'x-amazon-apigateway-api-key-source': api.apiKeySource,
    'x-amazon-apigateway-policy': api.resourcePolicy === undefined ? undefined : (JSON.parse(api.resourcePolicy) as unknown),
  });
}

function documentOf(world: World, api: RestApi, stageName: string, request: ExportRequest): Result<Json> {
  const stage = api.stages[stageName];
  if (stage === undefined) return fail(notFound('Invalid Stage identifier specified'));
  const deployment = api.deployments[stage.deploymentId]!;
  const extensions = request.extensions;
  const ctx: ExportContext = {
    version: request.exportType, api, authorizers: deployment.authorizers, withIntegrations: extensions === 'integrations' || extensions === 'apigateway', withApiGateway: extensions === 'apigateway',
  };
  const resources = Object.values(deployment.resources);
  const securitySchemes = securitySchemesOf(world, ctx, resources.flatMap((r) => Object.values(r.methods)), extensions === 'authorizers' || extensions === 'apigateway');
  const models = Object.values(api.models ?? {}).sort((a, b) => a.name.localeCompare(b.name));
  const schemas = models.length === 0 ? undefined : Object.fromEntries(models.map((m) => [m.name, JSON.parse(m.schema) as unknown]));
  const host = `${api.id}.execute-api.${world.region}.amazonaws.com`;
  const info = { title: api.name, version: isoDate(deployment.createdDateMs) };
  const head = request.exportType === 'oas30'
    ? { openapi: '3.0.1', info, servers: [{ url: `https://${host}/{basePath}`, variables: { basePath: { default: stageName } } }] }
    : { swagger: '2.0', info, host, basePath: `/${stageName}`, schemes: ['https'] };
  const tail = request.exportType === 'oas30'
    ? { components: compact({ schemas, securitySchemes }) }
    : { securityDefinitions: securitySchemes, definitions: schemas };
  return ok(compact({ ...head, paths: pathsOf(ctx, resources), ...tail, ...(ctx.withApiGateway ? apiGatewayExtensions(api) : {}) }));
}

/** The exported document as text (2-space JSON, or YAML for `application/yaml`). */
export function exportRestApi(world: World, api: RestApi, stageName: string, request: ExportRequest): Result<string> {
  if (request.exportType !== 'oas30' && request.exportType !== 'swagger') return fail(badRequest(`Invalid export type: ${String(request.exportType)}`));
  const document = documentOf(world, api, stageName, request);
  if (!document.ok) return document;
  return ok(request.accepts === 'application/yaml' ? stringify(document.value, { lineWidth: 0 }) : `${JSON.stringify(document.value, null, 2)}\n`);
}
