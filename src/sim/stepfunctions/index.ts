// Step Functions' public surface: state machines in a subset of the Amazon States Language, executions
// on the virtual clock, their history, and the sandbox rows (docs/stepfunctions.md).
export * from './asl.js';
export { STEPFUNCTIONS_OPERATIONS } from './commands.js';
export { WAKE_TIMER } from './engine.js';
export { billedDurationMs, describeExecution, getExecutionHistory, listExecutions, startExecution, startSyncExecution, stopExecution } from './executions.js';
export * from './limits.js';
export { createStateMachine, describeStateMachine, findExecution, findStateMachine, listStateMachines } from './machines.js';
export { STEPFUNCTIONS_SLOT, stepFunctionsState, type Execution, type ExecutionStatus, type HistoryEvent, type StateMachine, type StateMachineType, type StepFunctionsState } from './model.js';
export { registerStepFunctionsPorts, type LambdaCall, type StepFunctionsPorts } from './ports.js';
export { errorMatches, retryDelayMs } from './recovery.js';
export { STEPFUNCTIONS_SIM_COMMANDS, executionTimeline, machineGraph } from './show.js';
export { validateDefinition } from './validate.js';
