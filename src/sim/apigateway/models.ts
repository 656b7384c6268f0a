// REST API transitions for request validation and mapping: models (JSON Schema draft 4, as text),
// request validators, method responses and integration responses. Each answers a Result with API
// Gateway's error names; deployments freeze what these build (APIGW-03, rest-api.ts).
import { fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { newId, type ApiModel, type IntegrationResponse, type Method, type MethodResponse, type RequestValidator, type RestApi } from './model.js';
import { badRequest, conflict, notFound, resolveResourceId } from './rest-api.js';
import { BUILT_IN_MODELS } from './validation/request-validation.js';
import { parseSchema } from './validation/json-schema.js';
import { parseTemplate } from './vtl/index.js';

export interface CreateModelInput {
  readonly name: string;
  readonly contentType: string;
  readonly schema: string;
  readonly description?: string;
}

/** The models of an API, the two built-in ones (`Empty`, `Error`) included. */
export function modelsOf(api: RestApi): Readonly<Record<string, ApiModel>> {
  return { ...BUILT_IN_MODELS, ...(api.models ?? {}) };
}

export function createModel(world: World, api: RestApi, input: CreateModelInput): Result<ApiModel> {
  if (!/^[A-Za-z0-9]+$/.test(input.name)) return fail(badRequest(`Model name must be alphanumeric: ${input.name}`));
  if (modelsOf(api)[input.name] !== undefined) return fail(conflict('Model name already exists for this REST API'));
  if (parseSchema(input.schema) === undefined) return fail(badRequest('Invalid model specified: Validation Result: warnings : [], errors : [Invalid model schema specified]'));
  const model: ApiModel = {
    id: newId(world, 6), name: input.name, contentType: input.contentType, schema: input.schema,
    ...(input.description === undefined ? {} : { description: input.description }),
  };
  api.models = { ...(api.models ?? {}), [model.name]: model };
  return ok(model);
}

export function createRequestValidator(world: World, api: RestApi, input: Omit<RequestValidator, 'id'>): Result<RequestValidator> {
  const validator: RequestValidator = { id: newId(world, 6), ...input };
  api.requestValidators = { ...(api.requestValidators ?? {}), [validator.id]: validator };
  return ok(validator);
}

/** A validator by id; the sandbox also accepts its name so scripts need not copy generated ids. */
export function resolveValidatorId(api: RestApi, idOrName: string | undefined): string | undefined {
  if (idOrName === undefined || api.requestValidators?.[idOrName] !== undefined) return idOrName;
  return Object.values(api.requestValidators ?? {}).sort((a, b) => a.id.localeCompare(b.id)).find((v) => v.name === idOrName)?.id ?? idOrName;
}

/** put-method's validation members: the validator and the models must exist on the API. */
export function checkMethodValidation(api: RestApi, validatorId: string | undefined, requestModels: Readonly<Record<string, string>> | undefined): Result<undefined> {
  if (validatorId !== undefined && api.requestValidators?.[validatorId] === undefined) return fail(badRequest('Invalid Request Validator identifier specified'));
  const unknown = Object.values(requestModels ?? {}).find((name) => modelsOf(api)[name] === undefined);
  return unknown === undefined ? ok(undefined) : fail(badRequest(`Invalid model identifier specified: ${unknown}`));
}

/** Every template parses, else a 400 naming the content type and the line. */
export function checkTemplates(templates: Readonly<Record<string, string>> | undefined): Result<undefined> {
  for (const [contentType, template] of Object.entries(templates ?? {})) {
    const parsed = parseTemplate(template);
    if (!parsed.ok) return fail(badRequest(`Invalid mapping template for ${contentType}: line ${parsed.error.line}: ${parsed.error.message}`));
  }
  return ok(undefined);
}

function methodOf(api: RestApi, resourceId: string, httpMethod: string): Result<{ method: Method; store: (m: Method) => void }> {
  const resource = api.resources[resolveResourceId(api, resourceId)];
  if (resource === undefined) return fail(notFound('Invalid Resource identifier specified'));
  const method = resource.methods[httpMethod.toUpperCase()];
  if (method === undefined) return fail(notFound('Invalid Method identifier specified'));
  return ok({ method, store: (m) => (resource.methods[m.httpMethod] = m) });
}

export function putMethodResponse(api: RestApi, resourceId: string, httpMethod: string, response: MethodResponse): Result<MethodResponse> {
  const found = methodOf(api, resourceId, httpMethod);
  if (!found.ok) return found;
  if (!/^[1-5]\d\d$/.test(response.statusCode)) return fail(badRequest(`Invalid status code specified: ${response.statusCode}`));
  const { method, store } = found.value;
  store({ ...method, methodResponses: { ...(method.methodResponses ?? {}), [response.statusCode]: response } });
  return ok(response);
}

const mappingError = (expression: string) => badRequest(`Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression parameter specified: ${expression}]`);

function checkIntegrationResponse(method: Method, response: IntegrationResponse): Result<undefined> {
  const declared = method.methodResponses?.[response.statusCode];
  if (declared === undefined) return fail(notFound('Invalid Response status code specified'));
  for (const target of Object.keys(response.responseParameters ?? {})) {
    if (declared.responseParameters?.[target] === undefined) return fail(mappingError(target));
  }
  if (response.selectionPattern !== undefined) {
    try {
      new RegExp(response.selectionPattern);
    } catch {
      return fail(badRequest(`Invalid selection pattern specified: ${response.selectionPattern}`));
    }
  }
  return checkTemplates(response.responseTemplates);
}

/** put-integration-response: the method response must exist and declare every header it maps. */
export function putIntegrationResponse(api: RestApi, resourceId: string, httpMethod: string, response: IntegrationResponse): Result<IntegrationResponse> {
  const found = methodOf(api, resourceId, httpMethod);
  if (!found.ok) return found;
  const { method, store } = found.value;
  if (method.integration === undefined) return fail(notFound('Invalid Integration identifier specified'));
  const checked = checkIntegrationResponse(method, response);
  if (!checked.ok) return checked;
  const integrationResponses = { ...(method.integration.integrationResponses ?? {}), [response.statusCode]: response };
  store({ ...method, integration: { ...method.integration, integrationResponses } });
  return ok(response);
}
