// `sim help [TOPIC]`: help inside the sandbox, generated from the same command table as the parser and
// docs/sandbox.md. TOPIC is a sim command word (`load`, `clock`), an aws service (`dynamodb`) or an aws
// command (`put-item`).
import type { OperationSpec } from './operation-spec.js';
import { simSynopsis } from './sandbox-docs.js';
import type { CommandTable, SandboxSession, SimCommandSpec, SimOutput } from './sim-command-spec.js';
import { closestMatches } from './suggest.js';
import { awsError, fail, ok, type Result } from '../result.js';

function table(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}\n`).join('');
}

function overview(commands: CommandTable): string {
  const services = commands.services.map((service) => {
    const names = commands.operations.filter((op) => op.service === service).map((op) => op.command);
    return [`aws ${service}`, names.join(', ')] as const;
  });
  return (
    'Sandbox commands (sim help TOPIC for one of them):\n' +
    table(commands.simCommands.map((row) => [`sim ${row.words.join(' ')}`, row.summary])) +
    (services.length === 0 ? 'No aws service is registered yet.\n' : `AWS CLI commands:\n${table(services)}`)
  );
}

function simRowHelp(row: SimCommandSpec): string {
  const options = [...row.args.map((a) => [a.name, a.description] as const), ...row.flags.map((f) => [f.flag, f.description] as const)];
  return `${simSynopsis(row)}\n  ${row.summary}\n${table(options)}  e.g. ${row.example}\n`;
}

function operationHelp(op: OperationSpec): string {
  const flags = op.params.map((p) => [`${p.flag}${p.required ? '' : ' (optional)'}`, p.description] as const);
  return `aws ${op.service} ${op.command}  (${op.operation})\n  ${op.summary}\n${table(flags)}`;
}

function topics(commands: CommandTable): string[] {
  return [...new Set([...commands.simCommands.map((row) => row.words[0]!), ...commands.services, ...commands.operations.map((op) => op.command)])];
}

export function showHelp(session: SandboxSession, topic: string | undefined): Result<SimOutput> {
  const commands = session.table;
  if (topic === undefined) return ok({ json: { topic: null, topics: topics(commands) }, text: overview(commands) });
  const rows = commands.simCommands.filter((row) => row.words[0] === topic);
  const ops = commands.operations.filter((op) => op.service === topic || op.command === topic);
  if (rows.length === 0 && ops.length === 0) {
    const near = closestMatches(topic, topics(commands));
    const hint = near.length === 0 ? 'run sim help to see every topic' : `maybe you meant: ${near.join(', ')}`;
    return fail(awsError('UnknownHelpTopic', 400, `no help for '${topic}': ${hint}`));
  }
  const text = [...rows.map(simRowHelp), ...ops.map(operationHelp)].join('\n');
  return ok({ json: { topic, topics: [...rows.map((r) => `sim ${r.words.join(' ')}`), ...ops.map((o) => `aws ${o.service} ${o.command}`)] }, text });
}

export const SIM_HELP_COMMAND: SimCommandSpec = {
  words: ['help'],
  args: [{ name: 'TOPIC', type: 'string', required: false, description: 'A sim command (load), an aws service (dynamodb) or an aws command (put-item).' }],
  flags: [],
  summary: 'Lists what the sandbox understands, or explains one command.',
  example: 'sim help load',
  output: '`{topic, topics}`: the topic asked for (null for the overview) and the commands shown.',
  run: (session, input) => showHelp(session, input.args['TOPIC'] as string | undefined),
};
