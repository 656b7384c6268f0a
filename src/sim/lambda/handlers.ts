// The built-in handler catalogue. The sandbox runs no code: `--handler catalog.echo` picks one of these
// behaviours by name. Each is a pure function of the event and a context (memory, time left, a seeded
// random stream, the ports it may call) returning an outcome and a simulated duration; invoke.ts turns
// a duration past the timeout into a timeout. Durations are the simulator's documented model
// (docs/lambda.md), not AWS measurements.
import type { RandomStream } from '../rng.js';
import type { Result } from '../result.js';
import { EDGE_CATALOGUE_HANDLERS } from './edge-handlers.js';
import { WEBSOCKET_CATALOGUE_HANDLERS } from './websocket-handlers.js';
import { ONE_VCPU_MEMORY_MB } from './limits.js';
import type { PutItemPortRequest } from './ports.js';

export type HandlerOutcome =
  | { readonly kind: 'return'; readonly payload: unknown }
  | { readonly kind: 'error'; readonly errorType: string; readonly errorMessage: string; readonly handled: boolean }
  | { readonly kind: 'timeout' };

export interface HandlerRun {
  readonly outcome: HandlerOutcome;
  readonly durationMs: number;
}

export interface HandlerContext {
  readonly functionName: string;
  readonly memoryMb: number;
  readonly remainingTimeMs: number;
  readonly environment: Readonly<Record<string, string>>;
  readonly rng: RandomStream;
  readonly putItem: (request: PutItemPortRequest) => Result<unknown>;
  /** Another service's API action, as an AWS SDK call from the function (ports.ts `callAws`). */
  readonly callAws: (service: string, action: string, request: Readonly<Record<string, unknown>>) => Result<Readonly<Record<string, unknown>>>;
}

export interface CatalogueHandler {
  readonly name: string;
  readonly description: string;
  readonly run: (event: unknown, context: HandlerContext) => HandlerRun;
}

const field = (event: unknown, name: string): unknown =>
  typeof event === 'object' && event !== null ? (event as Record<string, unknown>)[name] : undefined;

const numberField = (event: unknown, name: string, fallback: number): number => {
  const value = field(event, name);
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
};

const returns = (payload: unknown, durationMs: number): HandlerRun => ({ outcome: { kind: 'return', payload }, durationMs });

const errors = (errorType: string, errorMessage: string, handled: boolean, durationMs: number): HandlerRun => ({
  outcome: { kind: 'error', errorType, errorMessage, handled },
  durationMs,
});

/**
 * CPU-bound work: `workMs` is the time the work takes on one full vCPU. CPU share is proportional to
 * memory and reaches one vCPU at 1,769 MB (LAM-02), so below that the duration is
 * workMs × 1,769 / memoryMb (doubling memory halves it). The work is single-threaded, so above
 * 1,769 MB the extra vCPUs do not help: the simulator's documented model.
 * Example: workMs 1,024 takes 3,538 ms at 512 MB, 1,769 ms at 1,024 MB, 1,024 ms at 1,769 MB and above.
 */
export function cpuBoundDurationMs(workMs: number, memoryMb: number): number {
  return Math.ceil((workMs * ONE_VCPU_MEMORY_MB) / Math.min(memoryMb, ONE_VCPU_MEMORY_MB));
}

/** An IAM policy allowing or denying `execute-api:Invoke` on the method, as authorizers return it. */
function authorizerPolicy(effect: 'Allow' | 'Deny', methodArn: unknown): Record<string, unknown> {
  return {
    principalId: 'user',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: typeof methodArn === 'string' ? methodArn : '*' }],
    },
    context: { simulated: 'true' },
  };
}

/** `allow` → Allow, `deny` → Deny, anything else → the `Unauthorized` error API Gateway turns into 401. */
function decideAuthorizer(token: unknown, methodArn: unknown): HandlerRun {
  if (token === 'allow') return returns(authorizerPolicy('Allow', methodArn), 5);
  if (token === 'deny') return returns(authorizerPolicy('Deny', methodArn), 5);
  return errors('Error', 'Unauthorized', false, 5);
}

function putItemHandler(event: unknown, context: HandlerContext): HandlerRun {
  const tableName = context.environment['TABLE_NAME'];
  if (tableName === undefined) return errors('Error', 'TABLE_NAME is not set in the function environment', false, 3);
  const item = field(event, 'item');
  if (typeof item !== 'object' || item === null) return errors('Error', 'The event has no "item" object to write', false, 3);
  const written = context.putItem({ TableName: tableName, Item: item as Record<string, unknown> });
  if (!written.ok) return errors(written.error.name, written.error.message, false, 15);
  return returns({ written: true, tableName }, 12);
}

