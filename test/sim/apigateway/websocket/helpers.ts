// Shared set-up for the WebSocket API tests: a sandbox (full default command table, seeded) where a
// WebSocket API is built with the real `aws apigatewayv2` rows, reading generated ids from outputs.
import { expect } from 'vitest';
import { createSandbox, runSandboxLine, type SandboxSession } from '../../../../src/sim/index.js';

export function run(session: SandboxSession, line: string): Record<string, unknown> {
  const report = runSandboxLine(session, line);
  expect(report.ok, `${line}\n${report.text}`).toBe(true);
  return (report.output ?? {}) as Record<string, unknown>;
}

/** The AWS CLI's error line for a failing command. */
export function errorText(session: SandboxSession, line: string): string {
  const report = runSandboxLine(session, line);
  expect(report.ok, `${line} should fail`).toBe(false);
  return report.text.trim();
}

export interface ChatApi {
  readonly session: SandboxSession;
  readonly apiId: string;
  readonly endpointUrl: string;
  /** Integration ids by function name. */
  readonly integrations: Readonly<Record<string, string>>;
}

const ROLE = 'arn:aws:iam::123456789012:role/r';

/**
 * An API `chat-api` (route selection `$request.body.action`) with one Lambda proxy integration per
 * function in `handlers` (name → catalogue handler) and a `prod` stage with auto-deploy.
 */
export function chatApi(handlers: Readonly<Record<string, string>>, seed = 7, expression = '$request.body.action'): ChatApi {
  const session = createSandbox({ seed });
  run(session, 'aws dynamodb create-table --table-name ChatConnections --attribute-definitions AttributeName=connectionId,AttributeType=S --key-schema AttributeName=connectionId,KeyType=HASH --billing-mode PAY_PER_REQUEST');
  for (const [name, handler] of Object.entries(handlers)) {
    run(session, `aws lambda create-function --function-name ${name} --runtime nodejs22.x --handler ${handler} --role ${ROLE} --environment 'Variables={CONNECTIONS_TABLE=ChatConnections}'`);
  }
  const apiId = String(run(session, `aws apigatewayv2 create-api --name chat-api --protocol-type WEBSOCKET --route-selection-expression '${expression}'`)['ApiId']);
  const integrations: Record<string, string> = {};
  for (const name of Object.keys(handlers)) {
    integrations[name] = String(run(session, `aws apigatewayv2 create-integration --api-id ${apiId} --integration-type AWS_PROXY --integration-uri ${name}`)['IntegrationId']);
  }
  run(session, `aws apigatewayv2 create-stage --api-id ${apiId} --stage-name prod --auto-deploy`);
  return { session, apiId, endpointUrl: `https://${apiId}.execute-api.us-east-1.amazonaws.com/prod`, integrations };
}

/** Adds a route to the function's integration; answers the route id. */
export function route(api: ChatApi, routeKey: string, functionName: string, extra = ''): string {
  return String(run(api.session, `aws apigatewayv2 create-route --api-id ${api.apiId} --route-key '${routeKey}' --target integrations/${api.integrations[functionName]} ${extra}`)['RouteId']);
}

export function connectAs(api: ChatApi, name: string, flags = ''): Record<string, unknown> {
  return run(api.session, `sim ws connect chat-api --as ${name} ${flags}`);
}

export function send(api: ChatApi, name: string, message: string): Record<string, unknown> {
  return run(api.session, `sim ws send ${name} '${message}'`);
}

export function received(api: ChatApi, name: string): { kind: string; data: string; secondsSinceConnect: number }[] {
  return run(api.session, `sim ws messages ${name}`)['frames'] as { kind: string; data: string; secondsSinceConnect: number }[];
}
