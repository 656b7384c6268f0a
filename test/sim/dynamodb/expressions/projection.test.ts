// Proves projections keep exactly the named paths with the item's shape (nested maps, list elements in
// index order), skip absent paths, and refuse overlapping paths and reserved words as DynamoDB does.
import { describe, expect, it } from 'vitest';
import type { Item } from '../../../../src/sim/dynamodb/model.js';
import { parseProjection, project } from '../../../../src/sim/dynamodb/expressions/index.js';

const item: Item = {
  id: { S: 'k' },
  title: { S: 'Dune' },
  author: { M: { given: { S: 'Frank' }, surname: { S: 'Herbert' } } },
  reviews: { L: [{ M: { stars: { N: '5' }, comment_text: { S: 'great' } } }, { M: { stars: { N: '4' } } }, { M: { stars: { N: '3' } } }] },
};

function projected(text: string, names: Record<string, string> = {}): Item {
  const parsed = parseProjection(text, names);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return project(item, parsed.value);
}

function messageOf(text: string): string {
  const parsed = parseProjection(text, {});
  return parsed.ok ? 'parsed' : parsed.error.message;
}

describe('project', () => {
  it('keeps top-level attributes and skips absent ones', () => {
    expect(projected('id, title, absent')).toEqual({ id: { S: 'k' }, title: { S: 'Dune' } });
  });

  it('keeps nested map keys inside their map', () => {
    expect(projected('author.#l', { '#l': 'surname' })).toEqual({ author: { M: { surname: { S: 'Herbert' } } } });
  });

  it('keeps chosen list elements in index order, compacted', () => {
    expect(projected('reviews[2].stars, reviews[0].stars')).toEqual({
      reviews: { L: [{ M: { stars: { N: '5' } } }, { M: { stars: { N: '3' } } }] },
    });
  });

  it('returns an empty item when nothing matches', () => {
    expect(projected('reviews[9], author.middle')).toEqual({});
  });
});

describe('parseProjection', () => {
  it('refuses overlapping paths, reserved words and bad syntax', () => {
    expect(messageOf('author, author.surname')).toMatchInlineSnapshot(`"Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [author], path two: [author, surname]"`);
    expect(messageOf('name')).toMatchInlineSnapshot(`"Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name"`);
    expect(messageOf('id,')).toMatchInlineSnapshot(`"Invalid ProjectionExpression: Syntax error; token: "<EOF>", near: ",""`);
    expect(messageOf('!!')).toMatchInlineSnapshot(`"Invalid ProjectionExpression: Syntax error; token: "!", near: "!!""`);
    expect(messageOf('id = :v')).toMatchInlineSnapshot(`"Invalid ProjectionExpression: Syntax error; token: "=", near: "id = :v""`);
  });
});
