// Proves the panels' drawing helpers: sparklines scale to the largest value, bars fill in proportion
// and stay inside their width, and the virtual clock reads as UTC time of day.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amount, bar, clockText, sparkline } from '../../../src/repl/panels/draw.js';

describe('drawing helpers', () => {
  it('scales a sparkline to its largest value', () => {
    expect(sparkline([0, 5, 10])).toBe('▁▅█');
    expect(sparkline([0, 0])).toBe('▁▁');
    expect(sparkline([])).toBe('');
  });

  it('fills a bar in proportion, never past its width', () => {
    expect(bar(600, 3_000, 10)).toBe('[██········]');
    fc.assert(fc.property(fc.double({ min: -10, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 40 }), (value, max, width) => {
      expect(bar(value, max, width)).toHaveLength(width + 2);
    }));
  });

  it('reads the virtual clock as UTC time of day, and amounts without needless decimals', () => {
    expect(clockText(Date.UTC(2026, 0, 1, 0, 1, 5))).toBe('00:01:05');
    expect([amount(10), amount(0.5), amount(6.544)]).toEqual(['10', '0.5', '6.54']);
  });
});
