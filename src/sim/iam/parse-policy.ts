// Reads a policy document (JSON text or an already parsed value) into our PolicyDocument, or reports
// every problem with its path (`Statement[1].Effect: expected "Allow" or "Deny", found "allow"`) as
// IAM's MalformedPolicyDocument error (HTTP 400), which is what create-role and put-role-policy answer.
import { awsError, fail, ok, type AwsError, type Result } from '../result.js';
import {
  describeValue,
  isPlainObject,
  readActions,
  readConditions,
  readPrincipal,
  readResources,
  type PolicyProblem,
  type Problems,
} from './parse-elements.js';
import type { DocumentKind, PolicyDocument, PolicyStatement, PolicyVersion } from './policy.js';

export type { PolicyProblem } from './parse-elements.js';

const VERSIONS: readonly PolicyVersion[] = ['2012-10-17', '2008-10-17'];
const DOCUMENT_ELEMENTS = ['Version', 'Id', 'Statement'];
const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition'];

/** IAM's error for a policy it cannot accept. The name and status are IAM's; the text lists our findings. */
export function malformedPolicyDocument(problems: readonly PolicyProblem[]): AwsError {
  const text = problems.map((problem) => (problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`)).join('; ');
  return awsError('MalformedPolicyDocument', 400, text, { details: { problems } });
}

/**
 * Parses and validates a policy. `kind` decides the rules: identity policies must not name a
 * principal and need Resource; resource policies need both; trust policies need Principal and must
 * not have Resource (IAM refuses those with "Has prohibited field Resource").
 */
export function parsePolicyDocument(input: unknown, kind: DocumentKind): Result<PolicyDocument> {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown;
    } catch {
      // IAM answers a JSON syntax error with the bare "Syntax errors in policy." (wording from memory).
      return fail(malformedPolicyDocument([{ path: '', message: 'Syntax errors in policy: the document is not valid JSON.' }]));
    }
  }
  const problems: Problems = [];
  const document = readDocument(value, kind, problems);
  return problems.length > 0 || document === undefined ? fail(malformedPolicyDocument(problems)) : ok(document);
}

function readDocument(value: unknown, kind: DocumentKind, problems: Problems): PolicyDocument | undefined {
  if (!isPlainObject(value)) {
    problems.push({ path: '', message: `expected a JSON object with Version and Statement, found ${describeValue(value)}` });
    return undefined;
  }
  reportUnknown(value, DOCUMENT_ELEMENTS, '', problems);
  const version = readVersion(value['Version'], problems);
  if (value['Id'] !== undefined && typeof value['Id'] !== 'string') problems.push({ path: 'Id', message: `expected a string, found ${describeValue(value['Id'])}` });
  const rawStatements = value['Statement'];
  if (rawStatements === undefined || (Array.isArray(rawStatements) && rawStatements.length === 0)) {
    problems.push({ path: 'Statement', message: 'expected at least one statement' });
    return undefined;
  }
  const isList = Array.isArray(rawStatements);
  const list: readonly unknown[] = isList ? rawStatements : [rawStatements];
  const statements = list.map((raw, index) => readStatement(raw, isList ? `Statement[${index}]` : 'Statement', kind, problems));
  return { version, statements: statements.filter((statement): statement is PolicyStatement => statement !== undefined) };
}

/** A missing Version means the old 2008-10-17 language, in which `${...}` is plain text, not a variable. */
function readVersion(value: unknown, problems: Problems): PolicyVersion {
  if (value === undefined) return '2008-10-17';
  if (typeof value === 'string' && (VERSIONS as readonly string[]).includes(value)) return value as PolicyVersion;
  problems.push({ path: 'Version', message: `expected "2012-10-17" or "2008-10-17", found ${describeValue(value)}` });
  return '2012-10-17';
}

function readStatement(raw: unknown, path: string, kind: DocumentKind, problems: Problems): PolicyStatement | undefined {
  if (!isPlainObject(raw)) {
    problems.push({ path, message: `expected a statement object, found ${describeValue(raw)}` });
    return undefined;
  }
  reportUnknown(raw, STATEMENT_ELEMENTS, path, problems);
  const sid = raw['Sid'];
  if (sid !== undefined && typeof sid !== 'string') problems.push({ path: `${path}.Sid`, message: `expected a string, found ${describeValue(sid)}` });
  const effect = raw['Effect'];
  if (effect !== 'Allow' && effect !== 'Deny') problems.push({ path: `${path}.Effect`, message: `expected "Allow" or "Deny", found ${describeValue(effect)}` });
  checkKindRules(raw, path, kind, problems);
  const action = readActions(raw, path, problems);
  const resource = kind === 'trust' ? undefined : readResources(raw, path, problems, true);
  const principal = kind === 'identity' ? undefined : readPrincipal(raw, path, problems, true);
  const conditions = readConditions(raw['Condition'], `${path}.Condition`, problems);
  if (action === undefined || (effect !== 'Allow' && effect !== 'Deny')) return undefined;
  return {
    ...(typeof sid === 'string' ? { sid } : {}),
    effect,
    action,
    ...(resource === undefined ? {} : { resource }),
    ...(principal === undefined ? {} : { principal }),
    conditions,
  };
}

/** The elements a kind of policy forbids, phrased after IAM's own refusals. */
function checkKindRules(raw: Record<string, unknown>, path: string, kind: DocumentKind, problems: Problems): void {
  const hasPrincipal = 'Principal' in raw || 'NotPrincipal' in raw;
  const hasResource = 'Resource' in raw || 'NotResource' in raw;
  if (kind === 'identity' && hasPrincipal) {
    problems.push({ path, message: 'an identity policy must not specify a principal (it applies to whoever it is attached to)' });
  }
  if (kind === 'trust' && hasResource) {
    problems.push({ path, message: 'a trust policy must not have Resource or NotResource (its resource is the role itself)' });
  }
}

function reportUnknown(value: Record<string, unknown>, known: readonly string[], path: string, problems: Problems): void {
  for (const name of Object.keys(value)) {
    if (known.includes(name)) continue;
    problems.push({ path: path === '' ? name : `${path}.${name}`, message: `unknown element; expected one of ${known.join(', ')}` });
  }
}
