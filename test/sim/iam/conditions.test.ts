// Proves the Condition element: every supported operator on a present value, the missing-key rules
// (positive → false, negated → true, IfExists → true, Null tests presence), OR across the values of
// one key (NOR for negated operators), AND across keys and operators, and ForAnyValue/ForAllValues.
// Method: one Allow statement with the condition under test; the row says whether it allows.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/sim/iam/evaluate.js';
import type { ContextValue } from '../../../src/sim/iam/policy.js';
import { allow, policy, request } from './fixtures.js';

function allowsWith(condition: Record<string, unknown>, context: Record<string, ContextValue>): boolean {
  const conditional = policy('Conditional', [allow('s3:GetObject', '*', { Condition: condition })]);
  return evaluate(request('s3:GetObject', 'arn:aws:s3:::b/k', { context }), { identity: [conditional] }).effect === 'Allow';
}

type Row = readonly [operator: string, policyValue: unknown, contextValue: string, allows: boolean];

describe('condition operators on a present key', () => {
  const rows: readonly Row[] = [
    ['StringEquals', 'alice', 'alice', true],
    ['StringEquals', 'alice', 'Alice', false],
    ['StringNotEquals', 'alice', 'bob', true],
    ['StringEqualsIgnoreCase', 'alice', 'ALICE', true],
    ['StringNotEqualsIgnoreCase', 'alice', 'ALICE', false],
    ['StringLike', 'home/*/notes?', 'home/alice/notes1', true],
    ['StringLike', 'home/*', 'Home/alice', false],
    ['StringNotLike', 'tmp/*', 'home/alice', true],
    ['NumericEquals', 10, '10.0', true],
    ['NumericNotEquals', '10', '11', true],
    ['NumericLessThan', '10', '9', true],
    ['NumericLessThan', '10', '10', false],
    ['NumericLessThanEquals', '10', '10', true],
    ['NumericGreaterThan', '10', '11', true],
    ['NumericGreaterThanEquals', '10', '9', false],
    ['NumericEquals', '10', 'ten', false],
    ['DateLessThan', '2026-06-01T00:00:00Z', '2026-01-01T00:00:00Z', true],
    ['DateGreaterThan', '2026-06-01T00:00:00Z', '2026-01-01T00:00:00Z', false],
    ['DateEquals', '1767225600', '2026-01-01T00:00:00Z', true],
    ['DateNotEquals', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', true],
    ['DateLessThanEquals', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', true],
    ['DateGreaterThanEquals', '2026-01-01T00:00:00Z', 'not a date', false],
    ['Bool', true, 'true', true],
    ['Bool', 'true', 'FALSE', false],
    ['BinaryEquals', 'QmluYXJ5', 'QmluYXJ5', true],
    ['IpAddress', '203.0.113.0/24', '203.0.113.200', true],
    ['IpAddress', '203.0.113.0/24', '203.0.114.1', false],
    ['IpAddress', '198.51.100.7', '198.51.100.7', true],
    ['IpAddress', '0.0.0.0/0', '8.8.8.8', true],
    ['IpAddress', '203.0.113.0/24', '2001:db8::1', false],
    ['NotIpAddress', '203.0.113.0/24', '198.51.100.1', true],
    ['ArnEquals', 'arn:aws:sns:us-east-1:123456789012:topic', 'arn:aws:sns:us-east-1:123456789012:topic', true],
    ['ArnLike', 'arn:aws:sns:*:123456789012:*', 'arn:aws:sns:eu-west-1:123456789012:alerts', true],
    ['ArnLike', 'arn:aws:sns:*:123456789012:*', 'arn:aws:sqs:eu-west-1:123456789012:alerts', false],
    ['ArnNotLike', 'arn:aws:sns:*:*:*', 'arn:aws:sqs:us-east-1:123456789012:q', true],
    ['ArnNotEquals', 'arn:aws:sns:us-east-1:123456789012:topic', 'arn:aws:sns:us-east-1:123456789012:topic', false],
    ['ArnLike', 'arn:aws:sns:*:*:*', 'not-an-arn', false],
  ];

  it.each(rows)('%s %j against %j → allows: %s', (operator, policyValue, contextValue, allows) => {
    expect(allowsWith({ [operator]: { 'test:key': policyValue } }, { 'test:key': contextValue })).toBe(allows);
  });
});

describe('combining values, keys and operators', () => {
  it('ORs the values listed for one key', () => {
    expect(allowsWith({ StringEquals: { 'aws:username': ['alice', 'bob'] } }, { 'aws:username': 'bob' })).toBe(true);
  });

  it('NORs the values of a negated operator', () => {
    expect(allowsWith({ StringNotEquals: { 'aws:username': ['alice', 'bob'] } }, { 'aws:username': 'bob' })).toBe(false);
    expect(allowsWith({ StringNotEquals: { 'aws:username': ['alice', 'bob'] } }, { 'aws:username': 'carol' })).toBe(true);
  });

  it('ANDs keys within an operator and operators within a Condition', () => {
    const condition = { StringEquals: { 'aws:username': 'alice', 's3:prefix': 'home/' }, Bool: { 'aws:SecureTransport': 'true' } };
    const context = { 'aws:username': 'alice', 's3:prefix': 'home/', 'aws:SecureTransport': 'true' };
    expect(allowsWith(condition, context)).toBe(true);
    expect(allowsWith(condition, { ...context, 'aws:SecureTransport': 'false' })).toBe(false);
    expect(allowsWith(condition, { ...context, 's3:prefix': 'tmp/' })).toBe(false);
  });
});

describe('missing keys', () => {
  it.each([
    ['a positive operator is false', { StringEquals: { 'aws:username': 'alice' } }, false],
    ['a negated operator is true', { StringNotEquals: { 'aws:username': 'alice' } }, true],
    ['a negated IP operator is true', { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, true],
    ['...IfExists is true', { StringEqualsIfExists: { 'aws:username': 'alice' } }, true],
    ['Null "true" is true (the key is absent)', { Null: { 'aws:username': 'true' } }, true],
    ['Null "false" is false', { Null: { 'aws:username': 'false' } }, false],
    ['ForAllValues is true on an absent key', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } }, true],
    ['ForAnyValue is false on an absent key', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team'] } }, false],
  ])('%s', (_name, condition, allows) => {
    expect(allowsWith(condition, {})).toBe(allows);
  });

  it('IfExists still checks a key that is present, and Null "false" holds when it is', () => {
    expect(allowsWith({ StringEqualsIfExists: { 'aws:username': 'alice' } }, { 'aws:username': 'bob' })).toBe(false);
    expect(allowsWith({ Null: { 'aws:username': 'false' } }, { 'aws:username': 'bob' })).toBe(true);
  });
});

describe('set qualifiers on multi-valued keys', () => {
  const tags = (...keys: string[]) => ({ 'aws:TagKeys': keys });

  it('ForAllValues: every request value must be in the list', () => {
    const condition = { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] } };
    expect(allowsWith(condition, tags('team', 'env'))).toBe(true);
    expect(allowsWith(condition, tags('team', 'owner'))).toBe(false);
  });

  it('ForAnyValue: one request value in the list is enough', () => {
    const condition = { 'ForAnyValue:StringLike': { 'aws:TagKeys': ['env*'] } };
    expect(allowsWith(condition, tags('owner', 'environment'))).toBe(true);
    expect(allowsWith(condition, tags('owner'))).toBe(false);
  });

  it('without a qualifier, a multi-valued key passes when one of its values does (documented simplification)', () => {
    expect(allowsWith({ StringEquals: { 'aws:TagKeys': 'team' } }, tags('owner', 'team'))).toBe(true);
  });
});
