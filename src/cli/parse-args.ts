// argv → what trainer should do. Pure: the caller passes argv and the facts about the terminal, so
// every branch is tested without spawning a process.
// The suggestion helper is imported as a leaf, not through src/sim/index.ts: that would load the whole
// simulator on every start, `--version` included (see the import rules' LEAF_ENTRIES).
import { closestMatch } from '../sim/cli/suggest.js';
import { COMMANDS, GLOBAL_FLAGS, findCommand, type FlagSpec } from './command-table.js';

/** What `trainer progress ...` asks for. */
export type ProgressAction =
  | { readonly type: 'summary' }
  | { readonly type: 'path' }
  | { readonly type: 'export'; readonly file: string }
  | { readonly type: 'import'; readonly file: string };

export type Invocation =
  | { readonly kind: 'open-ui'; readonly useColor: boolean }
  /** `trainer repl` in a terminal (without one it is `run-sandbox-script` on stdin). */
  | { readonly kind: 'open-repl'; readonly useColor: boolean; readonly seed: number }
  | { readonly kind: 'progress'; readonly action: ProgressAction; readonly isJson: boolean }
  /** `given`: --yes; `ask`: ask on the terminal; `missing`: no terminal and no --yes, so refuse. */
  | { readonly kind: 'reset'; readonly confirmation: 'given' | 'ask' | 'missing' }
  | { readonly kind: 'show-help'; readonly command?: string }
  | { readonly kind: 'show-no-terminal-help' }
  | { readonly kind: 'show-version' }
  | { readonly kind: 'run-sandbox-script'; readonly source: string; readonly format: 'json' | 'transcript'; readonly seed: number }
  | { readonly kind: 'usage-error'; readonly message: string; readonly hint: string }
  | { readonly kind: 'list-scenarios'; readonly isJson: boolean }
  | { readonly kind: 'validate-scenarios'; readonly path?: string }
  /** `useShell`: a terminal without --plain/--json: the shell's runner screen opens the scenario. */
  | { readonly kind: 'run-scenario'; readonly id: string; readonly format: 'plain' | 'json'; readonly seed: number; readonly useShell: boolean }
  | { readonly kind: 'quiz'; readonly action: QuizAction; readonly output: QuizOutput };

/** What `trainer quiz | review | exam | questions` asks for. */
export type QuizAction =
  | { readonly type: 'practice'; readonly topic: string | null; readonly count: number; readonly selfRate: boolean }
  | { readonly type: 'review'; readonly count: number; readonly selfRate: boolean }
  | { readonly type: 'exam'; readonly exam: 'DVA-C02' | 'SAA-C03'; readonly isQuick: boolean; readonly seed: number | null }
  | { readonly type: 'list-questions'; readonly topic: string | null }
  | { readonly type: 'validate-questions'; readonly path: string | null };

/**
 * `json`: JSON for scripts; `plain`: text, answers on stdin; `plain-in-terminal`: a terminal without
 * --plain, where quiz, review and exam open the shell's screens (src/cli/open-learning.ts).
 */
export type QuizOutput = 'json' | 'plain' | 'plain-in-terminal';

