// Cognito's `sim` rows: the simulated inbox, a JWT decoder, the JWKS of a pool, tokens from the
// simulated external IdP, and the sandbox's named credential profiles (`--profile NAME`).
import { stringifyAwsJson } from '../cli/format-output.js';
import type { SimCommandSpec, SimOutput } from '../cli/sim-command-spec.js';
import { fail, ok, validationError, type Result } from '../result.js';
import { profileNotFound, stsState } from './credentials.js';
import { recordFederatedSignIn } from './federated-sign-in.js';
import { EXTERNAL_PROVIDERS, mintExternalToken } from './federation.js';
import { decodeJwt } from './jwt.js';
import { cognitoState } from './model.js';
import { cliTime, findUserPool } from './request.js';
import { totpCode } from './totp.js';
import { userPoolJwks } from './user-pools.js';
import { SIM_LOGIN_COMMAND } from './sim-login.js';

const asJson = (json: Readonly<Record<string, unknown>>): Result<SimOutput> => ok({ json, text: `${stringifyAwsJson(json, 2)}\n` });
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

export const COGNITO_SIM_COMMANDS: readonly SimCommandSpec[] = [
  {
    words: ['inbox'],
    args: [],
    flags: [{ flag: '--to', type: 'string', required: false, description: 'Only messages to this address or user name.' }],
    summary: 'Shows the simulated inbox: Cognito confirmation codes and SNS email.',
    example: 'sim inbox --to alice@example.com',
    output: '`{messages: [{time, to, subject, body, code}]}`, oldest first.',
    run: (session, input) => {
      const to = input.flags['to'];
      const messages = cognitoState(session.world).inbox.filter((message) => to === undefined || message.to === to);
      const json = { messages: messages.map((message) => ({ time: cliTime(message.timeMs), to: message.to, subject: message.subject, body: message.body, code: message.code })) };
      const lines = messages.map((message) => `${cliTime(message.timeMs)}  to ${message.to}  ${message.subject}: ${message.body}\n`);
      return ok({ json, text: messages.length === 0 ? 'The inbox is empty.\n' : lines.join('') });
    },
  },
  {
    words: ['jwt', 'decode'],
    args: [{ name: 'TOKEN', type: 'string', required: true, description: 'An ID, access or OpenID token.' }],
    flags: [],
    summary: 'Shows the header and claims of a JWT (without checking its signature).',
    example: 'sim jwt decode eyJraWQiOi...',
    output: '`{header, claims}`.',
    run: (_session, input) => {
      const decoded = decodeJwt(str(input.args['TOKEN']));
      return decoded === undefined ? fail(validationError('That is not a JWT: expected three base64url parts separated by dots.')) : asJson({ header: decoded.header, claims: decoded.claims });
    },
  },
  {
    words: ['jwks'],
    args: [{ name: 'USER_POOL_ID', type: 'string', required: true, description: 'The user pool id.' }],
    flags: [],
    summary: "Shows a user pool's public keys, as its /.well-known/jwks.json publishes them (COG-05).",
    example: 'sim jwks us-east-1_AbC123xyZ',
    output: '`{keys: [{alg, e, kid, kty, n, use}]}`.',
    run: (session, input) => {
      const pool = findUserPool(session.world, str(input.args['USER_POOL_ID']));
      return pool.ok ? asJson(userPoolJwks(pool.value)) : pool;
    },
  },
  {
    words: ['idp', 'token'],
    args: [],
    flags: [
      { flag: '--provider', type: 'string', required: true, description: `The simulated IdP: ${EXTERNAL_PROVIDERS.join(', ')}.` },
      { flag: '--subject', type: 'string', required: true, description: 'The user at the IdP (the sub claim).' },
      { flag: '--audience', type: 'string', required: true, description: 'The app id the token is for (the aud claim).' },
    ],
    summary: 'Signs in at a simulated external identity provider and shows its ID token (federation).',
    example: 'sim idp token --provider accounts.google.com --subject bob --audience my-google-app',
    output: '`{provider, token}`.',
    run: (session, input) => {
      const provider = str(input.flags['provider']);
      if (!EXTERNAL_PROVIDERS.includes(provider)) return fail(validationError(`Unknown provider "${provider}"; the simulated IdPs are: ${EXTERNAL_PROVIDERS.join(', ')}.`));
      return asJson({ provider, token: mintExternalToken(session.world, provider, str(input.flags['subject']), str(input.flags['audience'])) });
    },
  },
  {
    words: ['idp', 'sign-in'],
    args: [],
    flags: [
      { flag: '--user-pool-id', type: 'string', required: true, description: 'The user pool.' },
      { flag: '--client-id', type: 'string', required: true, description: 'The app client.' },
      { flag: '--provider', type: 'string', required: true, description: 'The provider name given to create-identity-provider, e.g. Google.' },
      { flag: '--token', type: 'string', required: true, description: 'An ID token from sim idp token.' },
    ],
    summary: "Plays the pool's hosted sign-in page with an external IdP: answers the pool's tokens for the linked user Provider_sub.",
    example: 'sim idp sign-in --user-pool-id us-east-1_AbC123xyZ --client-id CLIENT --provider Google --token eyJ...',
    output: '`{AuthenticationResult: {IdToken, AccessToken, RefreshToken, ExpiresIn, TokenType}}`.',
    run: (session, input) => {
      const signedIn = recordFederatedSignIn(session.world, str(input.flags['user-pool-id']), str(input.flags['client-id']), str(input.flags['provider']), str(input.flags['token']));
      return signedIn.ok ? asJson(signedIn.value) : signedIn;
    },
  },
  {
    words: ['totp', 'code'],
    args: [{ name: 'SECRET', type: 'string', required: true, description: 'The SecretCode from associate-software-token.' }],
    flags: [],
    summary: 'Plays the authenticator app: the TOTP code for a secret now, on the virtual clock (RFC 6238, 30 s).',
    example: 'sim totp code JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
    output: '`{code, validForSeconds}`.',
    run: (session, input) => {
      const nowMs = session.world.nowMs;
      return asJson({ code: totpCode(str(input.args['SECRET']), nowMs), validForSeconds: 30 - (Math.floor(nowMs / 1_000) % 30) });
    },
  },
  ...profileCommands(),
  SIM_LOGIN_COMMAND,
];

