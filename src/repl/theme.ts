// Colours used by the shell. With NO_COLOR or --no-color, cli.ts sets FORCE_COLOR=0 before the shell
// loads, so chalk (and ink through it) emits no styling at all; meaning is never carried by colour
// alone (the selected row also has a ❯ marker).
export const theme = {
  accent: 'cyan',
  muted: 'gray',
  warning: 'yellow',
  error: 'red',
  success: 'green',
} as const;
