// Proves the scenario browser's pure state: grouping by service, moving (wrapping, kept by id), the
// text filter, status markers from the progress store, and a scrolled window that keeps the selection.
import { describe, expect, it } from 'vitest';
import { emptyProgress, type ProgressData } from '../../../../src/progress/index.js';
import {
  browserReducer,
  browserRows,
  initialBrowserState,
  selectedScenario,
  statusLabel,
  statusOf,
  visibleScenarios,
  windowRows,
  type BrowserAction,
  type BrowserState,
} from '../../../../src/repl/screens/scenarios/browser-state.js';
import { testLibrary, tinyScenario } from '../../../helpers/scenario-library.js';

const apply = (...actions: BrowserAction[]): BrowserState => actions.reduce((state, action) => browserReducer(testLibrary, state, action), initialBrowserState);
const ids = (state: BrowserState) => visibleScenarios(testLibrary, state.filter).map((s) => s.id);

describe('the scenario browser state', () => {
  it('groups scenarios by service, groups in alphabetical order', () => {
    expect(ids(initialBrowserState)).toEqual(['apigateway/caching', 'dynamodb/throttling', 'fixture/tiny', 'lambda/cold-starts']);
    const rows = browserRows(testLibrary, initialBrowserState, undefined);
    expect(rows.map((row) => (row.kind === 'group' ? `[${row.service}]` : row.scenario.id))).toEqual([
      '[apigateway]', 'apigateway/caching', '[dynamodb]', 'dynamodb/throttling', '[fixture]', 'fixture/tiny', '[lambda]', 'lambda/cold-starts',
    ]);
  });

  it('selects the first scenario at start, moves down and up, and wraps at the ends', () => {
    expect(selectedScenario(testLibrary, initialBrowserState)?.id).toBe('apigateway/caching');
    expect(selectedScenario(testLibrary, apply({ type: 'move-down' }, { type: 'move-down' }))?.id).toBe('fixture/tiny');
    expect(selectedScenario(testLibrary, apply({ type: 'move-up' }))?.id).toBe('lambda/cold-starts');
  });

  it('filters by words of the id, title, summary, services or topics, ignoring case', () => {
    const typed = apply({ type: 'start-filter' }, { type: 'type-filter', text: 'C' }, { type: 'type-filter', text: 'ACHE' });
    expect(typed).toEqual({ selectedId: undefined, filter: 'CACHE', isFiltering: true });
    expect(ids(typed)).toEqual(['apigateway/caching']);
    expect(ids(apply({ type: 'type-filter', text: 'table writes' }))).toEqual(['dynamodb/throttling']);
    expect(ids(apply({ type: 'type-filter', text: 'nothing-matches' }))).toEqual([]);
  });

  it('erases, keeps and clears the filter', () => {
    const erased = apply({ type: 'start-filter' }, { type: 'type-filter', text: 'cold' }, { type: 'erase-filter' });
    expect(erased.filter).toBe('col');
    expect(browserReducer(testLibrary, erased, { type: 'end-filter' })).toEqual({ ...erased, isFiltering: false });
    expect(browserReducer(testLibrary, erased, { type: 'clear-filter' })).toEqual({ ...erased, filter: '', isFiltering: false });
  });

  it('keeps the selection by id when a filter hides the others, and falls back to the first shown', () => {
    const onTiny = apply({ type: 'move-down' }, { type: 'move-down' });
    expect(selectedScenario(testLibrary, browserReducer(testLibrary, onTiny, { type: 'type-filter', text: 'tiny' }))?.id).toBe('fixture/tiny');
    expect(selectedScenario(testLibrary, browserReducer(testLibrary, onTiny, { type: 'type-filter', text: 'cold' }))?.id).toBe('lambda/cold-starts');
  });

  it('reads each status from the progress store and labels it with a symbol and words', () => {
    const progress: ProgressData = emptyProgress();
    progress.scenarios['fixture/tiny'] = { stepsDone: ['count'], predictionsRight: 1, predictionsTotal: 1, completedAtMs: null };
    progress.scenarios['lambda/cold-starts'] = { stepsDone: [], predictionsRight: 0, predictionsTotal: 0, completedAtMs: 5 };
    expect(statusOf(tinyScenario, progress)).toEqual({ kind: 'in-progress', stepsDone: 1 });
    expect(statusLabel(statusOf(tinyScenario, progress), 6)).toBe('◐ 1/6 steps');
    expect(statusLabel(statusOf(testLibrary[0]!, progress), 6)).toBe('✓ done');
    expect(statusLabel(statusOf(testLibrary[1]!, progress), 6)).toBe('· new');
    expect(statusLabel(statusOf(testLibrary[1]!, undefined), 6)).toBe('· new');
  });

  it('shows a window of rows that always holds the selected scenario', () => {
    const rows = browserRows(testLibrary, apply({ type: 'move-up' }), undefined);
    const shown = windowRows(rows, 3);
    expect(shown).toHaveLength(3);
    expect(shown.some((row) => row.kind === 'scenario' && row.isSelected && row.scenario.id === 'lambda/cold-starts')).toBe(true);
    expect(windowRows(rows, 20)).toEqual(rows);
  });
});
