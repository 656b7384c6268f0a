// The product line at the top of every screen; one row, cut at the terminal's edge.
import { Box, Text } from 'ink';
import { theme } from '../theme.js';

export function Header({ version, title }: { readonly version: string; readonly title?: string }) {
  return (
    <Box marginBottom={1}>
      <Text wrap="truncate-end">
        <Text bold color={theme.accent}>
          trainer
        </Text>
        <Text color={theme.muted}> {version} · AWS serverless exam trainer</Text>
        {title === undefined ? null : <Text bold> · {title}</Text>}
      </Text>
    </Box>
  );
}
