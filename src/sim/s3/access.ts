// Who may do what in S3: the caller from `--profile` (or `sim profile use`), judged by IAM with the
// caller's role, session policies and the bucket policy (IAM-01..04, COG-08, COG-10). The sandbox's
// administrator (no profile) may do everything. AccessDenied is worded as S3 words it today.
import type { ApiDocument } from '../cli/operation-spec.js';
import { authorizeCredentials, resolveCaller, sessionArnOf, type CredentialState } from '../cognito/index.js';
import { awsError, fail, ok, type AwsError, type Result } from '../result.js';
import type { World } from '../world.js';
import type { BucketState } from './model.js';

export interface S3Access {
  readonly action: string;
  readonly resource: string;
  readonly bucket?: BucketState;
  readonly context?: Readonly<Record<string, string>>;
}

function deniedBecause(world: World, credential: CredentialState, access: S3Access, request: Parameters<typeof authorizeCredentials>[2], explicitKind: string | undefined): string {
  if (explicitKind !== undefined) return `with an explicit deny in a${explicitKind === 'resource' ? ' resource-based' : explicitKind === 'session' ? ' session' : 'n identity-based'} policy`;
  if (credential.sessionPolicyArns.length > 0 && authorizeCredentials(world, { ...credential, sessionPolicyArns: [] }, request).effect === 'Allow') {
    return `because no session policy allows the ${access.action} action`;
  }
  return `because no identity-based policy allows the ${access.action} action`;
}

function accessDenied(world: World, credential: CredentialState, access: S3Access, reason: string): AwsError {
  return awsError('AccessDenied', 403, `User: ${sessionArnOf(credential)} is not authorized to perform: ${access.action} on resource: "${access.resource}" ${reason}`);
}

/** ok(undefined) when the caller may make the call; AccessDenied, ExpiredToken or ProfileNotFound otherwise. */
export function checkAccess(world: World, request: ApiDocument, access: S3Access): Result<undefined> {
  const caller = resolveCaller(world, typeof request['CallerProfile'] === 'string' ? request['CallerProfile'] : undefined);
  if (!caller.ok) return caller;
  if (caller.value.kind === 'administrator') return ok(undefined);
  const { credential } = caller.value;
  const policy = access.bucket?.policy;
  const evaluation = {
    action: access.action,
    resource: access.resource,
    resourceAccountId: world.accountId,
    ...(policy === undefined ? {} : { resourcePolicy: { name: 'bucket policy', document: policy } }),
    ...(access.context === undefined ? {} : { context: access.context }),
  };
  const decision = authorizeCredentials(world, credential, evaluation);
  if (decision.effect === 'Allow') return ok(undefined);
  const explicitKind = decision.effect === 'ExplicitDeny' ? decision.decidingStatements[0]?.policyKind : undefined;
  return fail(accessDenied(world, credential, access, deniedBecause(world, credential, access, evaluation, explicitKind)));
}
