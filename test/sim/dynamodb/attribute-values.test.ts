// Proves the deep attribute-value checks (DDB-03): one type per value, valid numbers, non-empty unique
// sets, NULL true, nesting within 32 levels, each with AWS's message.
import { describe, expect, it } from 'vitest';
import { attributeValueProblem } from '../../../src/sim/dynamodb/attribute-values.js';

const message = (value: unknown) => attributeValueProblem(value)?.message;

describe('attribute values', () => {
  it('accepts every well-formed type', () => {
    for (const value of [{ S: '' }, { N: '-1.5e3' }, { B: 'AA==' }, { BOOL: false }, { NULL: true }, { SS: ['a'] }, { NS: ['1', '2'] }, { L: [{ S: 'x' }] }, { M: { a: { N: '1' } } }]) {
      expect(message(value)).toBeUndefined();
    }
  });

  it('names each malformed value as AWS does', () => {
    expect([{}, { S: 'a', N: '1' }, { N: 'abc' }, { SS: [] }, { SS: ['a', 'a'] }, { NULL: false }, { L: [{ X: 1 }] }].map(message)).toMatchInlineSnapshot(`
      [
        "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
        "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes",
        "The parameter cannot be converted to a numeric value",
        "One or more parameter values were invalid: An string set  may not be empty",
        "One or more parameter values were invalid: Input collection ["a","a"] contains duplicates.",
        "One or more parameter values were invalid: Null attribute value types must have the value of true",
        "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
      ]
    `);
  });

  it('refuses numbers DynamoDB cannot store', () => {
    expect(message({ N: '1'.repeat(39) })).toBe('Attempting to store more than 38 significant digits in a Number');
    expect(message({ NS: ['1', '1e126'] })).toBe('Number overflow. Attempting to store a number with magnitude larger than supported range');
    expect(message({ N: '1'.repeat(38) })).toBeUndefined();
  });

  it('DDB-03: allows 32 levels of nesting, not 33', () => {
    const nest = (levels: number): unknown => (levels === 1 ? { S: 'leaf' } : { L: [nest(levels - 1)] });
    expect(message(nest(32))).toBeUndefined();
    expect(message(nest(33))).toBe('Nesting Levels have exceeded supported limits');
  });
});
