// Key condition expressions for Query: equality on the partition key, and at most one condition on the
// sort key (`= < <= > >= BETWEEN begins_with`), joined by AND. Parsed with the condition grammar, then
// reduced to a structured form the Query operation uses to pick and order items.
import type { AttributeDefinition, AttributeValue, Item, KeySchemaElement } from '../model.js';
import type { AwsError, Result } from '../../result.js';
import { fail, ok, validationError } from '../../result.js';
import type { ConditionAst, Operand } from './ast.js';
import { beginsWith } from './condition-eval.js';
import { parseCondition } from './condition-parser.js';
import type { AttributeNames, AttributeValues } from './cursor.js';
import { finish, openCursor } from './cursor.js';
import { invalidExpression, operandTypeDetail } from './errors.js';
import { compareScalars, typeOf } from './values.js';

/** The sort-key part of a key condition. */
export type SortKeyPredicate =
  | { readonly kind: 'compare'; readonly comparator: '=' | '<' | '<=' | '>' | '>='; readonly value: AttributeValue }
  | { readonly kind: 'between'; readonly low: AttributeValue; readonly high: AttributeValue }
  | { readonly kind: 'begins-with'; readonly prefix: AttributeValue };

export interface KeyCondition {
  readonly partitionKeyName: string;
  readonly partitionValue: AttributeValue;
  readonly sortKey?: { readonly name: string; readonly predicate: SortKeyPredicate };
}

/** One `key <op> value` term before it is matched to the key schema. */
interface KeyTerm {
  readonly name: string;
  readonly predicate: SortKeyPredicate;
}

const KIND = 'KeyConditionExpression';

function unsupportedOperator(operator: string): AwsError {
  return validationError(`Invalid operator used in KeyConditionExpression: ${operator}`);
}

// Where AWS's wording for a form is not known, "Query key condition not supported" (its answer for a
// partition key compared with anything but `=`) is given. UNCONFIRMED for a non-key attribute on a
// table without sort key.
const NOT_SUPPORTED = validationError('Query key condition not supported');

/** Messages for malformed terms, as DynamoDB words them (matched by dynalite, tested against AWS). */
const NESTED_OPERATION = validationError('KeyConditionExpressions cannot contain nested operations');
const NESTED_ATTRIBUTE = validationError('KeyConditionExpressions cannot have conditions on nested attributes');
const invalidTerm = (detail: string) => validationError(`Invalid condition in KeyConditionExpression: ${detail}`);

/** The one key attribute among a term's operands (the others must be values), and its position. */
function keyOperand(operands: readonly Operand[]): Result<{ readonly name: string; readonly position: number }> {
  let found: { name: string; position: number } | undefined;
  for (const [position, operand] of operands.entries()) {
    if (operand.kind === 'size') return fail(NESTED_OPERATION);
    if (operand.kind !== 'path') continue;
    const [name] = operand.path;
    if (operand.path.length !== 1 || typeof name !== 'string') return fail(NESTED_ATTRIBUTE);
    if (found !== undefined) return fail(invalidTerm('Multiple attribute names used in one condition'));
    found = { name, position };
  }
  return found === undefined ? fail(invalidTerm('No key attribute specified')) : ok(found);
}

/** The request values among a term's operands, in order (keyOperand has checked the rest). */
function valuesAmong(operands: readonly Operand[]): AttributeValue[] {
  return operands.flatMap((operand) => (operand.kind === 'value' ? [operand.value] : []));
}

