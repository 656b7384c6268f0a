// Proves the condition parser builds the right tree (precedence NOT > AND > OR, placeholders
// substituted) and refuses bad input with DynamoDB's ValidationException texts, each pinned inline.
import { describe, expect, it } from 'vitest';
import { isReservedWord, parseCondition, pathsOfCondition } from '../../../../src/sim/dynamodb/expressions/index.js';

const values = { ':v': { N: '1' }, ':w': { N: '2' }, ':s': { S: 'x' }, ':l': { L: [] }, ':t': { S: 'SS' } };
const names = { '#n': 'name' };

function messageOf(text: string, kind: 'ConditionExpression' | 'FilterExpression' = 'ConditionExpression'): string {
  const result = parseCondition(text, names, values, kind);
  if (result.ok) return 'parsed';
  expect(result.error.name).toBe('ValidationException');
  expect(result.error.statusCode).toBe(400);
  return result.error.message;
}

describe('parseCondition builds trees', () => {
  it('binds NOT tighter than AND, and AND tighter than OR', () => {
    const parsed = parseCondition('NOT a = :v AND b = :v OR c = :v', {}, values);
    expect(parsed.ok && parsed.value.kind).toBe('or');
    expect(parsed.ok && parsed.value.kind === 'or' && parsed.value.left.kind).toBe('and');
  });

  it('substitutes #names in every path step and keeps list indexes as numbers', () => {
    const parsed = parseCondition('#n.given[3].#n = :s', names, values);
    expect(parsed).toMatchObject({ ok: true, value: { kind: 'compare', left: { kind: 'path', path: ['name', 'given', 3, 'name'] } } });
  });

  it('accepts keywords in any case and function names only in lower case', () => {
    expect(messageOf('a between :v and :w or not a in (:v)')).toBe('parsed');
    expect(messageOf('Begins_With(a, :s)')).toMatchInlineSnapshot(`"Invalid ConditionExpression: Invalid function name; function: Begins_With"`);
  });

  it('accepts a #name for a reserved word', () => {
    expect(messageOf('#n = :s')).toBe('parsed');
  });
});

