// `sim sam local invoke` and `sim sam local start-api`, as the SAM CLI offers them locally. The sandbox
// has no local container: `local invoke` runs the stack's deployed function once ($LATEST, so it counts
// in the function's metrics and warms an environment), printing its log lines and result as the SAM CLI
// does; `local start-api` lists the stack's API routes as the SAM CLI mounts them and says how `sim http`
// reaches them (the deployed API answers).
import * as apigateway from '../apigateway/index.js';
import type { SimCommandSpec } from '../cli/sim-command-spec.js';
import * as lambda from '../lambda/index.js';
import { awsError, fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { functionNameOfArn } from './function.js';
import { samState, type StackState } from './stack-state.js';

const STACK_FLAG = { flag: '--stack', type: 'string', required: false, description: 'The stack (default: the only deployed stack).' } as const;

/** The stack named, or the only one. */
export function pickStack(world: World, name: string | undefined): Result<StackState> {
  const stacks = samState(world).stacks;
  const names = Object.keys(stacks).sort();
  const chosen = name ?? (names.length === 1 ? names[0] : undefined);
  const stack = chosen === undefined ? undefined : stacks[chosen];
  if (stack !== undefined) return ok(stack);
  if (name !== undefined) return fail(awsError('ValidationError', 400, `Stack with id ${name} does not exist${names.length === 0 ? '' : ` (stacks: ${names.join(', ')})`}`));
  return fail(awsError('ValidationError', 400, names.length === 0 ? 'No stack is deployed yet: run sim sam deploy FILE first.' : `Several stacks exist; name one with --stack: ${names.join(', ')}`));
}

function readEvent(text: string | undefined, read: (path: string) => Result<string>): Result<string> {
  if (text === undefined) return ok('{}');
  return read(text);
}

const invokeRow: SimCommandSpec = {
  words: ['sam', 'local', 'invoke'],
  args: [{ name: 'FUNCTION', type: 'string', required: true, description: "The function's logical id in the stack (or its name)." }],
  flags: [{ flag: '--event', short: '-e', type: 'string', required: false, description: 'A JSON file with the event (default {}).' }, STACK_FLAG],
  summary: "Runs a stack's function once and prints its log lines and result, as sam local invoke does.",
  example: 'sim sam local invoke CreateOrderFunction --event event.json',
  output: '`{logicalId, functionName, statusCode, executedVersion, functionError?, payload, logs}`.',
  run: (session, input) => {
    const stack = pickStack(session.world, input.flags['stack'] as string | undefined);
    if (!stack.ok) return stack;
    const wanted = input.args['FUNCTION'] as string;
    const resource = Object.values(stack.value.resources).find((r) => r.type === 'AWS::Serverless::Function' && (r.logicalId === wanted || r.physicalId === wanted));
    if (resource === undefined) return fail(awsError('ResourceNotFound', 404, `Function ${wanted} not found in stack ${stack.value.name}`));
    const event = readEvent(input.flags['event'] as string | undefined, (path) => {
      const read = session.io.readText(path);
      return read.ok ? ok(read.value) : fail(awsError('FileNotFound', 404, `Event file ${path} not found: ${read.message}`));
    });
    if (!event.ok) return event;
    const config = lambda.getFunction(session.world, { FunctionName: resource.physicalId });
    if (!config.ok) return config;
    const invoked = lambda.invoke(session.world, { functionName: resource.physicalId, invocationType: 'RequestResponse', payload: event.value });
    if (!invoked.ok) return invoked;
    const configuration = config.value['Configuration'] as Record<string, unknown>;
    const response = invoked.value;
    const json = {
      logicalId: resource.logicalId, functionName: resource.physicalId, statusCode: response.statusCode, executedVersion: response.executedVersion ?? '$LATEST',
      ...(response.functionError === undefined ? {} : { functionError: response.functionError }), payload: response.payload, logs: response.logTail ?? '',
    };
    return ok({ json, text: `Invoking ${String(configuration['Handler'])} (${String(configuration['Runtime'])})\n${response.logTail ?? ''}${response.payload}\n` });
  },
};

interface Mount {
  readonly apiId: string;
  readonly stage: string;
  readonly method: string;
  readonly path: string;
  readonly functionName: string;
}

function mountsOf(world: World, apiId: string): Mount[] {
  const api = apigateway.findApi(world, apiId);
  if (api === undefined) return [];
  if (api.kind === 'REST') {
    const stage = Object.keys(api.stages)[0] ?? '';
    return Object.values(api.resources).flatMap((resource) => Object.values(resource.methods).map((method) => ({
      apiId, stage, method: method.httpMethod, path: resource.path, functionName: functionNameOfArn(method.integration?.uri ?? ''),
    })));
  }
  const stage = Object.keys(api.stages)[0] ?? '$default';
  return Object.values(api.routes).map((route) => {
    const integration = api.integrations[(route.target ?? '').replace('integrations/', '')];
    const [method, path] = route.routeKey === '$default' ? ['ANY', '/{proxy+}'] : route.routeKey.split(' ');
    return { apiId, stage, method: method ?? 'ANY', path: path ?? '/', functionName: functionNameOfArn(integration?.uri ?? '') };
  });
}

const startApiRow: SimCommandSpec = {
  words: ['sam', 'local', 'start-api'],
  args: [],
  flags: [STACK_FLAG],
  summary: "Lists the stack's API routes as sam local start-api mounts them; sim http then calls them.",
  example: 'sim sam local start-api --stack orders',
  output: '`{mounts: [{api, stage, method, path, function}]}`.',
  run: (session, input) => {
    const stack = pickStack(session.world, input.flags['stack'] as string | undefined);
    if (!stack.ok) return stack;
    const resources = Object.values(stack.value.resources);
    const byName = new Map(resources.map((r) => [r.physicalId, r.logicalId]));
    const apis = resources.filter((r) => r.type === 'AWS::Serverless::Api' || r.type === 'AWS::Serverless::HttpApi');
    if (apis.length === 0) return fail(awsError('ValidationError', 400, `Stack ${stack.value.name} has no API: add Api or HttpApi events to a function.`));
    const mounts = apis.flatMap((api) => mountsOf(session.world, api.physicalId));
    const lines = mounts.map((m) => {
      const prefix = m.stage === '$default' ? '' : `/${m.stage}`;
      return `Mounting ${byName.get(m.functionName) ?? m.functionName} at http://127.0.0.1:3000${m.path} [${m.method}]  →  sim http ${m.method === 'ANY' ? 'GET' : m.method} ${prefix}${m.path} --api ${m.apiId}`;
    });
    const json = { mounts: mounts.map((m) => ({ api: m.apiId, stage: m.stage, method: m.method, path: m.path, function: byName.get(m.functionName) ?? m.functionName })) };
    return ok({ json, text: `${lines.join('\n')}\nThe deployed API answers: call it with sim http (the lines above show how).\n` });
  },
};

export const SAM_LOCAL_COMMANDS: readonly SimCommandSpec[] = [invokeRow, startApiRow];
