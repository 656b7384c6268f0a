// Proves DynamoDB value equality and ordering: sets ignore order, numbers compare as decimals, strings
// order by UTF-8 bytes (code points, unlike JavaScript's UTF-16 `<`), binary by unsigned bytes, and
// values of different types are neither equal nor ordered.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributeValuesEqual, compareScalars, compareStrings } from '../../../../src/sim/dynamodb/expressions/index.js';

describe('attributeValuesEqual', () => {
  it.each([
    [{ N: '1' }, { N: '1.00' }, true],
    [{ N: '1' }, { S: '1' }, false],
    [{ SS: ['a', 'b'] }, { SS: ['b', 'a'] }, true],
    [{ SS: ['a', 'b'] }, { SS: ['a'] }, false],
    [{ NS: ['1', '2'] }, { NS: ['2.0', '1'] }, true],
    [{ BS: ['AQ=='] }, { BS: ['AQ=='] }, true],
    [{ L: [{ N: '1' }, { S: 'x' }] }, { L: [{ N: '1' }, { S: 'x' }] }, true],
    [{ L: [{ N: '1' }, { S: 'x' }] }, { L: [{ S: 'x' }, { N: '1' }] }, false],
    [{ M: { a: { N: '1' } } }, { M: { a: { N: '1.0' } } }, true],
    [{ M: { a: { N: '1' } } }, { M: { a: { N: '1' }, b: { NULL: true } } }, false],
    [{ NULL: true }, { NULL: true }, true],
    [{ BOOL: true }, { BOOL: false }, false],
  ] as const)('%j = %j → %s', (a, b, expected) => {
    expect(attributeValuesEqual(a, b)).toBe(expected);
    expect(attributeValuesEqual(b, a)).toBe(expected);
  });
});

describe('compareScalars', () => {
  it('orders strings by code point, not by UTF-16 unit', () => {
    expect('😀' < '\uE000').toBe(true); // JavaScript's order
    expect(compareStrings('😀', '\uE000')).toBe(1); // DynamoDB's (UTF-8 bytes) order
    expect(compareScalars({ S: 'a' }, { S: 'ab' })).toBe(-1);
    expect(compareScalars({ S: 'B' }, { S: 'a' })).toBe(-1);
  });

  it('orders any two strings as their UTF-8 bytes do', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const encoder = new TextEncoder();
        const [x, y] = [encoder.encode(a), encoder.encode(b)];
        const length = Math.min(x.length, y.length);
        let expected = Math.sign(x.length - y.length);
        for (let index = 0; index < length; index += 1) {
          if (x[index] !== y[index]) {
            expected = (x[index] ?? 0) < (y[index] ?? 0) ? -1 : 1;
            break;
          }
        }
        expect(compareStrings(a, b)).toBe(expected === 0 ? 0 : expected);
      }),
    );
  });

  it('orders binary by unsigned bytes', () => {
    expect(compareScalars({ B: '/w==' }, { B: 'AQ==' })).toBe(1); // 0xff > 0x01
    expect(compareScalars({ B: 'AQ==' }, { B: 'AQI=' })).toBe(-1);
  });

  it('refuses to order different types or unordered types', () => {
    expect(compareScalars({ N: '1' }, { S: '1' })).toBeUndefined();
    expect(compareScalars({ BOOL: true }, { BOOL: true })).toBeUndefined();
    expect(compareScalars({ SS: ['a'] }, { SS: ['a'] })).toBeUndefined();
  });
});
