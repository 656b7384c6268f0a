// planImport: an OpenAPI body → an ImportPlan, or API Gateway's BadRequestException naming every error
// found. Nothing in the world changes here; warnings travel in the plan (the caller decides what
// --fail-on-warnings does with them). Errors are reported together, in the shape
// "Errors found during import:" followed by one problem per line.
// Sources: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-import-api-errors-warnings.html
import { awsError, fail, ok, type Result } from '../../result.js';
import { AUTHORIZERS_PER_API_MAX, RESOURCES_PER_API_MAX } from '../limits.js';
import type { EndpointType } from '../model.js';
import { badRequest } from '../rest-api.js';
import { readOpenApiText, type OpenApiDocument } from './document.js';
import { readApiSettings, readGatewayResponses, readModels, readValidators } from './plan-api.js';
import { planPaths } from './plan-operations.js';
import { readSecuritySchemes } from './plan-security.js';
import type { Findings, ImportPlan } from './plan-types.js';
import { asRecord, asString, compact } from './values.js';

export interface ImportOptions {
  /** `--parameters endpointConfigurationTypes=REGIONAL`; EDGE when absent (APIGW-02). */
  readonly endpointType?: EndpointType;
  /** `--parameters basepath=prepend` puts the document's base path in front of every path; `ignore` (default) drops it. */
  readonly basePath?: 'ignore' | 'prepend';
}

/** Swagger's `basePath`, or the path of OpenAPI 3.0's first server URL (its `{basePath}` variable filled in). */
function documentBasePath(document: OpenApiDocument): string {
  if (document.version === 'swagger') return asString(document.root['basePath']) ?? '';
  const server = asRecord((document.root['servers'] as unknown[] | undefined)?.[0]);
  const variables = asRecord(server?.['variables']) ?? {};
  const url = (asString(server?.['url']) ?? '').replace(/\{(\w+)\}/g, (_, name: string) => asString(asRecord(variables[name])?.['default']) ?? '');
  return url.replace(/^[a-z]+:\/\/[^/]*/i, '');
}

/** Every resource path `paths` need, with their parents (`/a/b` → `/a`, `/a/b`); the root is not listed. */
export function resourcePathsOf(paths: Iterable<string>): Set<string> {
  const all = new Set<string>();
  for (const path of paths) {
    const parts = path.split('/').filter((p) => p !== '');
    for (let i = 1; i <= parts.length; i++) all.add(`/${parts.slice(0, i).join('/')}`);
  }
  return all;
}

/** 300 resources (root included) and 10 authorizers per API (APIGW-08). */
export function checkLimits(resourceCount: number, authorizerCount: number): Result<void> {
  if (resourceCount > RESOURCES_PER_API_MAX) return fail(awsError('LimitExceededException', 429, 'Maximum number of Resources for this API has been reached'));
  if (authorizerCount > AUTHORIZERS_PER_API_MAX) return fail(awsError('LimitExceededException', 429, 'Maximum number of Authorizers for this API has been reached'));
  return ok(undefined);
}

export function planImport(text: string, options: ImportOptions = {}): Result<ImportPlan> {
  const read = readOpenApiText(text);
  if (!read.ok) return read;
  const document = read.value;
  const findings: Findings = { errors: [], warnings: [] };
  const name = asString(asRecord(document.root['info'])?.['title']);
  if (name === undefined || name.trim() === '') findings.errors.push('info.title is required: it becomes the API name.');
  const models = readModels(document, findings);
  const { validators, defaultValidator } = readValidators(document.root, findings);
  const gatewayResponses = readGatewayResponses(document.root, findings);
  const settings = readApiSettings(document.root, findings);
  const schemes = readSecuritySchemes(document, findings);
  const { paths, methods } = planPaths({
    document, schemes, findings, modelNames: new Set(models.map((m) => m.name)), validatorNames: new Set(validators.map((v) => v.name)),
    basePath: options.basePath === 'prepend' ? documentBasePath(document) : '', ...(defaultValidator === undefined ? {} : { defaultValidator }),
  });
  if (findings.errors.length > 0) return fail(badRequest(`Errors found during import:\n\t${findings.errors.join('\n\t')}`));
  const authorizers = [...schemes.values()].flatMap((meaning) => (meaning.kind === 'authorizer' ? [meaning.config] : []));
  const limits = checkLimits(resourcePathsOf(paths).size + 1, authorizers.length);
  if (!limits.ok) return limits;
  return ok(compact({
    version: document.version, name: name!, endpointType: options.endpointType, ...settings, authorizers, models, validators, gatewayResponses, paths, methods, warnings: findings.warnings,
  }));
}
