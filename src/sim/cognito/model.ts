// Cognito's state in a world (slot `cognito`): user pools with their clients, users and groups; the
// simulated inbox where confirmation codes arrive; identity pools and their identities. Plain data,
// so world snapshots copy it exactly.
import type { World } from '../world.js';

export const COGNITO_SLOT = 'cognito';

/** FORCE_CHANGE_PASSWORD: created by an administrator, signed in with a temporary password (COG-01). */
export type UserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'EXTERNAL_PROVIDER';

export interface PendingCode {
  readonly code: string;
  readonly expiresAtMs: number;
}

export interface UserState {
  readonly username: string;
  readonly sub: string;
  password: string;
  status: UserStatus;
  enabled: boolean;
  readonly attributes: Record<string, string>;
  readonly createdMs: number;
  pendingCode?: PendingCode;
  /** A ForgotPassword code waiting for ConfirmForgotPassword. */
  resetCode?: PendingCode;
  /** When the temporary password of an admin-created user stops working. */
  temporaryPasswordExpiresAtMs?: number;
  /** Group names, in the order the user joined them. */
  readonly groups: string[];
  /** SMS MFA turned on for this user (admin-set-user-mfa-preference); pools with MFA ON ask everyone. */
  smsMfaEnabled?: boolean;
  /** TOTP: the secret from AssociateSoftwareToken, whether a code verified it, whether MFA uses it. */
  totpSecret?: string;
  isTotpVerified?: boolean;
  totpMfaEnabled?: boolean;
  /** For users who signed in through an external IdP: the link, shown as the `identities` claim. */
  federatedIdentity?: { readonly providerName: string; readonly providerType: string; readonly userId: string; readonly dateCreatedMs: number };
}

/** An external IdP a user pool federates with (`create-identity-provider`). */
export interface PoolIdentityProviderState {
  readonly providerName: string;
  readonly providerType: string;
  /** The app id at the IdP: tokens must carry it as `aud`. */
  readonly clientId: string;
}

/** A sign-in waiting for its MFA code (RespondToAuthChallenge). */
export interface MfaSessionState {
  readonly challengeName: 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'NEW_PASSWORD_REQUIRED';
  readonly username: string;
  readonly clientId: string;
  readonly code: string;
  readonly expiresAtMs: number;
}

export interface ClientState {
  readonly clientId: string;
  readonly clientName: string;
  readonly explicitAuthFlows: readonly string[];
  readonly idTokenSeconds: number;
  readonly accessTokenSeconds: number;
  readonly refreshTokenSeconds: number;
  /** COG-03: ENABLED hides UserNotFoundException behind NotAuthorizedException. */
  readonly preventUserExistenceErrors: 'ENABLED' | 'LEGACY';
}

export interface GroupState {
  readonly groupName: string;
  readonly roleArn?: string;
  readonly precedence?: number;
}

export interface RefreshTokenState {
  readonly username: string;
  readonly clientId: string;
  readonly expiresAtMs: number;
}

export interface PasswordPolicy {
  readonly MinimumLength: number;
  readonly RequireUppercase: boolean;
  readonly RequireLowercase: boolean;
  readonly RequireNumbers: boolean;
  readonly RequireSymbols: boolean;
}

export interface UserPoolState {
  readonly id: string;
  readonly name: string;
  readonly arn: string;
  readonly region: string;
  readonly createdMs: number;
  /** Index into TEST_ONLY_PRIVATE_KEYS_PEM, drawn from the seed. */
  readonly keyIndex: number;
  readonly kid: string;
  readonly passwordPolicy: PasswordPolicy;
  /** `email` when users sign up with an email that receives the code. */
  readonly autoVerifiedAttributes: readonly string[];
  readonly clients: Record<string, ClientState>;
  /** Users by username. */
  readonly users: Record<string, UserState>;
  readonly groups: Record<string, GroupState>;
  readonly refreshTokens: Record<string, RefreshTokenState>;
  /** COG-01: OFF, ON (every user) or OPTIONAL (users who turned it on); the code comes by SMS to the inbox. */
  readonly mfaConfiguration: 'OFF' | 'ON' | 'OPTIONAL';
  readonly mfaSessions: Record<string, MfaSessionState>;
  /** External IdPs by provider name (`Google`); optional so pools saved before it still load. */
  identityProviders?: Record<string, PoolIdentityProviderState>;
}

export interface InboxMessage {
  readonly timeMs: number;
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly code: string;
}

export interface RoleMappingRule {
  readonly Claim: string;
  readonly MatchType: 'Equals' | 'Contains' | 'StartsWith' | 'NotEqual';
  readonly Value: string;
  readonly RoleARN: string;
}

export interface RoleMapping {
  readonly Type: 'Token' | 'Rules';
  readonly AmbiguousRoleResolution?: 'AuthenticatedRole' | 'Deny';
  readonly RulesConfiguration?: { readonly Rules: readonly RoleMappingRule[] };
}

export interface IdentityState {
  readonly identityId: string;
  /** Provider name → the token's subject, for authenticated identities. */
  readonly logins: Record<string, string>;
  readonly createdMs: number;
}

export interface IdentityPoolState {
  readonly id: string;
  readonly name: string;
  readonly allowUnauthenticated: boolean;
  readonly allowClassicFlow: boolean;
  /** `cognito-idp.<region>.amazonaws.com/<userPoolId>` → the app client id it accepts. */
  readonly userPoolProviders: Record<string, string>;
  /** External IdPs by name (`accounts.google.com`) → the audience (app id) it accepts. */
  readonly supportedLoginProviders: Record<string, string>;
  roles: { authenticated?: string; unauthenticated?: string };
  roleMappings: Record<string, RoleMapping>;
  readonly identities: Record<string, IdentityState>;
}

export interface CognitoState {
  readonly userPools: Record<string, UserPoolState>;
  readonly identityPools: Record<string, IdentityPoolState>;
  readonly inbox: InboxMessage[];
}

export function cognitoState(world: World): CognitoState {
  return world.service<CognitoState>(COGNITO_SLOT, () => ({ userPools: {}, identityPools: {}, inbox: [] }));
}
