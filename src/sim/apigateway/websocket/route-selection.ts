// Route selection for WebSocket messages (pure). The API's route selection expression names a member of
// the JSON body, `$request.body.action` or nested `$request.body.data.kind` (also written with braces,
// `${request.body.action}`). Its value, stringified, is compared with the custom route keys; a body that
// is not JSON, a missing member or a value no route has goes to `$default`; with no `$default` the
// client gets an error frame.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-develop-routes.html

/** Where the expression points in the body: `['data', 'kind']`, or undefined for an expression the simulator does not read. */
export function bodyPathOf(expression: string): readonly string[] | undefined {
  const match = /^\$(?:\{request\.body\.([^}]+)\}|request\.body\.(\S+))$/.exec(expression.trim());
  const path = match?.[1] ?? match?.[2];
  if (path === undefined) return undefined;
  const parts = path.split('.');
  return parts.every((part) => /^[A-Za-z0-9_$-]+$/.test(part)) ? parts : undefined;
}

/** The expression's value for this body as a string, or undefined (not JSON, member missing or null). */
export function evaluateSelection(expression: string, body: string): string | undefined {
  const path = bodyPathOf(expression);
  if (path === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  for (const part of path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export type RouteChoice =
  | { readonly kind: 'route'; readonly routeKey: string; readonly selected?: string }
  | { readonly kind: 'no-route'; readonly selected?: string };

/** The route a message takes: the custom route whose key equals the selected value, else `$default`, else none. */
export function chooseRoute(expression: string, body: string, routeKeys: readonly string[]): RouteChoice {
  const selected = evaluateSelection(expression, body);
  const keep = selected === undefined ? {} : { selected };
  const isCustom = (key: string) => !key.startsWith('$');
  if (selected !== undefined && isCustom(selected) && routeKeys.includes(selected)) return { kind: 'route', routeKey: selected, ...keep };
  if (routeKeys.includes('$default')) return { kind: 'route', routeKey: '$default', ...keep };
  return { kind: 'no-route', ...keep };
}
