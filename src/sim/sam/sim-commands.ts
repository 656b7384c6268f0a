// SAM's `sim` rows: `sim sam deploy FILE` (all-or-nothing: a deploy that fails puts the world back as it
// was), `sim sam validate FILE`, `sim sam local ...` (local-commands.ts) and `sim show stack NAME`.
// Template files are read through the sandbox's injected io, as `file://` values are.
import type { SandboxSession, SimCommandSpec } from '../cli/sim-command-spec.js';
import { defineShowCommand } from '../cli/sim-show.js';
import { awsError, fail, ok, type Result } from '../result.js';
import { restoreWorld } from '../world.js';
import { deployStack } from './deploy.js';
import { SAM_LOCAL_COMMANDS } from './local-commands.js';
import { samState } from './stack-state.js';
import { cloudFormationType, deployJson, formatDeploy, formatStack, stackJson } from './stack-view.js';
import { planTemplate } from './validate.js';

/** CloudFormation's rule for stack names. */
const STACK_NAME = /^[A-Za-z][-A-Za-z0-9]{0,127}$/;

function readTemplateFile(session: SandboxSession, path: string): Result<string> {
  const read = session.io.readText(path);
  return read.ok ? ok(read.value) : fail(awsError('TemplateNotFound', 404, `Template file not found at ${path}: ${read.message}`));
}

/** `crud-api.yaml` → `crud-api`: the stack name when --stack is not given. */
export function defaultStackName(path: string): string {
  const base = (path.split('/').pop() ?? path).replace(/\.(ya?ml|json)$/i, '').replace(/[^-A-Za-z0-9]/g, '-');
  return /^[A-Za-z]/.test(base) ? base : `stack-${base}`;
}

/**
 * `--parameter-overrides` values: `Key=Value` or the CLI's `ParameterKey=Key,ParameterValue=Value`,
 * several in one quoted word or in repeated flags.
 */
export function parseOverrides(text: string | undefined): Result<Record<string, string>> {
  const overrides: Record<string, string> = {};
  for (const item of (text ?? '').split(/\s+/).filter((part) => part !== '')) {
    const long = /^ParameterKey=([^,]+),ParameterValue=(.*)$/.exec(item);
    const short = /^([A-Za-z0-9]+)=(.*)$/.exec(item);
    const match = long ?? short;
    if (match === null) return fail(awsError('ValidationError', 400, `--parameter-overrides: expected Key=Value or ParameterKey=Key,ParameterValue=Value, got '${item}'`));
    overrides[match[1]!] = match[2]!;
  }
  return ok(overrides);
}

const FILE_ARG = { name: 'FILE', type: 'string', required: true, description: 'The SAM template (YAML), e.g. template.yaml.' } as const;
const OVERRIDES_FLAG = { flag: '--parameter-overrides', repeatable: true, type: 'string', required: false, description: "Parameter values: 'Key=Value' (several in one quoted word, or repeat the flag)." } as const;

const deployRow: SimCommandSpec = {
  words: ['sam', 'deploy'],
  args: [FILE_ARG],
  flags: [{ flag: '--stack', type: 'string', required: false, description: "The stack name (default: the file's name); deploying again updates it." }, OVERRIDES_FLAG],
  summary: 'Deploys a SAM template: creates (or updates) what it declares and prints the stack events.',
  example: "sim sam deploy crud-api.yaml --stack orders --parameter-overrides 'Stage=prod'",
  output: '`{stackName, stackId, status, events: [{logicalId, type, physicalId, status}], outputs, notes}`.',
  run: (session, input) => {
    const file = input.args['FILE'] as string;
    const stackName = (input.flags['stack'] as string | undefined) ?? defaultStackName(file);
    if (!STACK_NAME.test(stackName)) return fail(awsError('ValidationError', 400, `1 validation error detected: Value '${stackName}' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*`));
    const text = readTemplateFile(session, file);
    if (!text.ok) return text;
    const overrides = parseOverrides(input.flags['parameter-overrides'] as string | undefined);
    if (!overrides.ok) return overrides;
    const before = session.world.snapshot();
    const report = deployStack(session.world, { file, text: text.value, stackName, overrides: overrides.value });
    if (!report.ok) {
      session.world = restoreWorld(before);
      return report;
    }
    return ok({ json: deployJson(report.value), text: formatDeploy(report.value) });
  },
};

const validateRow: SimCommandSpec = {
  words: ['sam', 'validate'],
  args: [FILE_ARG],
  flags: [OVERRIDES_FLAG],
  summary: 'Checks a SAM template as a deploy would, without creating anything.',
  example: 'sim sam validate crud-api.yaml',
  output: '`{file, valid: true, resources: [{logicalId, type}]}` in creation order; problems are a ValidationError naming line:column.',
  run: (session, input) => {
    const file = input.args['FILE'] as string;
    const text = readTemplateFile(session, file);
    if (!text.ok) return text;
    const overrides = parseOverrides(input.flags['parameter-overrides'] as string | undefined);
    if (!overrides.ok) return overrides;
    const world = session.world;
    const plan = planTemplate(text.value, { file, stackName: defaultStackName(file), overrides: overrides.value, region: world.region, accountId: world.accountId });
    if (!plan.ok) return plan;
    const resources = plan.value.resources.map((r) => ({ logicalId: r.logicalId, type: r.type }));
    const lines = resources.map((r) => `  ${r.logicalId} (${r.type} → ${cloudFormationType(r.type)})`);
    return ok({ json: { file, valid: true, resources }, text: `${file} is a valid SAM Template\n${lines.join('\n')}\n` });
  },
};

const showRow = defineShowCommand({
  subject: 'stack',
  nameArg: 'STACK_NAME',
  summary: "Shows a deployed stack: each resource's physical id and status, what SAM generated for it, and the Outputs.",
  example: 'sim show stack orders',
  output: '`{stackName, stackId, status, file, resources: [{logicalId, type, physicalId, status, attributes, generated, aliasVersion?, apiKey?}], outputs}`.',
  show: (session, name) => {
    const stack = samState(session.world).stacks[name];
    if (stack === undefined) return fail(awsError('ValidationError', 400, `Stack with id ${name} does not exist`));
    return ok({ json: stackJson(stack), text: formatStack(stack) });
  },
});

export const SAM_SIM_COMMANDS: readonly SimCommandSpec[] = [deployRow, validateRow, ...SAM_LOCAL_COMMANDS, showRow];
