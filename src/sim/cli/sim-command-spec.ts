// The contract for `sim ...` commands, the sandbox's own verbs for what the AWS CLI cannot do (move the
// clock, generate load, show a panel). Like OperationSpec rows, each is data plus a `run`: the parser,
// typo suggestions, help and docs/sandbox.md are generated from the rows, and a service adds its own
// (`sim show table`, `sim dax ...`) by listing them in services.ts.
import type { ApiDocument, OperationSpec } from './operation-spec.js';
import type { Result } from '../result.js';
import type { LoadTemplate, PreparedLoadRequest } from '../load-request.js';
import type { TraceEvent } from '../trace.js';
import type { World } from '../world.js';

/**
 * How a sim argument's text is read:
 * - `string`, `integer`: as written (`integer` must be a whole number ≥ 0);
 * - `duration`: `500ms`, `90s`, `1h30m`, `2d` → milliseconds;
 * - `rate`: `20/s`, `600/m`, `3600/h` → requests per second;
 * - `region`: a real commercial AWS Region name (`eu-west-1`).
 */
export type SimValueType = 'string' | 'integer' | 'duration' | 'rate' | 'region';

/** A parsed sim value: durations in ms, rates per second, integers as numbers, flags as booleans. */
export type SimValue = string | number | boolean;

export interface SimArgSpec {
  /** The placeholder shown in help, e.g. `DURATION`; also the key in `SimInput.args`. */
  readonly name: string;
  readonly type: SimValueType;
  readonly required: boolean;
  readonly description: string;
}

export interface SimFlagSpec {
  readonly flag: `--${string}`;
  /** `boolean` flags take no value. */
  readonly type: SimValueType | 'boolean';
  readonly required: boolean;
  readonly description: string;
  /** A one-letter alias as curl spells it, e.g. `-H` for `--header`. */
  readonly short?: `-${string}`;
  /** The flag may be given more than once; the values arrive joined by newlines (`-H 'A: 1' -H 'B: 2'`). */
  readonly repeatable?: boolean;
}

/** An `aws ...` command after parsing, with the sandbox-wide flags the AWS CLI accepts anywhere. */
export interface ParsedAwsCommand {
  readonly kind: 'aws';
  readonly spec: OperationSpec;
  readonly request: ApiDocument;
  readonly globals: AwsGlobals;
}

export interface AwsGlobals {
  /** `--region`: runs this one command in another Region. */
  readonly region?: string;
  /** `--profile`: accepted and kept (identity-aware services read it later). */
  readonly profile?: string;
  /** `--retries N` (sandbox-only): SDK-like retries with backoff in virtual time; 0 = off (default). */
  readonly retries: number;
}

export interface SimInput {
  readonly args: Readonly<Record<string, SimValue>>;
  /** Keyed by flag without dashes: `last`, `background`. */
  readonly flags: Readonly<Record<string, SimValue>>;
  /** For rows with `takesCommand`: the `aws ...` command after `--`. */
  readonly command?: ParsedAwsCommand;
  /** Its text as typed, from `aws` to the end of the line (kept so a restored world can parse it again). */
  readonly commandText?: string;
}

/** What a sim command answers: a documented JSON object (`--json`) and the text a person reads. */
export interface SimOutput {
  readonly json: Readonly<Record<string, unknown>>;
  readonly text: string;
}

/** Reads a file named in a command (`file://item.json`); `trainer sim` resolves it beside the script. */
export interface SandboxIo {
  readText(path: string): { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: string };
}

/** The state a sandbox keeps between lines. `world` is replaced by `sim seed` and `sim reset`. */
export interface SandboxSession {
  world: World;
  readonly io: SandboxIo;
  readonly table: CommandTable;
}

export interface SimCommandSpec {
  /** The words after `sim`, e.g. `['clock', 'advance']` or `['show', 'table']`. */
  readonly words: readonly string[];
  readonly args: readonly SimArgSpec[];
  readonly flags: readonly SimFlagSpec[];
  /** True when the row takes `-- <aws command>` after its flags (`sim load`). */
  readonly takesCommand?: boolean;
  readonly summary: string;
  /** One example line for help and docs. */
  readonly example: string;
  /** The JSON object the command answers (`trainer sim --json` `output`), described for docs. */
  readonly output: string;
  /** Checks the parsed input further; a message here is a parse error (e.g. a bad `{{placeholder}}`). */
  readonly validate?: (input: SimInput) => string | undefined;
  readonly run: (session: SandboxSession, input: SimInput) => Result<SimOutput>;
}

/**
 * How `sim load` measures a service's requests. The load engine folds every trace event a request
 * records into the second's aggregate (instead of appending it to the trace); the meter says how much
 * capacity an event reports, and which gauges to show at the end of each virtual second.
 */
export interface LoadMeterSpec {
  /** The service whose trace events this meter reads (`TraceEvent.service`). */
  readonly service: string;
  /**
   * Capacity units one trace event reports. Without a meter, the engine reads the AWS shape in the
   * event's detail: `ConsumedCapacity.CapacityUnits` (or a list of them), else a number
   * `consumedCapacityUnits`.
   */
  readonly capacityUnitsOf?: (event: TraceEvent) => number;
  /**
   * Read-only gauges at the end of each second for the load's request, e.g. DynamoDB's
   * `{burstCreditWcu: 120}` for the table in `request.TableName`. Names carry units.
   */
  readonly gaugesOf?: (world: World, request: ApiDocument) => Readonly<Record<string, number>>;
  /**
   * The fast path of `sim load` (optional): compiles the load's request once into a runner that skips
   * what cannot change between requests (validation, option reading, the response, the trace event).
   * Answers undefined for a request it cannot compile; the engine then runs every request the slow way
   * (`spec.run` on the filled template), which stays the reference.
   */
  readonly prepare?: (world: World, template: LoadTemplate) => PreparedLoadRequest | undefined;
}


/** Every command the sandbox knows: the services' operations and the sim rows. */
export interface CommandTable {
  readonly operations: readonly OperationSpec[];
  readonly simCommands: readonly SimCommandSpec[];
  readonly loadMeters: readonly LoadMeterSpec[];
  /** AWS CLI service names, in table order. */
  readonly services: readonly string[];
}

export type { LoadPlaceholderText, LoadTemplate, PreparedLoadRequest } from '../load-request.js';
