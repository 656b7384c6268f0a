// Reads the body of import-rest-api / put-rest-api: YAML or JSON text (JSON is read by the YAML parser,
// which accepts it) into plain data, and tells OpenAPI 3.0 from Swagger 2.0. API Gateway answers
// "Invalid OpenAPI input." for a body it cannot read; the simulator adds what was wrong and where
// (line and column), which AWS does not say.
// Sources: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-import-api.html
// (OpenAPI v2.0 and v3.0 are supported); the bare message is quoted in
// https://github.com/aws/aws-cli/issues/8191 (`{"message":"Invalid OpenAPI input."}`).
import { LineCounter, parseDocument } from 'yaml';
import { fail, ok, type Result } from '../../result.js';
import { badRequest } from '../rest-api.js';
import { asRecord, asString, type Json } from './values.js';

export type OpenApiVersion = 'oas30' | 'swagger';

export interface OpenApiDocument {
  readonly version: OpenApiVersion;
  readonly root: Json;
}

const INVALID = 'Invalid OpenAPI input.';

function syntaxProblem(text: string): string | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error === undefined) return undefined;
  const { line, col } = lines.linePos(error.pos[0]);
  const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
  return `${INVALID} The body is not valid YAML or JSON at line ${line}, column ${col}: ${reason}`;
}

/** The document's data, or API Gateway's BadRequestException for a body it cannot read as OpenAPI. */
export function readOpenApiText(text: string): Result<OpenApiDocument> {
  if (text.trim() === '') return fail(badRequest(`${INVALID} The body is empty.`));
  const problem = syntaxProblem(text);
  if (problem !== undefined) return fail(badRequest(problem));
  const root = asRecord(parseDocument(text).toJS({ maxAliasCount: 100 }));
  if (root === undefined) return fail(badRequest(`${INVALID} The body must be an object with an 'openapi' or 'swagger' field.`));
  const openapi = asString(root['openapi']) ?? (typeof root['openapi'] === 'number' ? String(root['openapi']) : undefined);
  const swagger = asString(root['swagger']) ?? (typeof root['swagger'] === 'number' ? String(root['swagger']) : undefined);
  if (openapi !== undefined && /^3\.0(\.\d+)?$/.test(openapi)) return ok({ version: 'oas30', root });
  if (swagger !== undefined && /^2\.0$/.test(swagger)) return ok({ version: 'swagger', root });
  const found = openapi !== undefined ? `openapi ${openapi}` : swagger !== undefined ? `swagger ${swagger}` : 'no version field';
  return fail(badRequest(`${INVALID} REST APIs import OpenAPI 3.0 ('openapi: 3.0.1') or Swagger 2.0 ('swagger: "2.0"') documents; found ${found}.`));
}
