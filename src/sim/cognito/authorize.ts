// What a credential set may do: IAM's evaluation (IAM-01..04) with the role's policies, the session
// policies the credentials carry (COG-08) and an optional resource policy (an S3 bucket policy),
// with the web-identity context keys so `${cognito-identity.amazonaws.com:sub}` resolves (COG-10).
import { evaluate, findManagedPolicy, parsePolicyDocument, resolveRole, rolePolicySet, type Decision, type NamedPolicy } from '../iam/index.js';
import { invariant } from '../result.js';
import type { World } from '../world.js';
import { sessionArnOf, type CredentialState } from './credentials.js';
import { cliTime } from './request.js';

/** The managed session policies of a credential set, as IAM policies (COG-08, IAM-04). */
export function sessionPolicies(credential: CredentialState): NamedPolicy[] {
  return credential.sessionPolicyArns.map((arn) => {
    const managed = findManagedPolicy(arn);
    invariant(managed !== undefined, `session policy ${arn} is not in the catalogue`);
    const parsed = parsePolicyDocument(managed.document, 'identity');
    invariant(parsed.ok, `managed policy ${arn} does not parse`);
    return { name: managed.policyName, document: parsed.value };
  });
}

export interface AuthorizationRequest {
  readonly action: string;
  readonly resource: string;
  /** A resource policy (e.g. a bucket policy) as JSON data, already validated when it was stored. */
  readonly resourcePolicy?: { readonly name: string; readonly document: unknown };
  readonly resourceAccountId?: string;
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
}

/** IAM's decision for a request signed with these credentials; a deleted role denies everything. */
export function authorizeCredentials(world: World, credential: CredentialState, request: AuthorizationRequest): Decision {
  const [, , , , accountId = ''] = credential.roleArn.split(':');
  const principal = { arn: sessionArnOf(credential), accountId, type: 'AssumedRole' as const };
  const context = { ...credential.context, 'aws:CurrentTime': cliTime(world.nowMs).replace('+00:00', 'Z'), 'aws:EpochTime': String(Math.floor(world.nowMs / 1_000)), ...request.context };
  const evaluation = { principal, action: request.action, resource: request.resource, context, ...(request.resourceAccountId === undefined ? {} : { resourceAccountId: request.resourceAccountId }) };
  const role = resolveRole(world, credential.roleArn);
  if (!role.ok) return evaluate(evaluation, {});
  const resource = request.resourcePolicy === undefined ? undefined : parsePolicyDocument(request.resourcePolicy.document, 'resource');
  const extra = {
    ...(resource?.ok === true ? { resource: { name: request.resourcePolicy?.name ?? 'resource policy', document: resource.value } } : {}),
    ...(credential.sessionPolicyArns.length === 0 ? {} : { session: sessionPolicies(credential) }),
  };
  return evaluate(evaluation, rolePolicySet(role.value, extra));
}
