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

// The sandbox language (src/sim/cli): one parser and dispatcher shared by `trainer sim`, the REPL and
// the scenario runner. Most callers need only createSandbox + runSandboxLine / runSandboxScript.
export {
  NO_FILES,
  createSandbox,
  runSandboxLine,
  runSandboxScript,
  sandboxLines,
  toJsonLine,
  toTranscript,
  type LineReport,
  type SandboxOptions,
  type ScriptReport,
} from './cli/sandbox.js';
export { startSandboxLine, type LineStart, type SandboxJob } from './cli/sandbox-job.js';
export { parseLine, type ParseOptions } from './cli/parse.js';
export type { ParseError, ParsedCommand, ParsedEmpty, ParsedSimCommand } from './cli/parse-result.js';
export { dispatch, runAwsCommand, type DispatchOutcome } from './cli/dispatch.js';
export { formatOutput, stringifyAwsJson } from './cli/format-output.js';
export { awsErrorJson, formatAwsError, type ErrorJson } from './cli/format-error.js';
export { BUILT_IN_SIM_COMMANDS, buildCommandTable, defaultCommandTable, slowPathCommandTable, type TableParts } from './cli/command-table.js';
export { advanceSandbox } from './cli/load-engine.js';
export type { LoadSecond, ResourceCounts } from './cli/load-state.js';
export { defineShowCommand, type ShowSubject } from './cli/sim-show.js';
export { COMMERCIAL_REGIONS, isCommercialRegion } from './cli/regions.js';
export { renderSandboxDocs } from './cli/sandbox-docs.js';
export type {
  AwsGlobals,
  CommandTable,
  LoadMeterSpec,
  ParsedAwsCommand,
  SandboxIo,
  SandboxSession,
  SimArgSpec,
  SimCommandSpec,
  SimFlagSpec,
  SimInput,
  SimOutput,
  SimValue,
  SimValueType,
} from './cli/sim-command-spec.js';

// Cross-service wiring (Lambda's DynamoDB ports, stream → event source mapping wake-ups). A side-effect
// import: services never import each other, so the one module that connects them must be loaded by the
// simulator's entry point, before any world runs.
import './wiring.js';

// Services, one namespace each: `import { iam } from '../sim/index.js'; iam.evaluate(...)`.
export * as apigateway from './apigateway/index.js';
export * as cloudfront from './cloudfront/index.js';
export * as cloudwatch from './cloudwatch/index.js';
export * as codedeploy from './codedeploy/index.js';
export * as cognito from './cognito/index.js';
export * as ec2 from './ec2/index.js';
export * as dynamodb from './dynamodb/index.js';
export * as iam from './iam/index.js';
export * as lambda from './lambda/index.js';
export * as s3 from './s3/index.js';
export * as sam from './sam/index.js';
export * as sns from './sns/index.js';
export * as sqs from './sqs/index.js';
export * as stepfunctions from './stepfunctions/index.js';

// Every number the quiz may quote, built from the services' limits constants (src/sim/limits-table.ts).
export { SIMULATOR_LIMITS } from './limits-table.js';
