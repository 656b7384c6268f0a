// The events a WebSocket route's Lambda proxy integration receives (shape checked against captured
// events, e.g. https://gist.github.com/kvnam/1597b3ef1dd9a512ab191e844dd6e210, and the REQUEST
// authorizer input in https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-lambda-auth.html):
// `requestContext` carries routeKey, eventType (CONNECT, MESSAGE, DISCONNECT), connectionId,
// domainName, stage, apiId, connectedAt, requestId and, for messages, messageId; CONNECT also gets the
// handshake's headers and query string; MESSAGE gets the body as sent.
import { canonicalHeaderName } from '../auth/lambda-event.js';
import { clfTime } from '../proxy-event.js';
import type { WsConnection } from './model.js';

export interface EventFacts {
  readonly connection: WsConnection;
  readonly routeKey: string;
  readonly domainName: string;
  readonly requestId: string;
  readonly nowMs: number;
}

function requestContext(facts: EventFacts, eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT', extra: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { connection } = facts;
  return {
    routeKey: facts.routeKey,
    eventType,
    extendedRequestId: facts.requestId,
    requestTime: clfTime(facts.nowMs),
    messageDirection: 'IN',
    stage: connection.stage,
    connectedAt: connection.connectedAtMs,
    requestTimeEpoch: facts.nowMs,
    identity: { sourceIp: connection.sourceIp, userAgent: connection.userAgent },
    requestId: facts.requestId,
    domainName: facts.domainName,
    connectionId: connection.connectionId,
    apiId: connection.apiId,
    ...(connection.authorizer === undefined ? {} : { authorizer: connection.authorizer }),
    ...extra,
  };
}

const multiValued = (values: Readonly<Record<string, string>>): Record<string, string[]> => Object.fromEntries(Object.entries(values).map(([name, value]) => [name, [value]]));

export function connectEvent(facts: EventFacts, headers: Readonly<Record<string, string>>, query: Readonly<Record<string, string>>): Record<string, unknown> {
  const named = Object.fromEntries(Object.entries(headers).map(([name, value]) => [canonicalHeaderName(name), value]));
  const all = { Host: facts.domainName, 'Sec-WebSocket-Version': '13', ...named };
  return {
    headers: all,
    multiValueHeaders: multiValued(all),
    ...(Object.keys(query).length === 0 ? {} : { queryStringParameters: { ...query }, multiValueQueryStringParameters: multiValued(query) }),
    requestContext: requestContext(facts, 'CONNECT', { messageId: null }),
    isBase64Encoded: false,
  };
}

export function messageEvent(facts: EventFacts, messageId: string, body: string): Record<string, unknown> {
  return { requestContext: requestContext(facts, 'MESSAGE', { messageId }), body, isBase64Encoded: false };
}

export function disconnectEvent(facts: EventFacts, statusCode: number, reason: string): Record<string, unknown> {
  return {
    headers: { Host: facts.domainName },
    multiValueHeaders: { Host: [facts.domainName] },
    requestContext: requestContext(facts, 'DISCONNECT', { messageId: null, disconnectStatusCode: statusCode, disconnectReason: reason }),
    isBase64Encoded: false,
  };
}