/** Behind an API Gateway proxy integration: the item comes in the JSON body, the answer is a proxy response. */
function apiPutItemHandler(event: unknown, context: HandlerContext): HandlerRun {
  const tableName = context.environment['TABLE_NAME'];
  if (tableName === undefined) return errors('Error', 'TABLE_NAME is not set in the function environment', false, 3);
  let item: unknown;
  try {
    item = field(JSON.parse(String(field(event, 'body') ?? 'null')) as unknown, 'item');
  } catch {
    item = undefined;
  }
  const answer = (statusCode: number, body: unknown): Record<string, unknown> => ({ statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (typeof item !== 'object' || item === null) return returns(answer(400, { message: 'The body has no "item" object to write' }), 3);
  const written = context.putItem({ TableName: tableName, Item: item as Record<string, unknown> });
  if (!written.ok) return returns(answer(500, { message: written.error.message }), 15);
  return returns(answer(201, { written: true, tableName }), 12);
}

/** The email address in a stream record's NewImage, if the view type delivered one. */
function newImageEmail(record: unknown): string | undefined {
  const email = field(field(field(field(record, 'dynamodb'), 'NewImage'), 'email'), 'S');
  return typeof email === 'string' ? email : undefined;
}

/**
 * A DynamoDB-stream consumer: for each INSERT record, "sends" a welcome email by writing
 * {id: email, template: welcome} to the table named by env OUTBOX_TABLE; MODIFY and REMOVE are
 * skipped. An INSERT without NewImage.email (a KEYS_ONLY or OLD_IMAGE stream) throws, so the batch
 * fails and the event source mapping retries it (LAM-19, DDB-18). 5 ms + 10 ms per email.
 */
function welcomeEmailHandler(event: unknown, context: HandlerContext): HandlerRun {
  const outbox = context.environment['OUTBOX_TABLE'];
  if (outbox === undefined) return errors('Error', 'OUTBOX_TABLE is not set in the function environment', false, 3);
  const records = field(event, 'Records');
  const inserts = Array.isArray(records) ? records.filter((record) => field(record, 'eventName') === 'INSERT') : [];
  const emails = inserts.map(newImageEmail);
  if (emails.includes(undefined)) return errors('Error', 'An INSERT record has no NewImage.email: the stream view type must include new images', false, 5);
  for (const email of emails as string[]) {
    const written = context.putItem({ TableName: outbox, Item: { id: { S: email }, template: { S: 'welcome' } } });
    if (!written.ok) return errors(written.error.name, written.error.message, false, 5);
  }
  return returns({ sent: emails.length }, 5 + 10 * emails.length);
}

const CATALOGUE: readonly CatalogueHandler[] = [
  { name: 'catalog.echo', description: 'Returns the event unchanged (2 ms).', run: (event) => returns(event, 2) },
  {
    name: 'catalog.sleep',
    description: 'Waits event.sleepMs (default 1,000 ms), then returns {"sleptMs": N}.',
    run: (event) => {
      const sleepMs = numberField(event, 'sleepMs', 1_000);
      return returns({ sleptMs: sleepMs }, sleepMs);
    },
  },
  {
    name: 'catalog.cpu',
    description: 'Single-threaded CPU work of event.workMs at one vCPU (default 1,000); slower below 1,769 MB.',
    run: (event, context) => {
      const workMs = numberField(event, 'workMs', 1_000);
      return returns({ workMs }, cpuBoundDurationMs(workMs, context.memoryMb));
    },
  },
  {
    name: 'catalog.fail',
    description: 'Reports a handled error (X-Amz-Function-Error: Handled).',
    run: (event) => errors('Error', String(field(event, 'message') ?? 'Simulated handled failure'), true, 3),
  },
  {
    name: 'catalog.throw',
    description: 'Throws an exception (X-Amz-Function-Error: Unhandled).',
    run: (event) => errors('Error', String(field(event, 'message') ?? 'Simulated unhandled exception'), false, 3),
  },
  {
    name: 'catalog.flaky',
    description: 'Throws with probability event.failRate (default 0.5), drawn from the seeded stream.',
    run: (event, context) =>
      context.rng.nextFloat() < numberField(event, 'failRate', 0.5)
        ? errors('Error', 'Simulated intermittent failure', false, 3)
        : returns({ ok: true }, 3),
  },
  { name: 'catalog.hang', description: 'Never returns: always runs into the timeout.', run: () => ({ outcome: { kind: 'timeout' }, durationMs: Number.POSITIVE_INFINITY }) },
  {
    name: 'catalog.http-ok',
    description: 'Returns a valid API Gateway proxy response: 200 with the event as the JSON body.',
    run: (event) => returns({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) }, 3),
  },
  {
    name: 'catalog.malformed-proxy',
    description: 'Returns a bare string, not {statusCode, body}: API Gateway proxy integrations answer 502.',
    run: () => returns('this is not a proxy response', 2),
  },
  { name: 'catalog.ddb-put', description: 'Writes event.item (DynamoDB JSON) to the table named by env TABLE_NAME.', run: putItemHandler },
  {
    name: 'catalog.api-ddb-put',
    description: "Behind an API proxy: writes the JSON body's item to env TABLE_NAME and answers 201 (400 without an item).",
    run: apiPutItemHandler,
  },
  {
    name: 'catalog.welcome-email',
    description: 'DynamoDB stream consumer: writes one welcome email per INSERT (NewImage.email) to env OUTBOX_TABLE; throws without a new image.',
    run: welcomeEmailHandler,
  },
  {
    name: 'catalog.token-authorizer',
    description: 'TOKEN authorizer: authorizationToken "allow" → Allow, "deny" → Deny, else Unauthorized.',
    run: (event) => decideAuthorizer(field(event, 'authorizationToken'), field(event, 'methodArn')),
  },
  {
    name: 'catalog.request-authorizer',
    description: 'REQUEST authorizer: header "Authorization" "allow" → Allow, "deny" → Deny, else Unauthorized.',
    run: (event) => decideAuthorizer(field(field(event, 'headers'), 'Authorization'), field(event, 'methodArn')),
  },
  ...EDGE_CATALOGUE_HANDLERS, // Lambda@Edge use cases (edge-handlers.ts, docs/cloudfront.md)
  ...WEBSOCKET_CATALOGUE_HANDLERS, // WebSocket API backends (websocket-handlers.ts, docs/websocket.md)
];

export const HANDLER_NAMES: readonly string[] = CATALOGUE.map((handler) => handler.name);

export function findHandler(name: string): CatalogueHandler | undefined {
  return CATALOGUE.find((handler) => handler.name === name);
}

export function handlerCatalogue(): readonly CatalogueHandler[] {
  return CATALOGUE;
}
