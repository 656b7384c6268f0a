// The generated question families: each builds a question from a seed and computes its answer by
// running the simulator, so the answer cannot disagree with what the scenarios show.
import { authorizerFamily } from './apigateway-authorizer.js';
import { apiThrottleFamily } from './apigateway-throttle.js';
import { validationFamily } from './apigateway-validation.js';
import type { GeneratorFamily } from './build.js';
import { identityPoolRoleFamily } from './cognito.js';
import { burstFamily, readUnitsFamily, writeUnitsFamily } from './dynamodb-capacity.js';
import { daxFamily, ttlFamily } from './dynamodb-features.js';
import { iamDecisionFamily } from './iam.js';
import { concurrencyFamily, lambdaCostFamily } from './lambda.js';
import { retryTimingFamily } from './stepfunctions.js';

export type { GeneratedQuestion, GeneratorFamily } from './build.js';
export { concurrencyNeeded } from './lambda.js';

export const GENERATOR_FAMILIES: readonly GeneratorFamily[] = [
  readUnitsFamily,
  writeUnitsFamily,
  burstFamily,
  ttlFamily,
  daxFamily,
  lambdaCostFamily,
  concurrencyFamily,
  iamDecisionFamily,
  apiThrottleFamily,
  authorizerFamily,
  validationFamily,
  identityPoolRoleFamily,
  retryTimingFamily,
];

export function findFamily(id: string): GeneratorFamily | undefined {
  return GENERATOR_FAMILIES.find((family) => family.id === id);
}
