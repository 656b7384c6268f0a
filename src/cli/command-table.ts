// The one table of trainer's own command line: the argv parser, `--help` and the typo suggestions are
// all generated from it, so a command cannot exist without its help text (STYLE.md, "one table").

export interface FlagSpec {
  /** Long name with its dashes, e.g. `--version`. */
  readonly name: string;
  /** Optional one-letter alias, e.g. `-v`. */
  readonly short?: string;
  /** One line for `--help`. */
  readonly summary: string;
  /** For flags that take a value: its placeholder in help, e.g. `N` for `--seed N`. */
  readonly value?: string;
}

export interface CommandSpec {
  readonly name: string;
  /** The synopsis shown by `--help`, without the leading `trainer`. */
  readonly synopsis: string;
  readonly summary: string;
  /** Flags this command accepts besides the global ones. */
  readonly flags: readonly FlagSpec[];
  /** How many positional arguments it takes at most. */
  readonly maxArgs: number;
}

export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: '--help', short: '-h', summary: 'Show this help (or `trainer help COMMAND` for one command)' },
  { name: '--version', short: '-v', summary: 'Print the version and exit' },
  { name: '--no-color', summary: 'Draw without colour (the NO_COLOR environment variable does the same)' },
];

/** Subcommands that exist today. Later features add their rows here and nowhere else. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'help',
    synopsis: 'help [COMMAND]',
    summary: 'Show help for trainer or for one command',
    flags: [],
    maxArgs: 1,
  },
  {
    name: 'sim',
    synopsis: 'sim FILE|- [--json] [--seed N]',
    summary: 'Run sandbox lines (aws ..., sim ...) from a file, or stdin with -, without a terminal',
    flags: [
      { name: '--json', summary: 'Print one JSON object per command (JSON Lines) instead of a transcript' },
      { name: '--seed', value: 'N', summary: 'Seed of the simulated world (default 1); same seed and lines, same output' },
    ],
    maxArgs: 1,
  },
  {
    name: 'scenarios',
    synopsis: 'scenarios [--json] | scenarios validate [PATH]',
    summary: 'List the scenarios with your status, or check scenario files (the library and your packs, or PATH)',
    flags: [{ name: '--json', summary: 'Print JSON for scripts instead of a table' }],
    maxArgs: 2,
  },
  {
    name: 'run',
    synopsis: 'run ID [--plain | --json] [--seed N]',
    summary: 'Run a scenario; --plain reads answers and commands line by line from stdin (no terminal needed)',
    flags: [
      { name: '--plain', summary: 'Plain text: narration, outputs and questions; answers and commands read from stdin' },
      { name: '--json', summary: 'One JSON object per line (transcript entries, runner events, prompts); input as with --plain' },
      { name: '--seed', value: 'N', summary: 'Seed of the scenario world (default 1)' },
    ],
    maxArgs: 1,
  },
  {
    name: 'progress',
    synopsis: 'progress [--json] [--path] | progress export FILE | progress import FILE',
    summary: 'Show your progress, where it is kept, or copy it to or from a file (import merges, never drops)',
    flags: [
      { name: '--json', summary: 'Print JSON for scripts instead of text' },
      { name: '--path', summary: 'Print the folder where progress is kept' },
    ],
    maxArgs: 2,
  },
  {
    name: 'reset',
    synopsis: 'reset [--yes]',
    summary: 'Start fresh: keep a backup of your progress, then clear it (asks first)',
    flags: [{ name: '--yes', short: '-y', summary: 'Do not ask for confirmation' }],
    maxArgs: 0,
  },
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((command) => command.name === name);
}
