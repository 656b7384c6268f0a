// Proves API Gateway, its authorizers, IAM and Cognito work as one chain through the sandbox: an
// identity-pool user's temporary credentials, saved as a sandbox profile, sign requests with SigV4
// (`sim http --sign-with`); unsigned requests get 403 Missing Authentication Token, signed ones are
// judged by the role's execute-api:Invoke policy (APIGW-11, COG-06/07, IAM-01). The script
// (test/fixtures/signed-api.sim) builds a user pool, an identity pool, roles and an AWS_IAM REST API.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSandbox, runSandboxScript } from '../../src/sim/index.js';

const script = readFileSync(new URL('../fixtures/signed-api.sim', import.meta.url), 'utf8');

describe('IAM authorization with identity-pool credentials (APIGW-11)', () => {
  const lines = runSandboxScript(createSandbox({ seed: 1 }), script).lines.filter((line) => !line.isEmpty);
  const requests = lines.filter((line) => line.command.startsWith('sim http'));
  const status = (index: number) => (requests[index]!.output as { status: number } | null)?.status;
  const body = (index: number) => (requests[index]!.output as { body: string }).body;

  it('sets everything up without an error', () => {
    expect(lines.filter((line) => !line.command.startsWith('sim http') && !line.ok).map((line) => line.text)).toEqual([]);
  });

  it('answers an unsigned request 403 Missing Authentication Token', () => {
    expect(status(0)).toBe(403);
    expect(body(0)).toBe('{"message":"Missing Authentication Token"}');
  });

  it('lets a signed request through when the role allows execute-api:Invoke on the method', () => {
    expect(status(1)).toBe(200);
  });

  it('denies a signed request for a method the role does not allow, naming the caller and the resource', () => {
    expect(status(2)).toBe(403);
    expect(body(2)).toContain('is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:123456789012:');
    expect(body(2)).toContain('/prod/POST/orders');
  });

  it('refuses credentials once they have expired on the virtual clock (1 hour, COG-07)', () => {
    expect(status(3)).toBe(403);
  });

  it('reports a profile that does not exist as the AWS CLI does', () => {
    expect(requests[4]!.ok).toBe(false);
    expect(requests[4]!.error).toMatchObject({ code: 'ProfileNotFound' });
  });
});

describe('guest credentials through API Gateway (COG-08, IAM-04)', () => {
  const script = readFileSync(new URL('../fixtures/guest-api.sim', import.meta.url), 'utf8');
  const lines = runSandboxScript(createSandbox({ seed: 1 }), script).lines.filter((line) => !line.isEmpty);
  const last = (prefix: string) => [...lines].reverse().find((line) => line.command.startsWith(prefix))!;

  it('refuses a guest even though the guest role allows execute-api:Invoke: the enhanced-flow session policy does not', () => {
    expect(lines.filter((line) => !line.ok).map((line) => line.text)).toEqual([]);
    expect(last('sim iam simulate').output).toMatchObject({ Decision: 'Allow' }); // the role alone would allow it
    expect(last('sim http').output).toMatchObject({ status: 403 });
    expect((last('sim http').output as { body: string }).body).toContain('is not authorized to perform: execute-api:Invoke');
  });
});
