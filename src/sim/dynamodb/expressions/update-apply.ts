// Applies a parsed update expression to an item and returns the new item; the input is never changed
// (copies are made along each written path). Every operand reads the item as it was before the update,
// as in DynamoDB. Problems only visible with the item (arithmetic on a string, a missing operand, a
// write below a missing parent) are AWS's ValidationExceptions.
import type { AttributeValue, Item } from '../model.js';
import type { Result } from '../../result.js';
import { fail, ok, validationError } from '../../result.js';
import type { DocPath, SetValue, UpdateAction, UpdateAst } from './ast.js';
import { INCORRECT_DATA_TYPE_MESSAGE, INVALID_UPDATE_PATH_MESSAGE, MISSING_OPERAND_MESSAGE } from './errors.js';
import { sizeOf } from './condition-eval.js';
import { addNumbers, numberRangeProblem, subtractNumbers } from './numbers.js';
import { resolvePath } from './paths.js';
import { attributeValuesEqual } from './values.js';

const incorrectDataType = () => fail<never>(validationError(INCORRECT_DATA_TYPE_MESSAGE));

/** The value a SET right-hand side computes, read from the item before the update. */
function computeSetValue(value: SetValue, item: Item): Result<AttributeValue> {
  switch (value.kind) {
    case 'value':
      return ok(value.value);
    case 'path': {
      const found = resolvePath(item, value.path);
      return found === undefined ? fail(validationError(MISSING_OPERAND_MESSAGE)) : ok(found);
    }
    case 'if-not-exists': {
      const found = resolvePath(item, value.path);
      return found === undefined ? computeSetValue(value.fallback, item) : ok(found);
    }
    case 'list-append':
    case 'plus':
    case 'minus': {
      const left = computeSetValue(value.kind === 'list-append' ? value.first : value.left, item);
      if (!left.ok) return left;
      const right = computeSetValue(value.kind === 'list-append' ? value.second : value.right, item);
      if (!right.ok) return right;
      return combine(value.kind, left.value, right.value);
    }
    default: {
      const never: never = value;
      return never;
    }
  }
}

function combine(
  kind: 'list-append' | 'plus' | 'minus',
  left: AttributeValue,
  right: AttributeValue,
): Result<AttributeValue> {
  if (kind === 'list-append') {
    return 'L' in left && 'L' in right ? ok({ L: [...left.L, ...right.L] }) : incorrectDataType();
  }
  if (!('N' in left) || !('N' in right)) return incorrectDataType();
  return checkedNumber(kind === 'plus' ? addNumbers(left.N, right.N) : subtractNumbers(left.N, right.N));
}

/** An arithmetic result, refused as AWS refuses it when it has more than 38 digits or is out of range. */
function checkedNumber(text: string): Result<AttributeValue> {
  const problem = numberRangeProblem(text);
  return problem === undefined ? ok({ N: text }) : fail(validationError(problem));
}

/** `container` with `value` written at `path` below it, or undefined when a parent is missing or mistyped. */
function writeBelow(container: AttributeValue, path: DocPath, value: AttributeValue): AttributeValue | undefined {
  const [step, ...rest] = path;
  if (step === undefined) return value;
  if (typeof step === 'string') {
    if (!('M' in container)) return undefined;
    const child = container.M[step];
    const written = rest.length === 0 ? value : child === undefined ? undefined : writeBelow(child, rest, value);
    return written === undefined ? undefined : { M: { ...container.M, [step]: written } };
  }
  if (!('L' in container)) return undefined;
  const child = container.L[step];
  if (rest.length === 0) {
    // Writing past the end of a list appends to it (DynamoDB does not pad with nulls).
    if (step >= container.L.length) return { L: [...container.L, value] };
    return { L: container.L.map((element, index) => (index === step ? value : element)) };
  }
  const written = child === undefined ? undefined : writeBelow(child, rest, value);
  if (written === undefined) return undefined;
  return { L: container.L.map((element, index) => (index === step ? written : element)) };
}

function writePath(item: Item, path: DocPath, value: AttributeValue): Result<Item> {
  const written = writeBelow({ M: item }, path, value);
  return written !== undefined && 'M' in written ? ok(written.M) : fail(validationError(INVALID_UPDATE_PATH_MESSAGE));
}

/** `container` without the element at `path`; unchanged when the path is not there. */
function removeBelow(container: AttributeValue, path: DocPath): AttributeValue {
  const [step, ...rest] = path;
  if (step === undefined) return container;
  if (typeof step === 'string') {
    if (!('M' in container) || container.M[step] === undefined) return container;
    const { [step]: child, ...others } = container.M;
    if (rest.length === 0 || child === undefined) return { M: others };
    return { M: { ...container.M, [step]: removeBelow(child, rest) } };
  }
  const child = 'L' in container ? container.L[step] : undefined;
  if (!('L' in container) || child === undefined) return container;
  if (rest.length === 0) return { L: container.L.filter((_, index) => index !== step) };
  return { L: container.L.map((element, index) => (index === step ? removeBelow(child, rest) : element)) };
}

