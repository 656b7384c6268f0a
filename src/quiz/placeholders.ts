// `{{dynamodb.maxItemSizeKb}}` in question text → the simulator's number (SIMULATOR_LIMITS), so a
// question never retypes a limit. Pure: walks the parsed YAML before the schema sees it.
import { closestMatch } from '../sim/index.js';
import { formatPath } from '../authoring/index.js';

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{\s*([\w.]+)\s*\}\}$/;

export interface PlaceholderProblem {
  readonly path: string;
  readonly name: string;
  readonly suggestion: string | undefined;
}

/** 1234567.5 → "1,234,567.5", the way the exam guides print numbers (no locale lookup). */
export function formatNumber(value: number): string {
  const [whole = '', fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}


/**
 * Returns a copy of `value` with every placeholder replaced. A string that is only a placeholder
 * becomes the number itself (so `answer: "{{lambda.memoryMaxMb}}"` is numeric); inside text the
 * number is printed with thousands separators. Unknown names are collected, not thrown.
 */
export function resolvePlaceholders(value: unknown, limits: Readonly<Record<string, number>>, problems: PlaceholderProblem[], path: PropertyKey[] = []): unknown {
  if (typeof value === 'string') return resolveString(value, limits, problems, path);
  if (Array.isArray(value)) return value.map((entry, i) => resolvePlaceholders(entry, limits, problems, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, resolvePlaceholders(entry, limits, problems, [...path, key])]));
  }
  return value;
}

function resolveString(text: string, limits: Readonly<Record<string, number>>, problems: PlaceholderProblem[], path: PropertyKey[]): unknown {
  const lookUp = (name: string): number | undefined => {
    const found = limits[name];
    if (found === undefined) problems.push({ path: formatPath(path), name, suggestion: closestMatch(name, Object.keys(limits)) });
    return found;
  };
  const whole = WHOLE_PLACEHOLDER.exec(text);
  if (whole !== null) return lookUp(whole[1]!) ?? text;
  return text.replace(PLACEHOLDER, (match, name: string) => {
    const found = lookUp(name);
    return found === undefined ? match : formatNumber(found);
  });
}
