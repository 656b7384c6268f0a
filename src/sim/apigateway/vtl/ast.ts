// The syntax tree of a mapping template: the subset of the Velocity Template Language (VTL) that API
// Gateway's request and response templates use (APIGW-10). Plain data, built by parse.ts and walked
// by evaluate.ts.

export type Access =
  | { readonly kind: 'prop'; readonly name: string }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[] }
  | { readonly kind: 'index'; readonly index: Expr };

/** `$root.a.b('x')[0]`: a variable or a built-in root, then property reads, method calls and indexes. */
export interface RefExpr {
  readonly kind: 'ref';
  readonly root: string;
  readonly path: readonly Access[];
}

export type BinaryOp = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export type Expr =
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null }
  /** A double-quoted string: references inside are rendered. */
  | { readonly kind: 'interpolated'; readonly parts: readonly Node[] }
  | { readonly kind: 'list'; readonly items: readonly Expr[] }
  | { readonly kind: 'range'; readonly from: Expr; readonly to: Expr }
  | { readonly kind: 'map'; readonly entries: readonly (readonly [Expr, Expr])[] }
  | RefExpr
  | { readonly kind: 'not'; readonly operand: Expr }
  | { readonly kind: 'negate'; readonly operand: Expr }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr };

export type Node =
  | { readonly kind: 'text'; readonly text: string }
  /** `$x` / `$!x` / `${x}`: `source` is what Velocity prints when a non-quiet reference is undefined. */
  | { readonly kind: 'ref'; readonly ref: RefExpr; readonly isQuiet: boolean; readonly source: string }
  | { readonly kind: 'set'; readonly target: RefExpr; readonly value: Expr }
  | { readonly kind: 'if'; readonly branches: readonly { readonly condition: Expr; readonly body: readonly Node[] }[]; readonly otherwise?: readonly Node[] }
  | { readonly kind: 'foreach'; readonly variable: string; readonly items: Expr; readonly body: readonly Node[] };

/** A template that does not parse: the line (1-based) and what is wrong there. */
export interface VtlSyntaxError {
  readonly line: number;
  readonly message: string;
}
