// Proves what the progress bar of long work draws (filled cells of 20, whole percent), and that sending
// a progress action only when that drawing changes loses nothing: for any rising fractions, the bar
// drawn from the sent ones is the bar drawn from all of them, after every slice.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROGRESS_BAR_CELLS, isProgressRedrawn, progressShown } from '../../../../src/repl/screens/repl/job-progress.js';

describe('progressShown', () => {
  it('rounds the cells of the bar and floors the percent', () => {
    expect(PROGRESS_BAR_CELLS).toBe(20);
    expect(progressShown(0)).toEqual({ filledCells: 0, percent: 0 });
    expect(progressShown(0.024)).toEqual({ filledCells: 0, percent: 2 });
    expect(progressShown(0.025)).toEqual({ filledCells: 1, percent: 2 });
    expect(progressShown(0.999)).toEqual({ filledCells: 20, percent: 99 });
    expect(progressShown(1)).toEqual({ filledCells: 20, percent: 100 });
  });
});

describe('isProgressRedrawn', () => {
  it('is false within one drawing and true across a cell or a percent', () => {
    expect(isProgressRedrawn(0.021, 0.024)).toBe(false);
    expect(isProgressRedrawn(0.024, 0.025)).toBe(true);
    expect(isProgressRedrawn(0.029, 0.03)).toBe(true);
  });

  it('keeps the drawn bar the same as sending every slice would', () => {
    const rising = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 200 }).map((values) => [...values].sort((a, b) => a - b));
    fc.assert(
      fc.property(rising, (fractions) => {
        let last = 0;
        let sent = 0;
        for (const fraction of fractions) {
          if (isProgressRedrawn(last, fraction)) sent = fraction;
          last = fraction;
          expect(progressShown(sent)).toEqual(progressShown(fraction));
        }
      }),
    );
  });
});
