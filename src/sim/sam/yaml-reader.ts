// Reads a template's YAML text into plain data plus the line and column of every key, so a problem can
// name where it is. Short-form intrinsic tags (`!Ref X`, `!GetAtt A.Arn`, `!Sub ...`) become the long
// form CloudFormation defines (`{Ref: X}`, `{'Fn::GetAtt': [A, Arn]}`), so the rest of the reader sees
// one spelling. The yaml package's custom tags accept the short forms; the conversion walks its nodes.
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Node, type ScalarTag, type CollectionTag } from 'yaml';

/** Where something is in the template: 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A path in the template, e.g. `['Resources', 'Orders', 'Properties', 'TableName']`. */
export type TemplatePath = readonly (string | number)[];

export interface TemplateProblem {
  readonly path: TemplatePath;
  readonly message: string;
  /** Set when the problem is not at a key of the template (a YAML syntax error). */
  readonly position?: Position;
}

export interface ReadTemplate {
  readonly data: unknown;
  /** Position of each key (and list item) by its path joined with `/`. */
  readonly positions: ReadonlyMap<string, Position>;
}

/** The short tags and the function each stands for. `!GetAtt A.B` is split at the first dot. */
const SHORT_TAGS: Readonly<Record<string, string>> = {
  '!Ref': 'Ref', '!Condition': 'Condition', '!GetAtt': 'Fn::GetAtt', '!Sub': 'Fn::Sub', '!If': 'Fn::If', '!Join': 'Fn::Join',
  '!Select': 'Fn::Select', '!Split': 'Fn::Split', '!Equals': 'Fn::Equals', '!Not': 'Fn::Not', '!And': 'Fn::And', '!Or': 'Fn::Or',
  '!FindInMap': 'Fn::FindInMap', '!Base64': 'Fn::Base64', '!GetAZs': 'Fn::GetAZs', '!ImportValue': 'Fn::ImportValue', '!Cidr': 'Fn::Cidr',
};

/** Each tag accepted on a scalar, a list and a map; the walk below turns them into long forms. */
const CUSTOM_TAGS: (ScalarTag | CollectionTag)[] = Object.keys(SHORT_TAGS).flatMap((tag) => [
  { tag, resolve: (value: string) => value },
  { tag, collection: 'seq' as const, resolve: (value: unknown) => value as never },
  { tag, collection: 'map' as const, resolve: (value: unknown) => value as never },
]);

export const pathKey = (path: TemplatePath): string => path.join('/');

class Walker {
  readonly positions = new Map<string, Position>();
  readonly problems: TemplateProblem[] = [];
  constructor(private readonly lines: LineCounter) {}

  at(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  value(node: unknown, path: TemplatePath): unknown {
    const plain = this.plain(node, path);
    const tag = (node as Node | null)?.tag;
    if (tag === undefined || !tag.startsWith('!')) return plain;
    const name = SHORT_TAGS[tag];
    if (name === undefined) {
      this.problems.push({ path, message: `unknown tag ${tag}`, ...this.rangeOf(node) });
      return plain;
    }
    if (name === 'Fn::GetAtt' && typeof plain === 'string') {
      const dot = plain.indexOf('.');
      return { [name]: dot === -1 ? [plain] : [plain.slice(0, dot), plain.slice(dot + 1)] };
    }
    return { [name]: plain };
  }

  private rangeOf(node: unknown): { position?: Position } {
    const range = (node as Node | null)?.range;
    return range === undefined || range === null ? {} : { position: this.at(range[0]) };
  }

  private plain(node: unknown, path: TemplatePath): unknown {
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
        const keyRange = (pair.key as Node | null)?.range;
        if (keyRange) this.positions.set(pathKey([...path, key]), this.at(keyRange[0]));
        out[key] = this.value(pair.value, [...path, key]);
      }
      return out;
    }
    if (isSeq(node)) {
      return node.items.map((item, index) => {
        const range = (item as Node | null)?.range;
        if (range) this.positions.set(pathKey([...path, index]), this.at(range[0]));
        return this.value(item, [...path, index]);
      });
    }
    if (isScalar(node)) return node.value;
    if (isAlias(node)) this.problems.push({ path, message: 'YAML aliases (*name) are not supported in templates', ...this.rangeOf(node) });
    return null;
  }
}

/** Parses YAML (or JSON, which is YAML) text; problems carry their own positions. */
export function readTemplateText(text: string): { ok: true; value: ReadTemplate } | { ok: false; problems: TemplateProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, customTags: CUSTOM_TAGS, prettyErrors: false });
  const walker = new Walker(lines);
  if (doc.errors.length > 0) {
    return { ok: false, problems: doc.errors.map((error) => ({ path: [], message: `YAML syntax error: ${error.message.split('\n')[0]}`, position: walker.at(error.pos[0]) })) };
  }
  const data = walker.value(doc.contents, []);
  if (walker.problems.length > 0) return { ok: false, problems: walker.problems };
  return { ok: true, value: { data, positions: walker.positions } };
}
