// Proves the Cognito panel on the identity-pool scenario's world (its setup signs Bob and Alice in
// through `sim cognito login`): each sign-in's ID and access tokens last 1 h (COG-04), the
// identity pool's credentials expire on the virtual clock, and an unused world shows no panel.
import { describe, expect, it } from 'vitest';
import { expiryText } from '../../../src/repl/panels/panels.js';
import { toCognitoPanel } from '../../../src/repl/panels/cognito-panel.js';
import { loadLibrary, start } from '../../../src/scenarios/index.js';
import { createSandbox, runSandboxLine } from '../../../src/sim/index.js';

const T0 = Date.UTC(2026, 0, 1);
const HOUR_MS = 3_600_000;

function signedInWorld() {
  const loaded = loadLibrary({}).scenarios.find((entry) => entry.scenario.id === 'cognito/identity-pool-credentials');
  if (loaded === undefined) throw new Error('the identity-pool scenario is part of the library');
  return start(loaded.scenario).session;
}

describe('the Cognito panel', () => {
  it('lists each sign-in with tokens valid for 1 hour, and the credentials handed out', () => {
    const panel = toCognitoPanel(signedInWorld().world);
    expect(panel?.tokens.map((row) => [row.username, row.idExpiresMs - row.issuedMs, row.accessExpiresMs - row.issuedMs])).toEqual([
      ['bob', HOUR_MS, HOUR_MS],
      ['alice', HOUR_MS, HOUR_MS],
    ]);
    expect(panel?.credentials.length).toBeGreaterThan(0);
    expect(panel?.credentials.every((row) => row.accessKey.startsWith('ASIA…'))).toBe(true);
    expect(panel?.credentials.every((row) => row.expiresMs > T0)).toBe(true);
  });

  it('counts down on the virtual clock and says when something expired', () => {
    const session = signedInWorld();
    runSandboxLine(session, 'sim clock advance 61m');
    const panel = toCognitoPanel(session.world);
    expect(panel?.nowMs).toBe(T0 + 61 * 60_000);
    expect(expiryText(panel!.tokens[0]!.idExpiresMs, panel!.nowMs)).toBe('EXPIRED 1 min ago');
    expect(expiryText(T0 + HOUR_MS, T0 + 18 * 60_000)).toBe('42 min left');
    expect(expiryText(T0 + 5 * HOUR_MS, T0)).toBe('5 h left');
  });

  it('shows nothing for a world where nobody signed in', () => {
    const world = createSandbox({ seed: 1 }).world;
    expect(toCognitoPanel(world)).toBeUndefined();
    expect(world.snapshot()).toEqual(createSandbox({ seed: 1 }).world.snapshot());
  });
});