export interface InvocationContext {
  /** True when both stdin and stdout are terminals, so the UI can be drawn and read keys. */
  readonly isInteractive: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

const HELP_HINT = 'Run "trainer --help" to see what trainer accepts.';

function usageError(message: string, candidate: string | undefined): Invocation {
  return {
    kind: 'usage-error',
    message,
    hint: candidate === undefined ? HELP_HINT : `Did you mean "${candidate}"? ${HELP_HINT}`,
  };
}

function matchFlag(token: string, flags: readonly FlagSpec[]): FlagSpec | undefined {
  return flags.find((flag) => flag.name === token || flag.short === token);
}

/** NO_COLOR (https://no-color.org): any non-empty value turns colour off. */
export function wantsColor(env: InvocationContext['env'], hasNoColorFlag: boolean): boolean {
  return !hasNoColorFlag && (env['NO_COLOR'] ?? '') === '';
}

export function parseArgs(argv: readonly string[], context: InvocationContext): Invocation {
  const seen = new Set<string>();
  const values = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token.startsWith('-') && token !== '-') {
      const command = positionals[0] === undefined ? undefined : findCommand(positionals[0]);
      const allowed = [...GLOBAL_FLAGS, ...(command?.flags ?? [])];
      const flag = matchFlag(token, allowed);
      if (flag === undefined) {
        const names = allowed.flatMap((f) => (f.short === undefined ? [f.name] : [f.name, f.short]));
        return usageError(`unknown option "${token}".`, closestMatch(token, names));
      }
      seen.add(flag.name);
      if (flag.value !== undefined) {
        const value = argv[i + 1];
        if (value === undefined) return usageError(`option "${flag.name}" needs a value (${flag.name} ${flag.value}).`, undefined);
        values.set(flag.name, value);
        i++;
      }
    } else {
      positionals.push(token);
    }
  }

  if (seen.has('--help')) return helpFor(positionals[0]);
  if (seen.has('--version')) return { kind: 'show-version' };

  const [name, ...args] = positionals;
  if (name === undefined) {
    // --plain in a terminal: what trainer can do, as plain text (every mode has its plain command).
    if (seen.has('--plain')) return { kind: 'show-help' };
    return context.isInteractive
      ? { kind: 'open-ui', useColor: wantsColor(context.env, seen.has('--no-color')) }
      : { kind: 'show-no-terminal-help' };
  }
  const command = findCommand(name);
  if (command === undefined) {
    return usageError(`unknown command "${name}".`, closestMatch(name, COMMANDS.map((c) => c.name)));
  }
  if (args.length > command.maxArgs) {
    return usageError(`"${name}" takes at most ${command.maxArgs} argument(s), got ${args.length}: ${args.join(' ')}.`, undefined);
  }
  switch (command.name) {
    case 'help':
      return helpFor(args[0]);
    case 'sim':
      return sandboxScript(args[0], seen, values);
    case 'repl':
      return replInvocation(seen, values, context);
    case 'progress':
      return progressInvocation(args, seen);
    case 'scenarios':
      return scenariosInvocation(args, seen);
    case 'run':
      return runInvocation(args[0], seen, values, context.isInteractive);
    case 'quiz':
    case 'review':
    case 'exam':
    case 'questions':
      return quizInvocation(command.name, args, seen, values, context);
    case 'reset':
      return { kind: 'reset', confirmation: seen.has('--yes') ? 'given' : context.isInteractive ? 'ask' : 'missing' };
    default:
      throw new Error(`command "${command.name}" is in the table but has no handler in parseArgs`);
  }
}

function helpFor(commandName: string | undefined): Invocation {
  if (commandName === undefined) return { kind: 'show-help' };
  if (findCommand(commandName) === undefined) {
    return usageError(`no help for "${commandName}": there is no such command.`, closestMatch(commandName, COMMANDS.map((c) => c.name)));
  }
  return { kind: 'show-help', command: commandName };
}

/** `--seed N` (default 1), or the usage error for a value that is not a whole number. */
function seedOf(values: ReadonlyMap<string, string>): number | Invocation {
  const seedText = values.get('--seed') ?? '1';
  return /^\d+$/.test(seedText) ? Number(seedText) : usageError(`"--seed" needs a whole number, got "${seedText}".`, undefined);
}

function scenariosInvocation(args: readonly string[], seen: ReadonlySet<string>): Invocation {
  const [sub, target] = args;
  if (sub === undefined) return { kind: 'list-scenarios', isJson: seen.has('--json') };
  if (sub !== 'validate') return usageError(`unknown scenarios command "${sub}": use "scenarios" or "scenarios validate [PATH]".`, closestMatch(sub, ['validate']));
  if (seen.has('--json')) return usageError('"scenarios validate" does not take --json.', undefined);
  return target === undefined ? { kind: 'validate-scenarios' } : { kind: 'validate-scenarios', path: target };
}

function runInvocation(id: string | undefined, seen: ReadonlySet<string>, values: ReadonlyMap<string, string>, isInteractive: boolean): Invocation {
  if (id === undefined) return usageError('"run" needs a scenario ID, e.g. "trainer run dynamodb/throttling-provisioned" ("trainer scenarios" lists them).', undefined);
  if (seen.has('--plain') && seen.has('--json')) return usageError('"run" takes --plain or --json, not both.', undefined);
  const seed = seedOf(values);
  if (typeof seed !== 'number') return seed;
  const format = seen.has('--json') ? 'json' : 'plain';
  return { kind: 'run-scenario', id, format, seed, useShell: isInteractive && !seen.has('--plain') && !seen.has('--json') };
}

