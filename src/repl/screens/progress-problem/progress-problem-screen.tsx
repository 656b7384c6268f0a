// Shown before anything else when the progress file could not be used. For a corrupt file (already
// moved aside, unchanged) the learner chooses: start fresh, or quit with everything left as it is.
// For a file from a newer trainer, or a lock that never came free, the only choice is to quit.
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import type { ProgressProblem } from '../../../progress/index.js';
import { Header } from '../../components/header.js';
import { KeyFooter } from '../../components/key-footer.js';
import { keyNamesOf, PROGRESS_PROBLEM_KEYS, resolveKey } from '../../keymap.js';
import { theme } from '../../theme.js';

export interface ProgressProblemScreenProps {
  readonly version: string;
  readonly problem: ProgressProblem;
  readonly onStartFresh: () => void;
  readonly onQuit: () => void;
}

const CHOICES = [
  { id: 'start-fresh', label: 'Start fresh (the file moved aside stays where it is)' },
  { id: 'quit', label: 'Quit and keep everything as it is' },
] as const;

export function ProgressProblemScreen({ version, problem, onStartFresh, onQuit }: ProgressProblemScreenProps) {
  const canStartFresh = problem.kind === 'corrupt';
  const choices = canStartFresh ? CHOICES : CHOICES.filter((choice) => choice.id === 'quit');
  const [selectedIndex, setSelectedIndex] = useState(0);
  useInput((input, key) => {
    for (const name of keyNamesOf(input, key)) {
      const action = resolveKey(PROGRESS_PROBLEM_KEYS, name);
      if (action === 'move-up') setSelectedIndex((index) => Math.max(0, index - 1));
      if (action === 'move-down') setSelectedIndex((index) => Math.min(choices.length - 1, index + 1));
      const chosen = action === 'choose' ? choices[selectedIndex]?.id : action;
      if (chosen === 'start-fresh' && canStartFresh) return onStartFresh();
      if (chosen === 'quit') return onQuit();
    }
  });
  return (
    <Box flexDirection="column">
      <Header version={version} title="Progress" />
      <Text color={theme.warning}>{problem.kind === 'corrupt' ? 'Your progress file could not be read.' : 'Your progress cannot be used.'}</Text>
      <Box marginY={1}>
        <Text wrap="wrap">{problem.message}</Text>
      </Box>
      {choices.map((choice, index) => (
        <Text key={choice.id} {...(index === selectedIndex ? { color: theme.accent, bold: true } : {})}>
          {index === selectedIndex ? '❯ ' : '  '}
          {canStartFresh ? `${index + 1}. ` : ''}
          {choice.label}
        </Text>
      ))}
      <Box marginTop={1}>
        <KeyFooter bindings={canStartFresh ? PROGRESS_PROBLEM_KEYS : PROGRESS_PROBLEM_KEYS.filter((b) => b.action === 'quit')} />
      </Box>
    </Box>
  );
}
