// Proves key conditions reduce to a partition value plus one sort-key predicate, match items as Query
// needs, and refuse the forms DynamoDB refuses with its own texts (pinned inline).
import { describe, expect, it } from 'vitest';
import type { AttributeDefinition, KeySchemaElement } from '../../../../src/sim/dynamodb/model.js';
import { matchesKeyCondition, parseKeyCondition } from '../../../../src/sim/dynamodb/expressions/index.js';

const schema: KeySchemaElement[] = [
  { AttributeName: 'pk', KeyType: 'HASH' },
  { AttributeName: 'sk', KeyType: 'RANGE' },
];
const definitions: AttributeDefinition[] = [
  { AttributeName: 'pk', AttributeType: 'S' },
  { AttributeName: 'sk', AttributeType: 'N' },
];
const values = { ':p': { S: 'user-1' }, ':one': { N: '1' }, ':five': { N: '5' }, ':s': { S: 'x' } };

function parse(text: string, keySchema: KeySchemaElement[] = schema) {
  return parseKeyCondition(text, { '#k': 'sk' }, values, keySchema, definitions);
}

function messageOf(text: string, keySchema: KeySchemaElement[] = schema): string {
  const result = parse(text, keySchema);
  return result.ok ? 'parsed' : result.error.message;
}

describe('parseKeyCondition', () => {
  it('returns the partition value alone', () => {
    expect(parse('pk = :p')).toEqual({ ok: true, value: { partitionKeyName: 'pk', partitionValue: { S: 'user-1' } } });
  });

  it('returns the sort-key predicate whichever side of AND it is on', () => {
    const expected = { partitionKeyName: 'pk', partitionValue: { S: 'user-1' }, sortKey: { name: 'sk', predicate: { kind: 'between', low: { N: '1' }, high: { N: '5' } } } };
    expect(parse('pk = :p AND sk BETWEEN :one AND :five')).toEqual({ ok: true, value: expected });
    expect(parse('(#k BETWEEN :one AND :five) and pk = :p')).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['pk = :p AND sk = :five', { pk: { S: 'user-1' }, sk: { N: '5' } }, true],
    ['pk = :p AND sk < :five', { pk: { S: 'user-1' }, sk: { N: '5' } }, false],
    ['pk = :p AND sk <= :five', { pk: { S: 'user-1' }, sk: { N: '5.0' } }, true],
    ['pk = :p AND sk > :one', { pk: { S: 'user-1' }, sk: { N: '1.0001' } }, true],
    ['pk = :p AND sk >= :one', { pk: { S: 'user-1' }, sk: { N: '0.9' } }, false],
    ['pk = :p AND sk BETWEEN :one AND :five', { pk: { S: 'user-1' }, sk: { N: '3' } }, true],
    ['pk = :p', { pk: { S: 'user-2' }, sk: { N: '3' } }, false],
  ])('%s matches %j: %s', (text, item, expected) => {
    const parsed = parse(text);
    expect(parsed.ok && matchesKeyCondition(parsed.value, item)).toBe(expected);
  });

  it('matches begins_with on a string sort key', () => {
    const parsed = parseKeyCondition('pk = :p AND begins_with(sk, :s)', {}, values, schema);
    expect(parsed.ok && matchesKeyCondition(parsed.value, { pk: { S: 'user-1' }, sk: { S: 'xyz' } })).toBe(true);
    expect(parsed.ok && matchesKeyCondition(parsed.value, { pk: { S: 'user-1' }, sk: { S: 'yx' } })).toBe(false);
  });

  it('refuses conditions without partition-key equality', () => {
    expect(messageOf('sk = :one')).toMatchInlineSnapshot(`"Query condition missed key schema element: pk"`);
    expect(messageOf('pk > :p')).toMatchInlineSnapshot(`"Query key condition not supported"`);
  });

  it('refuses operators Query cannot use', () => {
    expect(messageOf('pk = :p OR sk = :one')).toMatchInlineSnapshot(`"Invalid operator used in KeyConditionExpression: OR"`);
    expect(messageOf('NOT pk = :p')).toMatchInlineSnapshot(`"Invalid operator used in KeyConditionExpression: NOT"`);
    expect(messageOf('pk = :p AND sk <> :one')).toMatchInlineSnapshot(`"Invalid operator used in KeyConditionExpression: <>"`);
    expect(messageOf('pk = :p AND sk IN (:one, :five)')).toMatchInlineSnapshot(`"Invalid operator used in KeyConditionExpression: IN"`);
    expect(messageOf('pk = :p AND attribute_exists(sk)')).toMatchInlineSnapshot(`"Invalid operator used in KeyConditionExpression: attribute_exists"`);
    expect(messageOf('pk = :p AND contains(sk, :one)')).toMatchInlineSnapshot(`"Invalid operator used in KeyConditionExpression: contains"`);
  });

  it('refuses a non-key attribute and a second condition on one key', () => {
    expect(messageOf('pk = :p AND note = :one')).toMatchInlineSnapshot(`"Query condition missed key schema element: sk"`);
    expect(messageOf('pk = :p AND note = :one', [{ AttributeName: 'pk', KeyType: 'HASH' }])).toMatchInlineSnapshot(`"Query key condition not supported"`);
    expect(messageOf('pk = :p AND sk > :one AND sk < :five')).toMatchInlineSnapshot(`"KeyConditionExpressions must only contain one condition per key"`);
  });

  it('reads a value on the left as the mirrored comparison (:v < sk is sk > :v)', () => {
    const parsed = parse(':p = pk AND :one < sk');
    expect(parsed).toMatchObject({ ok: true, value: { sortKey: { predicate: { kind: 'compare', comparator: '>', value: { N: '1' } } } } });
  });

  it('refuses malformed terms with DynamoDB texts', () => {
    expect(messageOf('pk = :p AND size(sk) > :one')).toMatchInlineSnapshot(`"KeyConditionExpressions cannot contain nested operations"`);
    expect(messageOf('pk = :p AND sk.part = :one')).toMatchInlineSnapshot(`"KeyConditionExpressions cannot have conditions on nested attributes"`);
    expect(messageOf('pk = :p AND sk = pk')).toMatchInlineSnapshot(`"Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition"`);
    expect(messageOf('pk = :p AND :one = :five')).toMatchInlineSnapshot(`"Invalid condition in KeyConditionExpression: No key attribute specified"`);
    expect(messageOf('pk = :p AND :one BETWEEN sk AND :five')).toMatchInlineSnapshot(`"Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand"`);
    expect(messageOf('pk = :p AND begins_with(:s, sk)')).toMatchInlineSnapshot(`"Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand"`);
  });

  it('refuses values whose type differs from the key definition', () => {
    expect(messageOf('pk = :one')).toMatchInlineSnapshot(`"One or more parameter values were invalid: Condition parameter type does not match schema type"`);
    expect(messageOf('pk = :p AND begins_with(sk, :s)')).toMatchInlineSnapshot(`"Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N"`);
  });

  it('names KeyConditionExpression in syntax errors and reversed BETWEEN bounds', () => {
    expect(messageOf('pk = ')).toMatchInlineSnapshot(`"Invalid KeyConditionExpression: Syntax error; token: "<EOF>", near: "=""`);
    expect(messageOf('pk = :p AND sk BETWEEN :five AND :one')).toMatchInlineSnapshot(`"Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}"`);
  });
});
