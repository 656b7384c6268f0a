// Parses a mapping template into a syntax tree: text, references (`$x`, `$!x`, `${x}`, with property
// reads, method calls and `[i]` indexes), `#set`, `#if/#elseif/#else/#end`, `#foreach ... #end`, `##` and
// `#* *#` comments and `#[[ ]]#` literal blocks. Velocity directives the simulator does not run
// (`#macro`, `#parse`, `#include`, `#define`, `#evaluate`, `#break`, `#stop`) are rejected with the line
// they are on, so put-integration can refuse the template before any request uses it. A directive
// alone on its line takes its line with it (no blank lines in the output), as Velocity 2's "lines"
// space gobbling does.
import type { Access, Expr, Node, RefExpr, VtlSyntaxError } from './ast.js';
import { readArguments, readExpression } from './parse-expression.js';

const RUN_DIRECTIVES = new Set(['set', 'if', 'elseif', 'else', 'end', 'foreach']);
const REFUSED_DIRECTIVES = new Set(['macro', 'parse', 'include', 'define', 'evaluate', 'break', 'stop']);
const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_]/;

class Failure {
  constructor(readonly pos: number, readonly message: string) {}
}

type BlockEnd = { readonly name: 'end' | 'else' | 'eof' } | { readonly name: 'elseif'; readonly condition: Expr };

class Parser {
  pos = 0;
  constructor(readonly src: string) {}

  fail(message: string, pos = this.pos): never {
    throw new Failure(pos, message);
  }

  lineOf(pos: number): number {
    let line = 1;
    for (let i = 0; i < pos && i < this.src.length; i++) if (this.src[i] === '\n') line++;
    return line;
  }

  startsWith(text: string): boolean {
    return this.src.startsWith(text, this.pos);
  }

