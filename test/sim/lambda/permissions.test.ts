// Proves a function's resource-based policy through the sandbox: add-permission answers the statement as
// JSON text, get-policy lists a qualifier's own statements (an alias's policy is separate from the
// function's), a repeated statement id is a ResourceConflictException, remove-permission deletes, and
// serviceMayInvoke answers allowed / denied / no-policy for the exact ARN with source-ARN wildcards.
import { describe, expect, it } from 'vitest';
import { serviceMayInvoke } from '../../../src/sim/lambda/index.js';
import { FUNCTION_WITH_ALIASES, errorOf, outputOf, sandboxAfter } from '../apigateway/stages-fixtures.js';

const ADD = 'aws lambda add-permission --action lambda:InvokeFunction --principal apigateway.amazonaws.com';
const SOURCE = 'arn:aws:execute-api:us-east-1:123456789012:a1b2c3/prod/GET/orders';

describe('lambda resource-based policies', () => {
  it('keeps an alias\'s statements apart from the function\'s', () => {
    const session = sandboxAfter(FUNCTION_WITH_ALIASES);
    const added = outputOf<{ Statement: string }>(session, `${ADD} --function-name orders --qualifier live --statement-id s1 --source-arn 'arn:aws:execute-api:us-east-1:123456789012:*/*/GET/orders'`);
    expect(JSON.parse(added.Statement)).toEqual({
      Sid: 's1', Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'lambda:InvokeFunction',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:orders:live', Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:execute-api:us-east-1:123456789012:*/*/GET/orders' } },
    });
    const policy = JSON.parse(outputOf<{ Policy: string }>(session, 'aws lambda get-policy --function-name orders:live').Policy) as { Statement: unknown[] };
    expect(policy.Statement).toHaveLength(1);
    expect(errorOf(session, 'aws lambda get-policy --function-name orders')).toMatchInlineSnapshot(`"An error occurred (ResourceNotFoundException) when calling the GetPolicy operation: The resource you requested does not exist."`);
    expect(serviceMayInvoke(session.world, 'orders:live', 'apigateway.amazonaws.com', SOURCE)).toBe('allowed');
    expect(serviceMayInvoke(session.world, 'orders:live', 'apigateway.amazonaws.com', SOURCE.replace('GET', 'POST'))).toBe('denied');
    expect(serviceMayInvoke(session.world, 'orders:live', 'events.amazonaws.com', SOURCE)).toBe('denied');
    expect(serviceMayInvoke(session.world, 'orders:next', 'apigateway.amazonaws.com', SOURCE)).toBe('no-policy');
    expect(serviceMayInvoke(session.world, 'orders', 'apigateway.amazonaws.com', SOURCE)).toBe('no-policy');
  });

  it('refuses a repeated statement id, an unknown alias, and removes a statement', () => {
    const session = sandboxAfter(FUNCTION_WITH_ALIASES);
    outputOf(session, `${ADD} --function-name orders --statement-id s1`);
    expect([
      errorOf(session, `${ADD} --function-name orders --statement-id s1`),
      errorOf(session, `${ADD} --function-name orders --qualifier beta --statement-id s2`),
    ]).toMatchInlineSnapshot(`
      [
        "An error occurred (ResourceConflictException) when calling the AddPermission operation: The statement id (s1) provided already exists. Please provide a new statement id, or remove the existing statement.",
        "An error occurred (ResourceNotFoundException) when calling the AddPermission operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:orders:beta",
      ]
    `);
    outputOf(session, 'aws lambda remove-permission --function-name orders --statement-id s1');
    expect(errorOf(session, 'aws lambda remove-permission --function-name orders --statement-id s1')).toContain('ResourceNotFoundException');
  });
});
