// Identity sources: where an authorizer finds the caller's credentials in a request (APIGW-12).
// `method.request.header.X` (header names compare without case), `method.request.querystring.q`,
// `stageVariables.v` and a few `context.x` values. A source that is missing or empty means 401
// without calling the authorizer function.
import type { IncomingRequest, MethodContext } from './contract.js';

export type IdentitySource =
  | { readonly kind: 'header'; readonly name: string }
  | { readonly kind: 'querystring'; readonly name: string }
  | { readonly kind: 'stage-variable'; readonly name: string }
  | { readonly kind: 'context'; readonly name: string };

const PREFIXES: readonly (readonly [string, IdentitySource['kind']])[] = [
  ['method.request.header.', 'header'],
  ['method.request.querystring.', 'querystring'],
  ['stageVariables.', 'stage-variable'],
  ['context.', 'context'],
];

/** The `$context` values a REQUEST authorizer may name as identity sources. */
export const CONTEXT_IDENTITY_KEYS: readonly string[] = ['accountId', 'apiId', 'httpMethod', 'identity.sourceIp', 'path', 'resourcePath', 'stage'];

/** Parses `method.request.header.Authorization` and friends; undefined when the text names none of them. */
export function parseIdentitySource(text: string): IdentitySource | undefined {
  for (const [prefix, kind] of PREFIXES) {
    if (!text.startsWith(prefix)) continue;
    const name = text.slice(prefix.length);
    if (name === '') return undefined;
    if (kind === 'context' && !CONTEXT_IDENTITY_KEYS.includes(name)) return undefined;
    return { kind, name };
  }
  return undefined;
}

/** A header by name, whatever its case (the contract stores names in lower case). */
export function findHeader(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

function contextValue(name: string, request: IncomingRequest, method: MethodContext): string {
  const values: Readonly<Record<string, string>> = {
    accountId: method.accountId,
    apiId: method.apiId,
    httpMethod: method.httpMethod,
    'identity.sourceIp': request.sourceIp,
    path: `/${method.stage}${request.path}`,
    resourcePath: method.resourcePath,
    stage: method.stage,
  };
  return values[name] ?? '';
}

/** The value of one identity source in this request, or undefined when it is missing or empty (APIGW-12). */
export function extractIdentityValue(source: IdentitySource, request: IncomingRequest, method: MethodContext): string | undefined {
  const value = (() => {
    switch (source.kind) {
      case 'header':
        return findHeader(request.headers, source.name);
      case 'querystring':
        return request.query[source.name];
      case 'stage-variable':
        return method.stageVariables[source.name];
      case 'context':
        return contextValue(source.name, request, method);
      default: {
        const unknown: never = source;
        return unknown;
      }
    }
  })();
  return value === undefined || value === '' ? undefined : value;
}

export type IdentityValues = { readonly kind: 'found'; readonly values: readonly string[] } | { readonly kind: 'missing'; readonly source: string };

/** All identity sources in order; the first that is missing or empty stops the request (APIGW-12). */
export function extractIdentityValues(sources: readonly string[], request: IncomingRequest, method: MethodContext): IdentityValues {
  const values: string[] = [];
  for (const text of sources) {
    const source = parseIdentitySource(text);
    const value = source === undefined ? undefined : extractIdentityValue(source, request, method);
    if (value === undefined) return { kind: 'missing', source: text };
    values.push(value);
  }
  return { kind: 'found', values };
}
