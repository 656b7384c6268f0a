// Proves applying an update gives DynamoDB's new item: exact decimal arithmetic, if_not_exists and
// list_append, writes into nested maps and lists, ADD/DELETE on numbers and sets, REMOVE shifting letters
// elements, and the apply-time ValidationExceptions (texts pinned inline).
import { describe, expect, it } from 'vitest';
import type { Item } from '../../../../src/sim/dynamodb/model.js';
import { applyUpdate, parseUpdate } from '../../../../src/sim/dynamodb/expressions/index.js';

const values = {
  ':one': { N: '1' },
  ':tenth': { N: '0.1' },
  ':fifth': { N: '0.2' },
  ':s': { S: 'x' },
  ':tail': { L: [{ S: 'z' }] },
  ':empty': { L: [] },
  ':colours': { SS: ['red', 'green'] },
  ':numbers': { NS: ['2', '3.0'] },
} as const;

const base: Item = {
  id: { S: 'k' },
  n: { N: '0.1' },
  greeting: { S: 'hello' },
  letters: { L: [{ S: 'a' }, { S: 'b' }, { S: 'c' }] },
  doc: { M: { nest: { M: { deep: { N: '1' } } } } },
  colours: { SS: ['red', 'blue'] },
  numbers: { NS: ['1', '2'] },
};

function apply(greeting: string, item: Item = base) {
  const parsed = parseUpdate(greeting, {}, values);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return applyUpdate(parsed.value, item);
}

function applied(greeting: string, item: Item = base): Item {
  const result = apply(greeting, item);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function messageOf(greeting: string, item: Item = base): string {
  const result = apply(greeting, item);
  return result.ok ? 'applied' : result.error.message;
}

describe('applyUpdate', () => {
  it('adds decimals exactly (0.1 + 0.2 = 0.3, not 0.30000000000000004)', () => {
    expect(applied('SET n = n + :fifth').n).toEqual({ N: '0.3' });
    expect(applied('SET n = :tenth - n').n).toEqual({ N: '0' });
    expect(applied('SET n = n - :one').n).toEqual({ N: '-0.9' });
  });

  it('reads every operand from the item before the update', () => {
    expect(applied('SET a = n, n = :one')).toMatchObject({ a: { N: '0.1' }, n: { N: '1' } });
  });

  it('uses if_not_exists and list_append', () => {
    expect(applied('SET n = if_not_exists(n, :one), c = if_not_exists(c, :one)')).toMatchObject({ n: { N: '0.1' }, c: { N: '1' } });
    expect(applied('SET letters = list_append(letters, :tail)').letters).toEqual({ L: [{ S: 'a' }, { S: 'b' }, { S: 'c' }, { S: 'z' }] });
    expect(applied('SET letters = list_append(:tail, letters)').letters).toEqual({ L: [{ S: 'z' }, { S: 'a' }, { S: 'b' }, { S: 'c' }] });
    expect(applied('SET fresh = list_append(if_not_exists(fresh, :empty), :tail)').fresh).toEqual({ L: [{ S: 'z' }] });
  });

  it('writes into nested maps and lists, appending past the end of a list', () => {
    expect(applied('SET doc.nest.deep = :s, doc.extra = :one').doc).toEqual({ M: { nest: { M: { deep: { S: 'x' } } }, extra: { N: '1' } } });
    expect(applied('SET letters[1] = :s').letters).toEqual({ L: [{ S: 'a' }, { S: 'x' }, { S: 'c' }] });
    expect(applied('SET letters[10] = :s').letters).toEqual({ L: [{ S: 'a' }, { S: 'b' }, { S: 'c' }, { S: 'x' }] });
  });

  it('removes attributes and list elements, counting indexes in the original list', () => {
    const after = applied('REMOVE greeting, letters[0], letters[2], doc.nest.deep, absent');
    expect(after.greeting).toBeUndefined();
    expect(after.letters).toEqual({ L: [{ S: 'b' }] });
    expect(after.doc).toEqual({ M: { nest: { M: {} } } });
  });

  it('ADDs to numbers and sets, creating them when absent', () => {
    expect(applied('ADD n :one, fresh :one').n).toEqual({ N: '1.1' });
    expect(applied('ADD fresh :one').fresh).toEqual({ N: '1' });
    expect(applied('ADD colours :colours').colours).toEqual({ SS: ['red', 'blue', 'green'] });
    expect(applied('ADD numbers :numbers').numbers).toEqual({ NS: ['1', '2', '3.0'] });
  });

  it('DELETEs from sets and drops a set that becomes empty', () => {
    expect(applied('DELETE colours :colours').colours).toEqual({ SS: ['blue'] });
    expect(applied('DELETE numbers :numbers').numbers).toEqual({ NS: ['1'] });
    const emptied = applied('DELETE colours :colours', { id: { S: 'k' }, colours: { SS: ['red'] } });
    expect(emptied).toEqual({ id: { S: 'k' } });
    expect(applied('DELETE absent :colours')).toEqual(base);
  });

  it('refuses operands of the wrong type, missing operands and impossible paths', () => {
    expect(messageOf('SET greeting = greeting + :one')).toMatchInlineSnapshot(`"An operand in the update expression has an incorrect data type"`);
    expect(messageOf('SET greeting = list_append(greeting, :tail)')).toMatchInlineSnapshot(`"An operand in the update expression has an incorrect data type"`);
    expect(messageOf('ADD greeting :one')).toMatchInlineSnapshot(`"An operand in the update expression has an incorrect data type"`);
    expect(messageOf('ADD colours :numbers')).toMatchInlineSnapshot(`"An operand in the update expression has an incorrect data type"`);
    expect(messageOf('DELETE greeting :colours')).toMatchInlineSnapshot(`"An operand in the update expression has an incorrect data type"`);
    expect(messageOf('SET a = absent + :one')).toMatchInlineSnapshot(`"The provided expression refers to an attribute that does not exist in the item"`);
    expect(messageOf('SET absent.child = :one')).toMatchInlineSnapshot(`"The document path provided in the update expression is invalid for update"`);
    expect(messageOf('SET greeting[0] = :one')).toMatchInlineSnapshot(`"The document path provided in the update expression is invalid for update"`);
  });

  it('refuses an arithmetic result DynamoDB cannot store (more than 38 digits, beyond 9.99E+125)', () => {
    const big = { id: { S: 'k' }, n: { N: '99999999999999999999999999999999999999' }, huge: { N: '9E+125' } };
    expect(messageOf('SET n = n + :tenth', big)).toMatchInlineSnapshot(`"Attempting to store more than 38 significant digits in a Number"`);
    expect(messageOf('SET huge = huge + huge', big)).toMatchInlineSnapshot(`"Number overflow. Attempting to store a number with magnitude larger than supported range"`);
    expect(messageOf('ADD n :one', big)).toBe('applied'); // 1E+38 has one significant digit
  });

  it('does not change the item it was given', () => {
    const copy = structuredClone(base);
    applied('SET doc.nest.deep = :s, letters[0] = :s REMOVE colours ADD numbers :numbers');
    expect(base).toEqual(copy);
  });
});
