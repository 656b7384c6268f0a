// Lifecycle hooks of a Lambda deployment (SAM-05 Hooks: PreTraffic → BeforeAllowTraffic, PostTraffic →
// AfterAllowTraffic). CodeDeploy invokes the hook function with the deployment id and a hook execution
// id; the function validates and reports Succeeded or Failed (PutLifecycleEventHookExecutionStatus).
// The simulator invokes it synchronously and takes its outcome as the report: a handler that returns →
// Succeeded, one that errors or times out → Failed, reported when its run ends in virtual time
// (INIT + duration). A hook that never reports (CodeDeploy waits up to an hour) is not modelled.
import * as lambda from '../lambda/index.js';
import type { World } from '../world.js';
import type { LambdaDeployment } from './model.js';

/** SAM's default CodeDeploy role may invoke only functions named `CodeDeployHook_*` (SAM-05). */
export const HOOK_NAME_PREFIX = 'CodeDeployHook_';

export type HookLifecycleEvent = 'BeforeAllowTraffic' | 'AfterAllowTraffic';

export interface HookReport {
  readonly status: 'Succeeded' | 'Failed';
  /** How long after the invocation the report arrives (the hook's INIT + duration). */
  readonly reportAfterMs: number;
  readonly message: string;
}

function denied(world: World, functionName: string): HookReport {
  // What the managed policy AWSCodeDeployRoleForLambda allows (SAM-05); IAM's AccessDenied wording.
  const resource = `arn:aws:lambda:${world.region}:${world.accountId}:function:${functionName}`;
  const message = `AccessDeniedException: User: arn:aws:sts::${world.accountId}:assumed-role/CodeDeployServiceRole/CodeDeploy is not authorized to perform: lambda:InvokeFunction on resource: ${resource}`;
  return { status: 'Failed', reportAfterMs: 0, message };
}

/** How long the hook's run took, read from the Invoke trace entry it added. */
function runMsSince(world: World, traceLengthBefore: number): number {
  const run = world.trace.since(traceLengthBefore).find((event) => event.service === 'lambda' && event.operation === 'Invoke' && event.detail['start'] !== undefined);
  return Number(run?.detail['initMs'] ?? 0) + Number(run?.detail['durationMs'] ?? 0);
}

export function runHook(world: World, deployment: LambdaDeployment, lifecycleEvent: HookLifecycleEvent, functionName: string): HookReport {
  if (!functionName.startsWith(HOOK_NAME_PREFIX)) return denied(world, functionName);
  const payload = JSON.stringify({ DeploymentId: deployment.deploymentId, LifecycleEventHookExecutionId: `${deployment.deploymentId}-${lifecycleEvent}` });
  const traceLengthBefore = world.trace.length;
  const answered = lambda.invoke(world, { functionName, invocationType: 'RequestResponse', payload });
  if (!answered.ok) return { status: 'Failed', reportAfterMs: 0, message: `${answered.error.name}: ${answered.error.message}` };
  const reportAfterMs = runMsSince(world, traceLengthBefore);
  if (answered.value.functionError !== undefined) {
    return { status: 'Failed', reportAfterMs, message: `${functionName} reported Failed (${answered.value.functionError}: ${answered.value.payload})` };
  }
  return { status: 'Succeeded', reportAfterMs, message: `${functionName} reported Succeeded` };
}
