// Draws styled lines (segments with bold and a tone) computed by a pure view model.
import { Box, Text } from 'ink';
import type { StyledLine } from '../styled-line.js';
import { theme } from '../theme.js';

export function StyledLines({ lines }: { readonly lines: readonly StyledLine[] }) {
  return (
    <Box flexDirection="column">
      {lines.map((line, row) => (
        // Lines are redrawn as a whole list each frame; their position is their identity.
        <Text key={row} wrap="truncate-end">
          {line.length === 0
            ? ' '
            : line.map((segment, index) => (
                <Text key={index} bold={segment.isBold === true} {...(segment.tone === undefined ? {} : { color: theme[segment.tone] })}>
                  {segment.text}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  );
}
