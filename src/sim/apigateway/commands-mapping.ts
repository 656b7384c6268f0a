// The `aws apigateway` rows for request validation and mapping: create-model / get-models,
// create-request-validator / get-request-validators, put-method-response and put-integration-response
// (APIGW-10). put-method and put-integration carry the other members (commands-methods.ts).
import type { ApiDocument, OperationSpec, ParamSpec } from '../cli/operation-spec.js';
import { ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { createModel, createRequestValidator, modelsOf, putIntegrationResponse, putMethodResponse } from './models.js';
import { readBoolean, readRecord, readString, readStringRecord } from './request.js';
import { withRestApi } from './rest-api.js';

const restApiId: ParamSpec = { flag: '--rest-api-id', member: 'restApiId', type: 'string', required: true, description: 'The REST API id (or name).' };
const resourceId: ParamSpec = { flag: '--resource-id', member: 'resourceId', type: 'string', required: true, description: 'The resource id (or path).' };
const httpMethod: ParamSpec = { flag: '--http-method', member: 'httpMethod', type: 'string', required: true, description: 'The method, e.g. POST.' };
const statusCode: ParamSpec = { flag: '--status-code', member: 'statusCode', type: 'string', required: true, description: 'The status code, e.g. 200 or 400.' };

function createModelCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  return withRestApi(world, request, (api) => {
    const schema = request['schema'];
    const description = readString(request, 'description');
    const created = createModel(world, api, {
      name: readString(request, 'name') ?? '', contentType: readString(request, 'contentType') ?? 'application/json',
      schema: typeof schema === 'string' ? schema : JSON.stringify(schema ?? ''), ...(description === undefined ? {} : { description }),
    });
    return created.ok ? ok({ ...created.value }) : created;
  });
}

function putMethodResponseCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  return withRestApi(world, request, (api) => {
    const parameters = readRecord(request, 'responseParameters');
    const models = readStringRecord(request, 'responseModels');
    const put = putMethodResponse(api, readString(request, 'resourceId') ?? '', readString(request, 'httpMethod') ?? '', {
      statusCode: readString(request, 'statusCode') ?? '',
      ...(parameters === undefined ? {} : { responseParameters: Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, readBoolean(v) ?? false])) }),
      ...(models === undefined ? {} : { responseModels: models }),
    });
    return put.ok ? ok({ ...put.value }) : put;
  });
}

function putIntegrationResponseCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  return withRestApi(world, request, (api) => {
    const selectionPattern = readString(request, 'selectionPattern');
    const templates = readStringRecord(request, 'responseTemplates');
    const parameters = readStringRecord(request, 'responseParameters');
    const put = putIntegrationResponse(api, readString(request, 'resourceId') ?? '', readString(request, 'httpMethod') ?? '', {
      statusCode: readString(request, 'statusCode') ?? '', ...(selectionPattern === undefined ? {} : { selectionPattern }),
      ...(templates === undefined ? {} : { responseTemplates: templates }), ...(parameters === undefined ? {} : { responseParameters: parameters }),
    });
    return put.ok ? ok({ ...put.value }) : put;
  });
}

const row = (command: string, operation: string, summary: string, params: readonly ParamSpec[], run: OperationSpec['run']): OperationSpec => ({ service: 'apigateway', command, operation, summary, params, run });

export const MAPPING_OPERATIONS: readonly OperationSpec[] = [
  row('create-model', 'CreateModel', 'Adds a model: a JSON Schema (draft 4) that request validation checks bodies against.', [
    restApiId,
    { flag: '--name', member: 'name', type: 'string', required: true, description: 'The model name (letters and digits).' },
    { flag: '--content-type', member: 'contentType', type: 'string', required: true, description: 'The media type it describes, e.g. application/json.' },
    { flag: '--schema', member: 'schema', type: 'string', required: false, description: 'The JSON Schema as text, e.g. \'{"type":"object","required":["id"]}\'.' },
    { flag: '--description', member: 'description', type: 'string', required: false, description: 'A description.' },
  ], createModelCommand),
  row('get-models', 'GetModels', "Lists an API's models, the built-in Empty and Error included.", [restApiId], (world, request) =>
    withRestApi(world, request, (api) => ok({ items: Object.values(modelsOf(api)).sort((a, b) => a.name.localeCompare(b.name)).map((m) => ({ ...m })) }))),
  row('create-request-validator', 'CreateRequestValidator', 'Adds a request validator: check required parameters, the body against its model, or both (400 on failure, APIGW-09).', [
    restApiId,
    { flag: '--name', member: 'name', type: 'string', required: false, description: 'The validator name.' },
    { flag: '--validate-request-body', member: 'validateRequestBody', type: 'boolean', required: false, description: 'Check the body against the model for its content type.' },
    { flag: '--validate-request-parameters', member: 'validateRequestParameters', type: 'boolean', required: false, description: 'Check that required parameters are present and not blank.' },
  ], (world, request) => withRestApi(world, request, (api) => {
    const created = createRequestValidator(world, api, {
      name: readString(request, 'name') ?? '', validateRequestBody: readBoolean(request['validateRequestBody']) ?? false,
      validateRequestParameters: readBoolean(request['validateRequestParameters']) ?? false,
    });
    return created.ok ? ok({ ...created.value }) : created;
  })),
  row('get-request-validators', 'GetRequestValidators', "Lists an API's request validators.", [restApiId], (world, request) =>
    withRestApi(world, request, (api) => ok({ items: Object.values(api.requestValidators ?? {}).sort((a, b) => a.id.localeCompare(b.id)).map((v) => ({ ...v })) }))),
  row('put-method-response', 'PutMethodResponse', 'Declares a status a method may answer and the headers it may carry.', [
    restApiId, resourceId, httpMethod, statusCode,
    { flag: '--response-parameters', member: 'responseParameters', type: 'json', required: false, description: 'method.response.header.NAME=true,...: headers integration responses may set.' },
    { flag: '--response-models', member: 'responseModels', type: 'json', required: false, description: '{"application/json":"Empty"}' },
  ], putMethodResponseCommand),
  row('put-integration-response', 'PutIntegrationResponse', "Maps a non-proxy integration's answer to a method response, chosen by a selection pattern (APIGW-10).", [
    restApiId, resourceId, httpMethod, statusCode,
    { flag: '--selection-pattern', member: 'selectionPattern', type: 'string', required: false, description: 'A regex matched against the whole Lambda errorMessage or the backend status; none = the default response.' },
    { flag: '--response-templates', member: 'responseTemplates', type: 'json', required: false, description: '{"application/json": "VTL template"}: builds the response body.' },
    { flag: '--response-parameters', member: 'responseParameters', type: 'json', required: false, description: `{"method.response.header.X": "integration.response.header.Y" or "'literal'"}` },
  ], putIntegrationResponseCommand),
];
