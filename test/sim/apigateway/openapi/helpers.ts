// Shared setup for the OpenAPI tests: a sandbox whose files are inline documents (falling back to
// data/templates/, where petstore-openapi.yaml lives) with the pet store's Lambda functions, and a
// reader for the REST API an import made.
import { apigateway, type SandboxSession } from '../../../../src/sim/index.js';
import { must, samSandbox } from '../../../helpers/sam.js';

export { failure, must, run } from '../../../helpers/sam.js';

export function openApiSandbox(files: Readonly<Record<string, string>> = {}): SandboxSession {
  const session = samSandbox(files);
  must(session, 'aws lambda create-function --function-name pets --runtime nodejs22.x --role arn:aws:iam::123456789012:role/fn --handler catalog.http-ok');
  must(session, 'aws lambda create-function --function-name pets-auth --runtime nodejs22.x --role arn:aws:iam::123456789012:role/fn --handler catalog.token-authorizer');
  return session;
}

export function restApiNamed(session: SandboxSession, name: string): apigateway.RestApi {
  const api = Object.values(apigateway.apiGatewayState(session.world).restApis).find((a) => a.name === name);
  if (api === undefined) throw new Error(`no REST API named ${name}`);
  return api;
}

/** The method at `path` + `verb` of the API's live tree. */
export function methodAt(api: apigateway.RestApi, path: string, verb: string) {
  const method = Object.values(api.resources).find((r) => r.path === path)?.methods[verb];
  if (method === undefined) throw new Error(`no ${verb} ${path}`);
  return method;
}

/** A minimal OpenAPI 3.0 document around `paths` (YAML, indented by the caller) and extra top-level text. */
export function oas(paths: string, extra = ''): string {
  return `openapi: 3.0.1\ninfo:\n  title: Doc\n  version: '1'\npaths:\n${paths}${extra}`;
}

export const LAMBDA_URI = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets/invocations';
