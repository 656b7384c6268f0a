// The API-wide parts of an OpenAPI document: models (`components.schemas` / `definitions`), request
// validators, gateway responses, the API key source, the resource policy, the endpoint configuration,
// and the extensions the simulator does not model (each a warning).
// Sources: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-request-validators.html,
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-gateway-responses.html,
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-api-key-source.html,
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-policy.html,
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-endpoint-configuration.html
import { GATEWAY_RESPONSE_TYPES } from '../commands-methods.js';
import type { CustomGatewayResponse } from '../gateway-responses.js';
import type { ApiModel, RequestValidator } from '../model.js';
import type { OpenApiDocument } from './document.js';
import type { Findings } from './plan-types.js';
import { asBoolean, asNumber, asRecord, asString, compact, entriesOf, stringMap, type Json } from './values.js';

/** Extensions the planner reads; any other `x-amazon-apigateway-*` at the top is reported as not simulated. */
export const READ_EXTENSIONS = new Set([
  'x-amazon-apigateway-request-validators', 'x-amazon-apigateway-request-validator', 'x-amazon-apigateway-gateway-responses',
  'x-amazon-apigateway-api-key-source', 'x-amazon-apigateway-policy', 'x-amazon-apigateway-endpoint-configuration',
]);

/** JSON Schema keywords API Gateway's models do not support (REST API important notes). */
const UNSUPPORTED_SCHEMA_KEYWORDS = ['discriminator'];

function findKeyword(schema: unknown, depth = 0): string | undefined {
  const record = asRecord(schema);
  if (record === undefined || depth > 32) return Array.isArray(schema) && depth <= 32 ? schema.map((item) => findKeyword(item, depth + 1)).find((k) => k !== undefined) : undefined;
  for (const [key, value] of Object.entries(record)) {
    if (UNSUPPORTED_SCHEMA_KEYWORDS.includes(key)) return key;
    const inner = findKeyword(value, depth + 1);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

export function readModels(document: OpenApiDocument, findings: Findings): Omit<ApiModel, 'id'>[] {
  const schemas = document.version === 'oas30' ? asRecord(document.root['components'])?.['schemas'] : document.root['definitions'];
  const models: Omit<ApiModel, 'id'>[] = [];
  for (const [name, schema] of entriesOf(schemas)) {
    if (!/^[A-Za-z0-9]+$/.test(name)) {
      findings.warnings.push(`Unable to create model '${name}': model names are alphanumeric. Ignoring.`);
      continue;
    }
    const keyword = findKeyword(schema);
    if (keyword !== undefined) findings.warnings.push(`Model '${name}': the '${keyword}' keyword is not supported by API Gateway models. Ignoring it.`);
    const description = asString(asRecord(schema)?.['description']);
    models.push(compact({ name, contentType: 'application/json', schema: JSON.stringify(schema ?? {}), description }));
  }
  return models;
}

export function readValidators(root: Json, findings: Findings): { validators: Omit<RequestValidator, 'id'>[]; defaultValidator?: string } {
  const validators = entriesOf(root['x-amazon-apigateway-request-validators']).map(([name, raw]) => {
    const validator = asRecord(raw) ?? {};
    return { name, validateRequestBody: asBoolean(validator['validateRequestBody']) ?? false, validateRequestParameters: asBoolean(validator['validateRequestParameters']) ?? false };
  });
  const defaultValidator = asString(root['x-amazon-apigateway-request-validator']);
  if (defaultValidator === undefined) return { validators };
  if (validators.some((v) => v.name === defaultValidator)) return { validators, defaultValidator };
  findings.warnings.push(`The default request validator '${defaultValidator}' is not defined in x-amazon-apigateway-request-validators. Ignoring.`);
  return { validators };
}

function readGatewayResponse(type: string, raw: unknown, findings: Findings): CustomGatewayResponse | undefined {
  const response = asRecord(raw) ?? {};
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(stringMap(response['responseParameters']) ?? {})) {
    const header = /^gatewayresponse\.header\.(.+)$/.exec(key)?.[1];
    if (header === undefined) findings.warnings.push(`Gateway response ${type}: parameter '${key}' is not a gatewayresponse.header.NAME. Ignoring.`);
    else headers[header] = value.replace(/^'(.*)'$/, '$1');
  }
  const statusCode = asNumber(response['statusCode']);
  return compact({ headers, statusCode, template: stringMap(response['responseTemplates'])?.['application/json'] });
}

export function readGatewayResponses(root: Json, findings: Findings): Record<string, CustomGatewayResponse> {
  const responses: Record<string, CustomGatewayResponse> = {};
  for (const [type, raw] of entriesOf(root['x-amazon-apigateway-gateway-responses'])) {
    if (!GATEWAY_RESPONSE_TYPES.includes(type)) findings.warnings.push(`Gateway response type '${type}' is not one API Gateway knows. Ignoring.`);
    else responses[type] = readGatewayResponse(type, raw, findings)!;
  }
  return responses;
}

export interface ApiSettings {
  readonly apiKeySource?: 'HEADER' | 'AUTHORIZER';
  readonly resourcePolicy?: string;
}

export function readApiSettings(root: Json, findings: Findings): ApiSettings {
  const source = asString(root['x-amazon-apigateway-api-key-source'])?.toUpperCase();
  if (source !== undefined && source !== 'HEADER' && source !== 'AUTHORIZER') findings.errors.push(`x-amazon-apigateway-api-key-source must be HEADER or AUTHORIZER, found '${source}'.`);
  const policy = root['x-amazon-apigateway-policy'];
  const endpoint = asRecord(root['x-amazon-apigateway-endpoint-configuration']);
  if (endpoint?.['vpcEndpointIds'] !== undefined || asBoolean(endpoint?.['disableExecuteApiEndpoint']) === true) {
    findings.warnings.push('x-amazon-apigateway-endpoint-configuration: vpcEndpointIds and disableExecuteApiEndpoint are not simulated. Ignoring them.');
  }
  for (const key of Object.keys(root).filter((k) => k.startsWith('x-amazon-apigateway-') && !READ_EXTENSIONS.has(k))) {
    findings.warnings.push(`${key} is not simulated. Ignoring.`);
  }
  return compact({
    apiKeySource: source === 'HEADER' || source === 'AUTHORIZER' ? (source as 'HEADER' | 'AUTHORIZER') : undefined,
    resourcePolicy: policy === undefined ? undefined : typeof policy === 'string' ? policy : JSON.stringify(policy),
  });
}
