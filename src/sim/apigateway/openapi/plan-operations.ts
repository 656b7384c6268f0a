// OpenAPI paths and operations → methods: the verb (`x-amazon-apigateway-any-method` is ANY), the
// parameters API Gateway declares as method request parameters (path, query string, header), the body
// model (`requestBody` in 3.0, an `in: body` parameter in 2.0), the method responses, the security, the
// integration and the request validator.
// Sources: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-any-method.html,
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-request-validator.html
import type { MethodResponse } from '../model.js';
import { PATH_PART } from '../rest-api.js';
import type { OpenApiDocument } from './document.js';
import { readIntegration } from './plan-integration.js';
import { methodAuthOf, type SchemeMeaning } from './plan-security.js';
import { modelNameOfRef, type Findings, type PlannedMethod } from './plan-types.js';
import { asBoolean, asList, asRecord, asString, compact, entriesOf, type Json } from './values.js';

export const VERBS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;
export const ANY_METHOD = 'x-amazon-apigateway-any-method';
const LOCATIONS: Readonly<Record<string, string>> = { path: 'path', query: 'querystring', header: 'header' };

export interface OperationContext {
  readonly document: OpenApiDocument;
  readonly schemes: ReadonlyMap<string, SchemeMeaning>;
  readonly modelNames: ReadonlySet<string>;
  readonly validatorNames: ReadonlySet<string>;
  readonly defaultValidator?: string;
  /** Prepended to every path (`--parameters basepath=prepend`), else ''. */
  readonly basePath: string;
  readonly findings: Findings;
}

/** A parameter, following a local `$ref` to `#/components/parameters/X` or `#/parameters/X`. */
function resolveParameter(document: OpenApiDocument, value: unknown): Json {
  const parameter = asRecord(value) ?? {};
  const name = /^#\/(?:components\/parameters|parameters)\/([^/]+)$/.exec(asString(parameter['$ref']) ?? '')?.[1];
  if (name === undefined) return parameter;
  const table = document.version === 'oas30' ? asRecord(document.root['components'])?.['parameters'] : document.root['parameters'];
  return asRecord(asRecord(table)?.[name]) ?? {};
}

function modelRef(ctx: OperationContext, schema: unknown, where: string): string | undefined {
  const record = asRecord(schema);
  if (record === undefined) return undefined;
  const name = modelNameOfRef(record['$ref']);
  if (name === undefined) {
    ctx.findings.warnings.push(`${where}: only schemas given by $ref to a named schema become models; the inline schema is ignored.`);
    return undefined;
  }
  if (ctx.modelNames.has(name)) return name;
  ctx.findings.warnings.push(`${where}: the model '${name}' is not defined in the document. Ignoring the reference.`);
  return undefined;
}

/** Content types → model names, from 3.0 `content` or from 2.0 `schema` with `consumes`/`produces`. */
function modelsOf(ctx: OperationContext, holder: Json, swaggerTypes: readonly unknown[], where: string): Record<string, string> {
  const models: Record<string, string> = {};
  const pairs: [string, unknown][] = ctx.document.version === 'oas30'
    ? entriesOf(holder['content']).map(([type, media]) => [type, asRecord(media)?.['schema']])
    : holder['schema'] === undefined ? [] : (swaggerTypes.length === 0 ? ['application/json'] : swaggerTypes).map((type) => [String(type), holder['schema']]);
  for (const [type, schema] of pairs) {
    const name = modelRef(ctx, schema, where);
    if (name !== undefined) models[type] = name;
  }
  return models;
}

function readParameters(ctx: OperationContext, operation: Json, pathItem: Json, where: string): { requestParameters: Record<string, boolean>; bodyModels: Record<string, string> } {
  const requestParameters: Record<string, boolean> = {};
  let bodyModels: Record<string, string> = {};
  for (const raw of [...asList(pathItem['parameters']), ...asList(operation['parameters'])]) {
    const parameter = resolveParameter(ctx.document, raw);
    const location = asString(parameter['in']) ?? '';
    const name = asString(parameter['name']) ?? '';
    if (location === 'body') bodyModels = modelsOf(ctx, parameter, asList(operation['consumes'] ?? ctx.document.root['consumes']), `${where} body`);
    else if (LOCATIONS[location] !== undefined) requestParameters[`method.request.${LOCATIONS[location]}.${name}`] = location === 'path' || (asBoolean(parameter['required']) ?? false);
    else ctx.findings.warnings.push(`${where}: parameter '${name}' in ${location} is not supported by API Gateway. Ignoring.`);
  }
  return { requestParameters, bodyModels };
}