function sandboxScript(source: string | undefined, seen: ReadonlySet<string>, values: ReadonlyMap<string, string>): Invocation {
  if (source === undefined) return usageError('"sim" needs a FILE to run (or - to read stdin).', undefined);
  const seed = seedOf(values);
  if (typeof seed !== 'number') return seed;
  return { kind: 'run-sandbox-script', source, format: seen.has('--json') ? 'json' : 'transcript', seed };
}

/** In a terminal the REPL screen; piped or with --plain, the same lines run as `trainer sim -` would run them. */
function replInvocation(seen: ReadonlySet<string>, values: ReadonlyMap<string, string>, context: InvocationContext): Invocation {
  const seed = seedOf(values);
  if (typeof seed !== 'number') return seed;
  if (!context.isInteractive || seen.has('--plain')) return { kind: 'run-sandbox-script', source: '-', format: seen.has('--json') ? 'json' : 'transcript', seed };
  return { kind: 'open-repl', useColor: wantsColor(context.env, seen.has('--no-color')), seed };
}

const PROGRESS_SUBCOMMANDS = ['export', 'import'] as const;

function progressInvocation(args: readonly string[], seen: ReadonlySet<string>): Invocation {
  const isJson = seen.has('--json');
  const [sub, file] = args;
  if (sub === undefined) return { kind: 'progress', action: { type: seen.has('--path') ? 'path' : 'summary' }, isJson };
  if (sub !== 'export' && sub !== 'import') {
    return usageError(`unknown progress command "${sub}": use "progress export FILE" or "progress import FILE".`, closestMatch(sub, PROGRESS_SUBCOMMANDS));
  }
  if (seen.has('--path')) return usageError(`"progress ${sub}" does not take --path.`, undefined);
  if (file === undefined) return usageError(`"progress ${sub}" needs a FILE, e.g. "trainer progress ${sub} progress-backup.json".`, undefined);
  return { kind: 'progress', action: { type: sub, file }, isJson };
}

function countOf(values: ReadonlyMap<string, string>, fallback: number): number | Invocation {
  const text = values.get('--count');
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 500) return usageError(`"--count" needs a whole number from 1 to 500, got "${text}".`, undefined);
  return Number(text);
}

const EXAMS = { 'dva-c02': 'DVA-C02', 'saa-c03': 'SAA-C03' } as const;

function examAction(seen: ReadonlySet<string>, values: ReadonlyMap<string, string>): QuizAction | Invocation {
  const examText = (values.get('--exam') ?? 'dva-c02').toLowerCase();
  if (examText !== 'dva-c02' && examText !== 'saa-c03') return usageError(`"--exam" is dva-c02 or saa-c03, got "${examText}".`, closestMatch(examText, Object.keys(EXAMS)));
  const seedText = values.get('--seed');
  if (seedText !== undefined && !/^\d+$/.test(seedText)) return usageError(`"--seed" needs a whole number, got "${seedText}".`, undefined);
  return { type: 'exam', exam: EXAMS[examText], isQuick: seen.has('--quick'), seed: seedText === undefined ? null : Number(seedText) };
}

function questionsAction(args: readonly string[], values: ReadonlyMap<string, string>): QuizAction | Invocation {
  const [sub, target] = args;
  if (sub === undefined) return { type: 'list-questions', topic: values.get('--topic') ?? null };
  if (sub !== 'validate') return usageError(`unknown questions command "${sub}": use "questions" or "questions validate [PATH]".`, closestMatch(sub, ['validate']));
  return { type: 'validate-questions', path: target ?? null };
}

function quizInvocation(name: string, args: readonly string[], seen: ReadonlySet<string>, values: ReadonlyMap<string, string>, context: InvocationContext): Invocation {
  if (name !== 'questions' && args.length > 0) return usageError(`"${name}" takes no arguments, got ${args.join(' ')}.`, undefined);
  const count = countOf(values, name === 'review' ? 20 : 10);
  if (typeof count !== 'number') return count;
  const action: QuizAction | Invocation =
    name === 'quiz' ? { type: 'practice', topic: values.get('--topic') ?? null, count, selfRate: seen.has('--rate') }
    : name === 'review' ? { type: 'review', count, selfRate: seen.has('--rate') }
    : name === 'exam' ? examAction(seen, values)
    : questionsAction(args, values);
  if ('kind' in action) return action;
  const output: QuizOutput = seen.has('--json') ? 'json' : seen.has('--plain') || !context.isInteractive ? 'plain' : 'plain-in-terminal';
  return { kind: 'quiz', action, output };
}
