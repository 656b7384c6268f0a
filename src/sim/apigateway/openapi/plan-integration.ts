// `x-amazon-apigateway-integration` → a method's Integration: type, uri, timeout (50 ms – 29 s by default,
// APIGW-07), passthrough behaviour, request templates and parameters, and `responses` (selection pattern →
// integration response). A malformed integration stops the import with API Gateway's wording, quoted in
// https://github.com/localstack/localstack/issues/4619 ("Unable to parse API definition because of a
// malformed integration at path /."); the simulator adds the reason.
// Source: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration.html,
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration-responses.html
import { MIN_INTEGRATION_TIMEOUT_MS, REST_INTEGRATION_TIMEOUT_MS } from '../limits.js';
import type { Integration, IntegrationResponse, IntegrationType } from '../model.js';
import type { Findings } from './plan-types.js';
import { asList, asNumber, asRecord, asString, compact, entriesOf, stringMap, type Json } from './values.js';

const TYPES: Readonly<Record<string, IntegrationType>> = { aws_proxy: 'AWS_PROXY', aws: 'AWS', http: 'HTTP', http_proxy: 'HTTP_PROXY', mock: 'MOCK' };
const PASSTHROUGH = ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'] as const;

export interface PlannedIntegration {
  readonly integration: Integration;
  readonly cacheKeyParameters: readonly string[];
}

function malformed(path: string, reason: string, findings: Findings): undefined {
  findings.errors.push(`Unable to parse API definition because of a malformed integration at path ${path}: ${reason}`);
  return undefined;
}

function readResponses(value: unknown, path: string, findings: Findings): Record<string, IntegrationResponse> | undefined {
  const responses: Record<string, IntegrationResponse> = {};
  for (const [pattern, raw] of entriesOf(value)) {
    const response = asRecord(raw) ?? {};
    const statusCode = asString(response['statusCode']) ?? asNumber(response['statusCode'])?.toString();
    if (statusCode === undefined || !/^[1-5]\d\d$/.test(statusCode)) return malformed(path, `response '${pattern}' needs a statusCode such as "200".`, findings);
    responses[statusCode] = compact({
      statusCode, selectionPattern: pattern === 'default' ? undefined : pattern,
      responseTemplates: stringMap(response['responseTemplates']), responseParameters: stringMap(response['responseParameters']),
    });
  }
  return responses;
}

/** MOCK: the status a request template such as `{"statusCode": 404}` names. */
function mockStatusOf(templates: Readonly<Record<string, string>> | undefined): number | undefined {
  const match = /"statusCode"\s*:\s*(\d{3})/.exec(templates?.['application/json'] ?? '');
  return match === null ? undefined : Number(match[1]);
}

function readTimeoutMs(extension: Json, path: string, findings: Findings): number | undefined {
  const timeoutMs = asNumber(extension['timeoutInMillis']) ?? REST_INTEGRATION_TIMEOUT_MS; // APIGW-07
  if (timeoutMs >= MIN_INTEGRATION_TIMEOUT_MS && timeoutMs <= REST_INTEGRATION_TIMEOUT_MS) return timeoutMs;
  return malformed(path, `timeoutInMillis must be between ${MIN_INTEGRATION_TIMEOUT_MS} and ${REST_INTEGRATION_TIMEOUT_MS}, found ${timeoutMs}.`, findings);
}

/** The integration of the operation at `path` (the resource path, for the error message). */
export function readIntegration(value: unknown, path: string, findings: Findings): PlannedIntegration | undefined {
  const extension = asRecord(value);
  if (extension === undefined) return malformed(path, 'x-amazon-apigateway-integration must be an object.', findings);
  const typeText = asString(extension['type']) ?? '';
  const type = TYPES[typeText.toLowerCase()];
  if (type === undefined) return malformed(path, `type '${typeText}' is not one of aws, aws_proxy, http, http_proxy, mock.`, findings);
  const uri = asString(extension['uri']) ?? '';
  if (type !== 'MOCK' && uri === '') return malformed(path, `a ${typeText.toLowerCase()} integration needs a uri.`, findings);
  const timeoutInMillis = readTimeoutMs(extension, path, findings);
  const passthrough = asString(extension['passthroughBehavior'])?.toUpperCase();
  if (passthrough !== undefined && !(PASSTHROUGH as readonly string[]).includes(passthrough)) return malformed(path, `passthroughBehavior '${passthrough.toLowerCase()}' is not when_no_match, when_no_templates or never.`, findings);
  const responses = readResponses(extension['responses'], path, findings);
  if (timeoutInMillis === undefined || responses === undefined) return undefined;
  const requestTemplates = stringMap(extension['requestTemplates']);
  const integration: Integration = compact({
    type, uri, timeoutInMillis, requestTemplates, requestParameters: stringMap(extension['requestParameters']),
    passthroughBehavior: passthrough as Integration['passthroughBehavior'],
    integrationResponses: Object.keys(responses).length === 0 ? undefined : responses,
    mockStatusCode: type === 'MOCK' ? mockStatusOf(requestTemplates) : undefined,
    mockBody: type === 'MOCK' ? Object.values(responses).find((r) => r.selectionPattern === undefined)?.responseTemplates?.['application/json'] : undefined,
  });
  const cacheKeyParameters = asList(extension['cacheKeyParameters']).filter((key): key is string => typeof key === 'string');
  return { integration, cacheKeyParameters };
}
