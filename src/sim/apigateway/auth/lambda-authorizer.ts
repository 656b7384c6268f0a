// Lambda authorizers, TOKEN and REQUEST (APIGW-12, APIGW-14): pre-auth resource-policy deny, identity
// sources (missing → 401 without invoking), the TOKEN validation expression, the result cache, the
// invocation through `ports.invokeFunction`, and the policy check of the (possibly cached) result
// against this request's method ARN.
import { parsePolicyDocument } from '../../iam/index.js';
import type { World } from '../../world.js';
import { cacheKeyOf, lookupCacheEntry, storeCacheEntry } from './cache.js';
import type { AuthorizerConfig, AuthPorts, IncomingRequest, MethodContext } from './contract.js';
import { decided, type AuthDecision, type CacheUse } from './decision.js';
import { extractIdentityValues } from './identity-source.js';
import { requestEvent, tokenEvent } from './lambda-event.js';
import { parseAuthorizerOutput, type AuthorizerResult } from './lambda-output.js';
import { accessDenied, allow, authorizerFailure, configurationError, unauthorized } from './outcomes.js';
import { authorizedCaller, evaluateInvoke, readResourcePolicy, resourcePolicyDenies, withResource, type ResourcePolicyRead } from './policy-check.js';

export type LambdaAuthorizerConfig = Extract<AuthorizerConfig, { type: 'TOKEN' | 'REQUEST' }>;

/** The TOKEN validation expression must match the whole token (anchors in the expression are harmless). */
export function matchesValidationExpression(token: string, expression: string): boolean {
  return new RegExp(`^(?:${expression})$`).test(token);
}

/** Judges a result (fresh or cached) against this request's method ARN with the resource policy (APIGW-14 table A). */
function judge(result: AuthorizerResult, request: IncomingRequest, method: MethodContext, resource: ResourcePolicyRead, cache: CacheUse, isFunctionInvoked: boolean): AuthDecision {
  const parsed = parsePolicyDocument(result.policyDocument, 'identity');
  if (!parsed.ok) return decided(configurationError(`the cached policy no longer parses: ${parsed.error.message}`), cache, isFunctionInvoked);
  const policies = withResource({ identity: [{ name: 'authorizer policy', document: parsed.value }] }, resource);
  const decision = evaluateInvoke(authorizedCaller(method, result.principalId), request, method, policies);
  const notes = { principalId: result.principalId, decision: decision.effect, explanation: decision.explanation };
  if (decision.effect === 'Allow') {
    const outcome = allow({ principalId: result.principalId, context: result.context, ...(result.usageIdentifierKey === undefined ? {} : { usageIdentifierKey: result.usageIdentifierKey }) });
    return decided(outcome, cache, isFunctionInvoked, notes);
  }
  const isExplicit = decision.effect === 'ExplicitDeny';
  return decided(accessDenied(isExplicit, `${isExplicit ? 'an explicit Deny' : 'no Allow'} for ${method.methodArn}: ${decision.explanation}`), cache, isFunctionInvoked, notes);
}

function invokeAuthorizer(world: World, config: LambdaAuthorizerConfig, event: Record<string, unknown>, ports: AuthPorts): { readonly result: AuthorizerResult } | { readonly failed: AuthDecision } {
  const answer = ports.invokeFunction(world, config.functionName, event);
  if (!answer.ok) return { failed: decided(authorizerFailure(`invoking ${config.functionName} failed: ${answer.error.name}: ${answer.error.message}`), 'miss', true) };
  const parsed = parseAuthorizerOutput(answer.value);
  return parsed.kind === 'result' ? { result: parsed.result } : { failed: decided(parsed.outcome, 'miss', true) };
}

/** Identity values, or the 401 that stops the request before the function runs (APIGW-12). */
function identityOf(config: LambdaAuthorizerConfig, request: IncomingRequest, method: MethodContext): { readonly values: readonly string[] } | { readonly stop: AuthDecision } {
  const sources = config.type === 'TOKEN' ? [config.identitySource] : config.identitySources;
  const found = extractIdentityValues(sources, request, method);
  if (found.kind === 'missing') return { stop: decided(unauthorized(`identity source ${found.source} is missing or empty; the authorizer was not called`)) };
  const [token = ''] = found.values;
  if (config.type === 'TOKEN' && config.identityValidationExpression !== undefined && !matchesValidationExpression(token, config.identityValidationExpression)) {
    return { stop: decided(unauthorized(`the token does not match the validation expression ${config.identityValidationExpression}; the authorizer was not called`)) };
  }
  return { values: found.values };
}

export function authorizeWithLambda(world: World, config: LambdaAuthorizerConfig, request: IncomingRequest, method: MethodContext, ports: AuthPorts): AuthDecision {
  const resource = readResourcePolicy(method);
  if (resource.kind === 'malformed') return decided(configurationError(resource.reason));
  if (resourcePolicyDenies(authorizedCaller(method, 'anonymous'), request, method, resource)) {
    return decided(accessDenied(true, 'the API resource policy denies this request before the authorizer runs (pre-auth)'));
  }
  const identity = identityOf(config, request, method);
  if ('stop' in identity) return identity.stop;
  const isCaching = config.resultTtlSeconds > 0;
  const key = cacheKeyOf(method.apiId, config.name, identity.values);
  const cached = isCaching ? lookupCacheEntry(world, key) : undefined;
  if (cached !== undefined) return judge(cached.result, request, method, resource, 'hit', false);
  const [token = ''] = identity.values;
  const event = config.type === 'TOKEN' ? tokenEvent(token, method) : requestEvent(world, request, method);
  const invoked = invokeAuthorizer(world, config, event, ports);
  const cacheUse: CacheUse = isCaching ? 'miss' : 'off';
  if ('failed' in invoked) return { ...invoked.failed, cache: cacheUse };
  if (isCaching) storeCacheEntry(world, key, { apiId: method.apiId, authorizerName: config.name, identityValues: identity.values, result: invoked.result }, config.resultTtlSeconds);
  return judge(invoked.result, request, method, resource, cacheUse, true);
}
