// Proves update expressions parse into actions (clauses in any order and case) and refuse what DynamoDB
// refuses: repeated clauses, overlapping paths, wrongly typed ADD/DELETE/arithmetic operands, misused
// functions, reserved words, syntax errors. Every message is pinned inline.
import { describe, expect, it } from 'vitest';
import { parseUpdate, pathsOfUpdate } from '../../../../src/sim/dynamodb/expressions/index.js';

const values = {
  ':n': { N: '1' },
  ':s': { S: 'x' },
  ':ss': { SS: ['a'] },
  ':l': { L: [] },
  ':m': { M: {} },
};

function messageOf(text: string): string {
  const result = parseUpdate(text, { '#s': 'status' }, values);
  return result.ok ? 'parsed' : result.error.message;
}

describe('parseUpdate', () => {
  it('reads every clause, in any order and case', () => {
    const parsed = parseUpdate('remove c, d[1] add e :n SET a = :n, b = a - :n delete f :ss', {}, values);
    expect(parsed.ok && parsed.value.actions.map((action) => action.kind)).toEqual(['remove', 'remove', 'add', 'set', 'set', 'delete']);
  });

  it('reads nested functions and #names', () => {
    expect(messageOf('SET #s = if_not_exists(#s, :s), l = list_append(if_not_exists(l, :l), :l)')).toBe('parsed');
  });

  it('refuses a clause used twice', () => {
    expect(messageOf('SET a = :n SET b = :n')).toMatchInlineSnapshot(`"Invalid UpdateExpression: The "SET" section can only be used once in an update expression;"`);
    expect(messageOf('ADD a :n ADD b :n')).toMatchInlineSnapshot(`"Invalid UpdateExpression: The "ADD" section can only be used once in an update expression;"`);
  });

  it('refuses overlapping and conflicting paths', () => {
    expect(messageOf('SET a = :n REMOVE a')).toMatchInlineSnapshot(`"Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"`);
    expect(messageOf('SET a.b = :n, a = :m')).toMatchInlineSnapshot(`"Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a]"`);
    expect(messageOf('SET a.b = :n, a[0] = :n')).toMatchInlineSnapshot(`"Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [0]]"`);
    expect(messageOf('SET a.b = :n, a.c = :n, l[0] = :n, l[1] = :n')).toBe('parsed');
  });

  it('refuses operands of the wrong type', () => {
    expect(messageOf('ADD a :s')).toMatchInlineSnapshot(`"Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING, typeSet: ALLOWED_FOR_ADD_OPERAND"`);
    expect(messageOf('DELETE a :n')).toMatchInlineSnapshot(`"Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER, typeSet: ALLOWED_FOR_DELETE_OPERAND"`);
    expect(messageOf('SET a = a + :s')).toMatchInlineSnapshot(`"Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S"`);
    expect(messageOf('SET a = list_append(a, :m)')).toMatchInlineSnapshot(`"Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: M"`);
  });

  it('refuses misused functions', () => {
    expect(messageOf('SET a = if_not_exists(:n, :n)')).toMatchInlineSnapshot(`"Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists"`);
    expect(messageOf('SET a = attribute_exists(b)')).toMatchInlineSnapshot(`"Invalid UpdateExpression: The function is not allowed in an update expression; function: attribute_exists"`);
    expect(messageOf('SET a = list_append(b)')).toMatchInlineSnapshot(`"Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: list_append, number of operands: 1"`);
    expect(messageOf('SET a = if_not_exists(b, :n, :n)')).toMatchInlineSnapshot(`"Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 3"`);
    expect(messageOf('SET a = frobnicate(b)')).toMatchInlineSnapshot(`"Invalid UpdateExpression: Invalid function name; function: frobnicate"`);
  });

  it('reports a reserved word before a repeated clause, and a syntax error before both', () => {
    expect(messageOf('SET a = :n SET status = :n')).toMatchInlineSnapshot(`"Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status"`);
    expect(messageOf('SET a = :n SET status = :n,')).toMatchInlineSnapshot(`"Invalid UpdateExpression: Syntax error; token: "<EOF>", near: ",""`);
  });

  it('refuses reserved words, undefined placeholders and bad syntax', () => {
    expect(messageOf('SET status = :n')).toMatchInlineSnapshot(`"Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status"`);
    expect(messageOf('SET #missing = :n')).toMatchInlineSnapshot(`"Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #missing"`);
    expect(messageOf('SET a = :missing')).toMatchInlineSnapshot(`"Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :missing"`);
    expect(messageOf('SET a = :n +')).toMatchInlineSnapshot(`"Invalid UpdateExpression: Syntax error; token: "<EOF>", near: "+""`);
    expect(messageOf('SET a = b + c + d')).toMatchInlineSnapshot(`"Invalid UpdateExpression: Syntax error; token: "+", near: "c + d""`);
    expect(messageOf('ADD a b')).toMatchInlineSnapshot(`"Invalid UpdateExpression: Syntax error; token: "b", near: "a b""`);
    expect(messageOf('UPDATE a = :n')).toMatchInlineSnapshot(`"Invalid UpdateExpression: Syntax error; token: "UPDATE", near: "UPDATE a""`);
    expect(messageOf('')).toMatchInlineSnapshot(`"Invalid UpdateExpression: The expression can not be empty;"`);
  });
});

describe('pathsOfUpdate', () => {
  it('lists the written paths in order, for key checks and ReturnValues', () => {
    const parsed = parseUpdate('SET a.b = :n REMOVE c[2] ADD d :n', {}, values);
    expect(parsed.ok && pathsOfUpdate(parsed.value)).toEqual([['a', 'b'], ['c', 2], ['d']]);
  });
});
