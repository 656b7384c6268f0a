// Proves that SIMULATOR_LIMITS, the table question text interpolates, holds the facts sheet's numbers
// in the units its keys name, computed from the services' own constants.
import { describe, expect, it } from 'vitest';
import { SIMULATOR_LIMITS, dynamodb, lambda } from '../../src/sim/index.js';

describe('SIMULATOR_LIMITS', () => {
  it('converts DynamoDB constants to the units in their names', () => {
    expect(SIMULATOR_LIMITS['dynamodb.maxItemSizeKb']).toBe(400); // DDB-03
    expect(SIMULATOR_LIMITS['dynamodb.readUnitKb']).toBe(4); // DDB-01
    expect(SIMULATOR_LIMITS['dynamodb.writeUnitKb']).toBe(1); // DDB-02
    expect(SIMULATOR_LIMITS['dynamodb.onDemandInitialWritesPerSecond']).toBe(4_000); // DDB-05
    expect(SIMULATOR_LIMITS['dynamodb.onDemandInitialReadsPerSecond']).toBe(12_000); // DDB-05
    expect(SIMULATOR_LIMITS['dynamodb.maxTransactionActions']).toBe(100); // DDB-14
    expect(SIMULATOR_LIMITS['dynamodb.streamRetentionHours']).toBe(24); // DDB-18
    expect(SIMULATOR_LIMITS['dynamodb.daxItemTtlMinutes']).toBe(5); // DDB-20
    expect(SIMULATOR_LIMITS['dynamodb.burstWindowSeconds']).toBe(dynamodb.limits.BURST_WINDOW_SECONDS); // DDB-07
  });

  it('converts Lambda and IAM constants', () => {
    expect(SIMULATOR_LIMITS['lambda.memoryMaxMb']).toBe(10_240); // LAM-01
    expect(SIMULATOR_LIMITS['lambda.timeoutMaxMinutes']).toBe(15); // LAM-03
    expect(SIMULATOR_LIMITS['lambda.asyncPayloadMaxMb']).toBe(1); // LAM-07
    expect(SIMULATOR_LIMITS['lambda.pricePerMillionRequestsUsd']).toBe(0.2); // LAM-18
    expect(SIMULATOR_LIMITS['lambda.accountConcurrencyDefault']).toBe(lambda.ACCOUNT_CONCURRENCY_DEFAULT); // LAM-10
    expect(SIMULATOR_LIMITS['iam.maxMaxSessionDurationHours']).toBe(12); // COG-07
  });

  it('holds only finite numbers under service.nameWithUnit keys', () => {
    for (const [key, value] of Object.entries(SIMULATOR_LIMITS)) {
      expect(key).toMatch(/^(dynamodb|lambda|iam|cloudfront)\.[a-z][A-Za-z]+$/);
      expect(Number.isFinite(value), key).toBe(true);
    }
  });
});
