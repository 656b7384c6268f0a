// An AWS::Serverless::Api's `Auth`: Lambda TOKEN/REQUEST and Cognito authorizers, the default authorizer,
// API keys (ApiKeyRequired) and the usage plan SAM creates (`UsagePlan: {CreateUsagePlan: PER_API}`),
// turned into API Gateway's authorizer configurations and route settings.
import * as apigateway from '../apigateway/index.js';
import { ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { functionNameOfArn } from './function.js';
import { asList, asRecord, asString, type GeneratedResource } from './kind.js';
import { didYouMean, type Problems } from './problems.js';

const AUTH_KEYS = ['DefaultAuthorizer', 'Authorizers', 'ApiKeyRequired', 'UsagePlan'];
const LAMBDA_AUTHORIZER_KEYS = ['FunctionArn', 'FunctionPayloadType', 'Identity'];
const COGNITO_AUTHORIZER_KEYS = ['UserPoolArn', 'Identity', 'AuthorizationScopes'];
/** Authorizer names an event may give besides the API's own: no authorizer, or IAM (SigV4). */
const BUILT_IN = ['NONE', 'AWS_IAM'];
/** APIGW-12: a Lambda authorizer caches its result for 300 seconds unless ReauthorizeEvery says otherwise. */
const DEFAULT_RESULT_TTL_SECONDS = 300;

type ApiAuthorizer = NonNullable<apigateway.RestApiSpec['authorizers']>[number];

export function checkAuth(auth: unknown, path: readonly (string | number)[], problems: Problems): void {
  const fields = asRecord(auth);
  for (const key of Object.keys(fields)) if (!AUTH_KEYS.includes(key)) problems.add([...path, key], `unsupported Auth property '${key}'${didYouMean(key, AUTH_KEYS)}`);
  const authorizers = asRecord(fields['Authorizers']);
  for (const [name, config] of Object.entries(authorizers)) {
    const keys = 'UserPoolArn' in asRecord(config) ? COGNITO_AUTHORIZER_KEYS : LAMBDA_AUTHORIZER_KEYS;
    if (!('UserPoolArn' in asRecord(config)) && !('FunctionArn' in asRecord(config))) problems.add([...path, 'Authorizers', name], 'an authorizer needs FunctionArn (Lambda) or UserPoolArn (Cognito)');
    for (const key of Object.keys(asRecord(config))) if (!keys.includes(key)) problems.add([...path, 'Authorizers', name, key], `unsupported authorizer property '${key}'${didYouMean(key, keys)}`);
  }
  const fallback = asString(fields['DefaultAuthorizer']);
  if (fallback !== undefined && !(fallback in authorizers) && fallback !== 'AWS_IAM') problems.add([...path, 'DefaultAuthorizer'], `DefaultAuthorizer '${fallback}' is not one of the Authorizers (${Object.keys(authorizers).join(', ') || 'none'}) nor AWS_IAM`);
  const plan = asRecord(fields['UsagePlan']);
  if (fields['UsagePlan'] !== undefined && plan['CreateUsagePlan'] !== 'PER_API') problems.add([...path, 'UsagePlan', 'CreateUsagePlan'], `the simulator creates usage plans with CreateUsagePlan: PER_API, got '${String(plan['CreateUsagePlan'])}'`);
}

/** An event's `Auth.Authorizer` must be one of the API's authorizers, NONE or AWS_IAM. */
export function checkEventAuthorizer(name: string | undefined, apiAuth: unknown, path: readonly (string | number)[], problems: Problems): void {
  const known = [...Object.keys(asRecord(asRecord(apiAuth)['Authorizers'])), ...BUILT_IN];
  if (name !== undefined && !known.includes(name)) problems.add(path, `Authorizer '${name}' is not defined on the API (known: ${known.join(', ')})${didYouMean(name, known)}`);
}

function authorizerOf(name: string, config: Record<string, unknown>): ApiAuthorizer {
  const identity = asRecord(config['Identity']);
  const header = asString(identity['Header']) ?? 'Authorization';
  if ('UserPoolArn' in config) {
    const scopes = asList(config['AuthorizationScopes']).map(String);
    return { type: 'COGNITO_USER_POOLS', name, providerArns: asList(config['UserPoolArn']).map(String), identitySource: `method.request.header.${header}`, ...(scopes.length === 0 ? {} : { authorizationScopes: scopes }) };
  }
  const functionName = functionNameOfArn(config['FunctionArn']);
  const ttl = identity['ReauthorizeEvery'];
  const resultTtlSeconds = typeof ttl === 'number' ? ttl : DEFAULT_RESULT_TTL_SECONDS;
  if (config['FunctionPayloadType'] === 'REQUEST') {
    const sources = [
      ...asList(identity['Headers']).map((h) => `method.request.header.${String(h)}`),
      ...asList(identity['QueryStrings']).map((q) => `method.request.querystring.${String(q)}`),
    ];
    return { type: 'REQUEST', name, functionName, identitySources: sources, resultTtlSeconds };
  }
  const expression = asString(identity['ValidationExpression']);
  return { type: 'TOKEN', name, functionName, identitySource: `method.request.header.${header}`, resultTtlSeconds, ...(expression === undefined ? {} : { identityValidationExpression: expression }) };
}

export function authorizersOf(auth: unknown): ApiAuthorizer[] {
  return Object.entries(asRecord(asRecord(auth)['Authorizers'])).map(([name, config]) => authorizerOf(name, asRecord(config)));
}

/** How a route is guarded: the event's authorizer, else the API's default; API key from either. */
export function routeAuth(auth: unknown, eventAuth: unknown): Pick<apigateway.RestRouteSpec, 'authorizationType' | 'authorizer' | 'apiKeyRequired'> {
  const fields = asRecord(auth);
  const own = asRecord(eventAuth);
  const name = asString(own['Authorizer']) ?? asString(fields['DefaultAuthorizer']) ?? 'NONE';
  const apiKeyRequired = (own['ApiKeyRequired'] ?? fields['ApiKeyRequired']) === true;
  if (name === 'NONE' || name === 'AWS_IAM') return { authorizationType: name, apiKeyRequired };
  const isCognito = 'UserPoolArn' in asRecord(asRecord(fields['Authorizers'])[name]);
  return { authorizationType: isCognito ? 'COGNITO_USER_POOLS' : 'CUSTOM', authorizer: name, apiKeyRequired };
}

/** SAM's PER_API usage plan: a plan on the API's stage, an API key, and the key in the plan. */
export function createUsagePlan(world: World, logicalId: string, apiId: string, stage: string, auth: unknown): Result<{ generated: GeneratedResource[]; keyValue?: string }> {
  const plan = asRecord(asRecord(auth)['UsagePlan']);
  if (plan['CreateUsagePlan'] !== 'PER_API') return ok({ generated: [] });
  const throttle = asRecord(plan['Throttle']);
  const quota = asRecord(plan['Quota']);
  const created = apigateway.createUsagePlan(world, {
    name: `${logicalId}UsagePlan`, apiStages: [{ apiId, stage }],
    ...(plan['Throttle'] === undefined ? {} : { throttle: { rateLimit: Number(throttle['RateLimit']), burstLimit: Number(throttle['BurstLimit']) } }),
    ...(plan['Quota'] === undefined ? {} : { quota: { limit: Number(quota['Limit']), period: String(quota['Period']) as 'DAY' } }),
  });
  if (!created.ok) return created;
  const key = apigateway.createApiKey(world, { name: `${logicalId}ApiKey` });
  if (!key.ok) return key;
  const joined = apigateway.createUsagePlanKey(world, created.value.id, key.value.id);
  if (!joined.ok) return joined;
  return ok({
    keyValue: key.value.value,
    generated: [
      { logicalId: `${logicalId}UsagePlan`, type: 'AWS::ApiGateway::UsagePlan', physicalId: created.value.id },
      { logicalId: `${logicalId}ApiKey`, type: 'AWS::ApiGateway::ApiKey', physicalId: key.value.id },
      { logicalId: `${logicalId}UsagePlanKey`, type: 'AWS::ApiGateway::UsagePlanKey', physicalId: `${key.value.id}:${created.value.id}` },
    ],
  });
}
