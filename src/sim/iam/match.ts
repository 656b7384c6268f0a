// Matching of actions, resources and principals, and policy variables. Wildcards: `*` matches any run
// of characters (including none), `?` exactly one. Actions match without regard to case
// (`s3:GetObject` = `S3:getobject`); resource ARNs and condition strings match case-sensitively.
import type { ContextValue, ElementMatch, PolicyVersion, PrincipalMatch, RequestPrincipal } from './policy.js';

/** Context keys by lower-cased name (IAM compares key names without case), each with its values. */
export type RequestContext = ReadonlyMap<string, readonly string[]>;

export function toRequestContext(context: Readonly<Record<string, ContextValue>>): Map<string, readonly string[]> {
  const map = new Map<string, readonly string[]>();
  for (const [key, value] of Object.entries(context)) map.set(key.toLowerCase(), typeof value === 'string' ? [value] : [...value]);
  return map;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\*?]/g, '\\$&');
}

function globToRegExpSource(glob: string): string {
  let source = '';
  for (const char of glob) source += char === '*' ? '.*' : char === '?' ? '.' : escapeRegExp(char);
  return source;
}

/** Compiled patterns without variables; bounded so a long session cannot grow it without limit. */
const compiledCache = new Map<string, RegExp>();
const MAX_CACHED_PATTERNS = 2_000;

function compileGlob(glob: string, isIgnoringCase: boolean): RegExp {
  const cacheKey = `${isIgnoringCase ? 'i' : 's'}${glob}`;
  const cached = compiledCache.get(cacheKey);
  if (cached !== undefined) return cached;
  if (compiledCache.size >= MAX_CACHED_PATTERNS) compiledCache.clear();
  const compiled = new RegExp(`^${globToRegExpSource(glob)}$`, isIgnoringCase ? 'is' : 's');
  compiledCache.set(cacheKey, compiled);
  return compiled;
}

export function matchesGlob(glob: string, text: string, isIgnoringCase = false): boolean {
  if (glob === '*') return true;
  if (!glob.includes('*') && !glob.includes('?')) return isIgnoringCase ? glob.toLowerCase() === text.toLowerCase() : glob === text;
  return compileGlob(glob, isIgnoringCase).test(text);
}

/** `${key}` or `${key, 'default'}`; `${*}`, `${?}` and `${$}` stand for those characters literally. */
const VARIABLE = /\$\{([^}]*)\}/g;

/**
 * Replaces policy variables in `template`, passing plain text through `onText` and substituted values
 * through `onValue`; `undefined` when a variable has no value in the request (and no default): IAM
 * then treats the element as not matching. Version 2008-10-17 has no variables: `${...}` is plain text.
 */
function expandTemplate(template: string, version: PolicyVersion, context: RequestContext, onText: (text: string) => string, onValue: (value: string) => string): string | undefined {
  if (version === '2008-10-17' || !template.includes('${')) return onText(template);
  let expanded = '';
  let lastIndex = 0;
  for (const match of template.matchAll(VARIABLE)) {
    expanded += onText(template.slice(lastIndex, match.index));
    lastIndex = match.index + match[0].length;
    const value = variableValue(match[1] ?? '', context);
    if (value === undefined) return undefined;
    expanded += onValue(value);
  }
  return expanded + onText(template.slice(lastIndex));
}

/** A regular expression source for a wildcard template; substituted values are literal (a `*` in a name is not a wildcard). */
export function resolveTemplate(template: string, version: PolicyVersion, context: RequestContext): string | undefined {
  return expandTemplate(template, version, context, globToRegExpSource, escapeRegExp);
}

/** Resolves variables in a condition value that is compared as text. */
export function substituteVariables(template: string, version: PolicyVersion, context: RequestContext): string | undefined {
  const same = (text: string) => text;
  return expandTemplate(template, version, context, same, same);
}

function variableValue(inside: string, context: RequestContext): string | undefined {
  const trimmed = inside.trim();
  if (trimmed === '*' || trimmed === '?' || trimmed === '$') return trimmed;
  const withDefault = /^([^,]+),\s*'([^']*)'$/.exec(trimmed);
  const key = (withDefault?.[1] ?? trimmed).trim().toLowerCase();
  const values = context.get(key);
  // A multi-valued key cannot stand in for one piece of text.
  if (values !== undefined && values.length === 1) return values[0];
  return withDefault?.[2];
}

/** Whether a template with variables matches `text`; `undefined` when a variable could not be resolved. */
export function matchesTemplate(template: string, text: string, version: PolicyVersion, context: RequestContext, isIgnoringCase = false): boolean | undefined {
  if (version === '2008-10-17' || !template.includes('${')) return matchesGlob(template, text, isIgnoringCase);
  const source = resolveTemplate(template, version, context);
  if (source === undefined) return undefined;
  return new RegExp(`^${source}$`, isIgnoringCase ? 'is' : 's').test(text);
}

/** Action element: patterns never contain variables; comparison ignores case. */
export function matchesActionElement(element: ElementMatch, action: string): boolean {
  const isListed = element.patterns.some((pattern) => matchesGlob(pattern, action, true));
  return element.isNegated ? !isListed : isListed;
}

/**
 * Resource element. `undefined` when a variable in it cannot be resolved: the statement then does not
 * apply at all (IAM: an unresolvable variable makes the comparison fail).
 */
export function matchesResourceElement(element: ElementMatch, resource: string, version: PolicyVersion, context: RequestContext): boolean | undefined {
  let isListed = false;
  for (const pattern of element.patterns) {
    const matched = matchesTemplate(pattern, resource, version, context);
    if (matched === undefined) return undefined;
    if (matched) isListed = true;
  }
  return element.isNegated ? !isListed : isListed;
}

/** The role ARN behind an assumed-role session ARN (`arn:aws:sts::1:assumed-role/R/s` → `arn:aws:iam::1:role/R`). */
export function roleArnOfSession(sessionArn: string): string | undefined {
  const match = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(sessionArn);
  return match === null ? undefined : `arn:${match[1]}:iam::${match[2]}:role/${match[3]}`;
}

function matchesAwsPrincipal(value: string, principal: RequestPrincipal): boolean {
  if (value === '*') return true;
  // An account ID or the account's root ARN stands for every principal of that account.
  if (/^\d{12}$/.test(value)) return principal.accountId === value;
  if (/^arn:[^:]+:iam::\d{12}:root$/.test(value)) return value.split(':')[4] === principal.accountId;
  return value === principal.arn || value === roleArnOfSession(principal.arn);
}

function matchesPrincipalEntry(type: string, value: string, principal: RequestPrincipal): boolean {
  switch (type) {
    case 'AWS':
      return principal.type !== 'Service' && principal.type !== 'WebIdentity' && matchesAwsPrincipal(value, principal);
    case 'Service':
      return principal.type === 'Service' && principal.arn === value;
    case 'Federated':
      return principal.type === 'WebIdentity' && principal.arn === value;
    default:
      return false; // CanonicalUser: S3's legacy principal form; no simulated caller carries one.
  }
}

export function matchesPrincipalElement(element: PrincipalMatch, principal: RequestPrincipal): boolean {
  const isListed = element.isAnyone || element.entries.some((entry) => matchesPrincipalEntry(entry.type, entry.value, principal));
  return element.isNegated ? !isListed : isListed;
}
