// `sim show <subject> <name>`: the generic way services add a panel-like view of one resource
// (`sim show table Orders`). Each subject is an ordinary sim row with words ['show', subject], so the
// parser suggests the nearest subject for a typo and docs/sandbox.md lists every subject.
import type { SandboxSession, SimCommandSpec, SimOutput } from './sim-command-spec.js';
import type { Result } from '../result.js';

export interface ShowSubject {
  /** The word after `show`, e.g. `table`. */
  readonly subject: string;
  /** The placeholder for the resource's name in help, e.g. `TABLE_NAME`. */
  readonly nameArg: string;
  readonly summary: string;
  readonly example: string;
  /** The JSON object it answers, described for docs. */
  readonly output: string;
  readonly show: (session: SandboxSession, name: string) => Result<SimOutput>;
}

export function defineShowCommand(subject: ShowSubject): SimCommandSpec {
  return {
    words: ['show', subject.subject],
    args: [{ name: subject.nameArg, type: 'string', required: true, description: `The ${subject.subject} to show.` }],
    flags: [],
    summary: subject.summary,
    example: subject.example,
    output: subject.output,
    run: (session, input) => subject.show(session, input.args[subject.nameArg] as string),
  };
}
