// The help screen: what trainer is, and every key, generated from the keymap.
import { Box, Text } from 'ink';
import { Header } from '../../components/header.js';
import { KeyFooter } from '../../components/key-footer.js';
import { BACK_KEYS, HOME_KEYS, type Binding } from '../../keymap.js';
import { theme } from '../../theme.js';

function KeyTable({ title, bindings }: { readonly title: string; readonly bindings: readonly Binding<string>[] }) {
  const rows = bindings.filter((binding) => !binding.action.startsWith('jump-'));
  return (
    <Box flexDirection="column" marginBottom={1}>
      <Text bold>{title}</Text>
      {rows.map((binding) => (
        <Text key={binding.action}>
          {'  '}
          <Text color={theme.accent}>{binding.keys.join(', ').padEnd(18)}</Text>
          {binding.description}
        </Text>
      ))}
    </Box>
  );
}

export function HelpScreen({ version }: { readonly version: string }) {
  return (
    <Box flexDirection="column">
      <Header version={version} title="Help" />
      <Box marginBottom={1}>
        <Text wrap="wrap">
          trainer runs AWS serverless scenarios on a small, deterministic simulator of AWS. Before each
          interesting step you predict what AWS will do; then you watch it happen. Every screen shows its
          keys on its last line; in a scenario, a-f answer, Tab gives a hint during a task, Esc leaves.
        </Text>
      </Box>
      <KeyTable title="On the home screen" bindings={[...HOME_KEYS, { keys: ['1-8'], action: 'jump', description: 'open an entry by its number' }]} />
      <KeyTable title="On other screens" bindings={BACK_KEYS} />
      <KeyFooter bindings={BACK_KEYS} />
    </Box>
  );
}
