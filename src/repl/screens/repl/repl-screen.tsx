// The sandbox REPL: a free world (its seed and virtual time on the status line), the output log that
// scrolls with PgUp/PgDn, the candidates a second Tab lists, progress while long work runs, and the
// prompt. Keys are routed by the app (app-keys.ts → repl-keys.ts); this file draws and runs effects.
import { Box, Text } from 'ink';
import { memo, useMemo } from 'react';
import type { AppAction, AppState } from '../../app-state.js';
import { Header } from '../../components/header.js';
import { KeyFooter } from '../../components/key-footer.js';
import { theme } from '../../theme.js';
import { PROGRESS_BAR_CELLS, progressShown } from './job-progress.js';
import { wrapRows, type LogKind, type LogLine } from './log-lines.js';
import { REPL_KEYS } from './repl-keys.js';
import type { ReplState } from './repl-state.js';
import { useSandboxRunner } from './use-sandbox-runner.js';
import { useTerminalSize } from './use-terminal-size.js';

export interface ReplScreenProps {
  readonly version: string;
  readonly state: ReplState;
  readonly send: (action: AppAction) => void;
  readonly getState: () => AppState;
  readonly historyDir?: string;
}

const STYLES: Readonly<Record<LogKind, { color?: string; bold?: boolean }>> = {
  command: { bold: true },
  output: {},
  error: { color: theme.error },
  suggestion: { color: theme.warning },
  notice: { color: theme.muted },
};

const LogRow = memo(function LogRow({ line }: { readonly line: LogLine }) {
  return (
    <Text {...STYLES[line.kind]} wrap="truncate-end">
      {line.text === '' ? ' ' : line.text}
    </Text>
  );
});

/** Rows above and below the log: header (2), status, prompt, footer, and a spare row against scrolling. */
const CHROME_ROWS = 6;

/** The log rows that fit the screen, given all rows wrapped to the terminal's width. */
export function visibleRows(state: ReplState, all: readonly LogLine[], rows: number): { readonly shown: readonly LogLine[]; readonly hiddenBelow: number } {
  const extra = (state.candidates === null ? 0 : 1) + (state.job === null ? 0 : 1);
  const height = Math.max(3, rows - CHROME_ROWS - extra);
  const scrollBack = Math.min(state.scrollBack, Math.max(0, all.length - height));
  const end = all.length - scrollBack;
  return { shown: all.slice(Math.max(0, end - height), end), hiddenBelow: scrollBack };
}

function Prompt({ state }: { readonly state: ReplState }) {
  const { input, cursor } = state;
  const under = input[cursor] ?? ' ';
  return (
    <Text wrap="truncate-start">
      <Text color={theme.accent}>sandbox› </Text>
      {input.slice(0, cursor)}
      <Text inverse>{under}</Text>
      {input.slice(cursor + 1)}
    </Text>
  );
}

function JobLine({ job }: { readonly job: NonNullable<ReplState['job']> }) {
  const { filledCells, percent } = progressShown(job.fraction);
  const bar = `${'█'.repeat(filledCells)}${'░'.repeat(PROGRESS_BAR_CELLS - filledCells)}`;
  const what = job.isCancelling ? 'stopping…' : `${percent}%  Ctrl+C stops it`;
  return (
    <Text color={theme.accent} wrap="truncate-end">
      ⏳ {bar} {what} · {job.line}
    </Text>
  );
}

export function ReplScreen({ version, state, send, getState, historyDir }: ReplScreenProps) {
  useSandboxRunner({ state, send, getState: () => getState().repl, ...(historyDir === undefined ? {} : { historyDir }) });
  const { rows, columns } = useTerminalSize();
  // Wrapping the whole log is the costly part of a frame: done again only when the log or width changes.
  const all = useMemo(() => wrapRows(state.log, columns), [state.log, columns]);
  const { shown, hiddenBelow } = visibleRows(state, all, rows);
  const time = new Date(state.timeMs).toISOString();
  const more = hiddenBelow > 0 ? ` · ${hiddenBelow} newer line(s) below (PgDn)` : '';
  return (
    <Box flexDirection="column">
      <Header version={version} title="Sandbox" />
      <Text color={theme.muted} wrap="truncate-end">
        seed {state.seed} · {time} (virtual){more}
      </Text>
      {shown.map((line, index) => (
        <LogRow key={index} line={line} />
      ))}
      {state.candidates === null ? null : <Text color={theme.accent} wrap="truncate-end">{state.candidates.join('  ')}</Text>}
      {state.job === null ? null : <JobLine job={state.job} />}
      <Prompt state={state} />
      {/* Ctrl+C is named while it stops work; otherwise it quits, as everywhere (help says so). */}
      <KeyFooter bindings={REPL_KEYS.filter((binding) => binding.short !== undefined && (binding.action !== 'interrupt' || state.job !== null))} />
    </Box>
  );
}
