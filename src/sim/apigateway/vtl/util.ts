// The helpers a mapping template reaches through `$util` and `$input`: JavaScript escaping, URL and
// base64 coding, JSON parsing, and the JSONPath subset of `$input.json()` / `$input.path()`
// (`$`, `.name`, `['name']`, `[0]`, `[*]`, `.*`). Pure functions; a bad argument is a RenderFailure the
// renderer turns into a failed render (API Gateway answers 500 for a template that fails at run time).

/** A template that fails while rendering: caught by the renderer, never seen outside this folder. */
export class RenderFailure {
  constructor(readonly message: string) {}
}

/**
 * Escapes like the Java helper API Gateway uses: quotes (single ones too, which is why
 * `\'` can break JSON), backslash, slash, control characters, and every non-ASCII character as `\uXXXX`.
 */
export function escapeJavaScript(text: string): string {
  const named: Readonly<Record<string, string>> = { '"': '\\"', "'": "\\'", '\\': '\\\\', '/': '\\/', '\b': '\\b', '\n': '\\n', '\t': '\\t', '\f': '\\f', '\r': '\\r' };
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (named[ch] !== undefined) out += named[ch];
    else if (code < 32 || code > 0x7e) out += utf16Escapes(ch);
    else out += ch;
  }
  return out;
}

function utf16Escapes(ch: string): string {
  let out = '';
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`;
  return out;
}

/** Form encoding as Java's URLEncoder does it: space → `+`, `.-*_` and alphanumerics kept, the rest `%XX` of UTF-8. */
export function urlEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9.\-*_]/.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function urlDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw new RenderFailure(`$util.urlDecode: "${text}" is not a valid URL-encoded string`);
  }
}

export const base64Encode = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
export const base64Decode = (text: string): string => Buffer.from(text, 'base64').toString('utf8');

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RenderFailure(`$util.parseJson: the argument is not valid JSON: ${text.slice(0, 80)}`);
  }
}

type Segment = { readonly kind: 'name'; readonly name: string } | { readonly kind: 'index'; readonly index: number } | { readonly kind: 'all' };

function jsonPathSegments(path: string): Segment[] {
  if (!path.startsWith('$')) throw new RenderFailure(`JSONPath must start with $: ${path}`);
  const segments: Segment[] = [];
  const pattern = /\.\*|\.([A-Za-z_$][\w$-]*)|\[\*\]|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/y;
  pattern.lastIndex = 1;
  while (pattern.lastIndex < path.length) {
    const at = pattern.lastIndex;
    const match = pattern.exec(path);
    if (match === null) throw new RenderFailure(`unsupported JSONPath at "${path.slice(at)}" in ${path} (the simulator reads $.a.b, $.a[0], $['a'], [*])`);
    if (match[0] === '.*' || match[0] === '[*]') segments.push({ kind: 'all' });
    else if (match[2] !== undefined) segments.push({ kind: 'index', index: Number(match[2]) });
    else segments.push({ kind: 'name', name: match[1] ?? match[3] ?? match[4] ?? '' });
  }
  return segments;
}

/** The value at `path`, undefined when absent; a wildcard collects every match into a list. */
export function readJsonPath(root: unknown, path: string): unknown {
  let current: unknown[] = [root];
  let isList = false;
  for (const segment of jsonPathSegments(path)) {
    const next: unknown[] = [];
    for (const value of current) {
      if (segment.kind === 'all') {
        if (Array.isArray(value)) next.push(...(value as unknown[]));
        else if (isMap(value)) next.push(...Object.values(value));
        isList = true;
      } else if (segment.kind === 'index' && Array.isArray(value) && segment.index < value.length) next.push(value[segment.index]);
      else if (segment.kind === 'name' && isMap(value) && Object.hasOwn(value, segment.name)) next.push(value[segment.name]);
    }
    current = next;
  }
  return isList ? current : current[0];
}

export function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How Velocity prints a value: Java's `toString` (lists `[a, b]`, maps `{k=v}`). */
export function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const inner = (v: unknown): string => (v === null || v === undefined ? 'null' : toText(v));
  if (Array.isArray(value)) return `[${value.map(inner).join(', ')}]`;
  if (isMap(value)) return `{${Object.entries(value).map(([k, v]) => `${k}=${inner(v)}`).join(', ')}}`;
  return String(value);
}
