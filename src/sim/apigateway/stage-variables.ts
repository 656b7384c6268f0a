// Stage variables: the rules a stage's variables (and a canary's overrides) must follow, and reading
// them from a request. APIGW-03: at most 100 per stage, a name of at most 64 characters, a value of at
// most 512. The character sets come from the API reference (Stage `variables`: names of letters,
// digits and underscores; values from `A-Za-z0-9-._~:/?#&=,`;
// https://docs.aws.amazon.com/apigateway/latest/api/API_CreateStage.html). AWS's exact error wording
// for a broken rule is not on record: the messages below are the simulator's, with AWS's error name.
import type { AwsError } from '../result.js';
import { STAGE_VARIABLE_KEY_MAX_CHARS, STAGE_VARIABLE_VALUE_MAX_CHARS, STAGE_VARIABLES_MAX } from './limits.js';
import { badRequest } from './rest-api.js';

const NAME = /^[A-Za-z0-9_]+$/;
const VALUE = /^[A-Za-z0-9\-._~:/?#&=,]+$/;

/** The first broken rule of a complete set of variables (after a change is merged), or undefined. */
export function stageVariablesProblem(variables: Readonly<Record<string, string>>, what = 'stage'): AwsError | undefined {
  const entries = Object.entries(variables);
  if (entries.length > STAGE_VARIABLES_MAX) {
    return badRequest(`A ${what} can have at most ${STAGE_VARIABLES_MAX} stage variables; this change leaves it with ${entries.length}`); // APIGW-03
  }
  for (const [name, value] of entries) {
    if (name.length > STAGE_VARIABLE_KEY_MAX_CHARS || !NAME.test(name)) {
      return badRequest(`Stage variable name '${name}' is invalid: use letters, digits and underscores, at most ${STAGE_VARIABLE_KEY_MAX_CHARS} characters`); // APIGW-03
    }
    if (value.length > STAGE_VARIABLE_VALUE_MAX_CHARS || !VALUE.test(value)) {
      return badRequest(`Stage variable value of '${name}' is invalid: 1 to ${STAGE_VARIABLE_VALUE_MAX_CHARS} characters from A-Z a-z 0-9 - . _ ~ : / ? # & = ,`); // APIGW-03
    }
  }
  return undefined;
}

/** A `name=value,...` or JSON map as the parser hands it; numbers and booleans become their text. */
export function readVariables(value: unknown): Record<string, string> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([name, v]) => [name, String(v)]));
}
