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
  readonly patches: readonly (readonly [string | number, TemplateNode])[];
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
  const patches: (readonly [string | number, TemplateNode])[] = [];
  for (const [key, child] of entries) {
    const node = compileNode(child);
    if (node !== undefined) patches.push([key, node]);
  }
  if (patches.length === 0) return undefined;
  return { kind: Array.isArray(value) ? 'array' : 'object', base: value, patches };
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
  for (let i = 0; i < node.patches.length; i++) {
    const [key, child] = node.patches[i]!;
    out[key] = instantiate(child, n, random);
  }
  return out;
}
