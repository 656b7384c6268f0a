// Proves DynamoDB numbers compare and add as exact decimals: table cases for formats and precision, and
// fast-check properties showing agreement with JavaScript numbers wherever those are exact (safe
// integers, and two-decimal amounts compared).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addNumbers, compareNumbers, isNumberText, normalizeNumber, numberRangeProblem, subtractNumbers } from '../../../../src/sim/dynamodb/expressions/index.js';

describe('compareNumbers', () => {
  it.each([
    ['1', '1.0', 0],
    ['1e2', '100', 0],
    ['-0', '0', 0],
    ['0.1', '0.10000000000000000000000000000000000001', -1],
    ['12345678901234567890123456789012345678', '12345678901234567890123456789012345679', -1],
    ['-5', '3', -1],
    ['-5', '-30', 1],
    ['.5', '0.49', 1],
    ['1E-130', '0', 1],
  ] as const)('%s vs %s → %s', (a, b, expected) => {
    expect(compareNumbers(a, b)).toBe(expected);
    expect(compareNumbers(b, a)).toBe(-expected === 0 ? 0 : -expected);
  });

  it('agrees with JavaScript on safe integers', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.maxSafeInteger(), (a, b) => {
        expect(compareNumbers(String(a), String(b))).toBe(Math.sign(a - b) || 0);
      }),
    );
  });

  it('agrees with JavaScript on decimals with two places', () => {
    const cents = fc.integer({ min: -10_000_000, max: 10_000_000 });
    fc.assert(
      fc.property(cents, cents, (a, b) => {
        expect(compareNumbers((a / 100).toFixed(2), (b / 100).toFixed(2))).toBe(Math.sign(a - b) || 0);
      }),
    );
  });

  it('gives the same order on its fast path (plain decimals, 15 digits or fewer) as on its exact path', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,8}$/), fc.stringMatching(/^[0-9]{0,7}$/))
      .map(([isNegative, whole, fraction]) => `${isNegative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`);
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        // An exponent suffix sends the same numbers down the exact (bigint) path.
        expect(compareNumbers(a, b)).toBe(compareNumbers(`${a}e0`, `${b}e0`));
      }),
    );
  });
});

describe('addNumbers and subtractNumbers', () => {
  it('are exact where doubles are not', () => {
    expect(addNumbers('0.1', '0.2')).toBe('0.3');
    expect(addNumbers('99999999999999999999999999999999999999', '1')).toBe('100000000000000000000000000000000000000');
    expect(subtractNumbers('1', '1.000001')).toBe('-0.000001');
    expect(addNumbers('1.5e3', '-1500')).toBe('0');
  });

  it('agree with JavaScript on safe integers', () => {
    const half = fc.integer({ min: -(2 ** 51), max: 2 ** 51 });
    fc.assert(
      fc.property(half, half, (a, b) => {
        expect(addNumbers(String(a), String(b))).toBe(String(a + b));
        expect(subtractNumbers(String(a), String(b))).toBe(String(a - b));
      }),
    );
  });
});

describe('normalizeNumber and isNumberText', () => {
  it.each([
    ['1.50', '1.5'],
    ['1e2', '100'],
    ['-0.0', '0'],
    ['+7', '7'],
    ['0012.3400', '12.34'],
    ['1.5E-3', '0.0015'],
    ['abc', undefined],
    ['', undefined],
    ['1e', undefined],
    ['.', undefined],
  ])('%j → %j', (text, expected) => {
    expect(normalizeNumber(text)).toBe(expected);
    expect(isNumberText(text)).toBe(expected !== undefined);
  });
});

describe('numberRangeProblem', () => {
  it('accepts 38 significant digits and magnitudes from 1E-130 to 9.99E+125 (DynamoDB Number limits)', () => {
    expect(numberRangeProblem('12345678901234567890123456789012345678')).toBeUndefined();
    expect(numberRangeProblem('1234567890123456789012345678901234567800000')).toBeUndefined();
    expect(numberRangeProblem('9.9999999999999999999999999999999999999E+125')).toBeUndefined();
    expect(numberRangeProblem('-1E-130')).toBeUndefined();
    expect(numberRangeProblem('0')).toBeUndefined();
  });

  it('names the limit a number breaks', () => {
    expect(numberRangeProblem('123456789012345678901234567890123456789')).toMatchInlineSnapshot(`"Attempting to store more than 38 significant digits in a Number"`);
    expect(numberRangeProblem('1E126')).toMatchInlineSnapshot(`"Number overflow. Attempting to store a number with magnitude larger than supported range"`);
    expect(numberRangeProblem('-1e-131')).toMatchInlineSnapshot(`"Number underflow. Attempting to store a number with magnitude smaller than supported range"`);
  });
});
