// Temporary AWS credentials (slot `sts`): every set Cognito or STS hands out, keyed by its `ASIA...`
// access key id, with the role it acts as, its session policies (COG-08) and the web-identity context
// keys its policies can use (COG-10). Also the sandbox's named profiles (`--profile`, `sim profile`).
import { fail, ok, awsError, type AwsError, type Result } from '../result.js';
import type { World } from '../world.js';
import * as ids from './ids.js';
import { cliTime } from './request.js';

export const STS_SLOT = 'sts';

export interface CredentialState {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly roleArn: string;
  readonly sessionName: string;
  readonly issuedMs: number;
  readonly expirationMs: number;
  /** Context keys from the web identity: `cognito-identity.amazonaws.com:sub` ... (COG-10). */
  readonly context: Readonly<Record<string, string | readonly string[]>>;
  /** Managed session policies that narrow the role (COG-08, IAM-04). */
  readonly sessionPolicyArns: readonly string[];
  /** The operation that issued them. */
  readonly issuedBy: string;
}

export interface StsState {
  readonly credentials: Record<string, CredentialState>;
  /** Profile name → access key id. */
  readonly profiles: Record<string, string>;
  activeProfile?: string;
  /** The last credentials issued, for `sim profile save`. */
  lastAccessKeyId?: string;
}

export function stsState(world: World): StsState {
  return world.service<StsState>(STS_SLOT, () => ({ credentials: {}, profiles: {} }));
}

export interface IssueRequest {
  readonly roleArn: string;
  readonly sessionName: string;
  readonly durationSeconds: number;
  readonly context: Readonly<Record<string, string | readonly string[]>>;
  readonly sessionPolicyArns: readonly string[];
  readonly issuedBy: string;
}

export function issueCredentials(world: World, request: IssueRequest): CredentialState {
  const stream = world.rng.stream('sts.keys');
  const credential: CredentialState = {
    accessKeyId: ids.temporaryAccessKeyId(stream),
    secretAccessKey: ids.secretAccessKey(stream),
    sessionToken: `IQoJb3JpZ2luX2Vj${ids.opaqueToken(stream, 300)}`,
    roleArn: request.roleArn,
    sessionName: request.sessionName,
    issuedMs: world.nowMs,
    expirationMs: world.nowMs + request.durationSeconds * 1_000,
    context: request.context,
    sessionPolicyArns: request.sessionPolicyArns,
    issuedBy: request.issuedBy,
  };
  const state = stsState(world);
  state.credentials[credential.accessKeyId] = credential;
  state.lastAccessKeyId = credential.accessKeyId;
  return credential;
}

/** The assumed-role session ARN of a credential set: `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`. */
export function sessionArnOf(credential: CredentialState): string {
  const [, , , , accountId = '', resource = ''] = credential.roleArn.split(':');
  return `arn:aws:sts::${accountId}:assumed-role/${resource.split('/').pop() ?? ''}/${credential.sessionName}`;
}

/** The `Credentials` member as the AWS CLI prints it. */
export function credentialsOutput(credential: CredentialState, secretMember: 'SecretKey' | 'SecretAccessKey'): Record<string, unknown> {
  return { AccessKeyId: credential.accessKeyId, [secretMember]: credential.secretAccessKey, SessionToken: credential.sessionToken, Expiration: cliTime(credential.expirationMs) };
}

/**
 * The API Gateway port (AuthPorts.resolveCredentials): the secret and principal behind an access key
 * id, or undefined when the key is unknown or has expired on the virtual clock.
 */
export function resolveCredentials(world: World, accessKeyId: string): { readonly secretAccessKey: string; readonly principalArn: string; readonly sessionToken?: string } | undefined {
  const credential = stsState(world).credentials[accessKeyId];
  if (credential === undefined || world.nowMs >= credential.expirationMs) return undefined;
  return { secretAccessKey: credential.secretAccessKey, principalArn: sessionArnOf(credential), sessionToken: credential.sessionToken };
}

/** Who makes a call: the sandbox's administrator (no profile in use), or a credential set. */
export type Caller = { readonly kind: 'administrator' } | { readonly kind: 'credentials'; readonly credential: CredentialState };

/** The AWS CLI's own error when a profile does not exist (it never reaches AWS). */
export function profileNotFound(name: string): AwsError {
  return awsError('ProfileNotFound', 255, `The config profile (${name}) could not be found`);
}

/** S3 and STS word expiry this way (`ExpiredToken`); other services say `ExpiredTokenException`. */
export function expiredToken(): AwsError {
  return awsError('ExpiredToken', 400, 'The provided token has expired.');
}

/**
 * The caller of a command: `--profile NAME` if given, else the profile `sim profile use` chose, else
 * the administrator. Expired credentials are refused here, before any policy is read.
 */
export function resolveCaller(world: World, profile: string | undefined): Result<Caller> {
  const state = stsState(world);
  const name = profile ?? state.activeProfile;
  if (name === undefined) return ok({ kind: 'administrator' });
  const accessKeyId = state.profiles[name];
  const credential = accessKeyId === undefined ? undefined : state.credentials[accessKeyId];
  if (credential === undefined) return fail(profileNotFound(name));
  if (world.nowMs >= credential.expirationMs) return fail(expiredToken());
  return ok({ kind: 'credentials', credential });
}
