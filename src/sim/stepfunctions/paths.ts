// The JSONPath subset ASL uses for InputPath, Parameters (`key.$`), ResultSelector, ResultPath and
// OutputPath: `$`, `.name`, `[index]` and `['name']`, plus `$$.` for the context object
// (`$$.Execution.Id`). Reading a path that is not there is a States.Runtime failure with AWS's cause
// wording ("Invalid path ... : No results for path", "The JSONPath ... could not be found in the input");
// see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-input-output-filtering.html.

export type Segment = string | number;

/** A state failure: an error name and its cause, as Retry/Catch and ExecutionFailed carry them. */
export interface StateFailure {
  readonly error: string;
  readonly cause: string;
}

export type Processed = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly failure: StateFailure };

const SEGMENT = /^(?:\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\])/;

/** The segments of `$.a.b[0]`, or undefined for what the subset cannot read (filters, wildcards). */
export function parsePath(path: string): Segment[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const segments: Segment[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    const match = SEGMENT.exec(rest);
    if (match === null) return undefined;
    segments.push(match[2] !== undefined ? Number(match[2]) : (match[1] ?? match[3] ?? match[4])!);
    rest = rest.slice(match[0].length);
  }
  return segments;
}

/** `$['a']['b'][0]`: the normalised form AWS prints in "No results for path". */
export function normalisedPath(segments: readonly Segment[]): string {
  return `$${segments.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `['${segment}']`)).join('')}`;
}

function readSegments(root: unknown, segments: readonly Segment[]): { readonly found: boolean; readonly value?: unknown } {
  let value = root;
  for (const segment of segments) {
    if (typeof segment === 'number' ? !Array.isArray(value) : typeof value !== 'object' || value === null || Array.isArray(value)) return { found: false };
    const container = value as Record<string | number, unknown>;
    if (!Object.prototype.hasOwnProperty.call(container, segment)) return { found: false };
    value = container[segment];
  }
  return { found: true, value };
}

/** Reads `path` from the input, or from the context object for `$$.` paths. */
export function readReference(input: unknown, context: unknown, path: string): { readonly found: boolean; readonly value?: unknown } {
  const isContext = path.startsWith('$$');
  const segments = parsePath(isContext ? path.slice(1) : path);
  if (segments === undefined) return { found: false };
  return readSegments(isContext ? context : input, segments);
}

/** InputPath and OutputPath: `null` gives `{}`, a missing path fails with States.Runtime. */
export function selectPath(input: unknown, path: string | null | undefined, where: string): Processed {
  if (path === null) return { ok: true, value: {} };
  if (path === undefined || path === '$') return { ok: true, value: input };
  const read = readReference(input, {}, path);
  if (read.found) return { ok: true, value: read.value };
  const segments = parsePath(path);
  const shown = segments === undefined ? path : normalisedPath(segments);
  return { ok: false, failure: { error: 'States.Runtime', cause: `${where}Invalid path '${path}' : No results for path: ${shown}` } };
}

/**
 * Parameters and ResultSelector: a copy of the template where each `key.$` member becomes `key` with
 * the value its path reads (from the input, or the context object for `$$.`).
 */
export function applyTemplate(template: unknown, input: unknown, context: unknown, where: string): Processed {
  if (Array.isArray(template)) {
    const items: unknown[] = [];
    for (const item of template) {
      const done = applyTemplate(item, input, context, where);
      if (!done.ok) return done;
      items.push(done.value);
    }
    return { ok: true, value: items };
  }
  if (typeof template !== 'object' || template === null) return { ok: true, value: template };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(template)) {
    if (!key.endsWith('.$')) {
      const done = applyTemplate(value, input, context, where);
      if (!done.ok) return done;
      out[key] = done.value;
      continue;
    }
    const read = typeof value === 'string' ? readReference(input, context, value) : { found: false };
    if (!read.found) {
      const cause = `${where}The JSONPath '${String(value)}' specified for the field '${key}' could not be found in the input '${JSON.stringify(input)}'`;
      return { ok: false, failure: { error: 'States.Runtime', cause } };
    }
    out[key.slice(0, -2)] = read.value;
  }
  return { ok: true, value: out };
}

/**
 * ResultPath: where the result goes in the state's raw input. `$` (the default) replaces the input,
 * `null` discards the result, `$.a.b` writes into a copy of the input, creating objects on the way.
 * A path through a value that is not an object fails with States.ResultPathMatchFailure.
 */
export function placeResult(input: unknown, path: string | null | undefined, result: unknown): Processed {
  if (path === null) return { ok: true, value: input };
  if (path === undefined || path === '$') return { ok: true, value: result };
  const segments = parsePath(path) ?? [];
  const failure = { ok: false as const, failure: { error: 'States.ResultPathMatchFailure', cause: `Unable to apply ResultPath "${path}" to input ${JSON.stringify(input)}` } };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return failure;
  const root = structuredClone(input) as Record<string | number, unknown>;
  let container = root;
  for (const [index, segment] of segments.entries()) {
    if (index === segments.length - 1) {
      container[segment] = result;
      break;
    }
    const next = container[segment] ?? {};
    if (typeof next !== 'object' || next === null || Array.isArray(next)) return failure;
    container[segment] = next;
    container = next as Record<string | number, unknown>;
  }
  return { ok: true, value: root };
}
