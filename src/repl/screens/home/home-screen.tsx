// The home screen: the menu of everything trainer does, and what the learner has going (the scenario
// to continue, reviews due, the streak) once their progress has been read.
import { Box, Text } from 'ink';
import { KeyFooter } from '../../components/key-footer.js';
import { Header } from '../../components/header.js';
import { HOME_KEYS } from '../../keymap.js';
import { theme } from '../../theme.js';
import { HOME_ENTRIES } from './home-entries.js';
import { selectedEntry, type HomeState } from './home-state.js';
import type { HomeSummary } from './home-summary.js';

export interface HomeScreenProps {
  readonly version: string;
  readonly state: HomeState;
  /** Undefined while progress is still being read (the first frame comes before it). */
  readonly summary?: HomeSummary | undefined;
}

/** `c` is shown on the Continue line itself, which keeps the footer within 60 columns. */
const FOOTER_KEYS = HOME_KEYS.filter((binding) => binding.action !== 'continue');

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

function SummaryLines({ summary }: { readonly summary: HomeSummary | undefined }) {
  if (summary === undefined) return <Text color={theme.muted}>Reading your progress…</Text>;
  const { continueWith } = summary;
  return (
    <>
      {continueWith === undefined ? null : (
        <Text wrap="truncate-middle">
          Continue: <Text bold>{continueWith.title}</Text> — step {continueWith.step}/{continueWith.stepCount} <Text color={theme.muted}>(c)</Text>
        </Text>
      )}
      <Text>Reviews due today: {summary.reviewsDue}</Text>
      <Text>Streak: {plural(summary.streakDays, 'day')}</Text>
    </>
  );
}

/** Draws the menu; its keys are routed by the app (app-keys.ts). */
export function HomeScreen({ version, state, summary }: HomeScreenProps) {
  const current = selectedEntry(state);
  return (
    <Box flexDirection="column">
      <Header version={version} />
      {HOME_ENTRIES.map((entry, index) => {
        const isSelected = index === state.selectedIndex;
        return (
          <Text key={entry.id} {...(isSelected ? { color: theme.accent, bold: true } : {})} wrap="truncate-end">
            {isSelected ? '❯ ' : '  '}
            {index + 1}. {entry.label}
            {entry.isAvailable ? '' : <Text color={theme.muted}> (coming soon)</Text>}
          </Text>
        );
      })}
      <Box marginTop={1} flexDirection="column">
        <SummaryLines summary={summary} />
      </Box>
      <Box marginTop={1}>
        <Text wrap="wrap">{current.description}</Text>
      </Box>
      <Box marginTop={1}>
        <KeyFooter bindings={FOOTER_KEYS} />
      </Box>
    </Box>
  );
}
