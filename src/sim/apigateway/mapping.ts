// Mapping for non-proxy REST integrations (AWS, HTTP, MOCK; APIGW-10). Request side: the template for
// the request's content type (none → application/json) renders the integration request body; without
// one, the passthrough behaviour decides: WHEN_NO_MATCH (the default) passes the body through,
// WHEN_NO_TEMPLATES passes it only when the integration has no templates at all, NEVER never does;
// a refusal is 415 Unsupported Media Type
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/integration-passthrough-behaviors.html).
// Response side: the integration response whose selectionPattern matches the whole Lambda errorMessage
// (Lambda) or the backend status code (HTTP, MOCK, AWS services) is chosen, else the default one (no
// pattern); none → 500 "No match for output mapping". Its template renders the body and its
// responseParameters set headers. An integration with no integration responses at all keeps the
// simulator's earlier shortcut: the backend answer passes through (docs/apigateway.md says why).
import type { AuthOutcome } from './auth/contract.js';
import type { HttpResponse } from './gateway-responses.js';
import type { RestContext } from './invoke-rest.js';
import type { Integration, IntegrationResponse } from './model.js';
import { contentTypeOf } from './validation/request-validation.js';
import { readJsonPath, renderTemplate, type TemplateInput } from './vtl/index.js';

type Allow = Extract<AuthOutcome, { kind: 'allow' }> | undefined;

/** `$context` for templates: the request's ids, the caller and the authorizer's answer. */
export function templateContextOf(ctx: RestContext, allow: Allow): Record<string, unknown> {
  const { flow, match, stage, api } = ctx;
  const authorizer: Record<string, unknown> = { ...(allow?.context ?? {}) };
  if (allow?.principalId !== undefined) authorizer['principalId'] = allow.principalId;
  return {
    requestId: flow.requestId, extendedRequestId: flow.requestId, accountId: flow.world.accountId, apiId: api.id, stage: stage.stageName,
    httpMethod: flow.request.method, resourcePath: match.resource.path, resourceId: match.resource.id, path: `/${stage.stageName}${flow.request.path}`,
    domainName: `${api.id}.execute-api.${flow.world.region}.amazonaws.com`, requestTimeEpoch: flow.world.nowMs,
    identity: { sourceIp: flow.request.sourceIp, userAgent: headerOf(flow.request.headers, 'user-agent') ?? '' },
    authorizer,
    // Only on a stage with a canary (APIGW-03, canary-release.html).
    ...(ctx.stage.canarySettings === undefined ? {} : { isCanaryRequest: ctx.release.isCanaryRequest }),
  };
}

export function templateInputOf(ctx: RestContext, allow: Allow, body: string): TemplateInput {
  return {
    body, params: { path: ctx.match.pathParameters, querystring: ctx.flow.request.query, header: ctx.flow.request.headers },
    context: templateContextOf(ctx, allow), stageVariables: ctx.release.variables,
  };
}

const headerOf = (headers: Readonly<Record<string, string>>, name: string): string | undefined =>
  Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

/** The integration request's headers, query string and path parameters (`integration.request.header.X` ← source). */
export interface IntegrationParameters {
  readonly header: Readonly<Record<string, string>>;
  readonly querystring: Readonly<Record<string, string>>;
  readonly path: Readonly<Record<string, string>>;
}

function requestParameterValue(source: string, input: TemplateInput): string | undefined {
  const literal = /^'(.*)'$/s.exec(source);
  if (literal !== null) return literal[1];
  const method = /^method\.request\.(querystring|header|path)\.(.+)$/.exec(source);
  if (method !== null) {
    const [, where, name] = method as unknown as [string, 'querystring' | 'header' | 'path', string];
    return where === 'header' ? headerOf(input.params.header, name) : input.params[where][name];
  }
  const variable = /^stageVariables\.(.+)$/.exec(source);
  if (variable !== null) return input.stageVariables[variable[1]!];
  const context = /^context\.(.+)$/.exec(source);
  const value = context === null ? undefined : readJsonPath(input.context, `$.${context[1]!}`);
  return value === undefined || value === null ? undefined : String(value);
}

/** Applies `--request-parameters` of put-integration; sources that are absent are left out. */
export function mapIntegrationParameters(integration: Integration, input: TemplateInput): IntegrationParameters {
  const out = { header: {} as Record<string, string>, querystring: {} as Record<string, string>, path: {} as Record<string, string> };
  for (const [target, source] of Object.entries(integration.requestParameters ?? {})) {
    const match = /^integration\.request\.(header|querystring|path)\.(.+)$/.exec(target);
    const value = requestParameterValue(source, input);
    if (match !== null && value !== undefined) out[match[1] as 'header' | 'querystring' | 'path'][match[2]!] = value;
  }
  return out;
}

export type MappedRequest =
  | { readonly ok: true; readonly body: string; readonly how: 'template' | 'passthrough'; readonly contentType: string; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly type: 'UNSUPPORTED_MEDIA_TYPE' | 'API_CONFIGURATION_ERROR'; readonly reason: string };

