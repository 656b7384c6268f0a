// The home screen: the menu of everything trainer does.
import { Box, Text } from 'ink';
import { KeyFooter } from '../../components/key-footer.js';
import { Header } from '../../components/header.js';
import { HOME_KEYS } from '../../keymap.js';
import { theme } from '../../theme.js';
import { HOME_ENTRIES, type HomeEntryId } from './home-entries.js';
import { selectedEntry, type HomeAction, type HomeState } from './home-state.js';
import { useHomeKeys } from './use-home-keys.js';

export interface HomeScreenProps {
  readonly version: string;
  readonly state: HomeState;
  readonly dispatch: (action: HomeAction) => void;
  readonly onChoose: (entry: HomeEntryId) => void;
  readonly isActive?: boolean;
}

export function HomeScreen({ version, state, dispatch, onChoose, isActive = true }: HomeScreenProps) {
  useHomeKeys(state, dispatch, onChoose, isActive);
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
