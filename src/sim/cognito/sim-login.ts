// `sim cognito login`: the whole enhanced flow in one line, for scenario scripts and the REPL, where
// typing a 1,000-character ID token is not practical. It runs the real operations in order (each
// records its own trace event and may fail with its own error): InitiateAuth (USER_PASSWORD_AUTH)
// when a user is given, GetId, GetCredentialsForIdentity, then saves the credentials as a profile.
// Pools and clients may be named by id or by name.
import type { SimCommandSpec, SimOutput } from '../cli/sim-command-spec.js';
import { stringifyAwsJson } from '../cli/format-output.js';
import { fail, ok, validationError, type Result } from '../result.js';
import type { World } from '../world.js';
import { stsState } from './credentials.js';
import { getCredentialsForIdentity } from './identity-credentials.js';
import { getId } from './identity-pools.js';
import { cognitoState } from './model.js';
import { initiateAuth } from './sign-in.js';
import { userPoolIssuer } from './limits.js';

interface LoginInput {
  readonly identityPool: string;
  readonly userPool?: string;
  readonly client?: string;
  readonly username?: string;
  readonly password?: string;
  readonly profile?: string;
}

function findIds(world: World, input: LoginInput): Result<{ identityPoolId: string; provider?: string; clientId?: string }> {
  const state = cognitoState(world);
  const identityPool = Object.values(state.identityPools).find((pool) => pool.id === input.identityPool || pool.name === input.identityPool);
  if (identityPool === undefined) return fail(validationError(`No identity pool has the id or name "${input.identityPool}".`));
  if (input.username === undefined) return ok({ identityPoolId: identityPool.id });
  const userPool = Object.values(state.userPools).find((pool) => pool.id === input.userPool || pool.name === input.userPool);
  if (userPool === undefined) return fail(validationError(`No user pool has the id or name "${input.userPool ?? ''}" (give --user-pool with --username).`));
  const client = Object.values(userPool.clients).find((entry) => entry.clientId === input.client || entry.clientName === input.client);
  if (client === undefined) return fail(validationError(`The user pool has no app client with the id or name "${input.client ?? ''}" (give --client with --username).`));
  return ok({ identityPoolId: identityPool.id, provider: userPoolIssuer(userPool.region, userPool.id).replace('https://', ''), clientId: client.clientId });
}

function signIn(world: World, clientId: string, input: LoginInput): Result<string> {
  const auth = initiateAuth(world, { ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: input.username ?? '', PASSWORD: input.password ?? '' } });
  if (!auth.ok) return auth;
  const tokens = auth.value['AuthenticationResult'] as { IdToken?: string } | undefined;
  if (tokens?.IdToken === undefined) return fail(validationError(`Sign-in needs the ${String(auth.value['ChallengeName'])} challenge: use aws cognito-idp respond-to-auth-challenge instead.`));
  return ok(tokens.IdToken);
}

export function login(world: World, input: LoginInput): Result<Readonly<Record<string, unknown>>> {
  const found = findIds(world, input);
  if (!found.ok) return found;
  const { identityPoolId, provider, clientId } = found.value;
  let logins: Record<string, string> = {};
  if (provider !== undefined && clientId !== undefined) {
    const token = signIn(world, clientId, input);
    if (!token.ok) return token;
    logins = { [provider]: token.value };
  }
  const identity = getId(world, { IdentityPoolId: identityPoolId, Logins: logins });
  if (!identity.ok) return identity;
  const identityId = String(identity.value['IdentityId']);
  const credentials = getCredentialsForIdentity(world, { IdentityId: identityId, Logins: logins });
  if (!credentials.ok) return credentials;
  const profile = input.profile ?? input.username ?? 'guest';
  const state = stsState(world);
  const accessKeyId = String((credentials.value['Credentials'] as Record<string, unknown>)['AccessKeyId']);
  state.profiles[profile] = accessKeyId;
  const credential = state.credentials[accessKeyId];
  return ok({ profile, identityId, accessKeyId, roleArn: credential?.roleArn ?? '', expiration: (credentials.value['Credentials'] as Record<string, unknown>)['Expiration'], sessionPolicyArns: credential?.sessionPolicyArns ?? [] });
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export const SIM_LOGIN_COMMAND: SimCommandSpec = {
  words: ['cognito', 'login'],
  args: [],
  flags: [
    { flag: '--identity-pool', type: 'string', required: true, description: 'The identity pool, by id or name.' },
    { flag: '--user-pool', type: 'string', required: false, description: 'The user pool, by id or name (with --username).' },
    { flag: '--client', type: 'string', required: false, description: 'The app client, by id or name (with --username).' },
    { flag: '--username', type: 'string', required: false, description: 'Signs in as this user; without it, a guest identity.' },
    { flag: '--password', type: 'string', required: false, description: "The user's password." },
    { flag: '--profile', type: 'string', required: false, description: 'The profile to save the credentials as (default: the user name, or guest).' },
  ],
  summary: 'Signs in (or not, for a guest), gets an identity and enhanced-flow credentials, and saves them as a profile.',
  example: 'sim cognito login --identity-pool App --user-pool Users --client web --username alice --password Corr3ct-horse',
  output: '`{profile, identityId, accessKeyId, roleArn, expiration, sessionPolicyArns}`.',
  run: (session, input) => {
    const { flags } = input;
    const optional = (name: string) => (text(flags[name]) === undefined ? {} : { [name === 'user-pool' ? 'userPool' : name]: text(flags[name]) });
    const request = { identityPool: text(flags['identity-pool']) ?? '', ...optional('user-pool'), ...optional('client'), ...optional('username'), ...optional('password'), ...optional('profile') };
    const result = login(session.world, request);
    return result.ok ? ok<SimOutput>({ json: result.value, text: `${stringifyAwsJson(result.value, 2)}\n` }) : result;
  },
};
