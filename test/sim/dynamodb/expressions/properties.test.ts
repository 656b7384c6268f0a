// Proves invariants of the expression engine with fast-check over generated items and conditions:
// double negation changes nothing, BETWEEN equals its two comparisons, attribute_type agrees with the
// value's type, projecting every attribute is the identity, applying an update never changes its input,
// and a value SET at a path is exactly what projecting that path returns.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttributeValue, Item } from '../../../../src/sim/dynamodb/model.js';
import {
  applyUpdate,
  evaluateCondition,
  parseCondition,
  parseProjection,
  parseUpdate,
  project,
  typeOf,
} from '../../../../src/sim/dynamodb/expressions/index.js';

const numberText = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.integer({ min: -100_000, max: 100_000 }).map((cents) => (cents / 100).toFixed(2)),
);
const scalar: fc.Arbitrary<AttributeValue> = fc.oneof(
  numberText.map((N) => ({ N })),
  fc.string({ maxLength: 4 }).map((S) => ({ S })),
  fc.uint8Array({ maxLength: 3 }).map((bytes) => ({ B: btoa(String.fromCharCode(...bytes)) })),
);
const { value: attributeValue } = fc.letrec<{ value: AttributeValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.boolean().map((BOOL) => ({ BOOL })),
    fc.constant({ NULL: true as const }),
    fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((SS) => ({ SS })),
    fc.array(tie('value'), { maxLength: 3 }).map((L) => ({ L })),
    fc.dictionary(fc.constantFrom('x', 'y', 'z'), tie('value'), { maxKeys: 3 }).map((M) => ({ M })),
  ),
}));
const item: fc.Arbitrary<Item> = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'n'), attributeValue, { maxKeys: 4 });
const values = { ':v0': { N: '5' }, ':v1': { N: '-2.5' }, ':s0': { S: 'ab' }, ':s1': { S: '' } };

const atom = fc.constantFrom(
  'a = :v0', 'a <> :v1', 'n < :v0', 'n >= :v1', 'b = c', 'a > b', 'attribute_exists(a)', 'attribute_not_exists(c.x)',
  'begins_with(b, :s0)', 'contains(a, :s1)', 'size(c) > :v1', 'n IN (:v0, :v1, :s0)', 'a BETWEEN :v1 AND :v0', 'c[0] = :s0',
);
const { condition } = fc.letrec<{ condition: string }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small' },
    atom,
    fc.tuple(tie('condition'), fc.constantFrom('AND', 'OR'), tie('condition')).map(([l, op, r]) => `(${l}) ${op} (${r})`),
    tie('condition').map((c) => `NOT (${c})`),
  ),
}));

function parsed(text: string) {
  const result = parseCondition(text, {}, values);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('condition properties', () => {
  it('NOT NOT c evaluates like c on every item', () => {
    fc.assert(
      fc.property(condition, item, (text, subject) => {
        expect(evaluateCondition(parsed(`NOT NOT (${text})`), subject)).toBe(evaluateCondition(parsed(text), subject));
      }),
    );
  });

  it('a BETWEEN x AND y evaluates like a >= x AND a <= y', () => {
    const bound = fc.constantFrom('b', 'c', ':v0', ':v1', ':s0', ':s1');
    fc.assert(
      fc.property(item, bound, bound, (subject, low, high) => {
        const between = parseCondition(`a BETWEEN ${low} AND ${high}`, {}, values);
        fc.pre(between.ok); // reversed literal bounds are refused at parse time
        if (!between.ok) return;
        expect(evaluateCondition(between.value, subject)).toBe(evaluateCondition(parsed(`a >= ${low} AND a <= ${high}`), subject));
      }),
    );
  });
});

describe('function properties', () => {
  it('attribute_type(a, :t) holds exactly when a exists with type t', () => {
    const typeName = fc.constantFrom('S', 'N', 'B', 'BOOL', 'NULL', 'SS', 'NS', 'BS', 'L', 'M');
    fc.assert(
      fc.property(item, typeName, (subject, type) => {
        const ast = parseCondition('attribute_type(a, :t)', {}, { ':t': { S: type } });
        if (!ast.ok) throw new Error(ast.error.message);
        const value = subject['a'];
        expect(evaluateCondition(ast.value, subject)).toBe(value !== undefined && typeOf(value) === type);
      }),
    );
  });

  it('projecting every top-level attribute returns the item unchanged', () => {
    fc.assert(
      fc.property(item, (subject) => {
        const names = Object.keys(subject);
        fc.pre(names.length > 0);
        const projection = parseProjection(names.join(', '), {});
        if (!projection.ok) throw new Error(projection.error.message);
        expect(project(subject, projection.value)).toEqual(subject);
      }),
    );
  });
});

describe('update properties', () => {
  const update = fc.constantFrom(
    'SET a = :v0, b = if_not_exists(b, :s0)', 'REMOVE a, c[0], b.x', 'SET c[1] = :s1', 'ADD n :v0',
    'SET n = n + :v1', 'SET c.y = :v0', 'DELETE a :ss', 'SET b = list_append(b, :list)', 'REMOVE c[2], c[0]',
  );
  const updateValues = { ...values, ':ss': { SS: ['ab'] }, ':list': { L: [{ N: '1' }] } };

  it('never changes the item it is given, whether it succeeds or fails', () => {
    fc.assert(
      fc.property(item, update, (subject, text) => {
        const before = structuredClone(subject);
        const ast = parseUpdate(text, {}, updateValues);
        if (!ast.ok) throw new Error(ast.error.message);
        applyUpdate(ast.value, subject);
        expect(subject).toEqual(before);
      }),
    );
  });

  it('SET a = :v then projecting a returns :v', () => {
    fc.assert(
      fc.property(item, attributeValue, (subject, value) => {
        const ast = parseUpdate('SET a = :v', {}, { ':v': value });
        const projection = parseProjection('a', {});
        if (!ast.ok || !projection.ok) throw new Error('fixed expressions parse');
        const updated = applyUpdate(ast.value, subject);
        expect(updated.ok && project(updated.value, projection.value)).toEqual({ a: value });
      }),
    );
  });
});
