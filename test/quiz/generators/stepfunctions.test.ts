// Proves the Step Functions retry-wait family: the waits it reads from the simulator's execution
// history follow IntervalSeconds × BackoffRate^(n − 1) capped by MaxDelaySeconds (SVC-11), and for
// many seeds the right choice is the wait the stem asks about.
import { describe, expect, it } from 'vitest';
import { findFamily } from '../../../src/quiz/generators/index.js';
import { retryWaitsMs } from '../../../src/quiz/generators/stepfunctions.js';

describe('Step Functions retry waits (SVC-11)', () => {
  it('reads 1 s, 2 s, 4 s for the defaults and caps the growth at MaxDelaySeconds', () => {
    expect(retryWaitsMs({ intervalSeconds: 1, backoffRate: 2, maxAttempts: 3 }, 1)).toEqual([1_000, 2_000, 4_000]);
    expect(retryWaitsMs({ intervalSeconds: 3, backoffRate: 3, maxAttempts: 4, maxDelaySeconds: 20 }, 1)).toEqual([3_000, 9_000, 20_000, 20_000]);
    expect(retryWaitsMs({ intervalSeconds: 2, backoffRate: 1.5, maxAttempts: 3 }, 1)).toEqual([2_000, 3_000, 4_500]);
  });

  it('marks the formula’s wait for the asked retry as the right choice', () => {
    for (const seed of Array.from({ length: 12 }, (_, index) => index * 31 + 1)) {
      const { question, simulatorAnswer } = findFamily('stepfunctions-retry-wait')!.generate(seed);
      if (question.type !== 'single') throw new Error('single choice expected');
      const [, interval, rate, cap, k] = /"IntervalSeconds": (\d+), "BackoffRate": ([\d.]+), "MaxAttempts": \d+(?:, "MaxDelaySeconds": (\d+))?}\. .* retry number (\d+)/.exec(question.stem)!;
      const expectedMs = Math.min(Number(interval) * Number(rate) ** (Number(k) - 1), cap === undefined ? Infinity : Number(cap)) * 1_000;
      expect(simulatorAnswer).toBe(expectedMs);
      expect(question.choices.find((choice) => choice.correct)!.text).toBe(`${expectedMs / 1_000} s`);
    }
  });
});
