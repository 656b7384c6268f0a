// A minimal STS: AssumeRoleWithWebIdentity (the basic flow's last step, COG-07, and direct federation)
// and GetCallerIdentity. The role's trust policy decides (COG-06, IAM-01); credentials last
// DurationSeconds, from 900 s to the role's maximum session; no guest scope-down here (COG-08).
import type { ApiDocument } from '../cli/operation-spec.js';
import { evaluateTrust, resolveRole } from '../iam/index.js';
import { awsError, fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { credentialsOutput, issueCredentials, resolveCaller, sessionArnOf } from './credentials.js';
import { COGNITO_IDENTITY_PROVIDER, checkWebIdentityToken, type CheckedWebIdentity } from './federation.js';
import { DEFAULT_WEB_IDENTITY_DURATION_SECONDS, MIN_WEB_IDENTITY_DURATION_SECONDS } from './limits.js';
import { recordCall, text } from './request.js';

function durationProblem(durationSeconds: number, maxSessionSeconds: number): Result<number> {
  if (durationSeconds < MIN_WEB_IDENTITY_DURATION_SECONDS) {
    return fail(awsError('ValidationError', 400, `1 validation error detected: Value '${durationSeconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to ${MIN_WEB_IDENTITY_DURATION_SECONDS}`));
  }
  if (durationSeconds > maxSessionSeconds) return fail(awsError('ValidationError', 400, 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'));
  return ok(durationSeconds);
}

/** Context keys a web identity brings to the trust policy: `<provider>:aud`, `:sub`, and `:amr` for Cognito. */
function webIdentityContext(identity: CheckedWebIdentity): Record<string, string | readonly string[]> {
  const { provider, claims } = identity;
  const amr = claims['amr'];
  return {
    [`${provider}:aud`]: String(claims['aud']),
    [`${provider}:sub`]: String(claims['sub']),
    ...(Array.isArray(amr) ? { [`${provider}:amr`]: amr.map(String) } : {}),
  };
}

function assume(world: World, request: ApiDocument): Result<ApiDocument> {
  const roleArn = text(request, 'RoleArn');
  const identity = checkWebIdentityToken(world, text(request, 'WebIdentityToken'));
  if (!identity.ok) return identity;
  const role = resolveRole(world, roleArn);
  const context = webIdentityContext(identity.value);
  const trust = evaluateTrust(world, roleArn, { principal: { type: 'WebIdentity', arn: identity.value.provider, accountId: '' }, action: 'sts:AssumeRoleWithWebIdentity', context });
  if (!role.ok || !trust.ok || trust.value.effect !== 'Allow') return fail(awsError('AccessDenied', 403, 'Not authorized to perform sts:AssumeRoleWithWebIdentity'));
  const requested = typeof request['DurationSeconds'] === 'number' ? request['DurationSeconds'] : DEFAULT_WEB_IDENTITY_DURATION_SECONDS;
  const duration = durationProblem(requested, role.value.maxSessionDurationSeconds);
  if (!duration.ok) return duration;
  const sessionName = text(request, 'RoleSessionName');
  const credential = issueCredentials(world, { roleArn: role.value.arn, sessionName, durationSeconds: duration.value, context, sessionPolicyArns: [], issuedBy: 'AssumeRoleWithWebIdentity' });
  return ok({
    Credentials: credentialsOutput(credential, 'SecretAccessKey'),
    SubjectFromWebIdentityToken: String(identity.value.claims['sub']),
    AssumedRoleUser: { AssumedRoleId: `${role.value.roleId}:${sessionName}`, Arn: sessionArnOf(credential) },
    Provider: identity.value.provider === COGNITO_IDENTITY_PROVIDER ? COGNITO_IDENTITY_PROVIDER : identity.value.provider,
    Audience: String(identity.value.claims['aud']),
  });
}

export function assumeRoleWithWebIdentity(world: World, request: ApiDocument): Result<ApiDocument> {
  return recordCall(world, 'sts', 'AssumeRoleWithWebIdentity', assume(world, request), { roleArn: text(request, 'RoleArn') });
}

/** Who the command's credentials are: `--profile`, the active profile, or the sandbox administrator. */
export function getCallerIdentity(world: World, request: ApiDocument): Result<ApiDocument> {
  const caller = resolveCaller(world, typeof request['CallerProfile'] === 'string' ? request['CallerProfile'] : undefined);
  let result: Result<ApiDocument> = caller.ok ? ok({}) : caller;
  if (caller.ok && caller.value.kind === 'administrator') {
    result = ok({ UserId: 'AIDASANDBOXADMIN0000', Account: world.accountId, Arn: `arn:aws:iam::${world.accountId}:user/sandbox-admin` });
  } else if (caller.ok && caller.value.kind === 'credentials') {
    const { credential } = caller.value;
    const roleId = resolveRole(world, credential.roleArn);
    result = ok({ UserId: `${roleId.ok ? roleId.value.roleId : 'AROAUNKNOWN'}:${credential.sessionName}`, Account: credential.roleArn.split(':')[4] ?? '', Arn: sessionArnOf(credential) });
  }
  return recordCall(world, 'sts', 'GetCallerIdentity', result, {});
}
