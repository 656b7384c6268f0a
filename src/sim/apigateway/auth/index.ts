// The public surface of API Gateway's authorizers: `authorize` for the request pipeline, the SigV4
// signer and verifier, config validation, the result cache view for `sim show api`, and the types of
// the contract (contract.ts) shared with the pipeline.
export { authorize, traceOutcomeOf } from './authorize.js';
export { describeAuthorizerCache, type AuthorizerCacheRow } from './cache.js';
export { validateAuthorizerConfig } from './config.js';
export type * from './contract.js';
export { tokenUseProblem } from './cognito-authorizer.js';
export { parseIdentitySource, type IdentitySource } from './identity-source.js';
export { principalOfArn } from './iam-authorizer.js';
export { matchesValidationExpression } from './lambda-authorizer.js';
export { AUTHORIZER_CACHE_SLOT, DEFAULT_RESULT_TTL_SECONDS, MAX_RESULT_TTL_SECONDS, SIGNATURE_CLOCK_SKEW_MS } from './limits.js';
export { EXPLICIT_DENY_MESSAGE, IMPLICIT_DENY_MESSAGE, statusCodeOf } from './outcomes.js';
export { amzDateOf, signRequest, type SignInput, type SignedRequest } from './sigv4.js';
export { MISSING_TOKEN_MESSAGE, SIGNATURE_MISMATCH_MESSAGE, parseAuthorizationHeader, verifySignature, type SignatureCheck, type VerifyOptions } from './sigv4-verify.js';
