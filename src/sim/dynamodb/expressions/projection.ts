// Projection expressions: a comma-separated list of document paths to return. Projecting keeps the
// shape of the item: `a.b` returns `{a: {M: {b: ...}}}`, and `l[2], l[0]` returns `l` as a list of the
// chosen elements in index order, as DynamoDB does. Paths that are absent are silently left out.
import type { AttributeValue, Item } from '../model.js';
import type { Result } from '../../result.js';
import type { DocPath, PathElement, ProjectionAst } from './ast.js';
import type { AttributeNames } from './cursor.js';
import { finish, openCursor, parseCommaList, parsePath, reportError } from './cursor.js';
import { findPathClash } from './paths.js';

const KIND = 'ProjectionExpression';

/** Parses a ProjectionExpression; refuses overlapping paths (`a, a.b`) like DynamoDB. */
export function parseProjection(text: string, names: AttributeNames): Result<ProjectionAst> {
  const opened = openCursor(KIND, text, names, {});
  if (!opened.ok) return opened;
  const cursor = opened.value;
  const paths = parseCommaList(cursor, parsePath);
  if (!paths.ok) return paths;
  const clash = findPathClash(KIND, paths.value);
  if (clash !== undefined) reportError(cursor, 'path-clash', clash);
  return finish(cursor, paths.value);
}

/** A tree of the selected steps: a leaf keeps the whole value below it. */
interface Selection {
  isLeaf: boolean;
  readonly children: Map<PathElement, Selection>;
}

function buildSelection(paths: readonly DocPath[]): Selection {
  const root: Selection = { isLeaf: false, children: new Map() };
  for (const path of paths) {
    let node = root;
    for (const step of path) {
      let child = node.children.get(step);
      if (child === undefined) {
        child = { isLeaf: false, children: new Map() };
        node.children.set(step, child);
      }
      node = child;
    }
    node.isLeaf = true;
  }
  return root;
}

function extract(value: AttributeValue, selection: Selection): AttributeValue | undefined {
  if (selection.isLeaf) return value;
  if ('M' in value) {
    const kept = extractFromMap(value.M, selection);
    return kept === undefined ? undefined : { M: kept };
  }
  if ('L' in value) {
    const steps = [...selection.children.keys()];
    const indexes = steps.filter((step): step is number => typeof step === 'number').sort((a, b) => a - b);
    const kept: AttributeValue[] = [];
    for (const index of indexes) {
      const element = value.L[index];
      const child = selection.children.get(index);
      const picked = element === undefined || child === undefined ? undefined : extract(element, child);
      if (picked !== undefined) kept.push(picked);
    }
    return kept.length === 0 ? undefined : { L: kept };
  }
  return undefined;
}

function extractFromMap(
  map: Readonly<Record<string, AttributeValue>>,
  selection: Selection,
): Record<string, AttributeValue> | undefined {
  const kept: Record<string, AttributeValue> = {};
  for (const [step, child] of selection.children) {
    if (typeof step !== 'string') continue;
    const value = map[step];
    const picked = value === undefined ? undefined : extract(value, child);
    if (picked !== undefined) kept[step] = picked;
  }
  return Object.keys(kept).length === 0 ? undefined : kept;
}

/** The parts of `item` named by `paths` (a new item; the input is not changed). */
export function project(item: Item, paths: ProjectionAst): Item {
  return extractFromMap(item, buildSelection(paths)) ?? {};
}
