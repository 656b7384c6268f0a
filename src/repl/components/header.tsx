// The product line at the top of every screen.
import { Box, Text } from 'ink';
import { theme } from '../theme.js';

export function Header({ version, title }: { readonly version: string; readonly title?: string }) {
  return (
    <Box marginBottom={1}>
      <Text bold color={theme.accent}>
        trainer
      </Text>
      <Text color={theme.muted}> {version} · AWS serverless exam trainer</Text>
      {title === undefined ? null : <Text bold> · {title}</Text>}
    </Box>
  );
}
