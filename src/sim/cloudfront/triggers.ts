// Runs the function associated with one trigger point, at one edge location: a Lambda@Edge version
// (through Lambda's own Invoke, with the `Records[0].cf` event, in the Region nearest the location,
// sharing that account's concurrency, EDGE-06) or a CloudFront Function (its catalogue behaviour, in
// CloudFront itself). A failing function becomes CloudFront's own 502/503 (simulator model: the
// wording is ours). Every run is counted per location for `sim show distribution`.
import * as lambda from '../lambda/index.js';
import type { EdgeAnswer, EdgeHttpResponse, EdgeView } from '../lambda/index.js';
import type { World } from '../world.js';
import { parseLambdaArn } from './associations.js';
import { triggerLimits, type EdgeLocation } from './limits.js';
import { cloudFrontState, type DistributionState } from './model.js';

export interface TriggerContext {
  readonly world: World;
  readonly distribution: DistributionState;
  readonly location: EdgeLocation;
  readonly requestId: string;
}

export type TriggerOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'ran'; readonly label: string; readonly answer: EdgeAnswer }
  | { readonly kind: 'failed'; readonly label: string; readonly reason: string; readonly response: EdgeHttpResponse };

function cloudFrontError(status: 502 | 503, reason: string, message: string): EdgeHttpResponse {
  return { status, statusDescription: status === 502 ? 'Bad Gateway' : 'Service Unavailable', headers: { 'content-type': 'text/html', 'x-cf-error': reason }, body: `<h1>${status} ERROR</h1><p>${message}</p>` };
}

function countRun(context: TriggerContext, eventType: string, label: string): void {
  const counts = (context.distribution.invocations[context.location.code] ??= {});
  const key = `${eventType} ${label}`;
  counts[key] = (counts[key] ?? 0) + 1;
}

/** EDGE-05: a generated response may carry at most 40 KB (viewer) or 1 MB (origin). */
function tooLarge(context: TriggerContext, view: EdgeView, answer: EdgeAnswer): boolean {
  if (answer.kind !== 'response' || view.response !== undefined) return false;
  const limitBytes = triggerLimits(cloudFrontState(context.world).edgeLimits, view.eventType).generatedResponseMaxBytes;
  return Buffer.byteLength(answer.response.body) > limitBytes;
}

function runLambda(context: TriggerContext, view: EdgeView, association: { lambdaFunctionArn: string; includeBody: boolean }): TriggerOutcome {
  const parts = parseLambdaArn(association.lambdaFunctionArn);
  const label = `lambda:${parts?.name ?? '?'}:${parts?.qualifier ?? '?'}`;
  countRun(context, view.eventType, label);
  // The body reaches the function only when the association sets IncludeBody.
  const { body: _body, ...withoutBody } = view.request;
  const shown: EdgeView = association.includeBody ? view : { ...view, request: withoutBody };
  const event = lambda.toLambdaEdgeEvent(shown, { distributionId: context.distribution.id, distributionDomainName: context.distribution.domainName, requestId: context.requestId });
  const invoked = context.world.inRegion(context.location.region, () =>
    lambda.invoke(context.world, { functionName: parts?.name ?? '', qualifier: parts?.qualifier ?? '', invocationType: 'RequestResponse', payload: JSON.stringify(event) }),
  );
  if (!invoked.ok) {
    const isThrottle = invoked.error.name === 'TooManyRequestsException';
    const reason = isThrottle ? 'LambdaLimitExceeded' : 'LambdaExecutionError';
    return { kind: 'failed', label, reason, response: cloudFrontError(isThrottle ? 503 : 502, reason, `The Lambda function could not run: ${invoked.error.message}`) };
  }
  if (invoked.value.functionError !== undefined) {
    return { kind: 'failed', label, reason: 'LambdaExecutionError', response: cloudFrontError(502, 'LambdaExecutionError', 'The Lambda function associated with the distribution failed.') };
  }
  const answer = lambda.readEdgeResult(view, JSON.parse(invoked.value.payload) as unknown);
  if (answer === undefined || tooLarge(context, view, answer)) {
    const why = answer === undefined ? `returned something that is not a valid ${view.eventType} result` : 'generated a response larger than the limit for this trigger';
    return { kind: 'failed', label, reason: 'LambdaValidationError', response: cloudFrontError(502, 'LambdaValidationError', `The Lambda function ${why}.`) };
  }
  return { kind: 'ran', label, answer };
}

function runCloudFrontFunction(context: TriggerContext, view: EdgeView, functionArn: string): TriggerOutcome {
  const name = functionArn.slice(functionArn.indexOf('/') + 1);
  const label = `function:${name}`;
  countRun(context, view.eventType, label);
  const live = cloudFrontState(context.world).functions[name]?.live;
  const behaviour = live === undefined ? undefined : lambda.findEdgeBehaviour(live.behaviour);
  if (behaviour === undefined) {
    return { kind: 'failed', label, reason: 'FunctionExecutionError', response: cloudFrontError(503, 'FunctionExecutionError', 'The CloudFront function could not run.') };
  }
  context.world.record({ service: 'cloudfront', operation: 'FunctionInvocation', outcome: 'ok', detail: { functionName: name, eventType: view.eventType, location: context.location.code } });
  return { kind: 'ran', label, answer: behaviour.decide(view) };
}

/** Runs whatever is associated with `view.eventType` in the distribution's default cache behavior. */
export function runTrigger(context: TriggerContext, view: EdgeView): TriggerOutcome {
  const behavior = context.distribution.settings.behavior;
  const lambdaAssociation = behavior.lambdaAssociations.find((a) => a.eventType === view.eventType);
  if (lambdaAssociation !== undefined) return runLambda(context, view, lambdaAssociation);
  const functionAssociation = behavior.functionAssociations.find((a) => a.eventType === view.eventType);
  return functionAssociation === undefined ? { kind: 'none' } : runCloudFrontFunction(context, view, functionAssociation.functionArn);
}
