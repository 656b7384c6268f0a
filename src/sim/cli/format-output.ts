// The text the AWS CLI v2 prints with `--output json`: Python's json.dumps with a 4-space indent. One
// difference from JSON.stringify matters to learners: DynamoDB's consumed capacity figures are doubles
// in the API, so every number inside a `ConsumedCapacity` object (its `Table`, `GlobalSecondaryIndexes`
// and `LocalSecondaryIndexes` too) prints with a decimal point (`3.0`). `--json` mode (JSON Lines) uses
// the same rule in compact form.

const DOUBLE_SUBTREES = new Set(['ConsumedCapacity']);

function formatNumber(value: number, isDouble: boolean): string {
  if (!Number.isFinite(value)) return 'null';
  if (isDouble && Number.isInteger(value)) return `${value}.0`;
  return JSON.stringify(value);
}

function write(value: unknown, indent: string, step: string, isDouble: boolean): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return formatNumber(value, isDouble);
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  const inner = indent + step;
  const open = step === '' ? '' : `\n${inner}`;
  const close = step === '' ? '' : `\n${indent}`;
  const separator = step === '' ? ',' : `,\n${inner}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${open}${value.map((item) => write(item, inner, step, isDouble)).join(separator)}${close}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const colon = step === '' ? ':' : ': ';
  const members = entries.map(([key, v]) => `${JSON.stringify(key)}${colon}${write(v, inner, step, isDouble || DOUBLE_SUBTREES.has(key))}`);
  return `{${open}${members.join(separator)}${close}}`;
}

/** JSON text with AWS's doubles; `indentSpaces` 0 gives compact output (one line). */
export function stringifyAwsJson(value: unknown, indentSpaces: number): string {
  return write(value, '', ' '.repeat(indentSpaces), false);
}

/** What the AWS CLI prints for a successful call: the response, or nothing for an empty one. */
export function formatOutput(response: Readonly<Record<string, unknown>>): string {
  if (Object.keys(response).length === 0) return '';
  return `${stringifyAwsJson(response, 4)}\n`;
}
