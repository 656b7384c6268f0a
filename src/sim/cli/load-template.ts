// The request template of `sim load`: the aws command is parsed ONCE, and the string values that hold
// placeholders are compiled into a small patch tree. Each request then copies only the objects on the
// way to a placeholder and fills it in; the rest of the request is shared with the template (operations
// treat requests as read-only). No re-tokenising, no regexes, no JSON per request.
//   {{n}}       the request's sequence number in its load, from 1
//   {{rand N}}  a seeded whole number in [0, N)

import type { RandomStream } from '../rng.js';

/** A compiled string: literal text and slots; a slot is 0 for {{n}} or N > 0 for {{rand N}}. */
interface StringNode {
  readonly kind: 'string';
  readonly literals: readonly string[];
  readonly slots: readonly number[];
}

interface ContainerNode {
  readonly kind: 'object' | 'array';
  readonly base: unknown;
  /** Keys (or indexes) of the children holding placeholders, and their nodes, side by side. */
  readonly keys: readonly (string | number)[];
  readonly children: readonly TemplateNode[];
}

export type TemplateNode = StringNode | ContainerNode;

export type CompileResult = { readonly ok: true; readonly node: TemplateNode | undefined } | { readonly ok: false; readonly message: string };

class PlaceholderError {
  constructor(readonly message: string) {}
}

const PLACEHOLDER = /\{\{([^}]*)\}\}/g;

function compileString(text: string): StringNode | undefined {
  if (!text.includes('{{')) return undefined;
  const literals: string[] = [];
  const slots: number[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    literals.push(text.slice(last, match.index));
    slots.push(readSlot(match[1]!.trim(), match[0]));
    last = match.index + match[0].length;
  }
  literals.push(text.slice(last));
  return slots.length === 0 ? undefined : { kind: 'string', literals, slots };
}

/** The placeholders of one string (for a service's fast path), or undefined when it has none or a bad one. */
export function placeholdersOf(text: string): StringNode | undefined {
  try {
    return compileString(text);
  } catch (error) {
    if (error instanceof PlaceholderError) return undefined;
    throw error;
  }
}

function readSlot(inner: string, whole: string): number {
  if (inner === 'n') return 0;
  const rand = /^rand\s+(\d+)$/.exec(inner);
  if (rand !== null && Number(rand[1]) > 0 && Number(rand[1]) <= 4_294_967_296) return Number(rand[1]);
  throw new PlaceholderError(`unknown placeholder ${whole}: use {{n}} (the request's number) or {{rand N}} (a seeded number below N, N ≥ 1)`);
}

function compileNode(value: unknown): TemplateNode | undefined {
  if (typeof value === 'string') return compileString(value);
  if (value === null || typeof value !== 'object') return undefined;
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  const keys: (string | number)[] = [];
  const children: TemplateNode[] = [];
  for (const [key, child] of entries) {
    const node = compileNode(child);
    if (node === undefined) continue;
    keys.push(key);
    children.push(node);
  }
  if (keys.length === 0) return undefined;
  return { kind: Array.isArray(value) ? 'array' : 'object', base: value, keys, children };
}

/** Compiles a parsed request; `node` is undefined when it has no placeholders (every request is the same). */
export function compileTemplate(request: Readonly<Record<string, unknown>>): CompileResult {
  try {
    return { ok: true, node: compileNode(request) };
  } catch (error) {
    if (error instanceof PlaceholderError) return { ok: false, message: error.message };
    throw error;
  }
}

function fillString(node: StringNode, n: number, random: RandomStream): string {
  let out = node.literals[0]!;
  for (let i = 0; i < node.slots.length; i++) {
    const slot = node.slots[i]!;
    out += slot === 0 ? n : random.nextInt(slot);
    out += node.literals[i + 1]!;
  }
  return out;
}

/** The request for sequence number `n`; values of `{{rand N}}` come from `random`, in template order. */
export function instantiate(node: TemplateNode, n: number, random: RandomStream): unknown {
  if (node.kind === 'string') return fillString(node, n, random);
  const out = (node.kind === 'array' ? (node.base as unknown[]).slice() : { ...(node.base as object) }) as Record<string | number, unknown>;
  for (let i = 0; i < node.keys.length; i++) out[node.keys[i]!] = instantiate(node.children[i]!, n, random);
  return out;
}

/** Fills a template: returns request number `n`. */
export type TemplateBuilder = (n: number, random: RandomStream) => unknown;

/** Source of one string: its literal parts (through JSON.stringify) joined with `n` and draws from `r`. */
function stringSource(node: StringNode): string {
  const parts = [JSON.stringify(node.literals[0])];
  node.slots.forEach((slot, i) => parts.push(slot === 0 ? 'n' : `r.nextInt(${slot})`, JSON.stringify(node.literals[i + 1])));
  return `(${parts.join(' + ')})`;
}

/** Source of one expression that rebuilds `node` from `baseExpr`. */
function builderSource(node: TemplateNode, baseExpr: string): string {
  if (node.kind === 'string') return stringSource(node);
  const childExpr = (i: number): string => {
    const key = node.keys[i]!;
    const access = typeof key === 'number' ? `${baseExpr}[${key}]` : `${baseExpr}[${JSON.stringify(key)}]`;
    return builderSource(node.children[i]!, access);
  };
  if (node.kind === 'array') {
    let source = `${baseExpr}.slice()`;
    node.keys.forEach((key, i) => (source = `setAt(${source}, ${Number(key)}, ${childExpr(i)})`));
    return source;
  }
  // Computed keys: a literal "__proto__": would set the prototype instead of a member.
  const members = node.keys.map((key, i) => `[${JSON.stringify(key)}]: ${childExpr(i)}`);
  return `{ ...${baseExpr}, ${members.join(', ')} }`;
}

function setAt(array: unknown[], index: number, value: unknown): unknown[] {
  array[index] = value;
  return array;
}

/**
 * Compiles a template into a builder, once per load. The builder is generated code: an object literal
 * per copied level with the template's own keys and each string as one concatenation, so V8 sees one
 * fixed shape per level; the generic walk (`instantiate`) costs about three times as much per request
 * because its property writes see every key of every level. Only keys and literal text (through
 * JSON.stringify), array indexes and the N of {{rand N}} (a checked integer) reach the source; the
 * template's other values are read from it, never spliced. Draws happen in the same order as in
 * `instantiate`, and a property test holds the two equal.
 */
export function createTemplateBuilder(node: TemplateNode): TemplateBuilder {
  const source = `return ${builderSource(node, 'b')};`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- see the doc comment: built once per load
  const build = new Function('b', 'n', 'r', 'setAt', source) as (b: unknown, n: number, r: RandomStream, set: typeof setAt) => unknown;
  const base = node.kind === 'string' ? undefined : node.base;
  return (n, random) => build(base, n, random, setAt);
}
