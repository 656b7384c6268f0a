// The scenario runner screen: the current step (narration, output, the question or the task), the
// sandbox prompt during a task, and the live panel the step names. It only draws the runner's state;
// its keys are routed by the app (scenario-keys.ts) and every change goes through the runner.
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { Header } from '../../components/header.js';
import { KeyFooter } from '../../components/key-footer.js';
import { ScrollView, wrapLines } from '../../components/scroll-view.js';
import { StyledLines } from '../../components/styled-lines.js';
import { useTerminalSize } from '../../components/use-terminal-size.js';
import { fitPanels, panelsFor } from '../../panels/panels.js';
import { line, type StyledLine } from '../../styled-line.js';
import { RUN_FINISHED_KEYS, RUN_QUESTION_KEYS, RUN_READING_KEYS, RUN_TASK_KEYS, withChoiceCount, type Binding } from '../../keymap.js';
import { theme } from '../../theme.js';
import type { RunScreenState } from './run-state.js';
import { currentStepEntries, predictionScore, transcriptLines } from './transcript-lines.js';

export interface RunScreenProps {
  readonly version: string;
  readonly state: RunScreenState;
  /** Why progress is not being saved, if it is not. */
  readonly notice?: string | undefined;
}

function footerBindings(state: RunScreenState): readonly Binding<string>[] {
  const { runner } = state;
  switch (runner.phase) {
    case 'working':
      return RUN_TASK_KEYS.filter((binding) => binding.action !== 'history-forward' && binding.action !== 'erase');
    case 'awaiting-answer': {
      const step = runner.scenario.steps[runner.stepIndex];
      return withChoiceCount(RUN_QUESTION_KEYS, 'answer', step?.kind === 'predict' ? step.choices.length : 2);
    }
    case 'finished':
      return RUN_FINISHED_KEYS;
    default:
      return RUN_READING_KEYS;
  }
}

/** The line under the step: the prompt during a task, else what the learner is expected to do. */
function ActionLine({ state }: { readonly state: RunScreenState }) {
  const { runner } = state;
  if (runner.phase === 'working') {
    const step = runner.scenario.steps[runner.stepIndex];
    const hintCount = step?.kind === 'task' ? step.hints.length : 0;
    return (
      <Box flexDirection="column">
        <Text wrap="truncate-start">
          <Text color={theme.accent} bold>
            sandbox&gt;{' '}
          </Text>
          {state.line}
          <Text color={theme.accent}>▏</Text>
        </Text>
        <Text color={theme.muted} wrap="truncate-end">
          Hints: {runner.hintsShown} of {hintCount} shown (Tab) · type skip to move on, retry to reset the step
        </Text>
      </Box>
    );
  }
  const text = runner.phase === 'awaiting-answer' ? 'Your prediction? Press the letter of your answer; the commands run after.' : runner.phase === 'finished' ? '' : 'Press Enter for the next step.';
  return text === '' ? null : <Text color={theme.muted}>{text}</Text>;
}

/** The score and the objectives once the scenario is finished. */
function finishedLines(state: RunScreenState): StyledLine[] {
  const { scenario, transcript } = state.runner;
  const score = predictionScore(transcript);
  return [
    line(`✓ Finished: ${scenario.title}`, 'success', true),
    line(`Predictions right: ${score.right} of ${score.asked}.`),
    [],
    line('You practised:', undefined, true),
    ...scenario.objectives.map((objective) => line(`  • ${objective}`)),
    [],
    line('Your steps are saved. Enter goes back to the list; r runs it again.', 'muted'),
  ];
}

function Finished({ state, columns, height }: BodyProps) {
  const lines = useMemo(() => finishedLines(state), [state]);
  return <ScrollView lines={lines} width={columns - 1} rows={height} />;
}

/** Panels beside the step from this width on; under it below. */
export const SIDE_BY_SIDE_MIN_COLUMNS = 100;

interface BodyProps {
  readonly state: RunScreenState;
  readonly columns: number;
  readonly height: number;
}

/** The step's scroll keys: ↑/↓ recall commands during a task. */
const keysHintOf = (state: RunScreenState): string => (state.runner.phase === 'working' ? 'PgUp/PgDn scroll' : 'PgUp/PgDn ↑/↓ scroll');

/** The step and its live panels: side by side on a wide terminal, the panels under the step otherwise. */
function Body({ state, columns, height }: BodyProps) {
  const { runner } = state;
  const panels = useMemo(() => panelsFor(runner), [runner]);
  const stepLines = useMemo(() => transcriptLines(currentStepEntries(runner.transcript)), [runner.transcript]);
  const step = (width: number, rows: number) => <ScrollView lines={stepLines} width={width} rows={rows} anchor="end" keysHint={keysHintOf(state)} />;
  if (columns >= SIDE_BY_SIDE_MIN_COLUMNS) {
    const sideWidth = Math.min(52, Math.floor(columns * 0.4));
    const stepWidth = columns - sideWidth - 3;
    return (
      <Box height={height}>
        <Box width={stepWidth} flexShrink={0} flexDirection="column">
          {step(stepWidth, height)}
        </Box>
        <Box width={sideWidth} marginLeft={2} flexShrink={0} borderStyle="single" borderTop={false} borderBottom={false} borderRight={false} paddingLeft={1} borderColor={theme.muted}>
          <StyledLines lines={fitPanels(panels, sideWidth - 3, height)} />
        </Box>
      </Box>
    );
  }
  // The step comes first: the panels take what the step leaves, between a floor and a ceiling.
  const wanted = wrapLines(stepLines, columns - 1).length;
  const panelHeight = Math.max(height < 14 ? 3 : 5, Math.min(9, height - 1 - wanted));
  return (
    <Box flexDirection="column" height={height}>
      {step(columns - 1, height - panelHeight - 1)}
      <Box flexGrow={1} />
      <Text color={theme.muted}>{'─'.repeat(Math.max(1, columns - 1))}</Text>
      <StyledLines lines={fitPanels(panels, columns - 1, panelHeight)} />
    </Box>
  );
}

export function RunScreen({ version, state, notice }: RunScreenProps) {
  const { columns, rows } = useTerminalSize();
  const { runner } = state;
  const stepCount = runner.scenario.steps.length;
  const position = runner.phase === 'finished' ? 'finished' : `step ${runner.stepIndex + 1}/${stepCount}`;
  const shownNotice = state.notice ?? notice;
  // Header 2, action 3, the notice as wrapped, footer 1: the step and its panels get the rest.
  const noticeRows = shownNotice === undefined ? 0 : wrapLines([line(shownNotice)], columns).length;
  const bodyHeight = Math.max(6, rows - 6 - noticeRows);
  return (
    <Box flexDirection="column">
      <Header version={version} title={`${position} · ${runner.scenario.title}`} />
      {runner.phase === 'finished' ? <Finished state={state} columns={columns} height={bodyHeight} /> : <Body state={state} columns={columns} height={bodyHeight} />}
      <Box marginTop={1}>
        <ActionLine state={state} />
      </Box>
      {shownNotice === undefined ? null : <Text color={theme.warning} wrap="wrap">{shownNotice}</Text>}
      <KeyFooter bindings={footerBindings(state)} />
    </Box>
  );
}
