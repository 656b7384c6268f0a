// The home screen: the menu of everything trainer does.
import { Box, Text } from 'ink';
import { KeyFooter } from '../../components/key-footer.js';
import { Header } from '../../components/header.js';
import { HOME_KEYS } from '../../keymap.js';
import { theme } from '../../theme.js';
import { HOME_ENTRIES } from './home-entries.js';
import { selectedEntry, type HomeState } from './home-state.js';

export interface HomeScreenProps {
  readonly version: string;
  readonly state: HomeState;
}

/** Draws the menu; its keys are routed by the app (app-keys.ts). */
export function HomeScreen({ version, state }: HomeScreenProps) {
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
      <Box marginTop={1}>
        <Text wrap="wrap">{current.description}</Text>
      </Box>
      <Box marginTop={1}>
        <KeyFooter bindings={HOME_KEYS} />
      </Box>
    </Box>
  );
}
