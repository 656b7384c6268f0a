// Enhanced flow, step 2 (COG-07): GetCredentialsForIdentity picks the role (default roles, or the
// provider's role mapping: Token or Rules, COG-09), checks the role's trust policy the way STS would
// (COG-06), scopes guest credentials down with AmazonCognitoUnAuthedIdentitiesSessionPolicy (COG-08)
// and issues 1-hour credentials.
import type { ApiDocument } from '../cli/operation-spec.js';
import { evaluateTrust } from '../iam/index.js';
import { fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { credentialsOutput, issueCredentials } from './credentials.js';
import { invalidPoolConfiguration, notAuthorized } from './errors.js';
import { COGNITO_IDENTITY_PROVIDER } from './federation.js';
import { amrOf, identityWithLogins } from './identity-pools.js';
import { ENHANCED_FLOW_CREDENTIALS_SECONDS } from './limits.js';
import type { CheckedLogin } from './logins.js';
import type { IdentityPoolState, RoleMapping, RoleMappingRule } from './model.js';
import { optionalText, recordCall, stringMap, text } from './request.js';

/** COG-08: the managed session policy Cognito adds to guest credentials in the enhanced flow. */
export const GUEST_SESSION_POLICY_ARN = 'arn:aws:iam::aws:policy/service-role/AmazonCognitoUnAuthedIdentitiesSessionPolicy';

function claimValues(login: CheckedLogin, claim: string): string[] {
  const value = login.claims[claim];
  return Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
}

function ruleMatches(rule: RoleMappingRule, values: readonly string[]): boolean {
  switch (rule.MatchType) {
    case 'Equals':
      return values.includes(rule.Value);
    case 'Contains':
      return values.some((value) => value.includes(rule.Value));
    case 'StartsWith':
      return values.some((value) => value.startsWith(rule.Value));
    case 'NotEqual':
      return values.length > 0 && !values.includes(rule.Value);
    default:
      return false;
  }
}

/** The mapped role of a login, `undefined` when the mapping cannot decide (ambiguous), or null without a mapping. */
/** Mappings are keyed `provider:clientId` for user pools (as Cognito keys them) or by provider name. */
function mappingFor(pool: IdentityPoolState, login: CheckedLogin): RoleMapping | undefined {
  return pool.roleMappings[`${login.provider}:${pool.userPoolProviders[login.provider] ?? ''}`] ?? pool.roleMappings[login.provider];
}

function mappedRole(pool: IdentityPoolState, login: CheckedLogin, customRoleArn: string | undefined): string | undefined | null {
  const mapping = mappingFor(pool, login);
  if (mapping === undefined) return null;
  if (mapping.Type === 'Rules') return (mapping.RulesConfiguration?.Rules ?? []).find((rule) => ruleMatches(rule, claimValues(login, rule.Claim)))?.RoleARN;
  const roles = claimValues(login, 'cognito:roles');
  if (customRoleArn !== undefined && roles.includes(customRoleArn)) return customRoleArn;
  const preferred = claimValues(login, 'cognito:preferred_role')[0];
  return preferred ?? (roles.length === 1 ? roles[0] : undefined);
}

/** COG-09: the role for this call; AmbiguousRoleResolution decides when the mapping cannot. */
export function chooseRole(pool: IdentityPoolState, logins: readonly CheckedLogin[], customRoleArn: string | undefined): Result<string> {
  const [login] = logins;
  if (login === undefined) {
    if (!pool.allowUnauthenticated) return fail(notAuthorized('Unauthenticated access is not supported for this identity pool.'));
    return pool.roles.unauthenticated === undefined ? fail(invalidPoolConfiguration()) : ok(pool.roles.unauthenticated);
  }
  const mapped = mappedRole(pool, login, customRoleArn);
  if (typeof mapped === 'string') return ok(mapped);
  const mapping = mappingFor(pool, login);
  // Wording from memory for the Deny case.
  if (mapped === undefined && mapping?.AmbiguousRoleResolution === 'Deny') return fail(notAuthorized(`Ambiguous role mapping rules for: ${login.provider}`));
  return pool.roles.authenticated === undefined ? fail(invalidPoolConfiguration()) : ok(pool.roles.authenticated);
}

export function getCredentialsForIdentity(world: World, request: ApiDocument): Result<ApiDocument> {
  const identityId = text(request, 'IdentityId');
  const found = identityWithLogins(world, identityId, stringMap(request, 'Logins'));
  let result: Result<ApiDocument> = found.ok ? ok({}) : found;
  if (found.ok) {
    const { pool, logins } = found.value;
    const role = chooseRole(pool, logins, optionalText(request, 'CustomRoleArn'));
    result = role.ok ? issueForRole(world, pool, identityId, logins, role.value) : role;
  }
  return recordCall(world, 'cognito-identity', 'GetCredentialsForIdentity', result, { identityId });
}

function issueForRole(world: World, pool: IdentityPoolState, identityId: string, logins: readonly CheckedLogin[], roleArn: string): Result<ApiDocument> {
  const amr = amrOf(logins);
  const context = { [`${COGNITO_IDENTITY_PROVIDER}:aud`]: pool.id, [`${COGNITO_IDENTITY_PROVIDER}:amr`]: amr, [`${COGNITO_IDENTITY_PROVIDER}:sub`]: identityId };
  const trust = evaluateTrust(world, roleArn, { principal: { type: 'WebIdentity', arn: COGNITO_IDENTITY_PROVIDER, accountId: '' }, action: 'sts:AssumeRoleWithWebIdentity', context });
  if (!trust.ok || trust.value.effect !== 'Allow') return fail(invalidPoolConfiguration());
  const credential = issueCredentials(world, {
    roleArn,
    sessionName: 'CognitoIdentityCredentials',
    durationSeconds: ENHANCED_FLOW_CREDENTIALS_SECONDS,
    context,
    sessionPolicyArns: logins.length === 0 ? [GUEST_SESSION_POLICY_ARN] : [],
    issuedBy: 'GetCredentialsForIdentity',
  });
  return ok({ IdentityId: identityId, Credentials: credentialsOutput(credential, 'SecretKey') });
}
