// The Lambda panel: a function's concurrency (environments busy, reserved, provisioned), its cold
// starts and throttles, and the start kind of its latest invocations, read from the simulator's
// `describeLambdaForShow` and the trace. Pure.
import { lambda, type World } from '../../sim/index.js';

export type StartKind = 'cold' | 'warm' | 'throttled' | 'failed';

function startKindOf(outcome: string, start: unknown): StartKind {
  if (outcome === 'TooManyRequestsException') return 'throttled';
  if (outcome !== 'ok') return 'failed';
  return start === 'cold' ? 'cold' : 'warm';
}

export interface LambdaPanel {
  readonly kind: 'lambda';
  readonly functionName: string;
  readonly environmentsBusy: number;
  readonly environmentsTotal: number;
  readonly provisioned: number;
  readonly reservedConcurrency: number | null;
  readonly invocations: number;
  readonly coldStarts: number;
  readonly throttles: number;
  /** Latest invocations, oldest first. */
  readonly recentStarts: readonly StartKind[];
}

export function toLambdaPanel(world: World, functionName: string, recentCount = 24): LambdaPanel | undefined {
  const view = lambda.describeLambdaForShow(world, functionName);
  if (!view.ok) return undefined;
  const invokes = world.trace.all().filter((event) => event.service === 'lambda' && event.operation === 'Invoke' && event.detail['functionName'] === functionName);
  const recentStarts = invokes.slice(-recentCount).map((event) => startKindOf(event.outcome, event.detail['start']));
  const { environments } = view.value;
  return {
    kind: 'lambda',
    functionName,
    environmentsBusy: environments.busy,
    environmentsTotal: environments.total,
    provisioned: environments.provisioned,
    reservedConcurrency: view.value.reservedConcurrency,
    invocations: view.value.invocations,
    coldStarts: view.value.coldStarts,
    throttles: view.value.throttles,
    recentStarts,
  };
}
