// Renders a parsed mapping template against one request (or integration response): `$input` (body,
// json(), path(), params()), `$context`, `$stageVariables`, `$util`, variables set with `#set`, and
// `#foreach`, which stops after 1,000 iterations as API Gateway's does (APIGW-08). Velocity's rules the
// learner meets: an undefined `$name` prints itself (`$!name` prints nothing), a missing member of
// `$context`, `$input` or `$stageVariables` prints nothing, lists print `[a, b]` and maps `{k=v}`.
// A render never throws: a bad call ends it with a message (API Gateway then answers 500).
import type { Access, Expr, Node, RefExpr } from './ast.js';
import { base64Decode, base64Encode, escapeJavaScript, isMap, parseJson, readJsonPath, RenderFailure, toText, urlDecode, urlEncode } from './util.js';

/** The most iterations one #foreach runs (APIGW-08). */
export const FOREACH_MAX_ITERATIONS = 1_000;
/** A bound on all loop iterations of one render, so nested loops stay cheap (the simulator's own bound). */
const RENDER_MAX_ITERATIONS = 100_000;

export interface TemplateInput {
  /** `$input.body`: the raw body the template reads (the method request's, or the integration response's). */
  readonly body: string;
  /** `$input.params()`: the method request's parameters. */
  readonly params: { readonly path: Readonly<Record<string, string>>; readonly querystring: Readonly<Record<string, string>>; readonly header: Readonly<Record<string, string>> };
  readonly context: Readonly<Record<string, unknown>>;
  readonly stageVariables: Readonly<Record<string, string>>;
}

export type RenderResult = { readonly ok: true; readonly output: string; readonly warnings: readonly string[] } | { readonly ok: false; readonly message: string };

interface Host {
  get(name: string): unknown;
  call(name: string, args: readonly unknown[]): unknown;
}

const HOSTS = new WeakSet<object>();
const host = (h: Host): Host => {
  HOSTS.add(h);
  return h;
};
const isHost = (value: unknown): value is Host => typeof value === 'object' && value !== null && HOSTS.has(value);

const asString = (value: unknown, what: string): string => {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) throw new RenderFailure(`${what} needs a string argument`);
  return toText(value);
};

const UTIL: Readonly<Record<string, (text: string) => unknown>> = { escapeJavaScript, urlEncode, urlDecode, base64Encode, base64Decode, parseJson };

function utilHost(): Host {
  return host({
    get: () => undefined,
    call: (name, args) => {
      const fn = UTIL[name];
      if (fn === undefined) throw new RenderFailure(`$util.${name} is not a function the simulator knows (${Object.keys(UTIL).join(', ')})`);
      return fn(asString(args[0], `$util.${name}`));
    },
  });
}

