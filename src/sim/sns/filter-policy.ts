// Subscription filter policies on message attributes, the basic subset: exact strings and numbers,
// {"prefix": "..."}, {"numeric": [">", 0, "<=", 10]}, {"exists": true|false} and {"anything-but": [...]}.
// A message passes when every key of the policy matches (AND); a key's list matches if any entry
// does (OR). Src: https://docs.aws.amazon.com/sns/latest/dg/sns-subscription-filter-policies.html
export type AttributeValues = Readonly<Record<string, { readonly DataType?: string; readonly StringValue?: string }>>;

type Condition = string | number | Readonly<Record<string, unknown>>;

const NUMERIC_TESTS: Readonly<Record<string, (a: number, b: number) => boolean>> = {
  '=': (a, b) => a === b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
};

function numericMatches(value: number, spec: readonly unknown[]): boolean {
  for (let i = 0; i + 1 < spec.length; i += 2) {
    const test = NUMERIC_TESTS[String(spec[i])];
    if (test === undefined || !test(value, Number(spec[i + 1]))) return false;
  }
  return true;
}

function matchesOne(value: string | undefined, dataType: string | undefined, condition: Condition): boolean {
  if (typeof condition === 'string') return value === condition;
  if (typeof condition === 'number') return dataType === 'Number' && Number(value) === condition;
  if ('exists' in condition) return (value !== undefined) === condition['exists'];
  if (value === undefined) return false;
  if (typeof condition['prefix'] === 'string') return value.startsWith(condition['prefix']);
  if (Array.isArray(condition['numeric'])) return dataType === 'Number' && numericMatches(Number(value), condition['numeric']);
  const excluded = condition['anything-but'];
  if (excluded !== undefined) return !(Array.isArray(excluded) ? excluded : [excluded]).some((item) => matchesOne(value, dataType, item as Condition));
  return false;
}

export function matchesFilterPolicy(policyText: string, attributes: AttributeValues): boolean {
  const policy = JSON.parse(policyText) as Record<string, unknown>;
  return Object.entries(policy).every(([key, conditions]) => {
    const attribute = attributes[key];
    const list = (Array.isArray(conditions) ? conditions : [conditions]) as Condition[];
    return list.some((condition) => matchesOne(attribute?.StringValue, attribute?.DataType, condition));
  });
}

/** A policy AWS would refuse: not a JSON object of lists. */
export function filterPolicyProblem(policyText: string): string | undefined {
  try {
    const policy = JSON.parse(policyText) as unknown;
    if (typeof policy !== 'object' || policy === null || Array.isArray(policy)) return 'FilterPolicy: filter policy must be a JSON object';
    return Object.values(policy).every(Array.isArray) ? undefined : 'FilterPolicy: Match value must be String, number, true, false, or null';
  } catch {
    return 'FilterPolicy: failed to parse JSON.';
  }
}
