// Help text for trainer's own command line, generated from the command table.
import { COMMANDS, GLOBAL_FLAGS, type CommandSpec, type FlagSpec } from './command-table.js';

function flagLabel(flag: FlagSpec): string {
  const name = flag.value === undefined ? flag.name : `${flag.name} ${flag.value}`;
  return flag.short === undefined ? `    ${name}` : `${flag.short}, ${name}`;
}

function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

export function generalHelp(version: string): string {
  return [
    `trainer ${version}: understand AWS serverless behaviour before the exam.`,
    '',
    'Usage:',
    '  trainer                 open the trainer (needs an interactive terminal)',
    ...COMMANDS.map((command) => `  trainer ${command.synopsis}`),
    '',
    'Commands:',
    ...table(COMMANDS.map((command) => [command.name, command.summary])),
    '',
    'Options:',
    ...table(GLOBAL_FLAGS.map((flag) => [flagLabel(flag), flag.summary])),
    '',
    'Environment:',
    ...table([
      ['NO_COLOR', 'set to anything to turn colour off'],
      ['TRAINER_HOME', 'folder for your progress (default: $XDG_DATA_HOME/trainer, else ~/.local/share/trainer)'],
    ]),
    '',
  ].join('\n');
}

export function commandHelp(command: CommandSpec): string {
  const lines = [`Usage: trainer ${command.synopsis}`, '', command.summary, ''];
  if (command.flags.length > 0) {
    lines.push('Options:', ...table(command.flags.map((flag) => [flagLabel(flag), flag.summary])), '');
  }
  return lines.join('\n');
}

/** What a piped or CI run of bare `trainer` prints: why nothing is drawn, then the usual help. */
export function noTerminalHelp(version: string): string {
  return [
    'trainer draws its screens in an interactive terminal, and this is not one (input or output is piped).',
    'Run `trainer` in a terminal to open it. Meanwhile, this is what it can do:',
    '',
    generalHelp(version),
  ].join('\n');
}
