// Shown when a screen is asked for before the scenarios, questions and progress have been read (the
// home screen is drawn first, they load right after): it says what is coming. Keys typed meanwhile are
// kept and act, in order, once the screen opens (boot-state.ts).
import { Box, Text } from 'ink';
import { Header } from '../../components/header.js';
import { theme } from '../../theme.js';

export function LoadingScreen({ version, title }: { readonly version: string; readonly title: string }) {
  return (
    <Box flexDirection="column">
      <Header version={version} title={title} />
      <Text>Loading… {title} opens as soon as the scenarios, questions and your progress are read.</Text>
      <Box marginTop={1}>
        <Text color={theme.muted} wrap="truncate-end">
          Keys you type now act when it opens · Ctrl+C quit
        </Text>
      </Box>
    </Box>
  );
}
