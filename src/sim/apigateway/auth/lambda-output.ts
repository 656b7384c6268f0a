// Reads what a Lambda authorizer answered (APIGW-12): the literal error "Unauthorized" is a 401; any
// other function error is a 500 AUTHORIZER_FAILURE; output without a principalId or a usable
// policyDocument, or with a nested context value, is a 500 AUTHORIZER_CONFIGURATION_ERROR.
import { parsePolicyDocument } from '../../iam/index.js';
import type { AuthContext, AuthOutcome } from './contract.js';
import { authorizerFailure, configurationError, unauthorized } from './outcomes.js';

/** What a Lambda authorizer decided, as plain data (the cache stores it as is). */
export interface AuthorizerResult {
  readonly principalId: string;
  /** The policy document exactly as the function returned it. */
  readonly policyDocument: unknown;
  readonly context: AuthContext;
  readonly usageIdentifierKey?: string;
}

export type ParsedOutput = { readonly kind: 'result'; readonly result: AuthorizerResult } | { readonly kind: 'outcome'; readonly outcome: AuthOutcome };

const outcome = (value: AuthOutcome): ParsedOutput => ({ kind: 'outcome', outcome: value });

function parseJson(payload: string): unknown {
  try {
    return JSON.parse(payload) as unknown;
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** Context values must be strings, numbers or booleans (APIGW-12); the first other one is named. */
function parseContext(value: unknown): { readonly context: AuthContext } | { readonly problem: string } {
  if (value === undefined || value === null) return { context: {} };
  if (!isRecord(value)) return { problem: 'context must be an object of string, number or boolean values' };
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string' && typeof entry !== 'number' && typeof entry !== 'boolean') {
      return { problem: `context.${key} is ${describeValue(entry)}; only string, number and boolean values are allowed` };
    }
  }
  return { context: value as AuthContext };
}

function parseFunctionError(payload: string): ParsedOutput {
  const body = parseJson(payload);
  const message = isRecord(body) ? body['errorMessage'] : undefined;
  // Only this exact message means "no credentials": 401 (APIGW-12).
  if (message === 'Unauthorized') return outcome(unauthorized('the authorizer function raised "Unauthorized"'));
  return outcome(authorizerFailure(`the authorizer function failed: ${typeof message === 'string' ? message : payload}`));
}

function parseResult(payload: string): ParsedOutput {
  const body = parseJson(payload);
  if (!isRecord(body)) return outcome(configurationError('the authorizer function returned something that is not a JSON object'));
  const { principalId, policyDocument, usageIdentifierKey } = body;
  if (typeof principalId !== 'string' && typeof principalId !== 'number') return outcome(configurationError('the authorizer output has no principalId'));
  const policy = parsePolicyDocument(policyDocument, 'identity');
  if (!policy.ok) return outcome(configurationError(`the authorizer output has no usable policyDocument: ${policy.error.message}`));
  const context = parseContext(body['context']);
  if ('problem' in context) return outcome(configurationError(`the authorizer output has a bad context: ${context.problem}`));
  if (usageIdentifierKey !== undefined && typeof usageIdentifierKey !== 'string') return outcome(configurationError('usageIdentifierKey must be a string'));
  const result: AuthorizerResult = {
    principalId: String(principalId),
    policyDocument,
    context: context.context,
    ...(usageIdentifierKey === undefined ? {} : { usageIdentifierKey }),
  };
  return { kind: 'result', result };
}

/** The invocation's answer: a result to cache and evaluate, or the client outcome right away. */
export function parseAuthorizerOutput(answer: { readonly payload: string; readonly functionError?: string }): ParsedOutput {
  return answer.functionError === undefined ? parseResult(answer.payload) : parseFunctionError(answer.payload);
}
