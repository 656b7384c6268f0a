// Matching a request path to a resource (REST) or a route (HTTP API): literal segments beat `{param}`,
// which beats a greedy `{proxy+}`; a method beats `ANY`; for HTTP APIs `$default` catches the rest.
import type { HttpRoute, Method, Resource } from './model.js';

export type PathParameters = Readonly<Record<string, string>>;

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Parameters when `template` (`/orders/{id}`) matches `path` (`/orders/42`), with a specificity score. */
export function matchTemplate(template: string, path: string): { params: PathParameters; score: number } | undefined {
  const want = template.split('/').filter((p) => p !== '');
  const have = path.split('/').filter((p) => p !== '');
  const params: Record<string, string> = {};
  let score = 0;
  for (const [i, part] of want.entries()) {
    const greedy = /^\{(.+)\+\}$/.exec(part);
    if (greedy !== null) {
      if (i !== want.length - 1 || have.length <= i) return undefined;
      params[greedy[1]!] = have.slice(i).join('/');
      return { params, score: score * 3 };
    }
    const value = have[i];
    if (value === undefined) return undefined;
    const param = /^\{(.+)\}$/.exec(part);
    if (param !== null) {
      params[param[1]!] = safeDecode(value);
      score = score * 3 + 1;
    } else if (part === value) {
      score = score * 3 + 2;
    } else {
      return undefined;
    }
  }
  return have.length === want.length ? { params, score: score * 3 + 2 } : undefined;
}

export interface RestMatch {
  readonly resource: Resource;
  readonly method: Method;
  readonly pathParameters: PathParameters;
}

export function matchResource(resources: Readonly<Record<string, Resource>>, httpMethod: string, path: string): RestMatch | undefined {
  let best: { resource: Resource; params: PathParameters; score: number } | undefined;
  for (const resource of Object.values(resources)) {
    const match = matchTemplate(resource.path, path);
    if (match !== undefined && (best === undefined || match.score > best.score)) best = { resource, ...match };
  }
  if (best === undefined) return undefined;
  const method = best.resource.methods[httpMethod] ?? best.resource.methods['ANY'];
  return method === undefined ? undefined : { resource: best.resource, method, pathParameters: best.params };
}

export interface HttpMatch {
  readonly route: HttpRoute;
  readonly pathParameters: PathParameters;
}

export function matchRoute(routes: Readonly<Record<string, HttpRoute>>, httpMethod: string, path: string): HttpMatch | undefined {
  let best: { route: HttpRoute; params: PathParameters; score: number } | undefined;
  for (const route of Object.values(routes)) {
    if (route.routeKey === '$default') continue;
    const [method, template] = route.routeKey.split(' ') as [string, string];
    if (method !== httpMethod && method !== 'ANY') continue;
    const match = matchTemplate(template, path);
    // An exact method beats ANY at the same path specificity.
    const score = match === undefined ? -1 : match.score * 2 + (method === httpMethod ? 1 : 0);
    if (match !== undefined && (best === undefined || score > best.score)) best = { route, params: match.params, score };
  }
  if (best !== undefined) return { route: best.route, pathParameters: best.params };
  const fallback = Object.values(routes).find((r) => r.routeKey === '$default');
  return fallback === undefined ? undefined : { route: fallback, pathParameters: {} };
}
