// The public surface of the simulator. Other parts of trainer import only from here (ARCHITECTURE.md).
export { closestMatch, closestMatches, editDistance } from './cli/suggest.js';
export type { ApiDocument, OperationSpec, ParamSpec, ParamType } from './cli/operation-spec.js';
export { MAX_TIMERS_PER_ADVANCE, VirtualClock, type ClockSnapshot, type Timer } from './clock.js';
export { InvariantError, awsError, fail, invariant, ok, validationError, type AwsError, type Result } from './result.js';
export { RandomStream, Rng, type RngSnapshot } from './rng.js';
export { Trace, type TraceEvent, type TraceInput } from './trace.js';
export {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_REGION,
  DEFAULT_START_TIME_MS,
  World,
  createWorld,
  defineTimerHandler,
  restoreWorld,
  type Recorder,
  type TimerHandler,
  type WorldOptions,
  type WorldSnapshot,
} from './world.js';

// Services, one namespace each: `import { iam } from '../sim/index.js'; iam.evaluate(...)`.
export * as iam from './iam/index.js';
export * as lambda from './lambda/index.js';