/** The body as `$input.json()` / `$input.path()` see it: `{}` when empty, the text itself when not JSON. */
function parsedBody(body: string): unknown {
  if (body.trim() === '') return {};
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

function inputHost(input: TemplateInput): Host {
  let parsed: { value: unknown } | undefined;
  const root = (): unknown => (parsed ??= { value: parsedBody(input.body) }).value;
  const headerOf = (name: string): string | undefined => Object.entries(input.params.header).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  return host({
    get: (name) => (name === 'body' ? input.body : undefined),
    call: (name, args) => {
      if (name === 'json') {
        const value = readJsonPath(root(), asString(args[0], '$input.json'));
        return value === undefined ? '' : JSON.stringify(value);
      }
      if (name === 'path') return readJsonPath(root(), asString(args[0], '$input.path')) ?? null;
      if (name === 'params' && args.length === 0) return { path: { ...input.params.path }, querystring: { ...input.params.querystring }, header: { ...input.params.header } };
      if (name === 'params') {
        const key = asString(args[0], '$input.params');
        return input.params.path[key] ?? input.params.querystring[key] ?? headerOf(key) ?? '';
      }
      throw new RenderFailure(`$input.${name}() is not a function the simulator knows (body, json, path, params)`);
    },
  });
}

const ROOTS = new Set(['input', 'context', 'stageVariables', 'util']);

class Renderer {
  readonly vars = new Map<string, unknown>();
  readonly warnings: string[] = [];
  iterations = 0;

  constructor(input: TemplateInput) {
    this.vars.set('input', inputHost(input));
    this.vars.set('context', structuredClone(input.context));
    this.vars.set('stageVariables', { ...input.stageVariables });
    this.vars.set('util', utilHost());
  }

  nodes(nodes: readonly Node[]): string {
    let out = '';
    for (const node of nodes) out += this.node(node);
    return out;
  }

  node(node: Node): string {
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'ref': {
        const value = this.ref(node.ref);
        if (value !== null && value !== undefined) return isHost(value) ? node.source : toText(value);
        return node.isQuiet || ROOTS.has(node.ref.root) ? '' : node.source;
      }
      case 'set':
        this.assign(node.target, this.expr(node.value));
        return '';
      case 'if': {
        const branch = node.branches.find((b) => isTruthy(this.expr(b.condition)));
        return branch !== undefined ? this.nodes(branch.body) : this.nodes(node.otherwise ?? []);
      }
      case 'foreach':
        return this.foreach(node.variable, this.expr(node.items), node.body);
    }
  }

  foreach(variable: string, items: unknown, body: readonly Node[]): string {
    const list = Array.isArray(items) ? items : isMap(items) ? Object.values(items) : [];
    if (list.length > FOREACH_MAX_ITERATIONS) this.warnings.push(`#foreach over ${list.length} items stopped after ${FOREACH_MAX_ITERATIONS} iterations (APIGW-08)`);
    const count = Math.min(list.length, FOREACH_MAX_ITERATIONS);
    // The loop variables belong to this loop: an outer loop sees its own again after an inner one ends.
    const scoped = [variable, 'foreach', 'velocityCount', 'velocityHasNext'];
    const saved = scoped.map((name) => [name, this.vars.has(name), this.vars.get(name)] as const);
    let out = '';
    for (let i = 0; i < count; i++) {
      if (++this.iterations > RENDER_MAX_ITERATIONS) throw new RenderFailure(`the template ran more than ${RENDER_MAX_ITERATIONS} loop iterations`);
      const hasNext = i < count - 1;
      this.vars.set(variable, list[i]);
      this.vars.set('foreach', { index: i, count: i + 1, hasNext, first: i === 0, last: !hasNext });
      this.vars.set('velocityCount', i + 1);
      this.vars.set('velocityHasNext', hasNext);
      out += this.nodes(body);
    }
    for (const [name, had, value] of saved) {
      if (had) this.vars.set(name, value);
      else this.vars.delete(name);
    }
    return out;
  }

  assign(target: RefExpr, value: unknown): void {
    if (target.path.length === 0) {
      this.vars.set(target.root, value);
      return;
    }
    const last = target.path[target.path.length - 1]!;
    const owner = this.ref({ kind: 'ref', root: target.root, path: target.path.slice(0, -1) });
    if (last.kind === 'prop' && isMap(owner)) owner[last.name] = value;
    else throw new RenderFailure(`#set cannot assign to ${describe(target)}`);
  }

  ref(ref: RefExpr): unknown {
    let value = this.vars.get(ref.root);
    for (const access of ref.path) {
      if (value === null || value === undefined) return undefined;
      value = this.access(value, access);
    }
    return value;
  }

  access(value: unknown, access: Access): unknown {
    if (access.kind === 'prop') {
      if (isHost(value)) return value.get(access.name);
      return isMap(value) && Object.hasOwn(value, access.name) ? value[access.name] : undefined;
    }
    if (access.kind === 'index') {
      const index = this.expr(access.index);
      if (Array.isArray(value) && typeof index === 'number') return value[index];
      return isMap(value) ? value[toText(index)] : undefined;
    }
    const args = access.args.map((a) => this.expr(a));
    return isHost(value) ? value.call(access.name, args) : callMethod(value, access.name, args);
  }

  expr(expr: Expr): unknown {
    switch (expr.kind) {
      case 'literal':
        return expr.value;
      case 'interpolated':
        return this.nodes(expr.parts);
      case 'list':
        return expr.items.map((i) => this.expr(i));
      case 'range':
        return range(this.expr(expr.from), this.expr(expr.to));
      case 'map':
        return Object.fromEntries(expr.entries.map(([k, v]) => [toText(this.expr(k)), this.expr(v)]));
      case 'ref':
        return this.ref(expr) ?? null;
      case 'not':
        return !isTruthy(this.expr(expr.operand));
      case 'negate': {
        const operand = this.expr(expr.operand);
        return typeof operand === 'number' ? -operand : null;
      }
      case 'binary':
        return binary(expr.op, this.expr(expr.left), () => this.expr(expr.right));
    }
  }
}

const describe = (ref: RefExpr): string => `$${ref.root}${ref.path.map((a) => (a.kind === 'prop' ? `.${a.name}` : a.kind === 'call' ? `.${a.name}()` : '[...]')).join('')}`;

/** Velocity 1.7 truth: null and false are false, everything else (even '' and 0) is true. */
export function isTruthy(value: unknown): boolean {
  return value !== null && value !== undefined && value !== false;
}

function range(from: unknown, to: unknown): number[] {
  if (typeof from !== 'number' || typeof to !== 'number') throw new RenderFailure('a range [a..b] needs two numbers');
  const step = from <= to ? 1 : -1;
  const size = Math.min(Math.abs(to - from) + 1, RENDER_MAX_ITERATIONS);
  return Array.from({ length: size }, (_, i) => from + i * step);
}

function equal(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  return toText(a) === toText(b);
}

