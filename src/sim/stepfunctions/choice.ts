// Choice rules (https://states-language.net/spec.html#choice-state): the first rule that matches picks
// the next state, else Default, else the execution fails with States.NoChoiceMatched. Comparisons are
// typed: StringEquals on a number is simply false. A Variable path that is not in the input fails with
// States.Runtime, except under IsPresent, which exists to test exactly that.
import type { AslState, ChoiceRule } from './asl.js';
import { NUMERIC_OPERATORS, STRING_OPERATORS, TYPE_TESTS } from './asl.js';
import { readReference, type StateFailure } from './paths.js';

export type ChoiceOutcome = { readonly ok: true; readonly next: string } | { readonly ok: false; readonly failure: StateFailure };

type Evaluated = { readonly ok: true; readonly matched: boolean } | { readonly ok: false; readonly failure: StateFailure };

/** Which state a Choice state goes to for this (already InputPath-filtered) input. */
export function chooseNext(state: AslState, input: unknown, where: string): ChoiceOutcome {
  for (const rule of state.Choices ?? []) {
    const evaluated = evaluateRule(rule, input, where);
    if (!evaluated.ok) return evaluated;
    if (evaluated.matched) return { ok: true, next: rule.Next! };
  }
  if (state.Default !== undefined) return { ok: true, next: state.Default };
  return { ok: false, failure: { error: 'States.NoChoiceMatched', cause: `${where}No Choice rule matched the input and the state has no Default` } };
}

function evaluateAll(rules: readonly ChoiceRule[], input: unknown, where: string, wanted: boolean): Evaluated {
  for (const rule of rules) {
    const evaluated = evaluateRule(rule, input, where);
    if (!evaluated.ok || evaluated.matched === wanted) return evaluated;
  }
  return { ok: true, matched: !wanted };
}

export function evaluateRule(rule: ChoiceRule, input: unknown, where: string): Evaluated {
  if (rule.And !== undefined) return evaluateAll(rule.And, input, where, false);
  if (rule.Or !== undefined) return evaluateAll(rule.Or, input, where, true);
  if (rule.Not !== undefined) {
    const inner = evaluateRule(rule.Not, input, where);
    return inner.ok ? { ok: true, matched: !inner.matched } : inner;
  }
  const operator = Object.keys(rule).find((key) => key !== 'Variable' && key !== 'Next')!;
  const variable = readReference(input, {}, rule.Variable!);
  if (operator === 'IsPresent') return { ok: true, matched: variable.found === rule[operator] };
  if (!variable.found) {
    return { ok: false, failure: { error: 'States.Runtime', cause: `${where}Invalid path '${rule.Variable!}': The choice state's condition path references an invalid value.` } };
  }
  let expected = rule[operator];
  let name = operator;
  if (operator.endsWith('Path') && !TYPE_TESTS.includes(operator)) {
    const read = readReference(input, {}, String(expected));
    if (!read.found) return { ok: true, matched: false };
    expected = read.value;
    name = operator.slice(0, -4);
  }
  return { ok: true, matched: compare(name, variable.value, expected) };
}

function compare(operator: string, actual: unknown, expected: unknown): boolean {
  if (TYPE_TESTS.includes(operator)) return typeTest(operator, actual) === expected;
  if (operator === 'BooleanEquals') return typeof actual === 'boolean' && actual === expected;
  if (STRING_OPERATORS.includes(operator)) {
    if (typeof actual !== 'string' || typeof expected !== 'string') return false;
    return operator === 'StringMatches' ? globMatches(actual, expected) : ordered(operator.slice('String'.length), actual, expected);
  }
  if (NUMERIC_OPERATORS.includes(operator)) {
    if (typeof actual !== 'number' || typeof expected !== 'number') return false;
    return ordered(operator.slice('Numeric'.length), actual, expected);
  }
  return false;
}

function ordered<T extends string | number>(relation: string, actual: T, expected: T): boolean {
  switch (relation) {
    case 'Equals':
      return actual === expected;
    case 'LessThan':
      return actual < expected;
    case 'GreaterThan':
      return actual > expected;
    case 'LessThanEquals':
      return actual <= expected;
    default:
      return actual >= expected;
  }
}

function typeTest(operator: string, value: unknown): boolean {
  switch (operator) {
    case 'IsNull':
      return value === null;
    case 'IsString':
      return typeof value === 'string';
    case 'IsNumeric':
      return typeof value === 'number';
    default:
      return typeof value === 'boolean';
  }
}

/** StringMatches: `*` matches any run of characters; `\*` is a literal star. */
function globMatches(text: string, pattern: string): boolean {
  const source = pattern
    .split(/(\\\*|\*)/)
    .map((part) => (part === '*' ? '.*' : part === '\\*' ? '\\*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 's').test(text);
}
