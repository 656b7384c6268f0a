// Generated identity-pool questions: which IAM role GetCredentialsForIdentity uses for a sign-in, given
// the pool's default roles, its role mapping (none, Token or Rules) and the ID token's claims. The answer
// is the simulator's own chooseRole, the function the sandbox's credentials flow runs (COG-07, COG-09).
import { cognito } from '../../sim/index.js';
import { defineFamily, pick, shuffled, type Option } from './build.js';

const ROLE_MAPPING_DOC = 'https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_RoleMapping.html';
const ROLE_DOC = 'https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html';
const PROVIDER = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Users';
const CLIENT_ID = 'webclient';
const roleArn = (name: string): string => `arn:aws:iam::123456789012:role/${name}`;

type Mapping = 'none' | 'Token' | 'Rules';
type Ambiguous = 'AuthenticatedRole' | 'Deny';

interface User {
  readonly describe: string;
  readonly claims: Readonly<Record<string, unknown>>;
}

const USERS: readonly (User | null)[] = [
  null,
  { describe: 'a user in the group admins (group role AdminRole, precedence 1)', claims: { 'cognito:groups': ['admins'], 'cognito:roles': [roleArn('AdminRole')], 'cognito:preferred_role': roleArn('AdminRole'), 'custom:tier': 'basic', email: 'ana@example.com' } },
  { describe: 'a user in the groups admins and editors, both with precedence 5 (roles AdminRole and EditorRole)', claims: { 'cognito:groups': ['admins', 'editors'], 'cognito:roles': [roleArn('AdminRole'), roleArn('EditorRole')], 'custom:tier': 'gold', email: 'li@example.com' } },
  { describe: 'a user in no group whose custom:tier claim is gold', claims: { 'custom:tier': 'gold', email: 'sam@example.com' } },
  { describe: 'a user in no group with the email kim@partner.com and custom:tier basic', claims: { 'custom:tier': 'basic', email: 'kim@partner.com' } },
];

const RULES = [
  { Claim: 'custom:tier', MatchType: 'Equals', Value: 'gold', RoleARN: roleArn('GoldRole') },
  { Claim: 'email', MatchType: 'Contains', Value: '@partner.com', RoleARN: roleArn('PartnerRole') },
] as const;

function poolState(mapping: Mapping, ambiguous: Ambiguous, allowGuests: boolean): cognito.IdentityPoolState {
  const roleMapping = mapping === 'none' ? {} : { [`${PROVIDER}:${CLIENT_ID}`]: { Type: mapping, AmbiguousRoleResolution: ambiguous, ...(mapping === 'Rules' ? { RulesConfiguration: { Rules: RULES } } : {}) } };
  return {
    id: 'us-east-1:00000000-0000-4000-8000-000000000000',
    name: 'App',
    allowUnauthenticated: allowGuests,
    allowClassicFlow: false,
    userPoolProviders: { [PROVIDER]: CLIENT_ID },
    supportedLoginProviders: {},
    roles: { authenticated: roleArn('AppUserRole'), unauthenticated: roleArn('GuestRole') },
    roleMappings: roleMapping,
    identities: {},
  };
}

const DENIED = 'No credentials: NotAuthorizedException';

const OUTCOMES: Record<string, Option> = {
  AppUserRole: { text: 'AppUserRole, the pool\'s default authenticated role', why: 'The default authenticated role is used when there is no mapping, or when a mapping cannot decide and AmbiguousRoleResolution is AuthenticatedRole.' },
  GuestRole: { text: 'GuestRole, the unauthenticated role', why: 'Only calls without a login (guests) get the unauthenticated role, and only when the pool allows guests.' },
  AdminRole: { text: 'AdminRole, from the admins group', why: 'A group role reaches the identity pool only through a Token mapping: as cognito:preferred_role, or as the only entry of cognito:roles.' },
  EditorRole: { text: 'EditorRole, from the editors group', why: 'With two group roles of equal precedence the token has no preferred role, and Cognito does not pick one by itself.' },
  GoldRole: { text: 'GoldRole, from the rule on custom:tier', why: 'Rules are only read with a Rules mapping; they are checked in order and the first match wins.' },
  PartnerRole: { text: 'PartnerRole, from the rule on the email domain', why: 'Rules are only read with a Rules mapping, and an earlier matching rule wins over a later one.' },
  [DENIED]: { text: DENIED, why: 'Credentials are refused when a guest calls a pool without guest access, or when a mapping cannot decide and AmbiguousRoleResolution is Deny.' },
};

const roleName = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);

export interface RoleCase {
  readonly mapping: Mapping;
  readonly ambiguous: Ambiguous;
  readonly allowGuests: boolean;
  /** Index into the family's users; 0 is a guest. */
  readonly userIndex: number;
}

/** The role name the simulator chooses for the case, or the refusal. */
export function identityPoolRole(roleCase: RoleCase): string {
  const user = USERS[roleCase.userIndex] ?? null;
  const logins = user === null ? [] : [{ provider: PROVIDER, subject: 'user-sub', claims: user.claims }];
  const chosen = cognito.chooseRole(poolState(roleCase.mapping, roleCase.ambiguous, roleCase.allowGuests), logins, undefined);
  return chosen.ok ? roleName(chosen.value) : DENIED;
}

export const identityPoolRoleFamily = defineFamily({
  id: 'cognito-identity-pool-role',
  topic: 'cognito-identity-pools',
  title: 'Which role an identity pool chooses for a sign-in',
  service: 'cognito',
  exams: { 'DVA-C02': 'security', 'SAA-C03': 'secure' },
  difficulty: 'hard',
  references: [ROLE_MAPPING_DOC, ROLE_DOC],
  facts: ['COG-07', 'COG-09'],
  build(stream) {
    const mapping = pick(stream, ['none', 'Token', 'Token', 'Rules', 'Rules'] as const);
    const ambiguous = pick(stream, ['AuthenticatedRole', 'Deny'] as const);
    const allowGuests = pick(stream, [true, false]);
    const userIndex = stream.nextInt(USERS.length);
    const user = USERS[userIndex] ?? null;
    const answer = identityPoolRole({ mapping, ambiguous, allowGuests, userIndex });
    const mappingText = mapping === 'none' ? 'no role mapping for the user pool' : mapping === 'Token' ? `a Token role mapping for the user pool (AmbiguousRoleResolution ${ambiguous})` : `a Rules role mapping for the user pool, in this order: custom:tier Equals gold → GoldRole, then email Contains @partner.com → PartnerRole (AmbiguousRoleResolution ${ambiguous})`;
    const who = user === null ? 'a guest, with no login' : `${user.describe}, signed in with the user pool`;
    return {
      stem: `An identity pool has the default roles AppUserRole (authenticated) and GuestRole (unauthenticated), ${allowGuests ? 'allows' : 'does not allow'} unauthenticated identities, and has ${mappingText}. The app calls GetCredentialsForIdentity for ${who}. Which role's credentials does it get?`,
      right: OUTCOMES[answer]!,
      wrong: shuffled(stream, Object.entries(OUTCOMES).filter(([key]) => key !== answer).map(([, option]) => option)),
      explanation: 'Guests get the unauthenticated role if the pool allows them. For a sign-in, a Token mapping uses cognito:preferred_role, or the single entry of cognito:roles; a Rules mapping takes the first rule whose claim matches. When the mapping cannot decide, AmbiguousRoleResolution falls back to the default authenticated role or denies. Without a mapping, the default authenticated role is used.',
      simulatorAnswer: answer,
    };
  },
});
