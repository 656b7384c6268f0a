// The Cognito panel: who signed in to a user pool and until when their ID and access tokens are
// valid, and which temporary AWS credentials were handed out and when they expire, all on the
// virtual clock. Read from the trace (sign-ins) and Cognito's and STS's state. Pure: it reads the
// state only when the trace shows the service was used, so it never creates a slot.
import { cognito, type World } from '../../sim/index.js';

export interface TokenRow {
  readonly username: string;
  readonly issuedMs: number;
  readonly idExpiresMs: number;
  readonly accessExpiresMs: number;
}

export interface CredentialRow {
  /** The access key id, shortened to its last four characters (`ASIA…WXYZ`). */
  readonly accessKey: string;
  readonly roleName: string;
  readonly issuedBy: string;
  readonly expiresMs: number;
}

export interface CognitoPanel {
  readonly kind: 'cognito';
  readonly nowMs: number;
  readonly tokens: readonly TokenRow[];
  readonly credentials: readonly CredentialRow[];
}

function tokenRows(world: World, limit: number): TokenRow[] {
  const signIns = world.trace.all().filter((event) => event.service === 'cognito-idp' && event.operation === 'InitiateAuth' && event.outcome === 'ok');
  if (signIns.length === 0) return [];
  const clients = Object.values(cognito.cognitoState(world).userPools).flatMap((pool) => Object.values(pool.clients));
  return signIns.slice(-limit).flatMap((event) => {
    const client = clients.find((candidate) => candidate.clientId === event.detail['clientId']);
    if (client === undefined) return [];
    return [{
      username: String(event.detail['username'] ?? '?'),
      issuedMs: event.timeMs,
      idExpiresMs: event.timeMs + client.idTokenSeconds * 1_000,
      accessExpiresMs: event.timeMs + client.accessTokenSeconds * 1_000,
    }];
  });
}

function credentialRows(world: World, limit: number): CredentialRow[] {
  const hasIssued = world.trace.all().some((event) => event.service === 'cognito-identity' || event.service === 'sts');
  if (!hasIssued) return [];
  return Object.values(cognito.stsState(world).credentials)
    .sort((a, b) => a.issuedMs - b.issuedMs)
    .slice(-limit)
    .map((credential) => ({
      accessKey: `${credential.accessKeyId.slice(0, 4)}…${credential.accessKeyId.slice(-4)}`,
      roleName: credential.roleArn.split('/').at(-1) ?? credential.roleArn,
      issuedBy: credential.issuedBy,
      expiresMs: credential.expirationMs,
    }));
}

/** Undefined when nobody signed in and no credentials were issued. */
export function toCognitoPanel(world: World, limit = 3): CognitoPanel | undefined {
  const tokens = tokenRows(world, limit);
  const credentials = credentialRows(world, limit);
  if (tokens.length === 0 && credentials.length === 0) return undefined;
  return { kind: 'cognito', nowMs: world.nowMs, tokens, credentials };
}
