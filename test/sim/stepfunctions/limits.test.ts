// Proves the Step Functions numbers in SIMULATOR_LIMITS (what quiz text quotes) are the facts sheet's,
// in the units their keys name (SVC-11), and the retrier defaults of the States Language spec.
import { expect, it } from 'vitest';
import { SIMULATOR_LIMITS } from '../../../src/sim/index.js';

it('holds SVC-11 and the retrier defaults in the units of their names', () => {
  expect(SIMULATOR_LIMITS['stepfunctions.standardMaxDays']).toBe(365); // SVC-11: Standard ≤ 1 year
  expect(SIMULATOR_LIMITS['stepfunctions.expressMaxMinutes']).toBe(5); // SVC-11: Express ≤ 5 min
  expect(SIMULATOR_LIMITS['stepfunctions.payloadMaxKb']).toBe(256); // SVC-11: 256 KiB
  expect(SIMULATOR_LIMITS['stepfunctions.payloadMaxBytes']).toBe(262_144); // SVC-11
  expect(SIMULATOR_LIMITS['stepfunctions.historyRetentionDays']).toBe(90); // SVC-11: 90-day history
  expect(SIMULATOR_LIMITS['stepfunctions.executionNameReuseDays']).toBe(90);
  expect(SIMULATOR_LIMITS['stepfunctions.historyMaxEvents']).toBe(25_000);
  expect([SIMULATOR_LIMITS['stepfunctions.retryDefaultIntervalSeconds'], SIMULATOR_LIMITS['stepfunctions.retryDefaultMaxAttempts'], SIMULATOR_LIMITS['stepfunctions.retryDefaultBackoffRate']]).toEqual([1, 3, 2]);
});
