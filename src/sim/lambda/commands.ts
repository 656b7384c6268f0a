// The sandbox rows for `aws lambda ...`: real AWS CLI command and flag names, the API members they
// fill, and the function that runs each. See docs/lambda.md for what the sandbox does differently
// (no code upload: --handler picks a catalogue behaviour; the invoke outfile is a virtual file).
import type { ApiDocument, OperationSpec, ParamSpec } from '../cli/operation-spec.js';
import { fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import {
  deleteFunctionConcurrency,
  deleteProvisionedConcurrencyConfig,
  getFunctionConcurrency,
  getProvisionedConcurrencyConfig,
  putFunctionConcurrency,
  putFunctionEventInvokeConfig,
  putProvisionedConcurrencyConfig,
} from './concurrency-operations.js';
import { createEventSourceMapping } from './esm.js';
import { HANDLER_NAMES } from './handlers.js';
import { INVOCATION_TYPES, invoke, type InvocationType } from './invoke.js';
import { RUNTIMES } from './limits.js';
import { encodeLogResult } from './logs.js';
import { lambdaState } from './model.js';
import { createAlias, getAlias, listAliases, updateAlias } from './aliases.js';
import {
  createFunction,
  deleteFunction,
  getFunction,
  listFunctions,
  listVersionsByFunction,
  publishVersion,
  updateFunctionConfiguration,
} from './operations.js';
import { missingMember, readString } from './request.js';

const functionName: ParamSpec = { flag: '--function-name', member: 'FunctionName', type: 'string', required: true, description: 'The function name, name:qualifier or function ARN.' };
const description: ParamSpec = { flag: '--description', member: 'Description', type: 'string', required: false, description: 'A description.' };
const aliasName: ParamSpec = { flag: '--name', member: 'Name', type: 'string', required: true, description: 'The alias name.' };
const routingConfig: ParamSpec = {
  flag: '--routing-config', member: 'RoutingConfig', type: 'json', required: false,
  description: 'AdditionalVersionWeights={"2"=0.1}: one more published version and its share, 0–1 ({} clears it).',
};
/** create-alias needs the version; update-alias may keep it. */
const aliasParams = (isVersionRequired: boolean): ParamSpec[] => [
  functionName,
  aliasName,
  { flag: '--function-version', member: 'FunctionVersion', type: 'string', required: isVersionRequired, description: 'The (primary) version it points to.' },
  description,
  routingConfig,
];
const qualifier: ParamSpec = { flag: '--qualifier', member: 'Qualifier', type: 'string', required: false, description: 'A version number or alias name.' };

const configurationParams: readonly ParamSpec[] = [
  { flag: '--runtime', member: 'Runtime', type: 'string', required: false, description: 'The runtime, e.g. nodejs22.x.', choices: RUNTIMES },
  { flag: '--role', member: 'Role', type: 'string', required: false, description: 'The execution role ARN.' },
  { flag: '--handler', member: 'Handler', type: 'string', required: false, description: 'A catalogue handler: the behaviour the function simulates.', choices: HANDLER_NAMES },
  { flag: '--memory-size', member: 'MemorySize', type: 'integer', required: false, description: 'Memory in MB, 128–10,240 (LAM-01); CPU grows with it.' },
  { flag: '--timeout', member: 'Timeout', type: 'integer', required: false, description: 'Timeout in seconds, 1–900, default 3 (LAM-03).' },
  { flag: '--environment', member: 'Environment', type: 'json', required: false, description: 'Variables={KEY=value,...}; 4 KB in total at most (LAM-06).' },
  { flag: '--ephemeral-storage', member: 'EphemeralStorage', type: 'json', required: false, description: 'Size=MB of /tmp, 512–10,240 (LAM-04).' },
  { flag: '--dead-letter-config', member: 'DeadLetterConfig', type: 'json', required: false, description: 'TargetArn=ARN of the SQS queue or SNS topic for discarded async events.' },
  description,
];

const withRequired = (params: readonly ParamSpec[], flags: readonly string[]): ParamSpec[] =>
  params.map((param) => (flags.includes(param.flag) ? { ...param, required: true } : param));

/** `aws lambda invoke`: the payload goes to the outfile (a virtual file, `sim cat FILE`), or is printed. */
export function invokeCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  const name = readString(request, 'FunctionName');
  if (name === undefined) return fail(missingMember('FunctionName'));
  const rawPayload = request['Payload'];
  const payload = typeof rawPayload === 'string' ? rawPayload : rawPayload === undefined ? '' : JSON.stringify(rawPayload);
  const invocationType = (readString(request, 'InvocationType') ?? 'RequestResponse') as InvocationType;
  const qualifierValue = readString(request, 'Qualifier');
  const answered = invoke(world, { functionName: name, invocationType, payload, ...(qualifierValue === undefined ? {} : { qualifier: qualifierValue }) });
  if (!answered.ok) return answered;
  const response = answered.value;
  const outfile = readString(request, 'outfile');
  if (outfile !== undefined) lambdaState(world).outFiles.set(outfile, response.payload);
  return ok({
    StatusCode: response.statusCode,
    ...(response.functionError === undefined ? {} : { FunctionError: response.functionError }),
    ...(response.logTail !== undefined && readString(request, 'LogType') === 'Tail' ? { LogResult: encodeLogResult(response.logTail) } : {}),
    ...(response.executedVersion === undefined ? {} : { ExecutedVersion: response.executedVersion }),
    ...(outfile === undefined && response.payload !== '' ? { Payload: response.payload } : {}),
  });
}

