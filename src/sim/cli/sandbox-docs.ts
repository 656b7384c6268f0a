// Renders docs/sandbox.md from the command table itself, so the reference can never disagree with the
// parser (a test compares the file with this output; `npm run docs` rewrites it).
import type { ParamSpec } from './operation-spec.js';
import { AWS_GLOBAL_FLAGS } from './parse-aws.js';
import type { CommandTable, SimCommandSpec } from './sim-command-spec.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function paramType(param: ParamSpec): string {
  if (param.choices !== undefined) return param.choices.join(' \\| ');
  if (param.type === 'boolean') return `boolean (\`${param.flag}\` / \`--no-${param.flag.slice(2)}\`)`;
  if (param.type === 'json') return param.isList === true ? 'JSON or shorthand (list)' : 'JSON or shorthand';
  if (param.type === 'blob') return 'blob (`file://PATH` or text)';
  return param.type;
}

/** `sim load --rate RATE --for DURATION [--background] ... -- AWS_COMMAND`. */
export function simSynopsis(row: SimCommandSpec): string {
  const args = row.args.map((a) => (a.required ? a.name : `[${a.name}]`));
  const flags = row.flags.map((f) => {
    const value = f.type === 'boolean' ? f.flag : `${f.flag} ${f.type.toUpperCase()}`;
    return f.required ? value : `[${value}]`;
  });
  return ['sim', ...row.words, ...args, ...flags, ...(row.takesCommand === true ? ['-- AWS_COMMAND'] : [])].join(' ');
}

function renderSimRow(row: SimCommandSpec): string[] {
  const lines = [`### \`sim ${row.words.join(' ')}\``, '', row.summary, '', '```', simSynopsis(row), '```', ''];
  const items = [
    ...row.args.map((a) => `| \`${a.name}\` | ${a.type} | ${a.required ? 'yes' : 'no'} | ${cell(a.description)} |`),
    ...row.flags.map((f) => `| \`${f.flag}\`${f.short === undefined ? '' : `, \`${f.short}\``} | ${f.type} | ${f.required ? 'yes' : 'no'} | ${cell(f.description)}${f.repeatable === true ? ' (repeatable)' : ''} |`),
  ];
  if (items.length > 0) lines.push('| Argument | Type | Required | Meaning |', '|---|---|---|---|', ...items, '');
  lines.push(`Output (\`--json\`): ${row.output}`, '', `Example: \`${row.example}\``, '');
  return lines;
}

function renderOperations(table: CommandTable): string[] {
  if (table.operations.length === 0) return ['No service has registered operations yet (see `src/sim/cli/services.ts`).', ''];
  const lines: string[] = [];
  for (const service of table.services) {
    lines.push(`### \`aws ${service}\``, '');
    for (const op of table.operations.filter((o) => o.service === service)) {
      lines.push(`#### \`aws ${service} ${op.command}\` (${op.operation})`, '', op.summary, '');
      lines.push('| Flag | API member | Type | Required | Meaning |', '|---|---|---|---|---|');
      for (const p of op.params) lines.push(`| \`${p.flag}\` | ${p.member} | ${cell(paramType(p))} | ${p.required ? 'yes' : 'no'} | ${cell(p.description)} |`);
      for (const positional of [op.positional, op.secondPositional]) {
        if (positional === undefined) continue;
        const { name, member, required, description } = positional;
        lines.push(`| \`${name.toUpperCase()}\` (positional) | ${member} | string | ${required ? 'yes' : 'no'} | ${cell(description)} |`);
      }
      lines.push('');
    }
  }
  return lines;
}

const VALUE_TYPES = [
  '| Type | Written as | Read as |',
  '|---|---|---|',
  '| duration | `500ms`, `90s`, `1h30m`, `2d` (units ms, s, m, h, d; parts add up) | milliseconds |',
  '| rate | `20/s`, `600/m`, `3600/h` | requests per second |',
  '| integer | `5` | a whole number ≥ 0 |',
  '| region | `eu-west-1` | a commercial AWS Region name |',
  '| string | any word | as written |',
];

const TRAINER_SIM = [
  '## Running a script: `trainer sim FILE|- [--json] [--seed N]`',
  '',
  'Runs every line of FILE (or stdin for `-`) in one world (seed 1 unless `--seed`), without a terminal.',
  'An error never stops the script: the next line runs, as in a shell.',
  '',
  '- Plain output is a transcript: comments are echoed, each command is printed after `$ ` and followed',
  '  by what the AWS CLI (or the sim command) prints, then a blank line. Errors are printed in place,',
  '  on stdout, so the transcript keeps its order.',
  '- `--json` prints one JSON object per command (JSON Lines; blank lines and comments print nothing):',
  '  `{"command": LINE, "ok": true|false, "time": VIRTUAL_EPOCH_MS, "output": OBJECT|null, "error": OBJECT|null}`.',
  '  For `aws` lines `output` is exactly what the AWS CLI prints with `--output json` (capacity figures',
  '  inside `ConsumedCapacity` as doubles, `3.0`) and `error` is `{"code", "status", "message"}`.',
  '  A line that cannot be parsed gives `{"code": "ParseError", "message", "line", "column"}`.',
  '  For `sim` lines `output` is the object described with each command above.',
  '- Exit code: 0, or 2 when at least one line could not be parsed (every line still runs).',
  '- Retries are off unless a line asks (`--retries N`), so every throttle is visible.',
  '',
];

export function renderSandboxDocs(table: CommandTable): string {
  return [
    '<!-- Generated from the sandbox command table by `npm run docs`; do not edit by hand. -->',
    '# Sandbox language reference',
    '',
    'Every line is an `aws ...` command (a subset of the AWS CLI v2, same names, flags and JSON) or a',
    '`sim ...` command (the sandbox\'s own verbs). `#` starts a comment; blank lines are ignored. Words',
    'follow shell rules: single quotes keep text literally, double quotes allow `\\"`, a backslash escapes',
    'the next character. See `docs/sandbox-language.md` for how it works.',
    '',
    '## Global flags of `aws` lines',
    '',
    '| Flag | Meaning |',
    '|---|---|',
    ...AWS_GLOBAL_FLAGS.map((g) => `| \`${g.flag}${g.value === undefined ? '' : ` ${g.value}`}\` | ${cell(g.description)} |`),
    '',
    'Structured values (`json` flags) accept JSON (starting with `{` or `[`), the AWS CLI shorthand',
    '(`ReadCapacityUnits=5,WriteCapacityUnits=5`, `id={S=42}`, several words for a list), or',
    '`file://path` (relative to the script\'s folder with `trainer sim`).',
    '',
    '## `aws` commands',
    '',
    ...renderOperations(table),
    '## `sim` commands',
    '',
    ...table.simCommands.flatMap(renderSimRow),
    '## Value types of `sim` arguments',
    '',
    ...VALUE_TYPES,
    '',
    ...TRAINER_SIM,
  ].join('\n');
}
