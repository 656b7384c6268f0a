// The parsed forms of DynamoDB expressions, and small readers of them. Names (`#n`) and values (`:v`) are
// already substituted, so evaluating an AST needs only the item.
import type { AttributeValue } from '../model.js';

/** One step of a document path: an attribute (map key) name, or a list index. */
export type PathElement = string | number;

/** A document path such as `a.b[2].c` → `['a', 'b', 2, 'c']`. Always starts with a name. */
export type DocPath = readonly PathElement[];

/** What a comparison or function reads: an item attribute, a request value, or the size of a path. */
export type Operand =
  | { readonly kind: 'path'; readonly path: DocPath }
  | { readonly kind: 'value'; readonly value: AttributeValue; readonly ref: string }
  | { readonly kind: 'size'; readonly path: DocPath };

export type Comparator = '=' | '<>' | '<' | '<=' | '>' | '>=';

export type ConditionFunctionName =
  | 'attribute_exists'
  | 'attribute_not_exists'
  | 'attribute_type'
  | 'begins_with'
  | 'contains';

/** A condition or filter expression. */
export type ConditionAst =
  | { readonly kind: 'compare'; readonly comparator: Comparator; readonly left: Operand; readonly right: Operand }
  | { readonly kind: 'between'; readonly operand: Operand; readonly low: Operand; readonly high: Operand }
  | { readonly kind: 'in'; readonly operand: Operand; readonly candidates: readonly Operand[] }
  | { readonly kind: 'and' | 'or'; readonly left: ConditionAst; readonly right: ConditionAst }
  | { readonly kind: 'not'; readonly condition: ConditionAst }
  | { readonly kind: 'function'; readonly name: ConditionFunctionName; readonly args: readonly Operand[] };

/** The right-hand side of a SET action. */
export type SetValue =
  | { readonly kind: 'path'; readonly path: DocPath }
  | { readonly kind: 'value'; readonly value: AttributeValue; readonly ref: string }
  | { readonly kind: 'if-not-exists'; readonly path: DocPath; readonly fallback: SetValue }
  | { readonly kind: 'list-append'; readonly first: SetValue; readonly second: SetValue }
  | { readonly kind: 'plus' | 'minus'; readonly left: SetValue; readonly right: SetValue };

export type UpdateAction =
  | { readonly kind: 'set'; readonly path: DocPath; readonly value: SetValue }
  | { readonly kind: 'remove'; readonly path: DocPath }
  | { readonly kind: 'add'; readonly path: DocPath; readonly value: AttributeValue }
  | { readonly kind: 'delete'; readonly path: DocPath; readonly value: AttributeValue };

/** An update expression: its actions in the order written (SET, REMOVE, ADD, DELETE clauses mixed). */
export interface UpdateAst {
  readonly actions: readonly UpdateAction[];
}

/** A projection expression: the document paths to keep. */
export type ProjectionAst = readonly DocPath[];

/** Every document path a condition reads (for instance to refuse key attributes in a Query filter). */
export function pathsOfCondition(condition: ConditionAst): readonly DocPath[] {
  const ofOperand = (operand: Operand): DocPath[] => (operand.kind === 'value' ? [] : [operand.path]);
  switch (condition.kind) {
    case 'compare':
      return [...ofOperand(condition.left), ...ofOperand(condition.right)];
    case 'between':
      return [condition.operand, condition.low, condition.high].flatMap(ofOperand);
    case 'in':
      return [condition.operand, ...condition.candidates].flatMap(ofOperand);
    case 'and':
    case 'or':
      return [...pathsOfCondition(condition.left), ...pathsOfCondition(condition.right)];
    case 'not':
      return pathsOfCondition(condition.condition);
    case 'function':
      return condition.args.flatMap(ofOperand);
    default: {
      const never: never = condition;
      return never;
    }
  }
}
