// Proves that policy documents are read into our shape and that every mistake is reported with its
// path inside the document, all at once, as IAM's MalformedPolicyDocument (HTTP 400). Messages are
// pinned with inline snapshots.
import { describe, expect, it } from 'vitest';
import { parsePolicyDocument } from '../../../src/sim/iam/parse-policy.js';
import type { DocumentKind } from '../../../src/sim/iam/policy.js';

function errorOf(input: unknown, kind: DocumentKind = 'identity'): string {
  const result = parsePolicyDocument(input, kind);
  if (result.ok) throw new Error('expected a MalformedPolicyDocument');
  expect(result.error).toMatchObject({ name: 'MalformedPolicyDocument', statusCode: 400, retryable: false });
  return result.error.message;
}

const readOrders = { Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' };

describe('parsePolicyDocument', () => {
  it('accepts a single Statement object as well as a list, and JSON text as well as data', () => {
    const asObject = parsePolicyDocument({ Version: '2012-10-17', Statement: readOrders }, 'identity');
    const asText = parsePolicyDocument(JSON.stringify({ Version: '2012-10-17', Statement: [readOrders] }), 'identity');
    expect(asObject.ok && asText.ok).toBe(true);
    if (asObject.ok && asText.ok) expect(asObject.value).toEqual(asText.value);
  });

  it('reads both versions and treats a missing Version as 2008-10-17', () => {
    const old = parsePolicyDocument({ Version: '2008-10-17', Statement: readOrders }, 'identity');
    const missing = parsePolicyDocument({ Statement: readOrders }, 'identity');
    expect(old.ok && old.value.version).toBe('2008-10-17');
    expect(missing.ok && missing.value.version).toBe('2008-10-17');
  });

  it('splits condition operators into qualifier, operator and IfExists and turns values into text', () => {
    const parsed = parsePolicyDocument(
      { Version: '2012-10-17', Statement: { ...readOrders, Condition: { 'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': ['a*', 1, true] } } } },
      'identity',
    );
    expect(parsed.ok && parsed.value.statements[0]?.conditions).toEqual([
      { written: 'ForAnyValue:StringLikeIfExists', operator: 'StringLike', qualifier: 'ForAnyValue', isIfExists: true, key: 'aws:TagKeys', values: ['a*', '1', 'true'] },
    ]);
  });

  it('names the path of a wrong Effect', () => {
    const message = errorOf({ Version: '2012-10-17', Statement: [readOrders, { ...readOrders, Effect: 'allow' }] });
    expect(message).toMatchInlineSnapshot(`"Statement[1].Effect: expected "Allow" or "Deny", found "allow""`);
  });

  it('reports every problem of a document at once', () => {
    const message = errorOf({
      Version: '2012-10-18',
      Statment: [],
      Statement: [{ Effect: 'Allow', Action: ['GetItem', 's3:GetObject'], Resource: 'Orders', Condition: { StringEqualz: { 'aws:username': 'a' } } }],
    });
    expect(message).toMatchInlineSnapshot(`"Statment: unknown element; expected one of Version, Id, Statement; Version: expected "2012-10-17" or "2008-10-17", found "2012-10-18"; Statement[0].Action[0]: expected "service:action" such as "s3:GetObject", or "*", found "GetItem"; Statement[0].Resource: expected an ARN such as "arn:aws:s3:::my-bucket/*", or "*", found "Orders"; Statement[0].Condition.StringEqualz: unknown condition operator"`);
  });

  it('refuses Action together with NotAction, and a statement without any action', () => {
    const message = errorOf({ Version: '2012-10-17', Statement: [{ ...readOrders, NotAction: 's3:*' }, { Effect: 'Deny', Resource: '*' }] });
    expect(message).toMatchInlineSnapshot(`"Statement[0]: has both Action and NotAction; use one of them; Statement[1]: missing Action or NotAction"`);
  });

  it('refuses a principal in an identity policy and a missing resource', () => {
    const message = errorOf({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:GetObject', Principal: '*' } });
    expect(message).toMatchInlineSnapshot(`"Statement: an identity policy must not specify a principal (it applies to whoever it is attached to); Statement: missing Resource or NotResource"`);
  });

  it('refuses Resource in a trust policy and requires its Principal', () => {
    const message = errorOf({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' } }, 'trust');
    expect(message).toMatchInlineSnapshot(`"Statement: a trust policy must not have Resource or NotResource (its resource is the role itself); Statement: missing Principal or NotPrincipal"`);
  });

  it('refuses an unknown principal type and IfExists on Null', () => {
    const message = errorOf(
      { Version: '2012-10-17', Statement: { ...readOrders, Principal: { Aws: '*' }, Condition: { NullIfExists: { 'aws:username': 'true' } } } },
      'resource',
    );
    expect(message).toMatchInlineSnapshot(`"Statement.Principal.Aws: unknown principal type; expected one of AWS, Service, Federated, CanonicalUser; Statement.Condition.NullIfExists: unknown condition operator"`);
  });

  it('answers a JSON syntax error and an empty or non-object document', () => {
    expect(errorOf('{"Version": "2012-10-17",')).toMatchInlineSnapshot(`"Syntax errors in policy: the document is not valid JSON."`);
    expect(errorOf({ Version: '2012-10-17', Statement: [] })).toMatchInlineSnapshot(`"Statement: expected at least one statement"`);
    expect(errorOf(['not', 'a', 'policy'])).toMatchInlineSnapshot(`"expected a JSON object with Version and Statement, found ["not","a","policy"]"`);
  });

  it('lists the problems as data too, for the UI', () => {
    const result = parsePolicyDocument({ Version: '2012-10-17', Statement: { ...readOrders, Effect: 1 } }, 'identity');
    expect(!result.ok && result.error.details).toEqual({ problems: [{ path: 'Statement.Effect', message: 'expected "Allow" or "Deny", found 1' }] });
  });
});
