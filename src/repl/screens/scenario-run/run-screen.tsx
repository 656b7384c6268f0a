// The scenario runner screen: the current step (narration, output, the question or the task), the
// sandbox prompt during a task, and the live panel the step names. It only draws the runner's state;
// its keys are routed by the app (scenario-keys.ts) and every change goes through the runner.
import { Box, Text } from 'ink';
import { Header } from '../../components/header.js';
import { KeyFooter } from '../../components/key-footer.js';
import { StyledLines } from '../../components/styled-lines.js';
import { useTerminalSize } from '../../components/use-terminal-size.js';
import { RUN_FINISHED_KEYS, RUN_QUESTION_KEYS, RUN_READING_KEYS, RUN_TASK_KEYS, type Binding } from '../../keymap.js';
import { theme } from '../../theme.js';
import type { RunScreenState } from './run-state.js';
import { currentStepEntries, fitLines, predictionScore, transcriptLines } from './transcript-lines.js';

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
      const count = step?.kind === 'predict' ? step.choices.length : 2;
      const letters: Binding<string> = { keys: [`a-${String.fromCharCode(96 + count)}`], action: 'answer', description: 'answer' };
      return [letters, ...RUN_QUESTION_KEYS.filter((binding) => !binding.action.startsWith('answer-'))];
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

function Finished({ state }: { readonly state: RunScreenState }) {
  const { scenario, transcript } = state.runner;
  const score = predictionScore(transcript);
  return (
    <Box flexDirection="column">
      <Text bold color={theme.success}>
        ✓ Finished: {scenario.title}
      </Text>
      <Text>
        Predictions right: {score.right} of {score.asked}.
      </Text>
      <Box flexDirection="column" marginTop={1}>
        <Text bold>You practised:</Text>
        {scenario.objectives.map((objective) => (
          <Text key={objective} wrap="wrap">
            {'  • '}
            {objective}
          </Text>
        ))}
      </Box>
      <Box marginTop={1}>
        <Text color={theme.muted}>Your steps are saved. Enter goes back to the list; r runs it again.</Text>
      </Box>
    </Box>
  );
}

export function RunScreen({ version, state, notice }: RunScreenProps) {
  const { columns, rows } = useTerminalSize();
  const { runner } = state;
  const stepCount = runner.scenario.steps.length;
  const position = runner.phase === 'finished' ? 'finished' : `step ${runner.stepIndex + 1}/${stepCount}`;
  const shownNotice = state.notice ?? notice;
  // Header 2, action 2, notice 1, footer 2: the step gets the rest.
  const bodyHeight = Math.max(4, rows - 7 - (shownNotice === undefined ? 0 : 1));
  const lines = fitLines(transcriptLines(currentStepEntries(runner.transcript)), columns - 1, bodyHeight);
  return (
    <Box flexDirection="column">
      <Header version={version} title={`${runner.scenario.title} · ${position}`} />
      {runner.phase === 'finished' ? <Finished state={state} /> : <StyledLines lines={lines} />}
      <Box marginTop={1}>
        <ActionLine state={state} />
      </Box>
      {shownNotice === undefined ? null : <Text color={theme.warning}>{shownNotice}</Text>}
      <KeyFooter bindings={footerBindings(state)} />
    </Box>
  );
}
