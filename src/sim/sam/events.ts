// A function's `Events` (what SAM wires to it): Api and HttpApi events become routes of a REST or HTTP
// API (built by that API's kind, see api.ts), DynamoDB events become event source mappings on the
// table's stream, Schedule events fire the function asynchronously on the world clock.
import * as lambda from '../lambda/index.js';
import { ok, type Result } from '../result.js';
import { defineTimerHandler, type World } from '../world.js';
import { intrinsicOf } from './intrinsics.js';
import { asRecord, asString, type DeployContext, type GeneratedResource } from './kind.js';
import { Problems, didYouMean } from './problems.js';
import { isRecord, type ResourceDecl } from './template.js';
import type { TemplatePath } from './yaml-reader.js';

/** Each supported event type: the properties it accepts and those it needs. */
const EVENT_TYPES: Readonly<Record<string, { properties: readonly string[]; required: readonly string[] }>> = {
  Api: { properties: ['Path', 'Method', 'RestApiId', 'Auth', 'RequestParameters'], required: ['Path', 'Method'] },
  HttpApi: { properties: ['Path', 'Method', 'ApiId', 'PayloadFormatVersion'], required: [] },
  DynamoDB: { properties: ['Stream', 'StartingPosition', 'BatchSize', 'Enabled', 'MaximumBatchingWindowInSeconds', 'MaximumRetryAttempts', 'BisectBatchOnFunctionError'], required: ['Stream', 'StartingPosition'] },
  Schedule: { properties: ['Schedule', 'Input', 'Enabled', 'Name', 'Description'], required: ['Schedule'] },
};

/** The implicit APIs SAM declares for events that name no API. */
export const IMPLICIT_REST_API = 'ServerlessRestApi';
export const IMPLICIT_HTTP_API = 'ServerlessHttpApi';

export interface FunctionEvent {
  readonly name: string;
  readonly type: string;
  readonly properties: Readonly<Record<string, unknown>>;
}

export function eventsOf(resource: ResourceDecl): FunctionEvent[] {
  return Object.entries(asRecord(resource.properties['Events'])).map(([name, value]) => ({ name, type: String(asRecord(value)['Type']), properties: asRecord(asRecord(value)['Properties']) }));
}

/** The logical id of the API an Api / HttpApi event attaches to (the implicit one when it names none). */
export function apiOfEvent(event: FunctionEvent): string | undefined {
  if (event.type !== 'Api' && event.type !== 'HttpApi') return undefined;
  const named = event.properties[event.type === 'Api' ? 'RestApiId' : 'ApiId'];
  if (named === undefined) return event.type === 'Api' ? IMPLICIT_REST_API : IMPLICIT_HTTP_API;
  const ref = intrinsicOf(named);
  return ref?.name === 'Ref' ? String(ref.argument) : undefined;
}

/** SAM rates: `rate(1 minute)`, `rate(5 minutes)`, `rate(2 hours)`, `rate(1 day)` → milliseconds. */
export function rateMs(expression: string): number | undefined {
  const match = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression.trim());
  if (match === null || Number(match[1]) === 0) return undefined;
  const unitMs: Readonly<Record<string, number>> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };
  return Number(match[1]) * unitMs[match[2]!.replace(/s$/, '')]!;
}

const article = (word: string): string => (/^[AEIOU]/.test(word) ? 'an' : 'a');

