// Proves Choice rule evaluation, table-driven on the pure `chooseNext`: each comparison operator at its
// boundary, typed comparisons (a string never equals a number), And/Or/Not, IsPresent on a missing
// field, `...Path` operators, the first match winning, Default, States.NoChoiceMatched, and
// States.Runtime for a comparison on a missing variable; plus one execution that fails on no match.
import { describe, expect, it } from 'vitest';
import type { AslState, ChoiceRule } from '../../../src/sim/stepfunctions/index.js';
import { chooseNext } from '../../../src/sim/stepfunctions/choice.js';
import { describe as describeExecution, machine, sandbox, start } from './helpers.js';

const choice = (rules: readonly ChoiceRule[], fallback?: string): AslState => ({ Type: 'Choice', Choices: rules, ...(fallback === undefined ? {} : { Default: fallback }) });
const next = (rule: Record<string, unknown>, input: unknown): string => {
  const outcome = chooseNext(choice([{ ...rule, Next: 'Yes' }], 'No'), input, '');
  return outcome.ok ? outcome.next : outcome.failure.error;
};

describe('comparison operators', () => {
  it.each([
    [{ Variable: '$.n', NumericGreaterThan: 10 }, { n: 10 }, 'No'],
    [{ Variable: '$.n', NumericGreaterThan: 10 }, { n: 10.5 }, 'Yes'],
    [{ Variable: '$.n', NumericGreaterThanEquals: 10 }, { n: 10 }, 'Yes'],
    [{ Variable: '$.n', NumericLessThan: 10 }, { n: 10 }, 'No'],
    [{ Variable: '$.n', NumericLessThanEquals: 10 }, { n: 10 }, 'Yes'],
    [{ Variable: '$.n', NumericEquals: 10 }, { n: '10' }, 'No'],
    [{ Variable: '$.s', StringEquals: 'gold' }, { s: 'gold' }, 'Yes'],
    [{ Variable: '$.s', StringEquals: 'gold' }, { s: 'Gold' }, 'No'],
    [{ Variable: '$.s', StringLessThan: 'b' }, { s: 'a' }, 'Yes'],
    [{ Variable: '$.s', StringMatches: 'log-*.txt' }, { s: 'log-2026.txt' }, 'Yes'],
    [{ Variable: '$.s', StringMatches: 'log-*.txt' }, { s: 'log-2026.csv' }, 'No'],
    [{ Variable: '$.b', BooleanEquals: true }, { b: true }, 'Yes'],
    [{ Variable: '$.b', BooleanEquals: true }, { b: 'true' }, 'No'],
    [{ Variable: '$.n', NumericGreaterThanPath: '$.limit' }, { n: 5, limit: 4 }, 'Yes'],
    [{ Variable: '$.v', IsNull: true }, { v: null }, 'Yes'],
    [{ Variable: '$.v', IsNumeric: true }, { v: '1' }, 'No'],
  ])('%j on %j goes to %s', (rule, input, expected) => {
    expect(next(rule, input)).toBe(expected);
  });
});

describe('IsPresent and missing variables', () => {
  it('IsPresent tests for a field without failing when it is missing', () => {
    expect(next({ Variable: '$.coupon', IsPresent: true }, {})).toBe('No');
    expect(next({ Variable: '$.coupon', IsPresent: false }, {})).toBe('Yes');
    expect(next({ Variable: '$.coupon', IsPresent: true }, { coupon: null })).toBe('Yes');
  });

  it('fails with States.Runtime when a comparison reads a missing variable', () => {
    const outcome = chooseNext(choice([{ Variable: '$.total', NumericGreaterThan: 100, Next: 'Big' }], 'Small'), {}, "At 'Route'. ");
    expect(outcome).toMatchInlineSnapshot(`
      {
        "failure": {
          "cause": "At 'Route'. Invalid path '$.total': The choice state's condition path references an invalid value.",
          "error": "States.Runtime",
        },
        "ok": false,
      }
    `);
  });

  it('guards a comparison with And + IsPresent so a missing field falls to Default', () => {
    const rule = { And: [{ Variable: '$.total', IsPresent: true }, { Variable: '$.total', NumericGreaterThan: 100 }] };
    expect(next(rule, {})).toBe('No');
    expect(next(rule, { total: 101 })).toBe('Yes');
  });
});

describe('combinators and order', () => {
  it('evaluates And, Or and Not', () => {
    const vip = { Or: [{ Variable: '$.tier', StringEquals: 'gold' }, { Variable: '$.spent', NumericGreaterThanEquals: 1_000 }] };
    expect(next(vip, { tier: 'silver', spent: 1_000 })).toBe('Yes');
    expect(next(vip, { tier: 'silver', spent: 999 })).toBe('No');
    expect(next({ Not: { Variable: '$.tier', StringEquals: 'gold' } }, { tier: 'gold' })).toBe('No');
  });

  it('takes the first rule that matches, not the best one', () => {
    const state = choice([
      { Variable: '$.n', NumericGreaterThan: 1, Next: 'First' },
      { Variable: '$.n', NumericGreaterThan: 100, Next: 'Second' },
    ]);
    expect(chooseNext(state, { n: 500 }, '')).toEqual({ ok: true, next: 'First' });
  });

  it('fails with States.NoChoiceMatched when nothing matches and there is no Default', () => {
    const outcome = chooseNext(choice([{ Variable: '$.n', NumericEquals: 1, Next: 'One' }]), { n: 2 }, '');
    expect(outcome.ok ? outcome.next : outcome.failure.error).toBe('States.NoChoiceMatched');
  });
});

it('fails an execution with States.NoChoiceMatched', () => {
  const session = sandbox([]);
  machine(session, 'Route', {
    StartAt: 'Pick',
    States: { Pick: { Type: 'Choice', Choices: [{ Variable: '$.kind', StringEquals: 'book', Next: 'Book' }] }, Book: { Type: 'Succeed' } },
  });
  expect(describeExecution(session, start(session, 'Route', { kind: 'toy' }))).toMatchObject({ status: 'FAILED', error: 'States.NoChoiceMatched' });
});
