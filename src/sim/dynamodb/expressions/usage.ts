// The request-wide check on ExpressionAttributeNames and ExpressionAttributeValues. DynamoDB refuses a
// request that supplies a placeholder none of its expressions uses, looking across all of them
// (e.g. an UpdateItem's UpdateExpression and ConditionExpression together).
import type { Result } from '../../result.js';
import { fail, ok, validationError } from '../../result.js';
import type { AttributeNames, AttributeValues } from './cursor.js';
import { tokenize } from './tokens.js';

export interface ExpressionUsageInput {
  /** Every expression of the request; absent ones as undefined. */
  readonly expressions: readonly (string | undefined)[];
  readonly names?: AttributeNames | undefined;
  readonly values?: AttributeValues | undefined;
}

/** What may follow `#` or `:` in a placeholder (the tokenizer's rule). */
const PLACEHOLDER_NAME = /^[A-Za-z0-9_]+$/;

function placeholdersIn(expressions: readonly (string | undefined)[]): Set<string> {
  const used = new Set<string>();
  for (const expression of expressions) {
    if (expression === undefined) continue;
    // An expression that does not tokenize is reported by its own parse; here it uses nothing.
    const tokens = tokenize('ConditionExpression', expression);
    if (!tokens.ok) continue;
    for (const token of tokens.value) {
      if (token.kind === 'name-ref' || token.kind === 'value-ref') used.add(token.text);
    }
  }
  return used;
}

function checkOne(
  parameter: string,
  supplied: Readonly<Record<string, unknown>> | undefined,
  used: ReadonlySet<string>,
  hasExpressions: boolean,
): Result<true> {
  if (supplied === undefined) return ok(true);
  const keys = Object.keys(supplied);
  if (keys.length === 0) return fail(validationError(`${parameter} must not be empty`));
  const sigil = parameter === 'ExpressionAttributeNames' ? '#' : ':';
  const invalidKey = keys.find((key) => !key.startsWith(sigil) || !PLACEHOLDER_NAME.test(key.slice(1)));
  if (invalidKey !== undefined) return fail(validationError(`${parameter} contains invalid key: Syntax error; key: "${invalidKey}"`));
  // AWS adds which expressions were null after this text; that detail is left out here (UNCONFIRMED).
  if (!hasExpressions) return fail(validationError(`${parameter} can only be specified when using expressions`));
  const unused = keys.filter((key) => !used.has(key));
  if (unused.length === 0) return ok(true);
  return fail(validationError(`Value provided in ${parameter} unused in expressions: keys: {${unused.join(', ')}}`));
}

/**
 * Refuses empty placeholder maps, keys that are not `#name` / `:value`, maps given without any
 * expression, and placeholders no expression uses:
 * `Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}`. Names are checked
 * before values. Undefined placeholders are reported by each expression's parse instead.
 */
export function checkExpressionAttributeUsage(input: ExpressionUsageInput): Result<true> {
  const hasExpressions = input.expressions.some((expression) => expression !== undefined);
  const used = placeholdersIn(input.expressions);
  const names = checkOne('ExpressionAttributeNames', input.names, used, hasExpressions);
  if (!names.ok) return names;
  return checkOne('ExpressionAttributeValues', input.values, used, hasExpressions);
}
