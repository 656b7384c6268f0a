// Runs a parsed command against the sandbox's world and answers both forms of its outcome: the JSON the
// AWS CLI would print (or the sim command's documented object) and the text a person reads.
import { awsErrorJson, formatAwsError, type ErrorJson } from './format-error.js';
import { formatOutput } from './format-output.js';
import { advanceSandbox } from './load-engine.js';
import type { ApiDocument } from './operation-spec.js';
import type { ParsedCommand } from './parse-result.js';
import type { ParsedAwsCommand, SandboxSession } from './sim-command-spec.js';
import { computeRetryDelayMs } from './retry-delay.js';
import type { Result } from '../result.js';

export type DispatchOutcome =
  | { readonly ok: true; readonly output: Readonly<Record<string, unknown>>; readonly text: string }
  | { readonly ok: false; readonly error: ErrorJson; readonly text: string };

/** Runs one AWS operation in the command's Region, retrying retryable errors when asked to. */
export function runAwsCommand(session: SandboxSession, command: ParsedAwsCommand, given: ApiDocument = command.request): { result: Result<ApiDocument>; retriesMade: number } {
  const profile = command.globals.profile;
  const request = command.spec.usesCaller === true && profile !== undefined ? { ...given, CallerProfile: profile } : given;
  let retriesMade = 0;
  for (;;) {
    const world = session.world;
    const result = world.inRegion(command.globals.region ?? world.region, () => command.spec.run(world, request));
    if (result.ok || !result.error.retryable || retriesMade >= command.globals.retries) return { result, retriesMade };
    advanceSandbox(session, world.nowMs + computeRetryDelayMs(world, result.error, retriesMade));
    retriesMade++;
  }
}

function dispatchAws(session: SandboxSession, command: ParsedAwsCommand): DispatchOutcome {
  const { result, retriesMade } = runAwsCommand(session, command);
  if (result.ok) return { ok: true, output: result.value, text: (command.spec.formatText ?? formatOutput)(result.value) };
  return { ok: false, error: awsErrorJson(result.error), text: formatAwsError(command.spec.operation, result.error, retriesMade) };
}

export function dispatch(session: SandboxSession, command: ParsedCommand): DispatchOutcome {
  switch (command.kind) {
    case 'empty':
      return { ok: true, output: {}, text: '' };
    case 'aws':
      return dispatchAws(session, command);
    case 'sim': {
      const result = command.spec.run(session, command.input);
      if (result.ok) return { ok: true, output: result.value.json, text: result.value.text };
      const name = `sim ${command.spec.words.join(' ')}`;
      return { ok: false, error: awsErrorJson(result.error), text: `sim: error: ${name}: (${result.error.name}) ${result.error.message}\n` };
    }
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
}