/** What `aws lambda invoke ... OUTFILE` wrote, for `sim cat OUTFILE`. */
export function readLambdaOutFile(world: World, path: string): string | undefined {
  return lambdaState(world).outFiles.get(path);
}

export const LAMBDA_OPERATIONS: readonly OperationSpec[] = [
  {
    service: 'lambda', command: 'create-function', operation: 'CreateFunction', summary: 'Creates a function running a catalogue handler.',
    params: [
      functionName,
      ...withRequired(configurationParams, ['--role']),
      { flag: '--package-type', member: 'PackageType', type: 'string', required: false, description: 'Zip (default: needs --runtime and --handler) or Image (needs --code ImageUri=..., no runtime or handler; LAM-09).', choices: ['Zip', 'Image'] },
      { flag: '--code', member: 'Code', type: 'json', required: false, description: 'ImageUri=URI of an ECR image in this Region for --package-type Image (sim ecr push); ignored for Zip (--handler chooses the behaviour).' },
    ],
    run: createFunction,
  },
  { service: 'lambda', command: 'update-function-configuration', operation: 'UpdateFunctionConfiguration', summary: 'Changes memory, timeout, environment ...; the next invocations start cold.', params: [functionName, ...configurationParams], run: updateFunctionConfiguration },
  {
    service: 'lambda', command: 'invoke', operation: 'Invoke', summary: 'Invokes a function; the outfile is kept as a virtual file (sim cat FILE).',
    params: [
      functionName,
      { flag: '--invocation-type', member: 'InvocationType', type: 'string', required: false, description: 'RequestResponse (default), Event or DryRun.', choices: INVOCATION_TYPES },
      { flag: '--payload', member: 'Payload', type: 'string', required: false, description: 'The event as JSON text (read as raw JSON; 6 MB sync, 1 MB async, LAM-07).' },
      { flag: '--log-type', member: 'LogType', type: 'string', required: false, description: 'Tail returns the last log lines (START, END, REPORT) base64-encoded in LogResult.', choices: ['None', 'Tail'] },
      { flag: '--cli-binary-format', member: 'CliBinaryFormat', type: 'string', required: false, description: 'Accepted for copy-paste from real scripts; the sandbox always reads raw JSON.', choices: ['raw-in-base64-out', 'base64'] },
      qualifier,
    ],
    positional: { name: 'outfile', member: 'outfile', required: false, description: 'A sandbox file for the response payload (read it with sim cat FILE); without it the payload is printed.' },
    run: invokeCommand,
  },
  { service: 'lambda', command: 'get-function', operation: 'GetFunction', summary: 'Shows a function’s configuration and reserved concurrency.', params: [functionName, qualifier], run: getFunction },
  { service: 'lambda', command: 'list-functions', operation: 'ListFunctions', summary: 'Lists the functions.', params: [], run: (world) => listFunctions(world) },
  { service: 'lambda', command: 'list-versions-by-function', operation: 'ListVersionsByFunction', summary: 'Lists $LATEST and the published versions.', params: [functionName], run: listVersionsByFunction },
  { service: 'lambda', command: 'list-aliases', operation: 'ListAliases', summary: 'Lists the aliases and their versions.', params: [functionName], run: listAliases },
  { service: 'lambda', command: 'delete-function', operation: 'DeleteFunction', summary: 'Deletes the function, its versions and aliases.', params: [functionName], run: deleteFunction },
  { service: 'lambda', command: 'publish-version', operation: 'PublishVersion', summary: 'Publishes $LATEST as a numbered version.', params: [functionName, description], run: publishVersion },
  { service: 'lambda', command: 'create-alias', operation: 'CreateAlias', summary: 'Names a version (provisioned concurrency needs a version or alias).', params: aliasParams(true), run: createAlias },
  { service: 'lambda', command: 'update-alias', operation: 'UpdateAlias', summary: 'Points an alias at another version and/or changes its weighted routing.', params: aliasParams(false), run: updateAlias },
  { service: 'lambda', command: 'get-alias', operation: 'GetAlias', summary: 'Shows an alias: its version and weighted routing.', params: [functionName, aliasName], run: getAlias },
  {
    service: 'lambda', command: 'put-function-concurrency', operation: 'PutFunctionConcurrency', summary: 'Reserves concurrency (0 stops all invocations, LAM-12).',
    params: [functionName, { flag: '--reserved-concurrent-executions', member: 'ReservedConcurrentExecutions', type: 'integer', required: true, description: 'Concurrency set aside for, and capping, the function.' }],
    run: putFunctionConcurrency,
  },
  { service: 'lambda', command: 'get-function-concurrency', operation: 'GetFunctionConcurrency', summary: 'Shows the reserved concurrency ({} when none).', params: [functionName], run: getFunctionConcurrency },
  { service: 'lambda', command: 'delete-function-concurrency', operation: 'DeleteFunctionConcurrency', summary: 'Removes the reservation.', params: [functionName], run: deleteFunctionConcurrency },
  {
    service: 'lambda', command: 'put-provisioned-concurrency-config', operation: 'PutProvisionedConcurrencyConfig', summary: 'Keeps initialised environments for a version or alias (LAM-13).',
    params: [
      functionName,
      { ...qualifier, required: true },
      { flag: '--provisioned-concurrent-executions', member: 'ProvisionedConcurrentExecutions', type: 'integer', required: true, description: 'How many environments to keep ready.' },
    ],
    run: putProvisionedConcurrencyConfig,
  },
  { service: 'lambda', command: 'get-provisioned-concurrency-config', operation: 'GetProvisionedConcurrencyConfig', summary: 'Shows the provisioned concurrency of a version or alias.', params: [functionName, { ...qualifier, required: true }], run: getProvisionedConcurrencyConfig },
  { service: 'lambda', command: 'delete-provisioned-concurrency-config', operation: 'DeleteProvisionedConcurrencyConfig', summary: 'Removes it: invocations through the qualifier start cold again.', params: [functionName, { ...qualifier, required: true }], run: deleteProvisionedConcurrencyConfig },
  {
    service: 'lambda', command: 'put-function-event-invoke-config', operation: 'PutFunctionEventInvokeConfig', summary: 'Async retries, maximum event age and destinations (LAM-16).',
    params: [
      functionName,
      qualifier,
      { flag: '--maximum-retry-attempts', member: 'MaximumRetryAttempts', type: 'integer', required: false, description: '0–2, default 2.' },
      { flag: '--maximum-event-age-in-seconds', member: 'MaximumEventAgeInSeconds', type: 'integer', required: false, description: '60–21,600, default 21,600.' },
      { flag: '--destination-config', member: 'DestinationConfig', type: 'json', required: false, description: '{"OnSuccess":{"Destination":ARN},"OnFailure":{"Destination":ARN}}.' },
    ],
    run: putFunctionEventInvokeConfig,
  },
  {
    service: 'lambda', command: 'create-event-source-mapping', operation: 'CreateEventSourceMapping', summary: 'Polls a DynamoDB stream and invokes the function with batches (LAM-19).',
    params: [
      functionName,
      { flag: '--event-source-arn', member: 'EventSourceArn', type: 'string', required: true, description: 'The DynamoDB stream ARN.' },
      { flag: '--starting-position', member: 'StartingPosition', type: 'string', required: true, description: 'TRIM_HORIZON or LATEST.', choices: ['TRIM_HORIZON', 'LATEST'] },
      { flag: '--batch-size', member: 'BatchSize', type: 'integer', required: false, description: 'Records per batch, 1–10,000, default 100.' },
      { flag: '--maximum-batching-window-in-seconds', member: 'MaximumBatchingWindowInSeconds', type: 'integer', required: false, description: 'Wait up to this long to fill a batch, default 0.' },
      { flag: '--maximum-retry-attempts', member: 'MaximumRetryAttempts', type: 'integer', required: false, description: '-1 (until the record expires, default) or 0–10,000.' },
      { flag: '--maximum-record-age-in-seconds', member: 'MaximumRecordAgeInSeconds', type: 'integer', required: false, description: '-1 (default) or up to 604,800.' },
      { flag: '--bisect-batch-on-function-error', member: 'BisectBatchOnFunctionError', type: 'boolean', required: false, description: 'Split a failing batch in two and retry each half.' },
      { flag: '--destination-config', member: 'DestinationConfig', type: 'json', required: false, description: '{"OnFailure":{"Destination":ARN}} for batches given up on.' },
    ],
    run: createEventSourceMapping,
  },
];
