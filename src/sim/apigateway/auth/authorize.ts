// One entry point for the pipeline: validates the config, runs the authorizer of its type and records
// one trace event per decision (`apigateway` / `authorizer-decided`) with the cache use, whether the
// function ran and the outcome, for the request log and the authorizer-cache panel.
import type { World } from '../../world.js';
import { authorizeWithCognito } from './cognito-authorizer.js';
import { validateAuthorizerConfig } from './config.js';
import type { AuthorizerConfig, AuthOutcome, AuthPorts, IncomingRequest, MethodContext } from './contract.js';
import { decided, type AuthDecision } from './decision.js';
import { authorizeWithIam } from './iam-authorizer.js';
import { authorizeWithLambda } from './lambda-authorizer.js';
import { configurationError, statusCodeOf } from './outcomes.js';

function run(world: World, config: AuthorizerConfig, request: IncomingRequest, method: MethodContext, ports: AuthPorts): AuthDecision {
  const valid = validateAuthorizerConfig(config);
  if (!valid.ok) return decided(configurationError(valid.error.message));
  switch (config.type) {
    case 'TOKEN':
    case 'REQUEST':
      return authorizeWithLambda(world, config, request, method, ports);
    case 'AWS_IAM':
      return authorizeWithIam(world, request, method, ports);
    case 'COGNITO_USER_POOLS':
      return authorizeWithCognito(world, config, request, method, ports);
    default: {
      const unknown: never = config;
      return unknown;
    }
  }
}

/** The trace outcome: `ok`, or the gateway response type the client got. */
export function traceOutcomeOf(outcome: AuthOutcome): string {
  if (outcome.kind === 'allow') return 'ok';
  return outcome.kind === 'unauthorized' ? 'UNAUTHORIZED' : outcome.gatewayResponse;
}

/**
 * Decides whether the request may reach the integration: allow (with principalId, context and
 * identity for the integration), 401, 403 or 500, as API Gateway answers (APIGW-11..14).
 */
export function authorize(world: World, config: AuthorizerConfig, request: IncomingRequest, method: MethodContext, ports: AuthPorts): AuthOutcome {
  const decision = run(world, config, request, method, ports);
  const { outcome } = decision;
  world.record({
    service: 'apigateway',
    operation: 'authorizer-decided',
    outcome: traceOutcomeOf(outcome),
    region: method.region,
    detail: {
      apiId: method.apiId,
      stage: method.stage,
      authorizer: 'name' in config ? config.name : config.type,
      authorizerType: config.type,
      methodArn: method.methodArn,
      cache: decision.cache,
      isFunctionInvoked: decision.isFunctionInvoked,
      statusCode: statusCodeOf(outcome),
      ...(outcome.kind === 'allow' ? {} : { reason: outcome.reason }),
      ...(outcome.kind === 'forbidden' ? { message: outcome.message } : {}),
      ...decision.notes,
    },
  });
  return outcome;
}
