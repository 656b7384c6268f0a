// The ValidationException messages of DynamoDB's expression parser, in one place so their wording can be
// compared with AWS's. Most are known AWS texts; the ones whose exact AWS wording is not confirmed say so.
import type { AwsError } from '../../result.js';
import { validationError } from '../../result.js';
import type { DocPath } from './ast.js';

/** The request parameter an expression came from; AWS names it at the start of each message. */
export type ExpressionKind =
  | 'ConditionExpression'
  | 'FilterExpression'
  | 'KeyConditionExpression'
  | 'UpdateExpression'
  | 'ProjectionExpression';

/** `Invalid <Parameter>: <detail>`, the prefix DynamoDB puts on every expression problem. */
export function invalidExpression(kind: ExpressionKind, detail: string): AwsError {
  return validationError(`Invalid ${kind}: ${detail}`);
}

/** How DynamoDB prints a document path in messages: `[a, b, [2]]`. Index style UNCONFIRMED. */
export function formatPathForMessage(path: DocPath): string {
  return `[${path.map((element) => (typeof element === 'number' ? `[${element}]` : element)).join(', ')}]`;
}

/** A request value (or item attribute, for key conditions) of a type the operator or function refuses. */
export function operandTypeDetail(operator: string, operandType: string): string {
  return `Incorrect operand type for operator or function; operator or function: ${operator}, operand type: ${operandType}`;
}

/** A function called with the wrong number of operands. */
export function operandCountDetail(name: string, count: number): string {
  return `Incorrect number of operands for operator or function; operator or function: ${name}, number of operands: ${count}`;
}

/** A function that needs a document path was given a value. */
export function requiresPathDetail(name: string): string {
  return `Operator or function requires a document path; operator or function: ${name}`;
}

/** Two paths of one expression are the same, or one contains the other (`a` and `a.b`). */
export function pathsOverlap(kind: ExpressionKind, first: DocPath, second: DocPath): AwsError {
  return invalidExpression(
    kind,
    'Two document paths overlap with each other; must remove or rewrite one of these paths; ' +
      `path one: ${formatPathForMessage(first)}, path two: ${formatPathForMessage(second)}`,
  );
}

/** Two paths treat one attribute as both a map and a list (`a.b` and `a[0]`). Wording close to AWS's. */
export function pathsConflict(kind: ExpressionKind, first: DocPath, second: DocPath): AwsError {
  return invalidExpression(
    kind,
    'Two document paths conflict with each other; must remove or rewrite one of these paths; ' +
      `path one: ${formatPathForMessage(first)}, path two: ${formatPathForMessage(second)}`,
  );
}

/** An update read a missing attribute in arithmetic or list_append (AWS's wording). */
export const MISSING_OPERAND_MESSAGE = 'The provided expression refers to an attribute that does not exist in the item';
/** An update wrote below a missing or wrongly typed parent (AWS's wording). */
export const INVALID_UPDATE_PATH_MESSAGE = 'The document path provided in the update expression is invalid for update';
/** An update operand had the wrong type at apply time (AWS's wording). */
export const INCORRECT_DATA_TYPE_MESSAGE = 'An operand in the update expression has an incorrect data type';
