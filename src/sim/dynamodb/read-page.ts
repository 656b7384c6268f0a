// One page of a Query or Scan (DDB-01, DDB-03): items are read in order after ExclusiveStartKey until
// Limit items have been evaluated or the next item would take the bytes read past 1 MB; the filter runs
// after the read, so capacity is charged for every item evaluated (rounded once, on the total).
import { fail, ok, type Result } from '../result.js';
import type { ItemProjection, ItemTest } from './expression-adapter.js';
import { itemSizeBytes } from './item-size.js';
import { MAX_PAGE_BYTES } from './limits.js';
import { keyOf, type AttributeValue, type IndexState, type Item, type KeySchemaElement, type TableState } from './model.js';
import { scalarText } from './keys.js';
import { constraintError } from './request.js';

export type Select = 'ALL_ATTRIBUTES' | 'ALL_PROJECTED_ATTRIBUTES' | 'SPECIFIC_ATTRIBUTES' | 'COUNT';
export const SELECT_CHOICES: readonly Select[] = ['ALL_ATTRIBUTES', 'ALL_PROJECTED_ATTRIBUTES', 'SPECIFIC_ATTRIBUTES', 'COUNT'];

export interface PageOptions {
  readonly limit: number | undefined;
  readonly filter: ItemTest;
  readonly projection: ItemProjection;
  readonly select: Select;
}

export interface Page {
  readonly items: Item[];
  readonly scannedCount: number;
  readonly bytesRead: number;
  readonly lastEvaluatedKey: Item | undefined;
}

/** Code-unit order, independent of the machine's locale (determinism). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares two key values of one type: numbers by value, strings and binary by their text. */
export function compareValues(a: AttributeValue | undefined, b: AttributeValue | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  if ('N' in a && 'N' in b) return Number(a.N) - Number(b.N);
  return compareText(scalarText(a), scalarText(b));
}

/** The key a page resumes from: table key plus, on an index, the index key (as AWS returns it). */
export function pageKey(table: TableState, index: IndexState | undefined, item: Item): Item {
  const schema: KeySchemaElement[] = [...table.keySchema, ...(index?.keySchema ?? [])];
  return keyOf(schema, item);
}

/**
 * Reads one page from `entries` (already in order, already after ExclusiveStartKey), applying the filter
 * and projection to what was read. `keyFor` gives LastEvaluatedKey for the last item evaluated.
 */
export function readPage(entries: readonly Item[], options: PageOptions, keyFor: (item: Item) => Item): Result<Page> {
  if (options.limit !== undefined && options.limit < 1) return fail(constraintError('Limit', options.limit, 'Member must have value greater than or equal to 1'));
  const items: Item[] = [];
  let bytesRead = 0;
  let scanned = 0;
  let lastEvaluatedKey: Item | undefined;
  for (const entry of entries) {
    const sizeBytes = itemSizeBytes(entry);
    if (scanned > 0 && bytesRead + sizeBytes > MAX_PAGE_BYTES) {
      lastEvaluatedKey = keyFor(entries[scanned - 1] as Item);
      break;
    }
    bytesRead += sizeBytes;
    scanned++;
    if (options.filter(entry)) items.push(options.projection(entry));
    if (options.limit !== undefined && scanned >= options.limit) {
      // AWS returns LastEvaluatedKey whenever Limit stops the page, even when nothing follows.
      lastEvaluatedKey = keyFor(entry);
      break;
    }
  }
  return ok({ items, scannedCount: scanned, bytesRead, lastEvaluatedKey });
}

/** The Query/Scan answer: Items (unless Select=COUNT), Count, ScannedCount, LastEvaluatedKey. */
export function pageResponse(page: Page, select: Select): Record<string, unknown> {
  return {
    ...(select === 'COUNT' ? {} : { Items: page.items }),
    Count: page.items.length,
    ScannedCount: page.scannedCount,
    ...(page.lastEvaluatedKey === undefined ? {} : { LastEvaluatedKey: page.lastEvaluatedKey }),
  };
}
