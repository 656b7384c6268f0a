// Shown for a home entry whose feature is not built yet: it says so plainly instead of pretending.
import { Box, Text } from 'ink';
import { Header } from '../../components/header.js';
import { KeyFooter } from '../../components/key-footer.js';
import { BACK_KEYS } from '../../keymap.js';
import { theme } from '../../theme.js';
import { HOME_ENTRIES, type HomeEntryId } from '../home/home-entries.js';

export function UnavailableScreen({ version, entry }: { readonly version: string; readonly entry: HomeEntryId }) {
  const spec = HOME_ENTRIES.find((candidate) => candidate.id === entry);
  const label = spec?.label ?? entry;
  return (
    <Box flexDirection="column">
      <Header version={version} title={label} />
      <Text color={theme.warning}>{label} is not available yet.</Text>
      <Box marginY={1}>
        <Text wrap="wrap">
          Its screen is being built. Nothing you have done is lost. Press Esc to go back to the home screen.
        </Text>
      </Box>
      {spec?.plainCommand === undefined ? null : (
        <Box marginBottom={1}>
          <Text wrap="wrap">
            It already works as plain text: quit, then run <Text bold>{spec.plainCommand}</Text>.
          </Text>
        </Box>
      )}
      <KeyFooter bindings={BACK_KEYS} />
    </Box>
  );
}