function binary(op: string, left: unknown, right: () => unknown): unknown {
  if (op === '&&') return isTruthy(left) && isTruthy(right());
  if (op === '||') return isTruthy(left) || isTruthy(right());
  const r = right();
  if (op === '==') return equal(left, r);
  if (op === '!=') return !equal(left, r);
  if (typeof left !== 'number' || typeof r !== 'number') {
    if (op === '<' || op === '<=' || op === '>' || op === '>=') {
      if (typeof left === 'string' && typeof r === 'string') return compare(op, left.localeCompare(r));
      throw new RenderFailure(`cannot compare ${toText(left)} and ${toText(r)} with ${op}`);
    }
    return null; // Velocity's arithmetic on non-numbers gives null
  }
  const bothInts = Number.isInteger(left) && Number.isInteger(r);
  switch (op) {
    case '+': return left + r;
    case '-': return left - r;
    case '*': return left * r;
    case '/': return r === 0 ? null : bothInts ? Math.trunc(left / r) : left / r;
    case '%': return r === 0 ? null : left % r;
    default: return compare(op, left - r);
  }
}

const compare = (op: string, diff: number): boolean => (op === '<' ? diff < 0 : op === '<=' ? diff <= 0 : op === '>' ? diff > 0 : diff >= 0);

const STRING_METHODS: Readonly<Record<string, (s: string, args: readonly unknown[]) => unknown>> = {
  length: (s) => s.length, isEmpty: (s) => s.length === 0, toLowerCase: (s) => s.toLowerCase(), toUpperCase: (s) => s.toUpperCase(), trim: (s) => s.trim(),
  contains: (s, [a]) => s.includes(toText(a)), startsWith: (s, [a]) => s.startsWith(toText(a)), endsWith: (s, [a]) => s.endsWith(toText(a)),
  indexOf: (s, [a]) => s.indexOf(toText(a)), equals: (s, [a]) => s === toText(a), equalsIgnoreCase: (s, [a]) => s.toLowerCase() === toText(a).toLowerCase(),
  substring: (s, [from, to]) => s.substring(Number(from), to === undefined ? undefined : Number(to)), replace: (s, [a, b]) => s.split(toText(a)).join(toText(b)),
  replaceAll: (s, [a, b]) => s.replace(safeRegex(toText(a), 'g'), toText(b)), split: (s, [a]) => s.split(safeRegex(toText(a), '')),
  matches: (s, [a]) => safeRegex(`^(?:${toText(a)})$`, '').test(s), toString: (s: string) => s,
};

const LIST_METHODS: Readonly<Record<string, (l: unknown[], args: readonly unknown[]) => unknown>> = {
  size: (l) => l.length, isEmpty: (l) => l.length === 0, get: (l, [i]) => l[Number(i)], contains: (l, [x]) => l.some((v) => equal(v, x)),
  add: (l, [x]) => l.push(x) > 0, toString: (l: unknown[]) => toText(l),
};

const MAP_METHODS: Readonly<Record<string, (m: Record<string, unknown>, args: readonly unknown[]) => unknown>> = {
  get: (m, [k]) => m[toText(k)], containsKey: (m, [k]) => Object.hasOwn(m, toText(k)), keySet: (m) => Object.keys(m), values: (m) => Object.values(m),
  size: (m) => Object.keys(m).length, isEmpty: (m) => Object.keys(m).length === 0, entrySet: (m) => Object.entries(m).map(([key, value]) => ({ key, value })),
  put: (m, [k, v]) => {
    const previous = m[toText(k)];
    m[toText(k)] = v;
    return previous ?? null;
  },
  toString: (m: Record<string, unknown>) => toText(m),
};

function safeRegex(source: string, flags: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch {
    throw new RenderFailure(`invalid regular expression: ${source}`);
  }
}

function callMethod(value: unknown, name: string, args: readonly unknown[]): unknown {
  const method = typeof value === 'string' ? STRING_METHODS[name]?.bind(null, value) : Array.isArray(value) ? LIST_METHODS[name]?.bind(null, value as unknown[])
    : isMap(value) ? MAP_METHODS[name]?.bind(null, value) : name === 'toString' ? () => toText(value) : undefined;
  if (method === undefined) throw new RenderFailure(`${name}() is not a method of ${Array.isArray(value) ? 'a list' : isMap(value) ? 'a map' : typeof value}`);
  return method(args);
}

/** Renders parsed nodes; a run-time failure (bad JSONPath, unknown method ...) comes back as a message. */
export function renderNodes(nodes: readonly Node[], input: TemplateInput): RenderResult {
  const renderer = new Renderer(input);
  try {
    return { ok: true, output: renderer.nodes(nodes), warnings: renderer.warnings };
  } catch (error) {
    if (error instanceof RenderFailure) return { ok: false, message: error.message };
    if (error instanceof RangeError) return { ok: false, message: 'the template nests too deeply' };
    throw error;
  }
}
