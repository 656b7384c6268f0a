// The ONE place that lists what services bring to the sandbox language. Each service exports its AWS CLI
// operations (OperationSpec[]), its own `sim` rows (SimCommandSpec[], e.g. `sim show table`) and how
// `sim load` measures its requests (LoadMeterSpec). Adding a service = adding its arrays here; nothing
// else in the parser, dispatcher or docs changes.
import type { OperationSpec } from './operation-spec.js';
import type { LoadMeterSpec, SimCommandSpec } from './sim-command-spec.js';

/** Every service's operation rows, e.g. `[DYNAMODB_OPERATIONS, DYNAMODB_STREAMS_OPERATIONS]`. */
export const SERVICE_OPERATIONS: readonly (readonly OperationSpec[])[] = [];

/** Sim rows services add (`sim show table`, `sim dax ...`). */
export const SERVICE_SIM_COMMANDS: readonly (readonly SimCommandSpec[])[] = [];

/** Load meters services add (DynamoDB: capacity from its trace events, burst credit as a gauge). */
export const SERVICE_LOAD_METERS: readonly LoadMeterSpec[] = [];
