// The `aws apigateway` rows for OpenAPI: import-rest-api, put-rest-api (overwrite | merge), get-export and
// get-sdk. The last two write their document to the command's outfile, a sandbox file (`sim cat FILE`),
// and print what the AWS CLI prints for a blob answer: the content type and disposition.
import type { ApiDocument, OperationSpec, ParamSpec, PositionalSpec } from '../cli/operation-spec.js';
import { fail, ok, type Result } from '../result.js';
import { writeSandboxFile } from '../sandbox-files.js';
import type { World } from '../world.js';
import { restApiId } from './commands.js';
import { describeRestApi } from './describe.js';
import type { EndpointType } from './model.js';
import { importRestApi, putRestApi, type ImportOutcome, type ImportRequest, type PutMode } from './openapi/apply.js';
import { exportRestApi, type ExportExtensions } from './openapi/export.js';
import type { OpenApiVersion } from './openapi/document.js';
import { generateSdk, SDK_TYPES } from './openapi/sdk.js';
import { badMember, readBoolean, readRecord, readString } from './request.js';
import { badRequest, withRestApi } from './rest-api.js';

function importRequestOf(request: ApiDocument): Result<ImportRequest> {
  const parameters = readRecord(request, 'parameters') ?? {};
  const types = parameters['endpointConfigurationTypes'];
  if (types !== undefined && !['EDGE', 'REGIONAL', 'PRIVATE'].includes(String(types))) return fail(badRequest(`Invalid endpoint configuration type: ${String(types)}. Valid types are EDGE, REGIONAL and PRIVATE.`));
  const basePath = parameters['basepath'];
  if (basePath !== undefined && basePath !== 'ignore' && basePath !== 'prepend') return fail(badRequest(`basepath=${String(basePath)}: the simulator supports basepath=ignore (the default) and basepath=prepend.`));
  const body = readString(request, 'body');
  if (body === undefined) return fail(badMember('body'));
  return ok({
    body, failOnWarnings: readBoolean(request['failOnWarnings']) ?? false,
    ...(types === undefined ? {} : { endpointType: String(types) as EndpointType }), ...(basePath === undefined ? {} : { basePath }),
  });
}

const describeImport = (outcome: ImportOutcome): ApiDocument => ({ ...describeRestApi(outcome.api), ...(outcome.warnings.length === 0 ? {} : { warnings: outcome.warnings }) });

function importRestApiCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  const input = importRequestOf(request);
  if (!input.ok) return input;
  const imported = importRestApi(world, input.value);
  return imported.ok ? ok(describeImport(imported.value)) : imported;
}

function putRestApiCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  return withRestApi(world, request, (api) => {
    const input = importRequestOf(request);
    if (!input.ok) return input;
    const put = putRestApi(world, api, (readString(request, 'mode') ?? 'merge') as PutMode, input.value);
    return put.ok ? ok(describeImport(put.value)) : put;
  });
}

function getExportCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  return withRestApi(world, request, (api) => {
    const accepts = readString(request, 'accepts') === 'application/yaml' ? 'application/yaml' : 'application/json';
    const extensions = readString(readRecord(request, 'parameters') ?? {}, 'extensions');
    if (extensions !== undefined && !['integrations', 'apigateway', 'authorizers', 'postman'].includes(extensions)) return fail(badRequest(`Invalid extensions parameter: ${extensions}. Valid values are integrations, apigateway, authorizers and postman.`));
    const exportType = (readString(request, 'exportType') ?? '') as OpenApiVersion;
    const exported = exportRestApi(world, api, readString(request, 'stageName') ?? '', { exportType, accepts, ...(extensions === undefined ? {} : { extensions: extensions as ExportExtensions }) });
    if (!exported.ok) return exported;
    const outfile = readString(request, 'outfile') ?? '';
    writeSandboxFile(world, outfile, exported.value);
    return ok({ contentType: accepts, contentDisposition: `attachment; filename="${exportType}_${api.name}_${readString(request, 'stageName') ?? ''}.${accepts === 'application/yaml' ? 'yaml' : 'json'}"` });
  });
}

function getSdkCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  return withRestApi(world, request, (api) => {
    const stageName = readString(request, 'stageName') ?? '';
    const sdk = generateSdk(world, api, stageName, readString(request, 'sdkType') ?? '');
    if (!sdk.ok) return sdk;
    writeSandboxFile(world, readString(request, 'outfile') ?? '', sdk.value);
    return ok({ contentType: 'application/javascript', contentDisposition: `attachment; filename="javascript_${api.name}_${stageName}.js"` });
  });
}

const body: ParamSpec = { flag: '--body', member: 'body', type: 'blob', required: true, description: 'The OpenAPI 3.0 or Swagger 2.0 document, YAML or JSON: file://api.yaml.' };
const failOnWarnings: ParamSpec = { flag: '--fail-on-warnings', member: 'failOnWarnings', type: 'boolean', required: false, description: 'Refuse the import (changing nothing) when it has warnings.' };
const importParameters: ParamSpec = { flag: '--parameters', member: 'parameters', type: 'json', required: false, description: 'endpointConfigurationTypes=EDGE|REGIONAL|PRIVATE, basepath=ignore|prepend, ignore=documentation.' };
const stageName: ParamSpec = { flag: '--stage-name', member: 'stageName', type: 'string', required: true, description: 'The stage whose deployment is described.' };
const outfile = (what: string): PositionalSpec => ({ name: 'outfile', member: 'outfile', required: true, description: `The sandbox file for the ${what} (read it with sim cat FILE, or import it with file://FILE).` });
const row = (command: string, operation: string, summary: string, params: readonly ParamSpec[], run: OperationSpec['run']): OperationSpec => ({ service: 'apigateway', command, operation, summary, params, run });

export const APIGATEWAY_OPENAPI_OPERATIONS: readonly OperationSpec[] = [
  row('import-rest-api', 'ImportRestApi', 'Creates a REST API from an OpenAPI document with the x-amazon-apigateway-* extensions; all or nothing (docs/openapi.md).', [body, failOnWarnings, importParameters], importRestApiCommand),
  row('put-rest-api', 'PutRestApi', "Replaces (--mode overwrite) or extends (--mode merge, the default) an API's definition from an OpenAPI document; stages keep their deployments.", [
    restApiId, body, failOnWarnings, importParameters,
    { flag: '--mode', member: 'mode', type: 'string', required: false, description: 'merge (default) or overwrite.', choices: ['merge', 'overwrite'] },
  ], putRestApiCommand),
  {
    ...row('get-export', 'GetExport', "Writes a stage's API as OpenAPI 3.0 (oas30) or Swagger 2.0 to the outfile, optionally with API Gateway's extensions.", [
      restApiId, stageName,
      { flag: '--export-type', member: 'exportType', type: 'string', required: true, description: 'oas30 or swagger.', choices: ['oas30', 'swagger'] },
      { flag: '--parameters', member: 'parameters', type: 'json', required: false, description: 'extensions=integrations|apigateway|authorizers|postman.' },
      { flag: '--accepts', member: 'accepts', type: 'string', required: false, description: 'application/json (default) or application/yaml.', choices: ['application/json', 'application/yaml'] },
    ], getExportCommand),
    positional: outfile('document'),
  },
  {
    ...row('get-sdk', 'GetSdk', "Writes a small JavaScript client for a stage to the outfile (one function per method; not AWS's generated code).", [
      restApiId, stageName,
      { flag: '--sdk-type', member: 'sdkType', type: 'string', required: true, description: `${SDK_TYPES.join(', ')}; the simulator writes javascript.` },
      { flag: '--parameters', member: 'parameters', type: 'json', required: false, description: 'SDK-type options (accepted; javascript needs none).' },
    ], getSdkCommand),
    positional: outfile('client'),
  },
];