describe('parseCondition refuses', () => {
  it.each([
    ['an empty expression', '   '],
    ['a missing right operand', 'a = '],
    ['a literal number', 'a = 5'],
    ['an unknown character', 'a = :v $'],
    ['a trailing token', 'a = :v b'],
    ['an unclosed parenthesis', '(a = :v'],
    ['a missing BETWEEN AND', 'a BETWEEN :v :w'],
  ])('%s with a syntax error', (_, text) => {
    expect(messageOf(text)).toMatch(/^Invalid ConditionExpression: (Syntax error; token: ".*", near: ".*"|The expression can not be empty;)$/);
  });

  it('pins the syntax error texts', () => {
    expect(messageOf('a = ')).toMatchInlineSnapshot(`"Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "=""`);
    expect(messageOf('a = 5')).toMatchInlineSnapshot(`"Invalid ConditionExpression: Syntax error; token: "5", near: "= 5""`);
    expect(messageOf('a = :v $')).toMatchInlineSnapshot(`"Invalid ConditionExpression: Syntax error; token: "$", near: ":v $""`);
    expect(messageOf('a = :v b = :w')).toMatchInlineSnapshot(`"Invalid ConditionExpression: Syntax error; token: "b", near: ":v b =""`);
    expect(messageOf('')).toMatchInlineSnapshot(`"Invalid ConditionExpression: The expression can not be empty;"`);
  });

  it('names the parameter it came from', () => {
    expect(messageOf('a = ', 'FilterExpression')).toMatchInlineSnapshot(`"Invalid FilterExpression: Syntax error; token: "<EOF>", near: "=""`);
  });

  it('refuses reserved words used bare, in any case, at any depth', () => {
    expect(messageOf('status = :v')).toMatchInlineSnapshot(`"Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status"`);
    expect(messageOf('a.Name = :v')).toMatchInlineSnapshot(`"Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Name"`);
    expect(messageOf('attribute_exists(data)')).toMatchInlineSnapshot(`"Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: data"`);
  });

  it('refuses undefined placeholders', () => {
    expect(messageOf('#missing = :v')).toMatchInlineSnapshot(`"Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #missing"`);
    expect(messageOf('a = :missing')).toMatchInlineSnapshot(`"Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :missing"`);
  });

  it('reports a syntax error before an undefined placeholder', () => {
    expect(messageOf('a = :missing b')).toMatch(/Syntax error/);
  });

  it('refuses misused functions', () => {
    expect(messageOf('frobnicate(a)')).toMatchInlineSnapshot(`"Invalid ConditionExpression: Invalid function name; function: frobnicate"`);
    expect(messageOf('if_not_exists(a, :v)')).toMatchInlineSnapshot(`"Invalid ConditionExpression: The function is not allowed in a condition expression; function: if_not_exists"`);
    expect(messageOf('attribute_exists(a) = :v')).toMatchInlineSnapshot(`"Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists"`);
    expect(messageOf('size(a)')).toMatchInlineSnapshot(`"Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size"`);
    expect(messageOf('begins_with(a)')).toMatchInlineSnapshot(`"Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1"`);
    expect(messageOf('attribute_exists(:v)')).toMatchInlineSnapshot(`"Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists"`);
    expect(messageOf('size(:v) = :v')).toMatchInlineSnapshot(`"Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: N"`);
  });

  it('refuses request values of the wrong type', () => {
    expect(messageOf('a < :l')).toMatchInlineSnapshot(`"Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: <, operand type: L"`);
    expect(messageOf('a BETWEEN :v AND :l')).toMatchInlineSnapshot(`"Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: BETWEEN, operand type: L"`);
    expect(messageOf('begins_with(a, :v)')).toMatchInlineSnapshot(`"Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N"`);
    expect(messageOf('attribute_type(a, :v)')).toMatchInlineSnapshot(`"Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N"`);
    expect(messageOf('attribute_type(a, :s)')).toMatchInlineSnapshot(`"Invalid ConditionExpression: Invalid attribute type name found; type: x, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}"`);
    expect(messageOf('attribute_type(a, :t)')).toBe('parsed');
  });

  it('accepts a parenthesised operand but refuses doubled parentheses', () => {
    expect(messageOf('(a) = :v AND (b < (:w))')).toBe('parsed');
    expect(messageOf('((a = :v))')).toMatchInlineSnapshot(`"Invalid ConditionExpression: The expression has redundant parentheses;"`);
    expect(messageOf('((a)) = :v')).toMatchInlineSnapshot(`"Invalid ConditionExpression: The expression has redundant parentheses;"`);
    expect(messageOf('(a = :v) AND ((b = :w) OR c = :v)')).toBe('parsed');
  });

  it('refuses the same path on both sides of an operator or function', () => {
    expect(messageOf('a.b = a.b')).toMatchInlineSnapshot(`"Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a, b]"`);
    expect(messageOf('contains(a, a)')).toMatchInlineSnapshot(`"Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: contains, first operand: [a]"`);
    expect(messageOf('a = b')).toBe('parsed');
  });

  it('refuses size() used as a whole condition, and takes size() of a request value', () => {
    expect(messageOf('size(a)')).toMatchInlineSnapshot(`"Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size"`);
    expect(messageOf('size(:s) = :v')).toBe('parsed');
    expect(messageOf('size(:v) = :v')).toMatchInlineSnapshot(`"Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: N"`);
  });

  it('refuses a path as the type name of attribute_type', () => {
    expect(messageOf('attribute_type(a, b)')).toMatchInlineSnapshot(`"Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}"`);
  });

  it('reports several problems in DynamoDB order: function misuse, then reserved words, then placeholders', () => {
    expect(messageOf('#missing = :v AND status = :v')).toMatchInlineSnapshot(`"Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status"`);
    expect(messageOf('status = :v AND frobnicate(a)')).toMatchInlineSnapshot(`"Invalid ConditionExpression: Invalid function name; function: frobnicate"`);
    expect(messageOf('a = :missing AND begins_with(a)')).toMatchInlineSnapshot(`"Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :missing"`);
  });

  it('refuses BETWEEN bounds of different types', () => {
    expect(messageOf('a BETWEEN :v AND :s')).toMatchInlineSnapshot(`"Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:x}"`);
  });

  it('refuses BETWEEN bounds in the wrong order', () => {
    expect(messageOf('a BETWEEN :w AND :v')).toMatchInlineSnapshot(`"Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}"`);
  });

  it('refuses more than 100 IN operands (AWS Constraints page: IN takes up to 100 values)', () => {
    const many = Array.from({ length: 101 }, () => ':v').join(', ');
    expect(messageOf(`a IN (${Array.from({ length: 100 }, () => ':v').join(', ')})`)).toBe('parsed');
    expect(messageOf(`a IN (${many})`)).toMatchInlineSnapshot(`"Invalid ConditionExpression: The IN operator is provided with too many operands; number of operands: 101"`);
  });

  it('refuses an expression over 4 KB (AWS Constraints page: expression strings up to 4 KB)', () => {
    const long = `a = :v${' OR a = :v'.repeat(409)}`;
    expect(long.length).toBe(4_096);
    expect(messageOf(long)).toBe('parsed');
    expect(messageOf(`${long} `)).toMatchInlineSnapshot(`"Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 4097"`);
  });
});

describe('pathsOfCondition', () => {
  it('lists every path a condition reads, including inside size() and functions', () => {
    const parsed = parseCondition('a.b = :v AND (size(c) > :v OR NOT contains(d[1], :s)) AND e IN (:v, f)', {}, values);
    expect(parsed.ok && pathsOfCondition(parsed.value)).toEqual([['a', 'b'], ['c'], ['d', 1], ['e'], ['f']]);
  });
});

describe('document path depth', () => {
  it('accepts 32 levels and refuses 33 (items nest at most 32 levels deep, DDB-03)', () => {
    const path = (depth: number) => Array.from({ length: depth }, (_, index) => `p${index}`).join('.');
    expect(messageOf(`${path(32)} = :v`)).toBe('parsed');
    expect(messageOf(`${path(33)} = :v`)).toMatchInlineSnapshot(`"Invalid ConditionExpression: The document path has too many nesting levels; nesting levels: 33"`);
  });
});

describe('isReservedWord', () => {
  it('knows the words learners hit most, in any case, and not ordinary names', () => {
    const common = ['name', 'status', 'date', 'data', 'count', 'size', 'key', 'value', 'year', 'timestamp', 'user', 'comment', 'order'];
    expect(common.filter((word) => !isReservedWord(word))).toEqual([]);
    expect(isReservedWord('Status')).toBe(true);
    expect(['id', 'price', 'customerId', 'sk', 'pk'].filter(isReservedWord)).toEqual([]);
  });
});
