// Reading document paths in an item, and the overlap rule DynamoDB applies to the paths of one update
// or projection expression.
import type { AttributeValue, Item } from '../model.js';
import type { AwsError } from '../../result.js';
import type { DocPath } from './ast.js';
import type { ExpressionKind } from './errors.js';
import { pathsConflict, pathsOverlap } from './errors.js';

/** The value at `path` in `item`, or undefined when any step is missing or of the wrong type. */
export function resolvePath(item: Item, path: DocPath): AttributeValue | undefined {
  const first = path[0];
  if (typeof first !== 'string') return undefined;
  let current: AttributeValue | undefined = item[first];
  for (let depth = 1; depth < path.length && current !== undefined; depth += 1) {
    const step = path[depth];
    if (typeof step === 'number') current = 'L' in current ? current.L[step] : undefined;
    else if (typeof step === 'string') current = 'M' in current ? current.M[step] : undefined;
  }
  return current;
}

/**
 * Whether two paths clash: `overlap` when one is the other or contains it (`a` and `a.b`), `conflict`
 * when at the same depth one reads a map key and the other a list index (`a.b` and `a[0]`).
 */
function compareTwoPaths(first: DocPath, second: DocPath): 'overlap' | 'conflict' | 'disjoint' {
  const length = Math.min(first.length, second.length);
  for (let depth = 0; depth < length; depth += 1) {
    const a = first[depth];
    const b = second[depth];
    if (a === b) continue;
    return typeof a === typeof b ? 'disjoint' : 'conflict';
  }
  return 'overlap';
}

/** The first clash among the paths of one expression, as DynamoDB reports it, or undefined. */
export function findPathClash(kind: ExpressionKind, paths: readonly DocPath[]): AwsError | undefined {
  // Pairwise: expressions are at most 4 KB, so a few hundred paths at most.
  for (let i = 0; i < paths.length; i += 1) {
    for (let j = i + 1; j < paths.length; j += 1) {
      const first = paths[i] ?? [];
      const second = paths[j] ?? [];
      const relation = compareTwoPaths(first, second);
      if (relation === 'overlap') return pathsOverlap(kind, first, second);
      if (relation === 'conflict') return pathsConflict(kind, first, second);
    }
  }
  return undefined;
}
