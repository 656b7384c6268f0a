// Checks an authorizer's configuration before it is used, collecting every problem at once: the
// result TTL (0 … 3,600 s, APIGW-12), identity sources, the TOKEN validation expression, REQUEST
// identity sources when caching is on (APIGW-12), Cognito provider ARNs (1 … 1,000, APIGW-13).
import { awsError, fail, ok, type Result } from '../../result.js';
import type { AuthorizerConfig } from './contract.js';
import { parseIdentitySource } from './identity-source.js';
import { MAX_COGNITO_PROVIDER_ARNS, MAX_RESULT_TTL_SECONDS } from './limits.js';

function checkTtl(ttlSeconds: number, problems: string[]): void {
  // 0 turns caching off; 3,600 s is the ceiling (APIGW-12).
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 0 || ttlSeconds > MAX_RESULT_TTL_SECONDS) {
    problems.push(`resultTtlSeconds: expected a whole number of seconds from 0 (no caching) to ${MAX_RESULT_TTL_SECONDS}, found ${ttlSeconds}`);
  }
}

function checkSource(path: string, text: string, problems: string[], headerOnly: boolean): void {
  const source = parseIdentitySource(text);
  if (source === undefined) {
    problems.push(`${path}: "${text}" is not an identity source; expected method.request.header.NAME, method.request.querystring.NAME, stageVariables.NAME or context.NAME`);
  } else if (headerOnly && source.kind !== 'header') {
    problems.push(`${path}: "${text}" must be a header (method.request.header.NAME) for this authorizer type`);
  }
}

function checkName(name: string, problems: string[]): void {
  if (name.trim() === '') problems.push('name: expected a non-empty authorizer name');
}

function checkRegex(expression: string, problems: string[]): void {
  try {
    new RegExp(expression);
  } catch {
    problems.push(`identityValidationExpression: "${expression}" is not a valid regular expression`);
  }
}

function collectProblems(config: AuthorizerConfig): string[] {
  const problems: string[] = [];
  switch (config.type) {
    case 'TOKEN':
      checkName(config.name, problems);
      checkSource('identitySource', config.identitySource, problems, true);
      if (config.identityValidationExpression !== undefined) checkRegex(config.identityValidationExpression, problems);
      checkTtl(config.resultTtlSeconds, problems);
      break;
    case 'REQUEST':
      checkName(config.name, problems);
      config.identitySources.forEach((text, index) => checkSource(`identitySources[${index}]`, text, problems, false));
      checkTtl(config.resultTtlSeconds, problems);
      // The cache key is made of the identity sources, so caching needs at least one (APIGW-12).
      if (config.resultTtlSeconds > 0 && config.identitySources.length === 0) {
        problems.push('identitySources: a REQUEST authorizer with caching on (resultTtlSeconds > 0) needs at least one identity source; add one or set resultTtlSeconds to 0');
      }
      break;
    case 'COGNITO_USER_POOLS':
      checkName(config.name, problems);
      checkSource('identitySource', config.identitySource, problems, true);
      if (config.providerArns.length === 0 || config.providerArns.length > MAX_COGNITO_PROVIDER_ARNS) {
        problems.push(`providerArns: expected 1 to ${MAX_COGNITO_PROVIDER_ARNS} user pool ARNs, found ${config.providerArns.length}`);
      }
      break;
    case 'AWS_IAM':
      break;
    default: {
      const unknown: never = config;
      problems.push(`type: unknown authorizer type ${JSON.stringify(unknown)}`);
    }
  }
  return problems;
}

/** The config unchanged, or a 400 BadRequestException listing every problem (one per line). */
export function validateAuthorizerConfig(config: AuthorizerConfig): Result<AuthorizerConfig> {
  const problems = collectProblems(config);
  if (problems.length === 0) return ok(config);
  const label = 'name' in config ? `Authorizer "${config.name}"` : `Authorizer of type ${config.type}`;
  const message = `${label} is not valid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`;
  return fail(awsError('BadRequestException', 400, message, { details: { problems } }));
}
