// Combines every service's OperationSpec rows with the sim rows into the sandbox's one command table,
// which the parser, the suggestions, help and docs/sandbox.md all read. Duplicate rows are bugs.
import type { OperationSpec } from './operation-spec.js';
import { SERVICE_LOAD_METERS, SERVICE_OPERATIONS, SERVICE_SIM_COMMANDS } from './services.js';
import type { CommandTable, LoadMeterSpec, SimCommandSpec } from './sim-command-spec.js';
import { CORE_SIM_COMMANDS } from './sim-commands.js';
import { SIM_HELP_COMMAND } from './sandbox-help.js';
import { SIM_LOAD_COMMAND } from './sim-load.js';
import { invariant } from '../result.js';

export interface TableParts {
  readonly operations: readonly OperationSpec[];
  readonly simCommands: readonly SimCommandSpec[];
  readonly loadMeters?: readonly LoadMeterSpec[];
}

function checkUnique(keys: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const key of keys) {
    invariant(!seen.has(key), `the sandbox command table has two ${what} rows for "${key}"`);
    seen.add(key);
  }
}

export function buildCommandTable(parts: TableParts): CommandTable {
  checkUnique(parts.operations.map((op) => `${op.service} ${op.command}`), 'operation');
  checkUnique(parts.simCommands.map((row) => row.words.join(' ')), 'sim');
  for (const op of parts.operations) checkUnique(op.params.map((p) => p.flag), `${op.service} ${op.command} flag`);
  return {
    operations: parts.operations,
    simCommands: parts.simCommands,
    loadMeters: parts.loadMeters ?? [],
    services: [...new Set(parts.operations.map((op) => op.service))],
  };
}

/** The sim rows every sandbox has, before any service adds its own. */
export const BUILT_IN_SIM_COMMANDS: readonly SimCommandSpec[] = [...CORE_SIM_COMMANDS, SIM_LOAD_COMMAND, SIM_HELP_COMMAND];

let defaultTable: CommandTable | undefined;

/** The table of every registered service (services.ts) plus the built-in sim rows. */
export function defaultCommandTable(): CommandTable {
  defaultTable ??= buildCommandTable({
    operations: SERVICE_OPERATIONS.flat(),
    simCommands: [...BUILT_IN_SIM_COMMANDS, ...SERVICE_SIM_COMMANDS.flat()],
    loadMeters: SERVICE_LOAD_METERS,
  });
  return defaultTable;
}

/**
 * The default table with every load meter's fast path (`prepare`) left out: `sim load` then runs each
 * request through `spec.run`, the reference. For the property tests and the bench's before/after.
 */
export function slowPathCommandTable(): CommandTable {
  const table = defaultCommandTable();
  const meters = table.loadMeters.map(({ service, capacityUnitsOf, gaugesOf }): LoadMeterSpec => ({ service, ...(capacityUnitsOf && { capacityUnitsOf }), ...(gaugesOf && { gaugesOf }) }));
  return { ...table, loadMeters: meters };
}