  skipSpaces(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos]!)) this.pos++;
  }

  expect(text: string, what: string): void {
    this.skipSpaces();
    if (!this.startsWith(text)) this.fail(`expected ${what}`);
    this.pos += text.length;
  }

  identifier(): string | undefined {
    if (!IDENT_START.test(this.src[this.pos] ?? '')) return undefined;
    const start = this.pos;
    while (IDENT_PART.test(this.src[this.pos] ?? '')) this.pos++;
    return this.src.slice(start, this.pos);
  }

  /** The directive name after `#` (or `#{`), without moving; undefined when `#` starts plain text. */
  directiveAt(): { name: string; end: number } | undefined {
    const braced = this.src[this.pos + 1] === '{';
    const match = /^[A-Za-z]+/.exec(this.src.slice(this.pos + (braced ? 2 : 1), this.pos + 40));
    if (match === null) return undefined;
    let end = this.pos + (braced ? 2 : 1) + match[0].length;
    if (braced) {
      if (this.src[end] !== '}') return undefined;
      end++;
    }
    return { name: match[0], end };
  }

  /** True when only spaces surround [start, end) on its line; then the line is dropped from the output. */
  aloneOnLine(start: number, end: number): boolean {
    const before = this.src.lastIndexOf('\n', start - 1);
    const lineStart = before === -1 ? 0 : before + 1;
    const after = this.src.indexOf('\n', end);
    const lineEnd = after === -1 ? this.src.length : after;
    return /^[ \t]*$/.test(this.src.slice(lineStart, start)) && /^[ \t\r]*$/.test(this.src.slice(end, lineEnd));
  }

  block(stops: ReadonlySet<string>): { nodes: Node[]; end: BlockEnd } {
    const nodes: Node[] = [];
    let text = '';
    const flush = (): void => {
      if (text !== '') nodes.push({ kind: 'text', text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos]!;
      if (c === '\\' && (this.src[this.pos + 1] === '$' || this.src[this.pos + 1] === '#')) {
        text += this.src[this.pos + 1];
        this.pos += 2;
      } else if (c === '#' && this.skipComment()) {
        continue;
      } else if (c === '#' && this.startsWith('#[[')) {
        const close = this.src.indexOf(']]#', this.pos + 3);
        if (close === -1) this.fail('#[[ has no closing ]]#');
        text += this.src.slice(this.pos + 3, close);
        this.pos = close + 3;
      } else if (c === '#' && this.directiveAt() !== undefined && this.isDirective(this.directiveAt()!)) {
        const start = this.pos;
        const directive = this.directiveAt()!;
        this.pos = directive.end;
        const result = this.directive(directive.name, start, stops, () => {
          text = text.replace(/[ \t]*$/, '');
        }, flush);
        if (result.node !== undefined) nodes.push(result.node);
        if (result.end !== undefined) return { nodes, end: result.end };
      } else if (c === '$' && this.refStartsAt(this.pos)) {
        flush();
        nodes.push(this.textReference());
      } else {
        text += c;
        this.pos++;
      }
    }
    flush();
    return { nodes, end: { name: 'eof' } };
  }

  skipComment(): boolean {
    if (this.startsWith('##')) {
      const newline = this.src.indexOf('\n', this.pos);
      this.pos = newline === -1 ? this.src.length : newline + 1;
      return true;
    }
    if (this.startsWith('#*')) {
      const close = this.src.indexOf('*#', this.pos + 2);
      if (close === -1) this.fail('#* comment has no closing *#');
      this.pos = close + 2;
      return true;
    }
    return false;
  }

  isDirective(directive: { name: string; end: number }): boolean {
    if (RUN_DIRECTIVES.has(directive.name)) return true;
    if (REFUSED_DIRECTIVES.has(directive.name)) {
      this.fail(`#${directive.name} is not supported (the simulator runs #set, #if, #elseif, #else, #end and #foreach)`);
    }
    if (this.src[directive.end] === '(') this.fail(`#${directive.name}(...) is not a directive the simulator knows (no macros)`);
    return false;
  }

  /** One directive after its name; `trimLine` drops the spaces before it when it stands alone on its line. */
  directive(name: string, start: number, stops: ReadonlySet<string>, trimLine: () => void, flush: () => void): { node?: Node; end?: BlockEnd } {
    let node: Node | undefined;
    let end: BlockEnd | undefined;
    let head: Expr | { variable: string; items: Expr } | undefined;
    if (name === 'set') {
      const target = this.parenthesised(() => this.assignment());
      node = { kind: 'set', target: target.target, value: target.value };
    } else if (name === 'if') {
      head = this.parenthesised(() => this.expression());
    } else if (name === 'foreach') {
      head = this.parenthesised(() => this.foreachHead());
    } else {
      if (!stops.has(name)) this.fail(`#${name} without an open #if${name === 'end' ? ' or #foreach' : ''}`, start);
      end = name === 'elseif' ? { name, condition: this.parenthesised(() => this.expression()) } : { name: name as 'end' | 'else' };
    }
    if (this.aloneOnLine(start, this.pos)) {
      trimLine();
      const newline = this.src.indexOf('\n', this.pos);
      this.pos = newline === -1 ? this.src.length : newline + 1;
    }
    flush();
    if (name === 'if') node = this.ifRest(head as Expr, start);
    if (name === 'foreach') node = this.foreachRest(head as { variable: string; items: Expr }, start);
    return { ...(node === undefined ? {} : { node }), ...(end === undefined ? {} : { end }) };
  }

  ifRest(condition: Expr, start: number): Node {
    const branches: { condition: Expr; body: readonly Node[] }[] = [];
    let current = condition;
    const stops = new Set(['elseif', 'else', 'end']);
    for (;;) {
      const { nodes, end } = this.block(stops);
      branches.push({ condition: current, body: nodes });
      if (end.name === 'elseif') {
        current = end.condition;
        continue;
      }
      if (end.name === 'eof') this.fail('#if has no matching #end', start);
      if (end.name === 'end') return { kind: 'if', branches };
      const rest = this.block(new Set(['end']));
      if (rest.end.name !== 'end') this.fail('#if ... #else has no matching #end', start);
      return { kind: 'if', branches, otherwise: rest.nodes };
    }
  }

  foreachRest(head: { variable: string; items: Expr }, start: number): Node {
    const { nodes, end } = this.block(new Set(['end']));
    if (end.name !== 'end') this.fail('#foreach has no matching #end', start);
    return { kind: 'foreach', variable: head.variable, items: head.items, body: nodes };
  }

  parenthesised<T>(inner: () => T): T {
    this.expect('(', '( after the directive');
    const value = inner();
    this.expect(')', ')');
    return value;
  }

  assignment(): { target: RefExpr; value: Expr } {
    this.skipSpaces();
    if (this.src[this.pos] !== '$') this.fail('#set needs a $variable on the left');
    const target = this.reference(false).ref;
    this.expect('=', '= in #set');
    return { target, value: this.expression() };
  }

  foreachHead(): { variable: string; items: Expr } {
    this.skipSpaces();
    if (this.src[this.pos] !== '$') this.fail('#foreach needs a $variable');
    this.pos++;
    const variable = this.identifier() ?? this.fail('#foreach needs a $variable');
    this.skipSpaces();
    if (!this.startsWith('in') || IDENT_PART.test(this.src[this.pos + 2] ?? '')) this.fail('expected "in" in #foreach');
    this.pos += 2;
    return { variable, items: this.expression() };
  }

  refStartsAt(pos: number): boolean {
    let at = pos + 1;
    if (this.src[at] === '!') at++;
    if (this.src[at] === '{') at++;
    return IDENT_START.test(this.src[at] ?? '');
  }

  textReference(): Node {
    const start = this.pos;
    const { ref, isQuiet } = this.reference(true);
    return { kind: 'ref', ref, isQuiet, source: this.src.slice(start, this.pos) };
  }

  /** `$[!][{]name(.prop | .call(args) | [index])*[}]`; in text, a `.` not followed by a name is text. */
  reference(inText: boolean): { ref: RefExpr; isQuiet: boolean } {
    this.pos++;
    const isQuiet = this.src[this.pos] === '!';
    if (isQuiet) this.pos++;
    const braced = this.src[this.pos] === '{';
    if (braced) this.pos++;
    const root = this.identifier() ?? this.fail('expected a name after $');
    const path: Access[] = [];
    for (;;) {
      if (this.src[this.pos] === '.' && IDENT_START.test(this.src[this.pos + 1] ?? '')) {
        this.pos++;
        const name = this.identifier()!;
        if (this.src[this.pos] === '(') {
          this.pos++;
          path.push({ kind: 'call', name, args: this.arguments(')') });
        } else path.push({ kind: 'prop', name });
      } else if (this.src[this.pos] === '[' && !(inText && !braced && this.src[this.pos + 1] === ']')) {
        this.pos++;
        const index = this.expression();
        this.expect(']', '] after an index');
        path.push({ kind: 'index', index });
      } else break;
    }
    if (braced) this.expect('}', '} closing ${');
    return { ref: { kind: 'ref', root, path }, isQuiet };
  }

  arguments(close: string): Expr[] {
    return readArguments(this, close);
  }

  expression(): Expr {
    return readExpression(this);
  }

  interpolated(raw: string): Node[] {
    return new Parser(raw).block(new Set()).nodes;
  }
}

export type ParsedTemplate = { readonly ok: true; readonly nodes: readonly Node[] } | { readonly ok: false; readonly error: VtlSyntaxError };

/** Parses a template; a syntax error or an unsupported directive comes back with its line. */
export function parseTemplate(template: string): ParsedTemplate {
  const parser = new Parser(template);
  try {
    const { nodes, end } = parser.block(new Set());
    if (end.name !== 'eof') parser.fail(`#${end.name} without an open #if`);
    return { ok: true, nodes };
  } catch (error) {
    if (error instanceof Failure) return { ok: false, error: { line: parser.lineOf(error.pos), message: error.message } };
    if (error instanceof RangeError) return { ok: false, error: { line: parser.lineOf(parser.pos), message: 'the template nests too deeply' } };
    throw error;
  }
}
