// The scenario browser's state and what it shows, pure so it is tested without React: the library
// grouped by service, a text filter, the selection (kept by id, so filtering never loses it), and
// each scenario's status from the progress store.
import type { ProgressData } from '../../../progress/index.js';
import type { Scenario } from '../../../scenarios/index.js';

export interface BrowserState {
  /** The highlighted scenario's id; the first visible one when undefined or filtered out. */
  readonly selectedId: string | undefined;
  readonly filter: string;
  /** True while `/` has been pressed and typed keys edit the filter. */
  readonly isFiltering: boolean;
}

export type BrowserAction =
  | { readonly type: 'move-up' }
  | { readonly type: 'move-down' }
  | { readonly type: 'start-filter' }
  | { readonly type: 'type-filter'; readonly text: string }
  | { readonly type: 'erase-filter' }
  | { readonly type: 'end-filter' }
  | { readonly type: 'clear-filter' };

export const initialBrowserState: BrowserState = { selectedId: undefined, filter: '', isFiltering: false };

/** `dynamodb/ttl` → `dynamodb`: scenarios are grouped by the service folder of their id. */
export function groupOf(scenario: Scenario): string {
  return scenario.id.split('/')[0] ?? scenario.id;
}

function matches(scenario: Scenario, filter: string): boolean {
  const words = filter.trim().toLowerCase().split(/\s+/).filter((word) => word !== '');
  const haystack = [scenario.id, scenario.title, scenario.summary, ...scenario.services, ...scenario.topics].join(' ').toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** The scenarios the filter lets through, grouped by service (groups A→Z, library order inside). */
export function visibleScenarios(library: readonly Scenario[], filter: string): Scenario[] {
  const shown = library.filter((scenario) => matches(scenario, filter));
  const groups = [...new Set(shown.map(groupOf))].sort();
  return groups.flatMap((group) => shown.filter((scenario) => groupOf(scenario) === group));
}

export function selectedScenario(library: readonly Scenario[], state: BrowserState): Scenario | undefined {
  const shown = visibleScenarios(library, state.filter);
  return shown.find((scenario) => scenario.id === state.selectedId) ?? shown[0];
}

function moved(library: readonly Scenario[], state: BrowserState, by: 1 | -1): BrowserState {
  const shown = visibleScenarios(library, state.filter);
  if (shown.length === 0) return state;
  const current = Math.max(0, shown.findIndex((scenario) => scenario.id === state.selectedId));
  const next = shown[(current + by + shown.length) % shown.length];
  return { ...state, selectedId: next?.id };
}

export function browserReducer(library: readonly Scenario[], state: BrowserState, action: BrowserAction): BrowserState {
  switch (action.type) {
    case 'move-up':
      return moved(library, state, -1);
    case 'move-down':
      return moved(library, state, 1);
    case 'start-filter':
      return { ...state, isFiltering: true };
    case 'type-filter':
      return { ...state, filter: state.filter + action.text };
    case 'erase-filter':
      return { ...state, filter: state.filter.slice(0, -1) };
    case 'end-filter':
      return { ...state, isFiltering: false };
    case 'clear-filter':
      return { ...state, filter: '', isFiltering: false };
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

export type ScenarioStatus = { readonly kind: 'done' } | { readonly kind: 'in-progress'; readonly stepsDone: number } | { readonly kind: 'new' };

export function statusOf(scenario: Scenario, progress: ProgressData | undefined): ScenarioStatus {
  const record = progress?.scenarios[scenario.id];
  if (record === undefined) return { kind: 'new' };
  return record.completedAtMs !== null ? { kind: 'done' } : { kind: 'in-progress', stepsDone: record.stepsDone.length };
}

/** The marker beside a scenario: a symbol and a word, so colour never carries the meaning alone. */
export function statusLabel(status: ScenarioStatus, stepCount: number): string {
  if (status.kind === 'done') return '✓ done';
  if (status.kind === 'in-progress') return `◐ ${status.stepsDone}/${stepCount} steps`;
  return '· new';
}

export type BrowserRow =
  | { readonly kind: 'group'; readonly service: string }
  | { readonly kind: 'scenario'; readonly scenario: Scenario; readonly status: ScenarioStatus; readonly isSelected: boolean };

/** The list as rows to draw: a heading per service, then its scenarios. */
export function browserRows(library: readonly Scenario[], state: BrowserState, progress: ProgressData | undefined): BrowserRow[] {
  const selected = selectedScenario(library, state);
  const rows: BrowserRow[] = [];
  let group: string | undefined;
  for (const scenario of visibleScenarios(library, state.filter)) {
    if (groupOf(scenario) !== group) {
      group = groupOf(scenario);
      rows.push({ kind: 'group', service: group });
    }
    rows.push({ kind: 'scenario', scenario, status: statusOf(scenario, progress), isSelected: scenario.id === selected?.id });
  }
  return rows;
}

/** The rows that fit in `height` lines, scrolled so the selected row is always among them. */
export function windowRows(rows: readonly BrowserRow[], height: number): BrowserRow[] {
  if (rows.length <= height) return [...rows];
  const selectedAt = Math.max(0, rows.findIndex((row) => row.kind === 'scenario' && row.isSelected));
  // Keep the group heading above the selection in view when there is room.
  const first = Math.min(Math.max(0, selectedAt - Math.floor(height / 2)), rows.length - height);
  return rows.slice(first, first + Math.max(1, height));
}