function readMethodResponses(ctx: OperationContext, operation: Json, where: string): Record<string, MethodResponse> {
  const responses: Record<string, MethodResponse> = {};
  for (const [status, raw] of entriesOf(operation['responses'])) {
    if (!/^[1-5]\d\d$/.test(status)) continue;
    const response = asRecord(raw) ?? {};
    const headers = Object.fromEntries(entriesOf(response['headers']).map(([header]) => [`method.response.header.${header}`, false]));
    const models = modelsOf(ctx, response, asList(operation['produces'] ?? ctx.document.root['produces']), `${where} response ${status}`);
    responses[status] = compact({
      statusCode: status, responseParameters: Object.keys(headers).length === 0 ? undefined : headers, responseModels: Object.keys(models).length === 0 ? undefined : models,
    });
  }
  return responses;
}

function validatorOf(ctx: OperationContext, operation: Json, where: string): string | undefined {
  const name = asString(operation['x-amazon-apigateway-request-validator']) ?? ctx.defaultValidator;
  if (name === undefined || ctx.validatorNames.has(name)) return name;
  ctx.findings.warnings.push(`${where}: the request validator '${name}' is not defined in x-amazon-apigateway-request-validators. Ignoring.`);
  return undefined;
}

function planMethod(ctx: OperationContext, path: string, verb: string, operation: Json, pathItem: Json): PlannedMethod {
  const httpMethod = verb === ANY_METHOD ? 'ANY' : verb.toUpperCase();
  const where = `${httpMethod} ${path}`;
  const { requestParameters, bodyModels } = readParameters(ctx, operation, pathItem, where);
  const requestModels = ctx.document.version === 'oas30' ? modelsOf(ctx, asRecord(operation['requestBody']) ?? {}, [], `${where} request body`) : bodyModels;
  const methodResponses = readMethodResponses(ctx, operation, where);
  const auth = methodAuthOf(operation['security'] ?? ctx.document.root['security'], ctx.schemes, where, ctx.findings);
  const planned = operation['x-amazon-apigateway-integration'] === undefined ? undefined : readIntegration(operation['x-amazon-apigateway-integration'], path, ctx.findings);
  return compact({
    path, httpMethod, ...auth, requestParameters, integration: planned?.integration, cacheKeyParameters: planned?.cacheKeyParameters ?? [],
    requestValidatorName: validatorOf(ctx, operation, where), requestModels: Object.keys(requestModels).length === 0 ? undefined : requestModels,
    methodResponses: Object.keys(methodResponses).length === 0 ? undefined : methodResponses,
  });
}

/** `/pets/{petId}` → itself when every part is a valid path part, else undefined with an error. */
function checkedPath(ctx: OperationContext, rawPath: string): string | undefined {
  const path = `/${`${ctx.basePath}/${rawPath}`.split('/').filter((part) => part !== '').join('/')}`;
  const bad = path.split('/').filter((part) => part !== '').find((part) => !PATH_PART.test(part));
  if (bad === undefined) return path;
  ctx.findings.errors.push(`Resource path ${rawPath}: the path part '${bad}' is invalid; path parts allow a-zA-Z0-9._- and curly braces at the beginning and the end, with an optional plus sign before the closing brace.`);
  return undefined;
}

export function planPaths(ctx: OperationContext): { paths: string[]; methods: PlannedMethod[] } {
  const paths: string[] = [];
  const methods: PlannedMethod[] = [];
  for (const [rawPath, rawItem] of entriesOf(ctx.document.root['paths'])) {
    const path = checkedPath(ctx, rawPath);
    if (path === undefined) continue;
    paths.push(path);
    const pathItem = asRecord(rawItem) ?? {};
    for (const verb of [...VERBS, ANY_METHOD]) {
      const operation = asRecord(pathItem[verb]);
      if (operation !== undefined) methods.push(planMethod(ctx, path, verb, operation, pathItem));
    }
  }
  return { paths, methods };
}
