// Proves "same seed, same commands → same trace" for the identity chain (ids, codes, tokens, ASIA
// keys are all seeded), and that a world restored from a snapshot taken mid-chain continues exactly
// as the original does (the cognito and sts slots are plain data).
import { describe, expect, it } from 'vitest';
import { restoreWorld } from '../../../src/sim/world.js';
import { confirmedUser, identityPool, must, signIn, userPool } from '../../helpers/cognito.js';

function chain() {
  const setup = userPool();
  confirmedUser(setup, 'alice');
  const poolId = identityPool(setup);
  const logins = `${setup.provider}=${signIn(setup, 'alice').IdToken}`;
  const identityId = must(setup.session, `aws cognito-identity get-id --identity-pool-id ${poolId} --logins ${logins}`)['IdentityId'];
  return { ...setup, logins, identityId };
}

describe('determinism of the identity chain', () => {
  it('gives byte-identical traces and credentials for the same seed', () => {
    const [a, b] = [chain(), chain()];
    const credentials = (setup: ReturnType<typeof chain>) => must(setup.session, `aws cognito-identity get-credentials-for-identity --identity-id ${setup.identityId} --logins ${setup.logins}`);
    expect(credentials(a)).toEqual(credentials(b));
    expect(JSON.stringify(a.session.world.trace.all())).toBe(JSON.stringify(b.session.world.trace.all()));
  });

  it('continues identically from a restored snapshot', () => {
    const original = chain();
    const restoredSession = { ...original.session, world: restoreWorld(original.session.world.snapshot()) };
    const line = `aws cognito-identity get-credentials-for-identity --identity-id ${original.identityId} --logins ${original.logins}`;
    expect(must(restoredSession, line)).toEqual(must(original.session, line));
    must(original.session, 'sim profile save alice');
    must(restoredSession, 'sim profile save alice');
    const put = `aws s3api put-object --bucket photos --key ${original.identityId}/a.txt --body x --profile alice`;
    expect(must(restoredSession, put)).toEqual(must(original.session, put));
  });
});
