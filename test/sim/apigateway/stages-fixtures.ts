// Shared set-up for the stage tests (variables, canary releases, custom domains): a function `orders`
// with versions 1 and 2 behind aliases `live` and `next`, and a REST API whose GET /orders calls
// `orders:${stageVariables.alias}`, deployed to `prod` with alias=live. Everything through the sandbox.
import { expect } from 'vitest';
import { createSandbox, runSandboxLine, runSandboxScript } from '../../../src/sim/cli/sandbox.js';
import type { SandboxSession } from '../../../src/sim/cli/sim-command-spec.js';

export const ALIAS_URI = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders:${stageVariables.alias}/invocations';

export const FUNCTION_WITH_ALIASES = `
aws lambda create-function --function-name orders --runtime nodejs22.x --role arn:aws:iam::123456789012:role/fn --handler catalog.http-ok
aws lambda publish-version --function-name orders
aws lambda create-alias --function-name orders --name live --function-version 1
aws lambda publish-version --function-name orders
aws lambda create-alias --function-name orders --name next --function-version 2
`;

export const API_ON_ALIAS = `
aws apigateway create-rest-api --name orders-api --endpoint-configuration types=REGIONAL
aws apigateway create-resource --rest-api-id orders-api --parent-id / --path-part orders
aws apigateway put-method --rest-api-id orders-api --resource-id /orders --http-method GET --authorization-type NONE
aws apigateway put-integration --rest-api-id orders-api --resource-id /orders --http-method GET --type AWS_PROXY --integration-http-method POST --uri '${ALIAS_URI}'
aws apigateway create-deployment --rest-api-id orders-api --stage-name prod --variables alias=live
`;

export const PERMISSIONS = `
aws lambda add-permission --function-name orders --qualifier live --statement-id apigw-live --action lambda:InvokeFunction --principal apigateway.amazonaws.com --source-arn 'arn:aws:execute-api:us-east-1:123456789012:*/*/GET/orders'
aws lambda add-permission --function-name orders --qualifier next --statement-id apigw-next --action lambda:InvokeFunction --principal apigateway.amazonaws.com --source-arn 'arn:aws:execute-api:us-east-1:123456789012:*/*/GET/orders'
`;

/** A sandbox after `script`, every line of which must succeed. */
export function sandboxAfter(script: string, seed = 1): SandboxSession {
  const session = createSandbox({ seed });
  for (const line of runSandboxScript(session, script).lines) expect(line.ok, line.text).toBe(true);
  return session;
}

/** The JSON output of a line that must succeed. */
export function outputOf<T>(session: SandboxSession, line: string): T {
  const report = runSandboxLine(session, line);
  expect(report.ok, report.text).toBe(true);
  return report.output as T;
}

/** The error text of a line that must fail. */
export function errorOf(session: SandboxSession, line: string): string {
  const report = runSandboxLine(session, line);
  expect(report.ok, report.text).toBe(false);
  return report.text.trim();
}

export interface HttpOutput {
  readonly status: number;
  readonly body: string;
  readonly trace: readonly { readonly step: string; readonly outcome: string; readonly detail?: Record<string, unknown> }[];
  readonly servedBy?: { readonly deploymentId: string; readonly isCanaryRequest: boolean };
}

/** The stage variables the function saw (catalog.http-ok answers the proxy event as its body). */
export const stageVariablesSeen = (output: HttpOutput): unknown => (JSON.parse(output.body) as { stageVariables: unknown }).stageVariables;
