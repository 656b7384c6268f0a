// The help overlay: the keys of the screen it was opened from, then the global keys, generated from
// the key tables (help-lines.ts); it scrolls when taller than the terminal. Esc goes back to that screen.
import { Box } from 'ink';
import { useMemo } from 'react';
import { Header } from '../../components/header.js';
import { KeyFooter } from '../../components/key-footer.js';
import { ScrollView } from '../../components/scroll-view.js';
import { useTerminalSize } from '../../components/use-terminal-size.js';
import { HELP_KEYS } from '../../keymap.js';
import type { ScreenKeys } from '../../screen-keys.js';
import { helpLines } from './help-lines.js';

/** Header (2 rows), the footer and the margin above it. */
const FRAME_ROWS = 4;

export function HelpScreen({ version, keys }: { readonly version: string; readonly keys: ScreenKeys }) {
  const { columns, rows } = useTerminalSize();
  const lines = useMemo(() => helpLines(keys), [keys]);
  return (
    <Box flexDirection="column">
      <Header version={version} title="Help" />
      <ScrollView lines={lines} width={columns - 1} rows={Math.max(3, rows - FRAME_ROWS)} />
      <Box marginTop={1}>
        <KeyFooter bindings={HELP_KEYS} />
      </Box>
    </Box>
  );
}
