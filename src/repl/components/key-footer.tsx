// The one-line key reminder at the bottom of every screen, generated from the keymap.
import { Text } from 'ink';
import { describeBindings, type Binding } from '../keymap.js';
import { theme } from '../theme.js';
import { useTerminalSize } from './use-terminal-size.js';

export function KeyFooter({ bindings }: { readonly bindings: readonly Binding<string>[] }) {
  const { columns } = useTerminalSize();
  return (
    <Text color={theme.muted} wrap="truncate-end">
      {describeBindings(bindings, columns - 1)}
    </Text>
  );
}
