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
  { name: '--plain', summary: 'Plain text on stdin/stdout even in a terminal, as without one (trainer --plain: this help)' },
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
    name: 'repl',
    synopsis: 'repl [--seed N] [--json] [--plain]',
    summary: 'The sandbox REPL: type aws and sim commands against a free simulated world (without a terminal, or with --plain: like "sim -")',
    flags: [
      { name: '--seed', value: 'N', summary: 'Seed of the simulated world (default 1)' },
      { name: '--json', summary: 'Without a terminal: print one JSON object per command, as "sim - --json" does' },
    ],
    maxArgs: 0,
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
  {
    name: 'quiz',
    synopsis: 'quiz [--topic T] [--count N] [--rate] [--plain] [--json]',
    summary: 'Practise questions with feedback after each answer (answers on stdin in plain mode)',
    flags: [
      { name: '--topic', value: 'T', summary: 'Only questions of this topic (see "trainer questions")' },
      { name: '--count', value: 'N', summary: 'How many questions (default 10)' },
      { name: '--rate', summary: 'After each answer, rate your recall yourself (1 again, 2 hard, 3 good, 4 easy; Enter keeps the rating from your answer)' },
      { name: '--plain', summary: 'Plain text: questions on stdout, answers line by line on stdin (no terminal needed)' },
      { name: '--json', summary: 'Like --plain, but print one JSON object per question and result' },
    ],
    maxArgs: 0,
  },
  {
    name: 'review',
    synopsis: 'review [--count N] [--rate] [--plain] [--json]',
    summary: 'Review the questions that are due (FSRS spaced repetition)',
    flags: [
      { name: '--count', value: 'N', summary: 'At most this many due questions (default 20)' },
      { name: '--rate', summary: 'Rate your recall yourself after each answer (see "trainer quiz --help")' },
      { name: '--plain', summary: 'Plain text: answers line by line on stdin' },
      { name: '--json', summary: 'One JSON object per question and result' },
    ],
    maxArgs: 0,
  },
  {
    name: 'exam',
    synopsis: 'exam [--exam dva-c02|saa-c03] [--quick] [--seed N] [--plain] [--json]',
    summary: 'A timed mock exam in the real format, scored at the end with a per-domain report',
    flags: [
      { name: '--exam', value: 'dva-c02|saa-c03', summary: 'Which exam (default dva-c02)' },
      { name: '--quick', summary: 'A short exam: 20 questions in 40 minutes' },
      { name: '--seed', value: 'N', summary: 'Pick the questions with this seed (default: from the clock)' },
      { name: '--plain', summary: 'Plain text: answers line by line on stdin; no feedback until the end' },
      { name: '--json', summary: 'One JSON object per question, and the result' },
    ],
    maxArgs: 0,
  },
  {
    name: 'questions',
    synopsis: 'questions [--topic T] [--json] | questions validate [PATH]',
    summary: 'List the question bank, or check question files (yours in $TRAINER_HOME/questions, or PATH)',
    flags: [
      { name: '--topic', value: 'T', summary: 'Only questions of this topic' },
      { name: '--json', summary: 'Print JSON for scripts instead of a table' },
    ],
    maxArgs: 2,
  },
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((command) => command.name === name);
}