function removePath(item: Item, path: DocPath): Item {
  const removed = removeBelow({ M: item }, path);
  return 'M' in removed ? removed.M : item;
}

type MemberEquality = (a: string, b: string) => boolean;
const sameNumber: MemberEquality = (a, b) => attributeValuesEqual({ N: a }, { N: b });
const sameBinary: MemberEquality = (a, b) => attributeValuesEqual({ B: a }, { B: b });

/** The members of `existing` then those of `added` not already present (each once). */
function union(existing: readonly string[], added: readonly string[], equal: MemberEquality): string[] {
  const isNew = (member: string, index: number) =>
    !existing.some((x) => equal(x, member)) && added.findIndex((y) => equal(y, member)) === index;
  return [...existing, ...added.filter(isNew)];
}

/** The value ADD leaves at a path: a sum, a set union, or the operand itself where nothing was. */
function computeAdd(existing: AttributeValue | undefined, operand: AttributeValue): Result<AttributeValue> {
  if (existing === undefined) return ok(operand);
  if ('N' in existing && 'N' in operand) return checkedNumber(addNumbers(existing.N, operand.N));
  if ('SS' in existing && 'SS' in operand) return ok({ SS: union(existing.SS, operand.SS, (a, b) => a === b) });
  if ('NS' in existing && 'NS' in operand) return ok({ NS: union(existing.NS, operand.NS, sameNumber) });
  if ('BS' in existing && 'BS' in operand) return ok({ BS: union(existing.BS, operand.BS, sameBinary) });
  return incorrectDataType();
}

/** The set DELETE leaves (undefined when it empties it: DynamoDB then removes the attribute). */
function computeDelete(existing: AttributeValue, operand: AttributeValue): Result<AttributeValue | undefined> {
  let remaining: AttributeValue;
  if ('SS' in existing && 'SS' in operand) remaining = { SS: existing.SS.filter((m) => !operand.SS.includes(m)) };
  else if ('NS' in existing && 'NS' in operand) {
    remaining = { NS: existing.NS.filter((m) => !operand.NS.some((n) => sameNumber(m, n))) };
  } else if ('BS' in existing && 'BS' in operand) {
    remaining = { BS: existing.BS.filter((m) => !operand.BS.some((b) => sameBinary(m, b))) };
  } else return incorrectDataType();
  return ok(sizeOf(remaining) === 0 ? undefined : remaining);
}

function applyAction(current: Item, original: Item, action: UpdateAction): Result<Item> {
  switch (action.kind) {
    case 'set': {
      const value = computeSetValue(action.value, original);
      return value.ok ? writePath(current, action.path, value.value) : value;
    }
    case 'add': {
      const value = computeAdd(resolvePath(original, action.path), action.value);
      return value.ok ? writePath(current, action.path, value.value) : value;
    }
    case 'delete': {
      const existing = resolvePath(original, action.path);
      if (existing === undefined) return ok(current);
      const value = computeDelete(existing, action.value);
      if (!value.ok) return value;
      if (value.value === undefined) return ok(removePath(current, action.path));
      return writePath(current, action.path, value.value);
    }
    case 'remove':
      return ok(removePath(current, action.path));
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** Orders REMOVE paths so that higher list indexes go first and earlier removals shift nothing later. */
function compareRemovals(a: DocPath, b: DocPath): number {
  const length = Math.min(a.length, b.length);
  for (let depth = 0; depth < length; depth += 1) {
    const x = a[depth];
    const y = b[depth];
    if (x === y) continue;
    return typeof x === 'number' && typeof y === 'number' ? y - x : 0;
  }
  return 0;
}

/**
 * The item after the update: SET, ADD and DELETE actions in the order written, then REMOVE actions
 * (highest list index first, so `REMOVE a[0], a[1]` removes the two original first elements).
 */
export function applyUpdate(update: UpdateAst, item: Item): Result<Item> {
  const removals = update.actions.filter((action) => action.kind === 'remove');
  const ordered = [
    ...update.actions.filter((action) => action.kind !== 'remove'),
    ...[...removals].sort((a, b) => compareRemovals(a.path, b.path)),
  ];
  let current = item;
  for (const action of ordered) {
    const next = applyAction(current, item, action);
    if (!next.ok) return next;
    current = next.value;
  }
  return ok(current);
}
