// Proves conditions evaluate with DynamoDB's semantics, table-driven over one item: numbers compare as
// decimals, strings and binary by bytes, type mismatches and absent attributes make comparisons false,
// `<>` is true when either side is absent, and each function behaves as documented.
import { describe, expect, it } from 'vitest';
import type { Item } from '../../../../src/sim/dynamodb/model.js';
import { evaluateCondition, parseCondition } from '../../../../src/sim/dynamodb/expressions/index.js';

const item: Item = {
  id: { S: 'order-1' },
  price: { N: '10.50' },
  qty: { N: '3' },
  tags: { SS: ['red', 'blue'] },
  scores: { NS: ['1', '2.5'] },
  payload: { B: 'AQID' }, // bytes 01 02 03
  done: { BOOL: false },
  nothing: { NULL: true },
  orderLines: { L: [{ S: 'a' }, { N: '2' }, { M: { sku: { S: 'x-1' } } }] },
  address: { M: { city: { S: 'Lyon' }, zip: { S: '69001' } } },
  emoji: { S: '😀' },
  private: { S: '\uE000' },
};

const values = {
  ':ten': { N: '10' },
  ':tenHalf': { N: '1.05e1' },
  ':eleven': { N: '11' },
  ':three': { N: '3' },
  ':two': { N: '2' },
  ':order': { S: 'order' },
  ':order1': { S: 'order-1' },
  ':red': { S: 'red' },
  ':Lyon': { S: 'Lyon' },
  ':ss': { S: 'SS' },
  ':bytes12': { B: 'AQI=' },
  ':bytes2': { B: 'Ag==' },
  ':tagsReordered': { SS: ['blue', 'red'] },
  ':x1': { S: 'x-1' },
  ':a': { S: 'a' },
  ':lineMap': { M: { sku: { S: 'x-1' } } },
  ':false': { BOOL: false },
  ':private': { S: '\uE000' },
  ':n25': { N: '2.50' },
} as const;

function check(text: string): boolean {
  const parsed = parseCondition(text, { '#p': 'private' }, values);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return evaluateCondition(parsed.value, item);
}

describe('evaluateCondition', () => {
  it.each([
    ['price = :tenHalf', true],
    ['price > :ten', true],
    ['price < :eleven', true],
    ['price >= :tenHalf AND price <= :tenHalf', true],
    ['qty BETWEEN :two AND :three', true],
    ['qty BETWEEN :ten AND :eleven', false],
    ['id > :order', true],
    ['id = :order1', true],
    ['id = :ten', false],
    ['id < :ten', false],
    ['id <> :ten', true],
    ['absent = :ten', false],
    ['absent < :ten', false],
    ['absent <> :ten', true],
    ['absent <> alsoAbsent', true],
    ['absent = alsoAbsent', false],
    ['qty IN (:two, :three)', true],
    ['qty IN (:two, :ten)', false],
    ['tags = :tagsReordered', true],
    ['orderLines[2] = :lineMap', true],
    ['orderLines[2].sku = :x1', true],
    ['orderLines[0] = :a', true],
    ['orderLines[7] = :a', false],
    ['address.city = :Lyon', true],
    ['address.country = :Lyon', false],
    ['done = :false', true],
    ['payload > :bytes12', true],
    ['payload < :bytes2', true],
    ['emoji > #p', true],
    ['attribute_exists(address.zip)', true],
    ['attribute_exists(nothing)', true],
    ['attribute_not_exists(absent)', true],
    ['attribute_not_exists(id)', false],
    ['attribute_type(tags, :ss)', true],
    ['attribute_type(absent, :ss)', false],
    ['begins_with(id, :order)', true],
    ['begins_with(payload, :bytes12)', true],
    ['begins_with(price, :order)', false],
    ['contains(tags, :red)', true],
    ['contains(id, :order)', true],
    ['contains(scores, :n25)', true],
    ['contains(orderLines, :a)', true],
    ['contains(address, :a)', false],
    ['size(id) = :ten', false],
    ['size(tags) = :two', true],
    ['size(orderLines) = :three', true],
    ['size(payload) = :three', true],
    ['size(price) = :three', false],
    ['size(absent) <> :three', true],
    ['NOT attribute_exists(id) OR qty = :three', true],
    ['NOT (attribute_exists(id) OR qty = :three)', false],
    ['qty = :three OR qty = :two AND qty = :ten', true],
    ['(qty = :three OR qty = :two) AND qty = :ten', false],
    ['not qty = :two and qty = :three', true],
  ])('%s → %s', (text, expected) => {
    expect(check(text)).toBe(expected);
  });
});
