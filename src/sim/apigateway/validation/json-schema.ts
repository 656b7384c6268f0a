// The JSON Schema (draft 4) subset API Gateway models use for request body validation: type, required,
// properties, additionalProperties (false or a schema), items, enum, minimum/maximum (with
// exclusiveMinimum/exclusiveMaximum), minLength/maxLength, pattern, minItems/maxItems. Other keywords
// are ignored, as a validator ignores keywords it does not know. Each problem is worded as the
// validator behind API Gateway words it in `$context.error.validationErrorString`
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html).
// Every walk is bounded by the schema's and the body's own depth.

type JsonType = 'null' | 'boolean' | 'object' | 'array' | 'number' | 'integer' | 'string';

const q = (value: unknown): string => JSON.stringify(value);

function typeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as 'boolean' | 'object' | 'string';
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);

function typeMatches(allowed: readonly string[], actual: JsonType): boolean {
  return allowed.includes(actual) || (actual === 'integer' && allowed.includes('number'));
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function checkObject(schema: Readonly<Record<string, unknown>>, value: Readonly<Record<string, unknown>>, problems: string[]): void {
  const required = Array.isArray(schema['required']) ? (schema['required'] as unknown[]).filter((r): r is string => typeof r === 'string') : [];
  const missing = required.filter((name) => !Object.hasOwn(value, name)).sort();
  if (missing.length > 0) problems.push(`object has missing required properties (${q(missing)})`);
  const properties = isRecord(schema['properties']) ? schema['properties'] : {};
  const additional = schema['additionalProperties'];
  const extra = Object.keys(value).filter((name) => !Object.hasOwn(properties, name)).sort();
  if (additional === false && extra.length > 0) problems.push(`object instance has properties which are not allowed by the schema: ${q(extra)}`);
  for (const [name, propertySchema] of Object.entries(properties)) {
    if (Object.hasOwn(value, name)) check(propertySchema, value[name], problems);
  }
  if (isRecord(additional)) for (const name of extra) check(additional, value[name], problems);
}

function checkArray(schema: Readonly<Record<string, unknown>>, value: readonly unknown[], problems: string[]): void {
  const minItems = schema['minItems'];
  const maxItems = schema['maxItems'];
  if (typeof minItems === 'number' && value.length < minItems) problems.push(`array is too short: must have at least ${minItems} elements but instance has ${value.length} elements`);
  if (typeof maxItems === 'number' && value.length > maxItems) problems.push(`array is too long: must have at most ${maxItems} elements but instance has ${value.length} elements`);
  const items = schema['items'];
  if (isRecord(items)) for (const item of value) check(items, item, problems);
  if (Array.isArray(items)) value.forEach((item, i) => i < items.length && check(items[i], item, problems));
}

function checkString(schema: Readonly<Record<string, unknown>>, value: string, problems: string[]): void {
  const length = [...value].length;
  const minLength = schema['minLength'];
  const maxLength = schema['maxLength'];
  if (typeof minLength === 'number' && length < minLength) problems.push(`string ${q(value)} is too short (length: ${length}, required minimum: ${minLength})`);
  if (typeof maxLength === 'number' && length > maxLength) problems.push(`string ${q(value)} is too long (length: ${length}, maximum allowed: ${maxLength})`);
  const pattern = schema['pattern'];
  if (typeof pattern === 'string' && !safeTest(pattern, value)) problems.push(`ECMA 262 regex ${q(pattern)} does not match input string ${q(value)}`);
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return false;
  }
}

function checkNumber(schema: Readonly<Record<string, unknown>>, value: number, problems: string[]): void {
  const minimum = schema['minimum'];
  const maximum = schema['maximum'];
  if (typeof minimum === 'number') {
    const exclusive = schema['exclusiveMinimum'] === true;
    if (value < minimum) problems.push(`numeric instance is lower than the required minimum (minimum: ${minimum}, found: ${value})`);
    else if (exclusive && value === minimum) problems.push(`numeric instance is not strictly greater than the required minimum ${minimum}`);
  }
  if (typeof maximum === 'number') {
    const exclusive = schema['exclusiveMaximum'] === true;
    if (value > maximum) problems.push(`numeric instance is greater than the required maximum (maximum: ${maximum}, found: ${value})`);
    else if (exclusive && value === maximum) problems.push(`numeric instance is not strictly lower than the required maximum ${maximum}`);
  }
}

function check(schema: unknown, value: unknown, problems: string[]): void {
  if (!isRecord(schema)) return;
  const actual = typeOf(value);
  const type = schema['type'];
  const allowed = typeof type === 'string' ? [type] : Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : undefined;
  if (allowed !== undefined && !typeMatches(allowed, actual)) {
    problems.push(`instance type (${actual}) does not match any allowed primitive type (allowed: ${q(allowed)})`);
    return;
  }
  const options = schema['enum'];
  if (Array.isArray(options) && !options.some((option) => deepEqual(option, value))) problems.push(`instance value (${q(value)}) not found in enum (possible values: ${q(options)})`);
  if (isRecord(value)) checkObject(schema, value, problems);
  else if (Array.isArray(value)) checkArray(schema, value, problems);
  else if (typeof value === 'string') checkString(schema, value, problems);
  else if (typeof value === 'number') checkNumber(schema, value, problems);
}

/** Every problem of `value` against `schema` (empty when it is valid). */
export function validateAgainstSchema(schema: unknown, value: unknown): string[] {
  const problems: string[] = [];
  check(schema, value, problems);
  return problems;
}

/** A model's schema text as JSON, or undefined when it is not a JSON object. */
export function parseSchema(text: string): Readonly<Record<string, unknown>> | undefined {
  try {
    const parsed = JSON.parse(text) as unknown;
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
