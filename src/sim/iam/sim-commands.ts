// IAM's `sim` row: a policy-simulator question answered for a role in the world, with the statement
// that decided and a plain explanation (the IAM policy simulator's idea, in the sandbox's words).
import { stringifyAwsJson } from '../cli/format-output.js';
import type { SimCommandSpec } from '../cli/sim-command-spec.js';
import { ok, validationError, fail } from '../result.js';
import { simulateForSandbox } from './simulate.js';

/** `aws:SourceIp=10.0.0.1,aws:username=alice` → a context map; undefined when malformed. */
function parseContext(text: string): Record<string, string> | undefined {
  const context: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const at = pair.indexOf('=');
    if (at <= 0) return undefined;
    context[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return context;
}

export const IAM_SIM_COMMANDS: readonly SimCommandSpec[] = [
  {
    words: ['iam', 'simulate'],
    args: [],
    flags: [
      { flag: '--principal', type: 'string', required: true, description: 'A role name, role ARN or assumed-role session ARN.' },
      { flag: '--action', type: 'string', required: true, description: 'The action to test, e.g. dynamodb:PutItem.' },
      { flag: '--resource', type: 'string', required: true, description: 'The resource ARN to test.' },
      { flag: '--context', type: 'string', required: false, description: 'Context keys as key=value pairs separated by commas.' },
    ],
    summary: 'Asks whether a role may perform an action on a resource, and which statement decided (IAM-01..04).',
    example: 'sim iam simulate --principal app-role --action dynamodb:PutItem --resource arn:aws:dynamodb:us-east-1:123456789012:table/Orders',
    output: '`{Principal, Action, Resource, Decision, DecidingStatements, Explanation, MissingContextValues}`.',
    run: (session, input) => {
      const contextText = input.flags['context'];
      const context = typeof contextText === 'string' ? parseContext(contextText) : {};
      if (context === undefined) return fail(validationError(`--context must be key=value pairs separated by commas, got "${String(contextText)}".`));
      const decision = simulateForSandbox(session.world, {
        principal: input.flags['principal'] as string,
        action: input.flags['action'] as string,
        resource: input.flags['resource'] as string,
        context,
      });
      return decision.ok ? ok({ json: decision.value, text: `${stringifyAwsJson(decision.value, 2)}\n` }) : decision;
    },
  },
];
