// Request validation of REST API methods (APIGW-09 400s): a method with a request validator checks its
// required parameters (`method.request.querystring|header|path.NAME: true` must be present and not
// blank; only their presence, never their format) and/or its body against the model named for the
// request's content type. No Content-Type means application/json; a content type with no model falls
// back to the `$default` model, and with neither the body is not validated at all.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-validation-test.html
import type { IncomingRequest } from '../auth/contract.js';
import type { ApiModel, Method, RequestValidator } from '../model.js';
import { parseSchema, validateAgainstSchema } from './json-schema.js';

/**
 * The two models API Gateway adds to every REST API: `Empty` (any JSON object) and `Error` (an object
 * whose `message` is a string).
 */
export const BUILT_IN_MODELS: Readonly<Record<string, ApiModel>> = {
  Empty: { id: 'empty0', name: 'Empty', contentType: 'application/json', description: 'This is a default empty schema model',
    schema: '{\n  "$schema": "http://json-schema.org/draft-04/schema#",\n  "title" : "Empty Schema",\n  "type" : "object"\n}' },
  Error: { id: 'error0', name: 'Error', contentType: 'application/json', description: 'This is a default error schema model',
    schema: '{\n  "$schema" : "http://json-schema.org/draft-04/schema#",\n  "title" : "Error Schema",\n  "type" : "object",\n  "properties" : {\n    "message" : { "type" : "string" }\n  }\n}' },
};

export type RequestCheck =
  | { readonly ok: true; readonly detail: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly type: 'BAD_REQUEST_PARAMETERS' | 'BAD_REQUEST_BODY'; readonly message: string; readonly validationErrorString?: string; readonly detail: Readonly<Record<string, unknown>> };

export interface RequestToValidate {
  readonly method: Method;
  readonly validators: Readonly<Record<string, RequestValidator>>;
  readonly models: Readonly<Record<string, ApiModel>>;
  readonly request: IncomingRequest;
  readonly pathParameters: Readonly<Record<string, string>>;
}

const headerOf = (headers: Readonly<Record<string, string>>, name: string): string | undefined =>
  Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

/** The media type of the request (`application/json; charset=utf-8` → `application/json`); none → application/json. */
export function contentTypeOf(headers: Readonly<Record<string, string>>): string {
  const raw = headerOf(headers, 'content-type');
  const media = raw?.split(';')[0]?.trim().toLowerCase();
  return media === undefined || media === '' ? 'application/json' : media;
}

function missingParameters(check: RequestToValidate): string[] {
  const missing: string[] = [];
  for (const [key, isRequired] of Object.entries(check.method.requestParameters)) {
    const match = /^method\.request\.(querystring|header|path|multivaluequerystring|multivalueheader)\.(.+)$/.exec(key);
    if (!isRequired || match === null) continue;
    const [, where, name] = match as unknown as [string, string, string];
    const value = where.endsWith('querystring') ? check.request.query[name] : where.endsWith('header') ? headerOf(check.request.headers, name) : check.pathParameters[name];
    if (value === undefined || value.trim() === '') missing.push(name);
  }
  return missing;
}

function bodyProblems(check: RequestToValidate, contentType: string): { model?: string; problems: string[] } {
  const models = check.method.requestModels ?? {};
  const modelName = models[contentType] ?? models['$default'];
  if (modelName === undefined) return { problems: [] };
  const model = check.models[modelName] ?? BUILT_IN_MODELS[modelName];
  const schema = model === undefined ? undefined : parseSchema(model.schema);
  if (schema === undefined) return { model: modelName, problems: [] };
  let body: unknown;
  try {
    body = JSON.parse(check.request.body) as unknown;
  } catch {
    return { model: modelName, problems: ['the request body is not valid JSON'] };
  }
  return { model: modelName, problems: validateAgainstSchema(schema, body) };
}

/** Runs the method's request validator, if it has one. */
export function validateMethodRequest(check: RequestToValidate): RequestCheck | undefined {
  const id = check.method.requestValidatorId;
  const validator = id === undefined ? undefined : check.validators[id];
  if (validator === undefined) return undefined;
  if (validator.validateRequestParameters) {
    const missing = missingParameters(check);
    if (missing.length > 0) {
      return { ok: false, type: 'BAD_REQUEST_PARAMETERS', message: `Missing required request parameters: [${missing.join(', ')}]`, detail: { validator: validator.name, missing } };
    }
  }
  if (!validator.validateRequestBody) return { ok: true, detail: { validator: validator.name, bodyCheck: 'not-checked' } };
  const contentType = contentTypeOf(check.request.headers);
  const { model, problems } = bodyProblems(check, contentType);
  if (model === undefined) return { ok: true, detail: { validator: validator.name, contentType, bodyCheck: 'no-model' } };
  if (problems.length === 0) return { ok: true, detail: { validator: validator.name, contentType, model, bodyCheck: 'valid' } };
  const validationErrorString = `[${problems.join(', ')}]`;
  return { ok: false, type: 'BAD_REQUEST_BODY', message: 'Invalid request body', validationErrorString, detail: { validator: validator.name, contentType, model, validationErrorString } };
}