/** The integration request body of a non-proxy integration. */
export function mapRequest(integration: Integration, input: TemplateInput, headers: Readonly<Record<string, string>>): MappedRequest {
  const templates = integration.requestTemplates ?? {};
  const contentType = contentTypeOf(headers);
  const template = templates[contentType];
  if (template !== undefined) {
    const rendered = renderTemplate(template, input);
    if (!rendered.ok) return { ok: false, type: 'API_CONFIGURATION_ERROR', reason: `Execution failed due to configuration error: Unable to transform request (${rendered.message})` };
    return { ok: true, body: rendered.output, how: 'template', contentType, warnings: rendered.warnings };
  }
  const behavior = integration.passthroughBehavior ?? 'WHEN_NO_MATCH';
  const hasTemplates = Object.keys(templates).length > 0;
  if (behavior === 'WHEN_NO_MATCH' || (behavior === 'WHEN_NO_TEMPLATES' && !hasTemplates)) return { ok: true, body: input.body, how: 'passthrough', contentType, warnings: [] };
  return { ok: false, type: 'UNSUPPORTED_MEDIA_TYPE', reason: `no request template for ${contentType} and passthroughBehavior ${behavior}` };
}

/** What a backend answered, with what selection patterns are matched against. */
export interface BackendAnswer {
  readonly response: HttpResponse;
  /** Lambda (custom integration): the function error's message, matched against selection patterns. */
  readonly lambdaErrorMessage?: string;
  readonly isLambda: boolean;
  /** The status the backend sent (a service error's status for AWS integrations). */
  readonly backendStatusCode: number;
}

/** Java's `matches`: the pattern must match the whole value. */
function matchesWhole(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    return false;
  }
}

/** The integration response for this answer: a matching selectionPattern first, else the default one. */
export function selectIntegrationResponse(responses: Readonly<Record<string, IntegrationResponse>>, answer: BackendAnswer): { response?: IntegrationResponse; matchedAgainst: string } {
  const matchedAgainst = answer.isLambda ? (answer.lambdaErrorMessage ?? '') : String(answer.backendStatusCode);
  const all = Object.values(responses).sort((a, b) => a.statusCode.localeCompare(b.statusCode));
  const canMatch = !answer.isLambda || answer.lambdaErrorMessage !== undefined;
  const matched = canMatch ? all.find((r) => r.selectionPattern !== undefined && r.selectionPattern !== '' && matchesWhole(r.selectionPattern, matchedAgainst)) : undefined;
  const chosen = matched ?? all.find((r) => r.selectionPattern === undefined || r.selectionPattern === '');
  return { ...(chosen === undefined ? {} : { response: chosen }), matchedAgainst };
}

function parameterValue(source: string, answer: BackendAnswer, stageVariables: Readonly<Record<string, string>>): string | undefined {
  const literal = /^'(.*)'$/s.exec(source);
  if (literal !== null) return literal[1];
  const header = /^integration\.response\.header\.(.+)$/.exec(source);
  if (header !== null) return headerOf(answer.response.headers, header[1]!);
  if (source === 'integration.response.body') return answer.response.body;
  const bodyField = /^integration\.response\.body\.(.+)$/.exec(source);
  if (bodyField !== null) {
    try {
      const value = readJsonPath(JSON.parse(answer.response.body) as unknown, `$.${bodyField[1]!}`);
      return value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value);
    } catch {
      return undefined;
    }
  }
  const variable = /^stageVariables\.(.+)$/.exec(source);
  return variable === null ? undefined : stageVariables[variable[1]!];
}

export type MappedResponse =
  | { readonly ok: true; readonly response: HttpResponse; readonly detail: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly reason: string };

function responseTemplateOf(templates: Readonly<Record<string, string>>, accept: string | undefined): [string, string] | undefined {
  const wanted = accept?.split(',').map((t) => t.split(';')[0]!.trim().toLowerCase()).find((t) => templates[t] !== undefined);
  const key = wanted ?? (templates['application/json'] !== undefined ? 'application/json' : Object.keys(templates).sort()[0]);
  return key === undefined ? undefined : [key, templates[key]!];
}

/** The method response for a non-proxy integration's answer (APIGW-10). */
export function mapResponse(integration: Integration, answer: BackendAnswer, input: TemplateInput, accept: string | undefined): MappedResponse {
  const responses = integration.integrationResponses;
  if (responses === undefined || Object.keys(responses).length === 0) return { ok: true, response: answer.response, detail: { rule: 'no integration responses: the backend answer passes through' } };
  const { response: chosen, matchedAgainst } = selectIntegrationResponse(responses, answer);
  if (chosen === undefined) {
    return { ok: false, reason: `Execution failed due to configuration error: No match for output mapping and no default output mapping configured. Endpoint Response Status Code: ${answer.backendStatusCode}` };
  }
  const template = responseTemplateOf(chosen.responseTemplates ?? {}, accept);
  let body = answer.response.body;
  let contentType = headerOf(answer.response.headers, 'content-type') ?? 'application/json';
  if (template !== undefined && template[1] !== '') {
    const rendered = renderTemplate(template[1], { ...input, body: answer.response.body });
    if (!rendered.ok) return { ok: false, reason: `Execution failed due to configuration error: Unable to transform response (${rendered.message})` };
    body = rendered.output;
    contentType = template[0];
  }
  const headers: Record<string, string> = { 'content-type': contentType };
  for (const [target, source] of Object.entries(chosen.responseParameters ?? {})) {
    const name = /^method\.response\.header\.(.+)$/.exec(target)?.[1];
    const value = parameterValue(source, answer, input.stageVariables);
    if (name !== undefined && value !== undefined) headers[name] = value;
  }
  return {
    ok: true, response: { statusCode: Number(chosen.statusCode), headers, body },
    detail: { statusCode: chosen.statusCode, matchedAgainst, ...(chosen.selectionPattern === undefined || chosen.selectionPattern === '' ? { default: true } : { selectionPattern: chosen.selectionPattern }) },
  };
}
