// Operations that set how a function scales and retries: reserved concurrency (LAM-12), provisioned
// concurrency (LAM-13) and the async invoke configuration (LAM-16).
import type { ApiDocument } from '../cli/operation-spec.js';
import { awsError, fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { lambdaTimestamp } from './config.js';
import {
  ASYNC_EVENT_AGE_MAX_SECONDS,
  ASYNC_EVENT_AGE_MIN_SECONDS,
  ASYNC_MAX_RETRY_ATTEMPTS_MAX,
  UNRESERVED_CONCURRENCY_MIN,
} from './limits.js';
import { lambdaState, nextLambdaId, totalReservedConcurrency, type EventInvokeConfig, type FunctionState } from './model.js';
import { requestedFunction } from './operations.js';
import { invalidParameter, missingMember, rangeProblem, readInteger, readObject, readString, validationProblems } from './request.js';
import { resolveQualifier } from './target.js';

export function putFunctionConcurrency(world: World, request: ApiDocument): Result<ApiDocument> {
  const found = requestedFunction(world, request);
  if (!found.ok) return found;
  const reserved = readInteger(request, 'ReservedConcurrentExecutions');
  if (reserved === undefined) return fail(missingMember('ReservedConcurrentExecutions'));
  const problem = validationProblems([rangeProblem(reserved, 'reservedConcurrentExecutions', 0, Number.MAX_SAFE_INTEGER)]);
  if (problem !== undefined) return fail(problem);
  const state = lambdaState(world);
  // At least 100 must stay unreserved. LAM-12
  const unreservedAfter = state.accountConcurrencyLimit - totalReservedConcurrency(state, found.value.name) - reserved;
  if (unreservedAfter < UNRESERVED_CONCURRENCY_MIN) {
    return fail(invalidParameter(
      `Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${UNRESERVED_CONCURRENCY_MIN}].`,
    ));
  }
  found.value.reservedConcurrency = reserved;
  world.record({ service: 'lambda', operation: 'PutFunctionConcurrency', outcome: 'ok', detail: { functionName: found.value.name, reserved } });
  return ok({ ReservedConcurrentExecutions: reserved });
}

export function deleteFunctionConcurrency(world: World, request: ApiDocument): Result<ApiDocument> {
  const found = requestedFunction(world, request);
  if (!found.ok) return found;
  delete found.value.reservedConcurrency;
  world.record({ service: 'lambda', operation: 'DeleteFunctionConcurrency', outcome: 'ok', detail: { functionName: found.value.name } });
  return ok({});
}

/**
 * Provisioned concurrency on a version or alias, never $LATEST (LAM-13; the error text is the
 * simulator's, the exact AWS wording is UNCONFIRMED). The simulator allocates the environments at
 * once (status READY), already initialised: invocations through that qualifier never start cold.
 */
export function putProvisionedConcurrencyConfig(world: World, request: ApiDocument): Result<ApiDocument> {
  const found = requestedFunction(world, request);
  if (!found.ok) return found;
  const fn = found.value;
  const qualifier = readString(request, 'Qualifier');
  const amount = readInteger(request, 'ProvisionedConcurrentExecutions');
  if (qualifier === undefined) return fail(missingMember('Qualifier'));
  if (amount === undefined) return fail(missingMember('ProvisionedConcurrentExecutions'));
  if (qualifier === '$LATEST') return fail(invalidParameter('Provisioned Concurrency Configs cannot be applied to unpublished function versions.'));
  const target = resolveQualifier(fn, qualifier);
  if (!target.ok) return target;
  const problem = validationProblems([rangeProblem(amount, 'provisionedConcurrentExecutions', 1, Number.MAX_SAFE_INTEGER)]);
  if (problem !== undefined) return fail(problem);
  if (fn.reservedConcurrency !== undefined && amount > fn.reservedConcurrency) {
    return fail(invalidParameter(`Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution [${fn.reservedConcurrency}] for function.`));
  }
  const state = lambdaState(world);
  fn.environments = fn.environments.filter((env) => env.provisionedFor !== qualifier);
  for (let i = 0; i < amount; i++) {
    fn.environments.push({ id: nextLambdaId(state, 'env'), version: target.value.version, provisionedFor: qualifier, busyUntilMs: world.nowMs, createdAtMs: world.nowMs });
  }
  fn.provisioned.set(qualifier, amount);
  world.record({ service: 'lambda', operation: 'PutProvisionedConcurrencyConfig', outcome: 'ok', detail: { functionName: fn.name, qualifier, amount } });
  return ok({
    RequestedProvisionedConcurrentExecutions: amount,
    AvailableProvisionedConcurrentExecutions: amount,
    AllocatedProvisionedConcurrentExecutions: amount,
    Status: 'READY',
    LastModified: lambdaTimestamp(world.nowMs),
  });
}

function destinationOf(request: ApiDocument, which: 'OnSuccess' | 'OnFailure'): string | undefined {
  const destination = (readObject(request, 'DestinationConfig')?.[which] as Record<string, unknown> | undefined)?.['Destination'];
  return typeof destination === 'string' ? destination : undefined;
}

/** MaximumRetryAttempts 0–2 and MaximumEventAgeInSeconds 60–21,600 (LAM-16), plus destinations. */
export function putFunctionEventInvokeConfig(world: World, request: ApiDocument): Result<ApiDocument> {
  const found = requestedFunction(world, request);
  if (!found.ok) return found;
  const retries = readInteger(request, 'MaximumRetryAttempts');
  const maxAge = readInteger(request, 'MaximumEventAgeInSeconds');
  const problem = validationProblems([
    rangeProblem(retries, 'maximumRetryAttempts', 0, ASYNC_MAX_RETRY_ATTEMPTS_MAX),
    rangeProblem(maxAge, 'maximumEventAgeInSeconds', ASYNC_EVENT_AGE_MIN_SECONDS, ASYNC_EVENT_AGE_MAX_SECONDS),
  ]);
  if (problem !== undefined) return fail(problem);
  const onSuccessArn = destinationOf(request, 'OnSuccess');
  const onFailureArn = destinationOf(request, 'OnFailure');
  const config: EventInvokeConfig = {
    maximumRetryAttempts: retries ?? found.value.eventInvokeConfig.maximumRetryAttempts,
    maximumEventAgeSeconds: maxAge ?? found.value.eventInvokeConfig.maximumEventAgeSeconds,
    ...(onSuccessArn === undefined ? {} : { onSuccessArn }),
    ...(onFailureArn === undefined ? {} : { onFailureArn }),
  };
  found.value.eventInvokeConfig = config;
  world.record({ service: 'lambda', operation: 'PutFunctionEventInvokeConfig', outcome: 'ok', detail: { functionName: found.value.name } });
  return ok({
    LastModified: lambdaTimestamp(world.nowMs),
    FunctionArn: `${found.value.arn}:${readString(request, 'Qualifier') ?? '$LATEST'}`,
    MaximumRetryAttempts: config.maximumRetryAttempts,
    MaximumEventAgeInSeconds: config.maximumEventAgeSeconds,
    DestinationConfig: {
      OnSuccess: onSuccessArn === undefined ? {} : { Destination: onSuccessArn },
      OnFailure: onFailureArn === undefined ? {} : { Destination: onFailureArn },
    },
  });
}

/** `{}` when nothing is reserved, as the AWS CLI prints it. */
export function getFunctionConcurrency(world: World, request: ApiDocument): Result<ApiDocument> {
  const found = requestedFunction(world, request);
  if (!found.ok) return found;
  const reserved = found.value.reservedConcurrency;
  return ok(reserved === undefined ? {} : { ReservedConcurrentExecutions: reserved });
}

function provisionedQualifier(world: World, request: ApiDocument): Result<{ readonly fn: FunctionState; readonly qualifier: string; readonly amount: number }> {
  const found = requestedFunction(world, request);
  if (!found.ok) return found;
  const qualifier = readString(request, 'Qualifier');
  if (qualifier === undefined) return fail(missingMember('Qualifier'));
  const amount = found.value.provisioned.get(qualifier);
  if (amount === undefined) {
    return fail(awsError('ProvisionedConcurrencyConfigNotFoundException', 404, 'No Provisioned Concurrency Config found for this function'));
  }
  return ok({ fn: found.value, qualifier, amount });
}

export function getProvisionedConcurrencyConfig(world: World, request: ApiDocument): Result<ApiDocument> {
  const found = provisionedQualifier(world, request);
  if (!found.ok) return found;
  const { amount } = found.value;
  return ok({
    RequestedProvisionedConcurrentExecutions: amount,
    AvailableProvisionedConcurrentExecutions: amount,
    AllocatedProvisionedConcurrentExecutions: amount,
    Status: 'READY',
  });
}

/** Removes the provisioned environments; invocations through the qualifier start cold again. */
export function deleteProvisionedConcurrencyConfig(world: World, request: ApiDocument): Result<ApiDocument> {
  const found = provisionedQualifier(world, request);
  if (!found.ok) return found;
  const { fn, qualifier } = found.value;
  fn.provisioned.delete(qualifier);
  fn.environments = fn.environments.filter((env) => env.provisionedFor !== qualifier);
  world.record({ service: 'lambda', operation: 'DeleteProvisionedConcurrencyConfig', outcome: 'ok', detail: { functionName: fn.name, qualifier } });
  return ok({});
}
