// Catalogue handlers behind WebSocket API routes (docs/websocket.md). They answer as a Lambda proxy
// integration does (`{statusCode}`) and talk back to clients through the @connections API at the
// callback URL built from the event (`https://{domainName}/{stage}`), as the AWS samples do:
// https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-how-to-call-websocket-api-connections.html
// - `catalog.ws-echo`: posts every message's body back to its sender. Behind `$connect` it also posts
//   "welcome", which never arrives: the connection is not open until `$connect` answers, so the post
//   gets GoneException (https://repost.aws/knowledge-center/410-gone-api-gateway); it ignores that.
// - `catalog.ws-chat`: a chat room whose members live in the DynamoDB table named by env
//   CONNECTIONS_TABLE (partition key `connectionId`): `$connect` needs a `name` query parameter (400
//   without: the connection is refused) and stores the member; `$disconnect` deletes it; a message
//   `{"action": ..., "data": TEXT}` is posted as `NAME: TEXT` to every member, and members whose post
//   answers GoneException (410) are deleted, the clean-up the samples do.
import type { Result } from '../result.js';
import type { CatalogueHandler, HandlerContext, HandlerRun } from './handlers.js';

type Json = Readonly<Record<string, unknown>>;

const record = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const answer = (statusCode: number, durationMs: number, body?: string): HandlerRun => ({ outcome: { kind: 'return', payload: body === undefined ? { statusCode } : { statusCode, body } }, durationMs });
const failed = (message: string, durationMs: number): HandlerRun => ({ outcome: { kind: 'error', errorType: 'Error', errorMessage: message, handled: false }, durationMs });

interface WsFacts {
  readonly eventType: string;
  readonly connectionId: string;
  readonly endpointUrl: string;
  readonly body: string;
  readonly query: Json;
}

function factsOf(event: unknown): WsFacts {
  const context = record(record(event)['requestContext']);
  return {
    eventType: String(context['eventType'] ?? ''), connectionId: String(context['connectionId'] ?? ''),
    endpointUrl: `https://${String(context['domainName'] ?? '')}/${String(context['stage'] ?? '')}`,
    body: typeof record(event)['body'] === 'string' ? (record(event)['body'] as string) : '', query: record(record(event)['queryStringParameters']),
  };
}

function post(context: HandlerContext, facts: WsFacts, connectionId: string, data: string): Result<Json> {
  return context.callAws('apigatewaymanagementapi', 'PostToConnection', { EndpointUrl: facts.endpointUrl, ConnectionId: connectionId, Data: data });
}

function echo(event: unknown, context: HandlerContext): HandlerRun {
  const facts = factsOf(event);
  if (facts.eventType === 'CONNECT') post(context, facts, facts.connectionId, 'welcome'); // answers 410: too early
  if (facts.eventType !== 'MESSAGE') return answer(200, 2);
  const posted = post(context, facts, facts.connectionId, facts.body);
  return posted.ok ? answer(200, 4) : failed(`${posted.error.name}: ${posted.error.message}`, 4);
}

function messageText(body: string): string {
  try {
    const data = record(JSON.parse(body))['data'];
    return typeof data === 'string' ? data : JSON.stringify(data ?? null);
  } catch {
    return body;
  }
}

function broadcast(context: HandlerContext, table: string, facts: WsFacts): HandlerRun {
  const scanned = context.callAws('dynamodb', 'Scan', { TableName: table });
  if (!scanned.ok) return failed(`${scanned.error.name}: ${scanned.error.message}`, 5);
  const members = (scanned.value['Items'] as readonly Json[] | undefined) ?? [];
  const sender = members.find((item) => record(item['connectionId'])['S'] === facts.connectionId);
  const line = `${String(record(sender?.['name'])['S'] ?? 'someone')}: ${messageText(facts.body)}`;
  for (const member of members) {
    const id = String(record(member['connectionId'])['S'] ?? '');
    const posted = post(context, facts, id, line);
    if (!posted.ok && posted.error.name === 'GoneException') context.callAws('dynamodb', 'DeleteItem', { TableName: table, Key: { connectionId: { S: id } } });
  }
  return answer(200, 5 + 3 * members.length);
}

function chat(event: unknown, context: HandlerContext): HandlerRun {
  const table = context.environment['CONNECTIONS_TABLE'];
  if (table === undefined) return failed('CONNECTIONS_TABLE is not set in the function environment', 2);
  const facts = factsOf(event);
  const key = { connectionId: { S: facts.connectionId } };
  if (facts.eventType === 'CONNECT') {
    const name = facts.query['name'];
    if (typeof name !== 'string' || name === '') return answer(400, 2, 'A name query parameter is required to join the chat');
    const stored = context.callAws('dynamodb', 'PutItem', { TableName: table, Item: { ...key, name: { S: name } } });
    return stored.ok ? answer(200, 8) : failed(`${stored.error.name}: ${stored.error.message}`, 8);
  }
  if (facts.eventType === 'DISCONNECT') {
    context.callAws('dynamodb', 'DeleteItem', { TableName: table, Key: key });
    return answer(200, 6);
  }
  return broadcast(context, table, facts);
}

export const WEBSOCKET_CATALOGUE_HANDLERS: readonly CatalogueHandler[] = [
  { name: 'catalog.ws-echo', description: 'WebSocket route backend: posts each message body back to its sender (@connections).', run: echo },
  {
    name: 'catalog.ws-chat',
    description: 'WebSocket chat: $connect needs ?name= (else 400) and stores the member in env CONNECTIONS_TABLE; messages go to every member as "NAME: data".',
    run: chat,
  },
];