function profileCommands(): SimCommandSpec[] {
  const name = { name: 'NAME', type: 'string' as const, required: true, description: 'The profile name.' };
  return [
    {
      words: ['profile', 'save'],
      args: [name],
      flags: [],
      summary: 'Keeps the credentials issued last under a profile name, for --profile NAME.',
      example: 'sim profile save alice',
      output: '`{profile, accessKeyId, expiration}`.',
      run: (session, input) => {
        const state = stsState(session.world);
        const accessKeyId = state.lastAccessKeyId;
        const credential = accessKeyId === undefined ? undefined : state.credentials[accessKeyId];
        if (credential === undefined) return fail(validationError('No credentials were issued yet: run get-credentials-for-identity or assume-role-with-web-identity first.'));
        state.profiles[str(input.args['NAME'])] = credential.accessKeyId;
        return asJson({ profile: str(input.args['NAME']), accessKeyId: credential.accessKeyId, expiration: cliTime(credential.expirationMs) });
      },
    },
    {
      words: ['profile', 'use'],
      args: [name],
      flags: [],
      summary: 'Makes later commands run as this profile ("default" goes back to the administrator).',
      example: 'sim profile use alice',
      output: '`{profile}`.',
      run: (session, input) => {
        const state = stsState(session.world);
        const profile = str(input.args['NAME']);
        if (profile === 'default') delete state.activeProfile;
        else if (state.profiles[profile] === undefined) return fail(profileNotFound(profile));
        else state.activeProfile = profile;
        return asJson({ profile });
      },
    },
    {
      words: ['profile', 'list'],
      args: [],
      flags: [],
      summary: 'Lists the saved profiles, the one in use, and when each expires.',
      example: 'sim profile list',
      output: '`{active, profiles: [{name, accessKeyId, roleArn, expiration, isExpired}]}`.',
      run: (session) => {
        const state = stsState(session.world);
        const profiles = Object.entries(state.profiles).sort(([a], [b]) => (a < b ? -1 : 1)).map(([profileName, accessKeyId]) => {
          const credential = state.credentials[accessKeyId];
          return { name: profileName, accessKeyId, roleArn: credential?.roleArn ?? '', expiration: credential === undefined ? '' : cliTime(credential.expirationMs), isExpired: credential === undefined || session.world.nowMs >= credential.expirationMs };
        });
        return asJson({ active: state.activeProfile ?? 'default', profiles });
      },
    },
  ];
}
