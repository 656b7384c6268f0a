// The help overlay's text as styled lines (pure): what trainer is, the keys of the screen help was
// opened from, then the keys that work everywhere, all generated from the key tables.
import { GLOBAL_KEYS, keysLabel, type Binding } from '../../keymap.js';
import type { ScreenKeys } from '../../screen-keys.js';
import { line, type StyledLine } from '../../styled-line.js';

const KEY_COLUMN = 14;

function tableLines(title: string, bindings: readonly Binding<string>[]): StyledLine[] {
  const rows = bindings.filter((binding) => !binding.action.startsWith('jump-'));
  return [
    line(title, undefined, true),
    ...rows.map((binding): StyledLine => [{ text: `  ${keysLabel(binding.keys).padEnd(KEY_COLUMN)} `, tone: 'accent' }, { text: binding.description }]),
    [],
  ];
}

export function helpLines(keys: ScreenKeys): StyledLine[] {
  return [
    line(`Keys of ${keys.name}`, 'accent', true),
    line('What you are doing now comes first; the keys that work everywhere come last. Every screen names its keys on its last line.', 'muted'),
    [],
    ...keys.sections.flatMap((section) => tableLines(section.title, section.bindings)),
    ...tableLines('Everywhere', GLOBAL_KEYS),
  ];
}
