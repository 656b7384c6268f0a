// Proves the request-wide placeholder check: a name or value no expression of the request uses is
// refused (across all expressions together), as are empty maps and maps without expressions.
import { describe, expect, it } from 'vitest';
import { checkExpressionAttributeUsage } from '../../../../src/sim/dynamodb/expressions/index.js';

function messageOf(input: Parameters<typeof checkExpressionAttributeUsage>[0]): string {
  const result = checkExpressionAttributeUsage(input);
  return result.ok ? 'ok' : result.error.message;
}

describe('checkExpressionAttributeUsage', () => {
  it('accepts placeholders used in any expression of the request', () => {
    expect(
      messageOf({
        expressions: ['SET #a = :v', 'attribute_exists(#b) AND #c <> :w', undefined],
        names: { '#a': 'a', '#b': 'b', '#c': 'c' },
        values: { ':v': { N: '1' }, ':w': { N: '2' } },
      }),
    ).toBe('ok');
    expect(messageOf({ expressions: ['a = b'] })).toBe('ok');
  });

  it('refuses unused names before unused values, listing every unused key', () => {
    expect(messageOf({ expressions: ['#a = :v'], names: { '#a': 'a', '#b': 'b', '#c': 'c' }, values: { ':v': { N: '1' }, ':w': { N: '1' } } })).toMatchInlineSnapshot(`"Value provided in ExpressionAttributeNames unused in expressions: keys: {#b, #c}"`);
    expect(messageOf({ expressions: ['a = :v'], values: { ':v': { N: '1' }, ':w': { N: '1' } } })).toMatchInlineSnapshot(`"Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}"`);
  });

  it('does not count a placeholder name that only appears inside a longer one', () => {
    expect(messageOf({ expressions: ['a = :value'], values: { ':value': { N: '1' }, ':v': { N: '1' } } })).toMatchInlineSnapshot(`"Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}"`);
  });

  it('refuses keys without their # or : sign, or with characters a placeholder cannot hold', () => {
    expect(messageOf({ expressions: ['#a = b'], names: { '#a': 'a', b: 'b' } })).toMatchInlineSnapshot(`"ExpressionAttributeNames contains invalid key: Syntax error; key: "b""`);
    expect(messageOf({ expressions: ['a = :v'], values: { ':v': { N: '1' }, ':bad-key': { N: '1' } } })).toMatchInlineSnapshot(`"ExpressionAttributeValues contains invalid key: Syntax error; key: ":bad-key""`);
  });

  it('refuses empty maps and maps given without expressions', () => {
    expect(messageOf({ expressions: ['a = b'], names: {} })).toMatchInlineSnapshot(`"ExpressionAttributeNames must not be empty"`);
    expect(messageOf({ expressions: ['a = b'], values: {} })).toMatchInlineSnapshot(`"ExpressionAttributeValues must not be empty"`);
    expect(messageOf({ expressions: [undefined], values: { ':v': { N: '1' } } })).toMatchInlineSnapshot(`"ExpressionAttributeValues can only be specified when using expressions"`);
  });
});