const FLIPPED = { '=': '=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as const;

function compareTerm(condition: Extract<ConditionAst, { kind: 'compare' }>): Result<KeyTerm> {
  if (condition.comparator === '<>') return fail(unsupportedOperator('<>'));
  const key = keyOperand([condition.left, condition.right]);
  if (!key.ok) return key;
  const [value] = valuesAmong([condition.left, condition.right]);
  if (value === undefined) return fail(invalidTerm('No key attribute specified'));
  // `:v < sk` is accepted and read as `sk > :v`.
  const comparator = key.value.position === 0 ? condition.comparator : FLIPPED[condition.comparator];
  return ok({ name: key.value.name, predicate: { kind: 'compare', comparator, value } });
}

function rangeTerm(operands: readonly Operand[], operator: 'BETWEEN' | 'begins_with'): Result<KeyTerm> {
  if (operands[0]?.kind !== 'path') return fail(invalidTerm(`${operator} operator must have the key attribute as its first operand`));
  const key = keyOperand(operands);
  if (!key.ok) return key;
  const [first, second] = valuesAmong(operands);
  if (first === undefined) return fail(invalidTerm('No key attribute specified'));
  if (operator === 'begins_with') return ok({ name: key.value.name, predicate: { kind: 'begins-with', prefix: first } });
  if (second === undefined) return fail(invalidTerm('No key attribute specified'));
  return ok({ name: key.value.name, predicate: { kind: 'between', low: first, high: second } });
}

function termOf(condition: ConditionAst): Result<KeyTerm> {
  switch (condition.kind) {
    case 'and':
    case 'or':
    case 'not':
      return fail(unsupportedOperator(condition.kind.toUpperCase()));
    case 'in':
      return fail(unsupportedOperator('IN'));
    case 'compare':
      return compareTerm(condition);
    case 'between':
      return rangeTerm([condition.operand, condition.low, condition.high], 'BETWEEN');
    case 'function':
      if (condition.name !== 'begins_with') return fail(unsupportedOperator(condition.name));
      return rangeTerm(condition.args, 'begins_with');
    default: {
      const never: never = condition;
      return never;
    }
  }
}

/** The AND-joined terms of a key condition, in order. */
function termsOf(condition: ConditionAst): Result<readonly KeyTerm[]> {
  if (condition.kind !== 'and') {
    const term = termOf(condition);
    return term.ok ? ok([term.value]) : term;
  }
  const left = termsOf(condition.left);
  if (!left.ok) return left;
  const right = termsOf(condition.right);
  return right.ok ? ok([...left.value, ...right.value]) : right;
}

function valuesIn(predicate: SortKeyPredicate): readonly AttributeValue[] {
  if (predicate.kind === 'compare') return [predicate.value];
  if (predicate.kind === 'between') return [predicate.low, predicate.high];
  return [predicate.prefix];
}

/** Values must have the key attribute's declared type; begins_with needs a string or binary key. */
function checkTypes(term: KeyTerm, definitions: readonly AttributeDefinition[] | undefined): Result<true> {
  const declared = definitions?.find((definition) => definition.AttributeName === term.name)?.AttributeType;
  if (declared === undefined) return ok(true);
  if (term.predicate.kind === 'begins-with' && declared === 'N') {
    return fail(invalidExpression(KIND, operandTypeDetail('begins_with', 'N')));
  }
  if (valuesIn(term.predicate).every((value) => typeOf(value) === declared)) return ok(true);
  const message = 'One or more parameter values were invalid: Condition parameter type does not match schema type';
  return fail(validationError(message));
}

function missedKeyElement(name: string): AwsError {
  return validationError(`Query condition missed key schema element: ${name}`);
}

function matchToSchema(terms: readonly KeyTerm[], keySchema: readonly KeySchemaElement[]): Result<KeyCondition> {
  const partitionKeyName = keySchema.find((element) => element.KeyType === 'HASH')?.AttributeName ?? '';
  const sortKeyName = keySchema.find((element) => element.KeyType === 'RANGE')?.AttributeName;
  const names = terms.map((term) => term.name);
  if (terms.length > 2 || new Set(names).size !== names.length) {
    return fail(validationError('KeyConditionExpressions must only contain one condition per key'));
  }
  const partitionTerm = terms.find((term) => term.name === partitionKeyName);
  if (partitionTerm === undefined) return fail(missedKeyElement(partitionKeyName));
  const predicate = partitionTerm.predicate;
  if (predicate.kind !== 'compare' || predicate.comparator !== '=') return fail(NOT_SUPPORTED);
  const other = terms.find((term) => term.name !== partitionKeyName);
  if (other === undefined) return ok({ partitionKeyName, partitionValue: predicate.value });
  if (other.name !== sortKeyName) {
    // With a sort key AWS names the sort key it expected; without one its wording is UNCONFIRMED.
    return fail(sortKeyName === undefined ? NOT_SUPPORTED : missedKeyElement(sortKeyName));
  }
  const sortKey = { name: other.name, predicate: other.predicate };
  return ok({ partitionKeyName, partitionValue: predicate.value, sortKey });
}

/**
 * Parses a KeyConditionExpression against a table's or index's key schema. `attributeDefinitions`, when
 * given, lets it refuse values whose type differs from the key's declared type, as DynamoDB does.
 */
export function parseKeyCondition(
  text: string,
  names: AttributeNames,
  values: AttributeValues,
  keySchema: readonly KeySchemaElement[],
  attributeDefinitions?: readonly AttributeDefinition[],
): Result<KeyCondition> {
  const cursor = openCursor(KIND, text, names, values);
  if (!cursor.ok) return cursor;
  const parsed = parseCondition(cursor.value);
  if (!parsed.ok) return parsed;
  const condition = finish(cursor.value, parsed.value);
  if (!condition.ok) return condition;
  const terms = termsOf(condition.value);
  if (!terms.ok) return terms;
  for (const term of terms.value) {
    const typed = checkTypes(term, attributeDefinitions);
    if (!typed.ok) return typed;
  }
  return matchToSchema(terms.value, keySchema);
}

/** Whether a sort-key value satisfies the predicate (false for a value of another type). */
export function matchesSortKey(predicate: SortKeyPredicate, value: AttributeValue): boolean {
  switch (predicate.kind) {
    case 'compare': {
      const order = compareScalars(value, predicate.value);
      if (order === undefined) return false;
      const wanted = { '=': order === 0, '<': order < 0, '<=': order <= 0, '>': order > 0, '>=': order >= 0 };
      return wanted[predicate.comparator];
    }
    case 'between': {
      const low = compareScalars(value, predicate.low);
      const high = compareScalars(value, predicate.high);
      return low !== undefined && high !== undefined && low >= 0 && high <= 0;
    }
    case 'begins-with':
      return beginsWith(value, predicate.prefix);
    default: {
      const never: never = predicate;
      return never;
    }
  }
}

/** Whether an item's key attributes satisfy the whole key condition. */
export function matchesKeyCondition(condition: KeyCondition, item: Item): boolean {
  const partition = item[condition.partitionKeyName];
  if (partition === undefined || compareScalars(partition, condition.partitionValue) !== 0) return false;
  if (condition.sortKey === undefined) return true;
  const sort = item[condition.sortKey.name];
  return sort !== undefined && matchesSortKey(condition.sortKey.predicate, sort);
}
