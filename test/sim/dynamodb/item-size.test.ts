// Proves the item-size rules (DDB-01/02/03): names and values count, strings in UTF-8 bytes, numbers by
// significant digits, lists/maps with their overhead, and the 400 KB limit at its exact edge.
import { describe, expect, it } from 'vitest';
import { attributeValueBytes, itemSizeBytes, numberBytes, utf8Bytes } from '../../../src/sim/dynamodb/item-size.js';
import { putItem } from '../../../src/sim/dynamodb/items.js';
import { error, itemOfSize, makeTable, newWorld, value } from '../../helpers/dynamodb.js';

describe('item size', () => {
  it('DDB-03: counts strings in UTF-8 bytes (é is 2, € is 3, 😀 is 4)', () => {
    expect(utf8Bytes('abc')).toBe(3);
    expect(utf8Bytes('é')).toBe(2);
    expect(utf8Bytes('€')).toBe(3);
    expect(utf8Bytes('😀')).toBe(4);
  });

  it('DDB-03: counts numbers as ceil(significant digits / 2) + 1, ignoring leading and trailing zeros', () => {
    expect(numberBytes('0')).toBe(2);
    expect(numberBytes('7')).toBe(2);
    expect(numberBytes('12')).toBe(2);
    expect(numberBytes('123')).toBe(3);
    expect(numberBytes('1000')).toBe(2);
    expect(numberBytes('-0.00123')).toBe(3);
    expect(numberBytes('1.5E+10')).toBe(2);
  });

  it('DDB-03: booleans and null are 1 byte; binary counts decoded bytes; lists and maps add 3 + 1 per element', () => {
    expect(attributeValueBytes({ BOOL: true })).toBe(1);
    expect(attributeValueBytes({ NULL: true })).toBe(1);
    expect(attributeValueBytes({ B: 'AAEC' })).toBe(3);
    expect(attributeValueBytes({ B: 'AAE=' })).toBe(2);
    expect(attributeValueBytes({ L: [] })).toBe(3);
    expect(attributeValueBytes({ L: [{ S: 'ab' }, { BOOL: false }] })).toBe(3 + (2 + 1) + (1 + 1));
    expect(attributeValueBytes({ M: { k: { S: 'v' } } })).toBe(3 + 1 + 1 + 1);
  });

  it('DDB-03: attribute names count toward the item', () => {
    expect(itemSizeBytes({ id: { S: '1' } })).toBe(3);
    expect(itemSizeBytes({ pk: { S: 'a' }, data: { S: 'xyz' } })).toBe(2 + 1 + 4 + 3);
    expect(itemSizeBytes(itemOfSize('a', 1_000))).toBe(1_000);
  });

  it('DDB-03: accepts an item of exactly 409,600 bytes and refuses one byte more', () => {
    const world = newWorld();
    makeTable(world, 'Orders', { wcu: 1_000 });
    value(putItem(world, { TableName: 'Orders', Item: itemOfSize('a', 409_600) }));
    const refused = error(putItem(world, { TableName: 'Orders', Item: itemOfSize('b', 409_601) }));
    expect(refused.message).toMatchInlineSnapshot(`"Item size has exceeded the maximum allowed size"`);
    expect(refused.name).toBe('ValidationException');
  });
});
