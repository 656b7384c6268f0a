// Proves that SIMULATOR_LIMITS, the table question text interpolates, holds the facts sheet's numbers
// in the units its keys name, computed from the services' own constants (API Gateway status codes
// from its gateway responses).
import { describe, expect, it } from 'vitest';
import { SIMULATOR_LIMITS, apigateway, dynamodb, lambda } from '../../src/sim/index.js';

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
    expect(SIMULATOR_LIMITS['dynamodb.maxNestingLevels']).toBe(32); // DDB-03
    expect(SIMULATOR_LIMITS['dynamodb.minCapacityUnits']).toBe(1); // DDB-06
    expect(SIMULATOR_LIMITS['dynamodb.mrscRegionCount']).toBe(3); // DDB-21
    expect(SIMULATOR_LIMITS['dynamodb.burstWindowSeconds']).toBe(dynamodb.limits.BURST_WINDOW_SECONDS); // DDB-07
  });

  it('converts Lambda and IAM constants', () => {
    expect(SIMULATOR_LIMITS['lambda.memoryMaxMb']).toBe(10_240); // LAM-01
    expect(SIMULATOR_LIMITS['lambda.timeoutMaxMinutes']).toBe(15); // LAM-03
    expect(SIMULATOR_LIMITS['lambda.asyncPayloadMaxMb']).toBe(1); // LAM-07
    expect(SIMULATOR_LIMITS['lambda.pricePerMillionRequestsUsd']).toBe(0.2); // LAM-18
    expect(SIMULATOR_LIMITS['lambda.memoryDefaultMb']).toBe(128); // LAM-01
    expect(SIMULATOR_LIMITS['lambda.ephemeralStorageDefaultMb']).toBe(512); // LAM-04
    expect(SIMULATOR_LIMITS['lambda.pricePerGbSecondUsd']).toBe(0.0000166667); // LAM-18
    expect(SIMULATOR_LIMITS['lambda.whitepaperPricePerGbSecondUsd']).toBe(0.00001667); // LAM-18
    expect(SIMULATOR_LIMITS['lambda.accountConcurrencyDefault']).toBe(lambda.ACCOUNT_CONCURRENCY_DEFAULT); // LAM-10
    expect(SIMULATOR_LIMITS['iam.maxMaxSessionDurationHours']).toBe(12); // COG-07
  });

  it('reads API Gateway numbers from its limits and its gateway responses', () => {
    expect(SIMULATOR_LIMITS['apigateway.accountRatePerSecond']).toBe(10_000); // APIGW-04
    expect(SIMULATOR_LIMITS['apigateway.accountBurstRequests']).toBe(5_000); // APIGW-04
    expect(SIMULATOR_LIMITS['apigateway.restIntegrationTimeoutSeconds']).toBe(29); // APIGW-07
    expect(SIMULATOR_LIMITS['apigateway.httpApiIntegrationTimeoutSeconds']).toBe(30); // APIGW-01
    expect(SIMULATOR_LIMITS['apigateway.payloadMaxMb']).toBe(10); // APIGW-08
    expect(SIMULATOR_LIMITS['apigateway.websocketIdleTimeoutMinutes']).toBe(10); // APIGW-01
    expect(SIMULATOR_LIMITS['apigateway.websocketMaxConnectionHours']).toBe(2); // APIGW-01
    expect(SIMULATOR_LIMITS['apigateway.websocketMessageMaxKb']).toBe(128); // APIGW-01
    expect(SIMULATOR_LIMITS['apigateway.websocketFrameMaxKb']).toBe(32); // APIGW-01
    expect(SIMULATOR_LIMITS['apigateway.websocketNewConnectionsPerSecond']).toBe(500); // APIGW-01
    expect(SIMULATOR_LIMITS['apigateway.cacheTtlMaxSeconds']).toBe(3_600); // APIGW-06
    expect(SIMULATOR_LIMITS['apigateway.authorizerTtlDefaultSeconds']).toBe(300); // APIGW-12
    expect(SIMULATOR_LIMITS['apigateway.signatureClockSkewMinutes']).toBe(5); // APIGW-11
    expect(SIMULATOR_LIMITS['apigateway.throttledStatusCode']).toBe(429); // APIGW-04
    expect(SIMULATOR_LIMITS['apigateway.missingAuthenticationTokenStatusCode']).toBe(403); // APIGW-09
    expect(SIMULATOR_LIMITS['apigateway.httpApiRouteNotFoundStatusCode']).toBe(404); // APIGW-09
    expect(SIMULATOR_LIMITS['apigateway.unauthorizedStatusCode']).toBe(401); // APIGW-12
    expect(SIMULATOR_LIMITS['apigateway.invalidSignatureStatusCode']).toBe(403); // APIGW-11
    expect(SIMULATOR_LIMITS['apigateway.authorizerFailureStatusCode']).toBe(500); // APIGW-12
    expect(SIMULATOR_LIMITS['apigateway.malformedProxyResponseStatusCode']).toBe(502); // APIGW-09
    expect(SIMULATOR_LIMITS['apigateway.integrationTimeoutStatusCode']).toBe(504); // APIGW-07
    expect(SIMULATOR_LIMITS['apigateway.requestTooLargeStatusCode']).toBe(413); // APIGW-08
    expect(SIMULATOR_LIMITS['apigateway.accountBurstRequests']).toBe(apigateway.ACCOUNT_BURST); // APIGW-04
  });

  it('converts Cognito token and credential lifetimes to the units in their names', () => {
    expect(SIMULATOR_LIMITS['cognito.idTokenDefaultHours']).toBe(1); // COG-04
    expect(SIMULATOR_LIMITS['cognito.idAccessTokenMinMinutes']).toBe(5); // COG-04
    expect(SIMULATOR_LIMITS['cognito.idAccessTokenMaxDays']).toBe(1); // COG-04
    expect(SIMULATOR_LIMITS['cognito.refreshTokenDefaultDays']).toBe(30); // COG-04
    expect(SIMULATOR_LIMITS['cognito.refreshTokenMinMinutes']).toBe(60); // COG-04
    expect(SIMULATOR_LIMITS['cognito.refreshTokenMaxYears']).toBe(10); // COG-04
    expect(SIMULATOR_LIMITS['cognito.enhancedFlowCredentialsHours']).toBe(1); // COG-07
    expect(SIMULATOR_LIMITS['cognito.minWebIdentityDurationSeconds']).toBe(900); // COG-07
    expect(SIMULATOR_LIMITS['cognito.maxRoleMappingRules']).toBe(25); // COG-09
  });

  it('holds only finite numbers under service.nameWithUnit keys', () => {
    for (const [key, value] of Object.entries(SIMULATOR_LIMITS)) {
      expect(key).toMatch(/^(dynamodb|lambda|iam|apigateway|cognito|cloudfront|stepfunctions)\.[a-z][A-Za-z]+$/);
      expect(Number.isFinite(value), key).toBe(true);
    }
  });
});
