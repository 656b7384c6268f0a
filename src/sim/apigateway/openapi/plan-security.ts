// Security schemes → what a method requires: an API key (`type: apiKey`, header `x-api-key`), IAM
// (`x-amazon-apigateway-authtype: awsSigv4`), or an authorizer (`x-amazon-apigateway-authorizer` of type
// token, request or cognito_user_pools). Other scheme types (oauth2, http, openIdConnect) are not API
// Gateway's and are ignored with a warning.
// Sources: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authorizer.html,
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authtype.html,
// https://docs.aws.amazon.com/apigateway/latest/api/API_Authorizer.html (TTL default 300, max 3,600: APIGW-12).
import { functionOfUri } from '../integrations.js';
import { CACHE_TTL_DEFAULT_SECONDS, CACHE_TTL_MAX_SECONDS } from '../limits.js';
import type { AuthorizationType } from '../model.js';
import type { OpenApiDocument } from './document.js';
import type { Findings, NamedAuthorizer } from './plan-types.js';
import { asList, asNumber, asRecord, asString, entriesOf, type Json } from './values.js';

export type SchemeMeaning =
  | { readonly kind: 'api-key' }
  | { readonly kind: 'iam' }
  | { readonly kind: 'authorizer'; readonly config: NamedAuthorizer }
  | { readonly kind: 'ignored' };

function readAuthorizer(name: string, scheme: Json, extension: Json, findings: Findings): NamedAuthorizer | undefined {
  const type = asString(extension['type'])?.toLowerCase();
  const identitySource = asString(extension['identitySource']) ?? `method.request.header.${asString(scheme['name']) ?? 'Authorization'}`;
  const resultTtlSeconds = asNumber(extension['authorizerResultTtlInSeconds']) ?? CACHE_TTL_DEFAULT_SECONDS; // APIGW-12
  if (resultTtlSeconds < 0 || resultTtlSeconds > CACHE_TTL_MAX_SECONDS) {
    findings.errors.push(`Authorizer '${name}': authorizerResultTtlInSeconds must be between 0 and ${CACHE_TTL_MAX_SECONDS}, found ${resultTtlSeconds}.`);
    return undefined;
  }
  if (type === 'cognito_user_pools') {
    const providerArns = asList(extension['providerARNs']).filter((arn): arn is string => typeof arn === 'string');
    if (providerArns.length > 0) return { type: 'COGNITO_USER_POOLS', name, providerArns, identitySource };
    findings.errors.push(`Authorizer '${name}': providerARNs must name at least one user pool for a cognito_user_pools authorizer.`);
    return undefined;
  }
  if (type !== 'token' && type !== 'request') {
    findings.errors.push(`Authorizer '${name}' has type '${type ?? ''}'; expected token, request or cognito_user_pools.`);
    return undefined;
  }
  const uri = asString(extension['authorizerUri']);
  if (uri === undefined) {
    findings.errors.push(`Authorizer '${name}': authorizerUri is required for a ${type} authorizer.`);
    return undefined;
  }
  const functionName = functionOfUri(uri).functionName;
  if (type === 'request') return { type: 'REQUEST', name, functionName, identitySources: identitySource.split(',').map((s) => s.trim()).filter((s) => s !== ''), resultTtlSeconds };
  const expression = asString(extension['identityValidationExpression']);
  return { type: 'TOKEN', name, functionName, identitySource, resultTtlSeconds, ...(expression === undefined ? {} : { identityValidationExpression: expression }) };
}

function meaningOf(name: string, scheme: Json, findings: Findings): SchemeMeaning {
  const type = asString(scheme['type']);
  if (type !== 'apiKey') {
    findings.warnings.push(`Unsupported security definition type '${type ?? ''}' for '${name}'. Ignoring.`);
    return { kind: 'ignored' };
  }
  const extension = asRecord(scheme['x-amazon-apigateway-authorizer']);
  if (extension !== undefined) {
    const config = readAuthorizer(name, scheme, extension, findings);
    return config === undefined ? { kind: 'ignored' } : { kind: 'authorizer', config };
  }
  if (asString(scheme['x-amazon-apigateway-authtype'])?.toLowerCase() === 'awssigv4') return { kind: 'iam' };
  if (asString(scheme['in']) === 'header' && asString(scheme['name'])?.toLowerCase() === 'x-api-key') return { kind: 'api-key' };
  findings.warnings.push(`Security definition '${name}' is an API key outside the x-api-key header; API Gateway reads API keys only from x-api-key (or from an authorizer). Ignoring.`);
  return { kind: 'ignored' };
}

/** The document's security schemes by name (`components.securitySchemes` or `securityDefinitions`). */
export function readSecuritySchemes(document: OpenApiDocument, findings: Findings): Map<string, SchemeMeaning> {
  const schemes = document.version === 'oas30' ? asRecord(document.root['components'])?.['securitySchemes'] : document.root['securityDefinitions'];
  const meanings = new Map<string, SchemeMeaning>();
  for (const [name, scheme] of entriesOf(schemes)) meanings.set(name, meaningOf(name, asRecord(scheme) ?? {}, findings));
  return meanings;
}

export interface MethodAuth {
  readonly authorizationType: AuthorizationType;
  readonly authorizerName?: string;
  readonly apiKeyRequired: boolean;
}

/** A method's `security` list (or the document's) → its authorization; `where` is `GET /pets`. */
export function methodAuthOf(security: unknown, schemes: ReadonlyMap<string, SchemeMeaning>, where: string, findings: Findings): MethodAuth {
  let auth: MethodAuth = { authorizationType: 'NONE', apiKeyRequired: false };
  for (const requirement of asList(security)) {
    for (const [name] of entriesOf(requirement)) {
      const meaning = schemes.get(name);
      if (meaning === undefined) findings.warnings.push(`${where}: security requirement '${name}' names no security definition. Ignoring.`);
      if (meaning === undefined || meaning.kind === 'ignored') continue;
      if (meaning.kind === 'api-key') {
        auth = { ...auth, apiKeyRequired: true };
        continue;
      }
      if (auth.authorizationType !== 'NONE') {
        findings.warnings.push(`${where}: a method has one authorization type; '${name}' is ignored.`);
        continue;
      }
      auth = meaning.kind === 'iam'
        ? { ...auth, authorizationType: 'AWS_IAM' }
        : { ...auth, authorizationType: meaning.config.type === 'COGNITO_USER_POOLS' ? 'COGNITO_USER_POOLS' : 'CUSTOM', authorizerName: name };
    }
  }
  return auth;
}

