// The scenario browser: the library grouped by service, each scenario's status and estimated minutes,
// and the highlighted one's summary. Its keys are routed by the app (scenario-keys.ts).
import { Box, Text } from 'ink';
import type { ProgressData } from '../../../progress/index.js';
import type { Scenario } from '../../../scenarios/index.js';
import { Header } from '../../components/header.js';
import { KeyFooter } from '../../components/key-footer.js';
import { useTerminalSize } from '../../components/use-terminal-size.js';
import { BROWSER_FILTER_KEYS, BROWSER_KEYS } from '../../keymap.js';
import { theme } from '../../theme.js';
import { browserRows, selectedScenario, statusLabel, windowRows, type BrowserRow, type BrowserState } from './browser-state.js';

export interface BrowserScreenProps {
  readonly version: string;
  readonly library: readonly Scenario[];
  readonly state: BrowserState;
  readonly progress: ProgressData | undefined;
  /** Why progress is not being saved, if it is not. */
  readonly notice?: string | undefined;
}

const STATUS_WIDTH = 14;
const MINUTES_WIDTH = 8;

function Row({ row }: { readonly row: BrowserRow }) {
  if (row.kind === 'group') {
    return (
      <Text bold color={theme.muted}>
        {row.service}
      </Text>
    );
  }
  const { scenario, status, isSelected } = row;
  const statusColor = status.kind === 'done' ? theme.success : status.kind === 'in-progress' ? theme.warning : theme.muted;
  return (
    <Box>
      <Box flexGrow={1} flexShrink={1}>
        <Text wrap="truncate-end" {...(isSelected ? { color: theme.accent, bold: true } : {})}>
          {isSelected ? '❯ ' : '  '}
          {scenario.title}
        </Text>
      </Box>
      <Box width={STATUS_WIDTH} flexShrink={0} marginLeft={1}>
        <Text color={statusColor}>{statusLabel(status, scenario.steps.length)}</Text>
      </Box>
      <Box width={MINUTES_WIDTH} flexShrink={0} justifyContent="flex-end">
        <Text color={theme.muted}>{scenario.estimatedMinutes} min</Text>
      </Box>
    </Box>
  );
}

export function BrowserScreen({ version, library, state, progress, notice }: BrowserScreenProps) {
  const { rows: terminalRows } = useTerminalSize();
  const rows = browserRows(library, state, progress);
  const selected = selectedScenario(library, state);
  const showsFilter = state.isFiltering || state.filter !== '';
  // Header 2, filter 1, summary 1 + 3, notice 1, footer 2: the list gets the rest.
  const listHeight = Math.max(3, terminalRows - 9 - (showsFilter ? 1 : 0) - (notice === undefined ? 0 : 1));
  return (
    <Box flexDirection="column">
      <Header version={version} title="Scenarios" />
      {showsFilter ? (
        <Text>
          Filter: <Text bold>{state.filter}</Text>
          {state.isFiltering ? <Text color={theme.accent}>▏</Text> : null}
          <Text color={theme.muted}> ({rows.filter((row) => row.kind === 'scenario').length} shown)</Text>
        </Text>
      ) : null}
      {rows.length === 0 ? <Text color={theme.warning}>No scenario matches "{state.filter}". Esc clears the filter.</Text> : null}
      {windowRows(rows, listHeight).map((row) => (
        <Row key={row.kind === 'group' ? `group:${row.service}` : row.scenario.id} row={row} />
      ))}
      <Box marginTop={1} height={3} overflow="hidden">
        <Text wrap="wrap">{selected?.summary ?? ''}</Text>
      </Box>
      {notice === undefined ? null : <Text color={theme.warning}>{notice}</Text>}
      <Box marginTop={1}>
        <KeyFooter bindings={state.isFiltering ? BROWSER_FILTER_KEYS : BROWSER_KEYS} />
      </Box>
    </Box>
  );
}
