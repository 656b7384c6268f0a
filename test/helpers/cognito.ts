// Shared setup for the Cognito, STS and S3 tests: a sandbox that runs lines and answers their JSON,
// and the usual chain (a pool with a client, a confirmed user, tokens, an identity pool with roles).
import { createSandbox, runSandboxLine } from '../../src/sim/cli/sandbox.js';
import type { SandboxSession } from '../../src/sim/cli/sim-command-spec.js';

export const PASSWORD = 'Corr3ct-horse';

/** Runs one line; answers the JSON output, or the error text when it failed. */
export function run(session: SandboxSession, line: string): { ok: boolean; out: Record<string, any>; text: string } {
  const report = runSandboxLine(session, line);
  return { ok: report.ok, out: (report.output ?? {}) as Record<string, any>, text: report.text };
}

export function must(session: SandboxSession, line: string): Record<string, any> {
  const result = run(session, line);
  if (!result.ok) throw new Error(`${line}\n${result.text}`);
  return result.out;
}

export interface PoolSetup {
  readonly session: SandboxSession;
  readonly poolId: string;
  readonly poolArn: string;
  readonly clientId: string;
  readonly provider: string;
}

export function userPool(extraClientFlags = ''): PoolSetup {
  const session = createSandbox({ seed: 7 });
  const pool = must(session, 'aws cognito-idp create-user-pool --pool-name Users')['UserPool'];
  const client = must(session, `aws cognito-idp create-user-pool-client --user-pool-id ${pool.Id} --client-name web --explicit-auth-flows ALLOW_USER_PASSWORD_AUTH ALLOW_REFRESH_TOKEN_AUTH ${extraClientFlags}`)['UserPoolClient'];
  return { session, poolId: pool.Id, poolArn: pool.Arn, clientId: client.ClientId, provider: `cognito-idp.us-east-1.amazonaws.com/${pool.Id}` };
}

export function confirmedUser(setup: PoolSetup, username: string): void {
  must(setup.session, `aws cognito-idp sign-up --client-id ${setup.clientId} --username ${username} --password ${PASSWORD} --user-attributes Name=email,Value=${username}@example.com`);
  must(setup.session, `aws cognito-idp admin-confirm-sign-up --user-pool-id ${setup.poolId} --username ${username}`);
}

export function signIn(setup: PoolSetup, username: string): { IdToken: string; AccessToken: string; RefreshToken: string; ExpiresIn: number } {
  return must(setup.session, `aws cognito-idp initiate-auth --client-id ${setup.clientId} --auth-flow USER_PASSWORD_AUTH --auth-parameters USERNAME=${username},PASSWORD=${PASSWORD}`)['AuthenticationResult'];
}

export const trustFor = (identityPoolId: string, amr: 'authenticated' | 'unauthenticated'): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{
      Effect: 'Allow',
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': identityPoolId }, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr } },
    }],
  });

/** COG-10: each identity may read and write only under its own identity id. */
export const OWN_PREFIX_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::photos/${cognito-identity.amazonaws.com:sub}/*' }],
});

/** An identity pool over the user pool, with an auth and a guest role (both allowed S3 on their own prefix). */
export function identityPool(setup: PoolSetup, flags = '--allow-unauthenticated-identities'): string {
  const { session } = setup;
  const id = must(session, `aws cognito-identity create-identity-pool --identity-pool-name App ${flags} --cognito-identity-providers ProviderName=${setup.provider},ClientId=${setup.clientId}`)['IdentityPoolId'];
  for (const [role, amr] of [['AuthRole', 'authenticated'], ['GuestRole', 'unauthenticated']] as const) {
    must(session, `aws iam create-role --role-name ${role} --assume-role-policy-document '${trustFor(id, amr)}'`);
    must(session, `aws iam put-role-policy --role-name ${role} --policy-name own-prefix --policy-document '${OWN_PREFIX_POLICY}'`);
  }
  must(session, `aws cognito-identity set-identity-pool-roles --identity-pool-id ${id} --roles authenticated=arn:aws:iam::123456789012:role/AuthRole,unauthenticated=arn:aws:iam::123456789012:role/GuestRole`);
  must(session, 'aws s3api create-bucket --bucket photos');
  return id;
}
