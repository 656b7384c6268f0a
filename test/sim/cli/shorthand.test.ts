// Proves the AWS CLI shorthand reader turns what learners type into the JSON the API expects
// (structures, nested attribute values, lists, scalar conversion by rule) and reports a bad value in
// the CLI's own "Expected ... received ..." form with a caret.
import { describe, expect, it } from 'vitest';
import { parseShorthand } from '../../../src/sim/cli/shorthand.js';

function value(text: string): unknown {
  const result = parseShorthand(text);
  return result.ok ? result.value : `ERROR ${result.error.message}`;
}

describe('parseShorthand', () => {
  it.each([
    ['ReadCapacityUnits=5,WriteCapacityUnits=5', { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }],
    ['AttributeName=id,KeyType=HASH', { AttributeName: 'id', KeyType: 'HASH' }],
    ['id={S=42},sk={N=7}', { id: { S: '42' }, sk: { N: '7' } }],
    ['flag={BOOL=true},nothing={NULL=true}', { flag: { BOOL: true }, nothing: { NULL: true } }],
    ['Enabled=true,AttributeName=expiresAt', { Enabled: true, AttributeName: 'expiresAt' }],
    ['tags={SS=[a,b]}', { tags: { SS: ['a', 'b'] } }],
    ['nums={NS=[1,2]}', { nums: { NS: ['1', '2'] } }],
    ['Keys=a,b,Other=c', { Keys: ['a', 'b'], Other: 'c' }],
    ['Tags=[{Key=a,Value=b}]', { Tags: [{ Key: 'a', Value: 'b' }] }],
    ['a,b,c', ['a', 'b', 'c']],
    ['single', 'single'],
    ['pk={S=user{{rand 10}}}', { pk: { S: 'user{{rand 10}}' } }],
    ['ratio=1.5', { ratio: 1.5 }],
  ])('%s', (text, expected) => {
    expect(value(text)).toEqual(expected);
  });

  it('reports a missing = with a caret under the problem', () => {
    expect(value('id={S}')).toMatchInlineSnapshot(`
      "ERROR Expected: '=', received: '}' for input:
      id={S}
           ^"
    `);
  });

  it('reports an unclosed structure at the end of the input', () => {
    expect(value('id={S=1')).toMatchInlineSnapshot(`
      "ERROR Expected: '}', received: 'EOF' for input:
      id={S=1
             ^"
    `);
  });

  it('reports an empty key', () => {
    expect(value('=x')).toMatchInlineSnapshot(`
      "ERROR Expected: a key, received: '=' for input:
      =x
      ^"
    `);
  });
});