function checkEvent(event: FunctionEvent, path: TemplatePath, problems: Problems): void {
  const spec = EVENT_TYPES[event.type];
  if (spec === undefined) return problems.add([...path, 'Type'], `unsupported event type '${event.type}' (supported: ${Object.keys(EVENT_TYPES).join(', ')})${didYouMean(event.type, Object.keys(EVENT_TYPES))}`);
  for (const key of Object.keys(event.properties)) if (!spec.properties.includes(key)) problems.add([...path, 'Properties', key], `unsupported property '${key}' for ${article(event.type)} ${event.type} event${didYouMean(key, spec.properties)}`);
  for (const key of spec.required) if (!(key in event.properties)) problems.add([...path, 'Properties'], `${article(event.type)} ${event.type} event needs ${key}`);
  const schedule = event.properties['Schedule'];
  if (typeof schedule === 'string' && rateMs(schedule) === undefined) problems.add([...path, 'Properties', 'Schedule'], `the simulator runs rate(N minutes|hours|days) schedules, got '${schedule}'`);
  if ((event.type === 'Api' || event.type === 'HttpApi') && apiOfEvent(event) === undefined) problems.add([...path, 'Properties'], `${event.type === 'Api' ? 'RestApiId' : 'ApiId'} must be !Ref of an API in this template`);
}

/** Checks every event of a function (types, properties, the API it names exists). */
export function checkEvents(resource: ResourceDecl, all: readonly ResourceDecl[], problems: Problems): void {
  const declared = resource.properties['Events'];
  if (declared !== undefined && !isRecord(declared)) return problems.add(['Resources', resource.logicalId, 'Properties', 'Events'], 'Events must be a map of event name → {Type, Properties}');
  for (const event of eventsOf(resource)) {
    const path = ['Resources', resource.logicalId, 'Properties', 'Events', event.name];
    checkEvent(event, path, problems);
    const api = apiOfEvent(event);
    const wanted = event.type === 'Api' ? 'AWS::Serverless::Api' : 'AWS::Serverless::HttpApi';
    const target = all.find((r) => r.logicalId === api);
    if (api !== undefined && target !== undefined && target.type !== wanted) problems.add([...path, 'Properties'], `${api} is a ${target.type}, but ${article(event.type)} ${event.type} event needs an ${wanted}`);
  }
}

interface ScheduleTick {
  readonly functionName: string;
  readonly qualifier?: string;
  readonly input: string;
  readonly rateMs: number;
}

const SCHEDULE_TIMER = 'sam.schedule';

// EventBridge invokes the target asynchronously at each tick, then waits for the next one.
defineTimerHandler(SCHEDULE_TIMER, (world, payload) => {
  const tick = payload as ScheduleTick;
  lambda.invoke(world, { functionName: tick.functionName, invocationType: 'Event', payload: tick.input, ...(tick.qualifier === undefined ? {} : { qualifier: tick.qualifier }) });
  world.clock.schedule(tick.rateMs, SCHEDULE_TIMER, tick);
});

function startSchedule(world: World, functionName: string, qualifier: string | undefined, event: FunctionEvent): void {
  if (event.properties['Enabled'] === false) return;
  const tick: ScheduleTick = {
    functionName, input: asString(event.properties['Input']) ?? JSON.stringify({ source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} }),
    rateMs: rateMs(String(event.properties['Schedule'])) ?? 60_000, ...(qualifier === undefined ? {} : { qualifier }),
  };
  world.clock.schedule(tick.rateMs, SCHEDULE_TIMER, tick);
}

/** Creates the DynamoDB mappings and Schedule rules of a function; Api events are built by their API. */
export function createEventSources(context: DeployContext, functionLogicalId: string, functionName: string, qualifier: string | undefined, events: readonly FunctionEvent[]): Result<GeneratedResource[]> {
  const generated: GeneratedResource[] = [];
  for (const event of events) {
    const logicalId = `${functionLogicalId}${event.name}`;
    if (event.type === 'Schedule') {
      startSchedule(context.world, functionName, qualifier, event);
      generated.push({ logicalId, type: 'AWS::Events::Rule', physicalId: context.physicalName(event.name, 64) });
    }
    if (event.type !== 'DynamoDB') continue;
    const { Stream, Enabled: _enabled, ...rest } = event.properties;
    const mapping = lambda.createEventSourceMapping(context.world, { ...rest, FunctionName: functionName, EventSourceArn: Stream });
    if (!mapping.ok) return mapping;
    generated.push({ logicalId, type: 'AWS::Lambda::EventSourceMapping', physicalId: String(mapping.value['UUID']) });
  }
  return ok(generated);
}
