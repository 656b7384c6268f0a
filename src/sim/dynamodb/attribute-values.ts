// Deep validation of attribute values from a request (DDB-03): exactly one type per value, the right
// JSON shape for each type, valid numbers, non-empty unique sets, at most 32 levels of nesting. Values
// that pass are safe for every size, key and expression function; AWS's messages for each case.
import { validationError, type AwsError } from '../result.js';
import { invalidParameter } from './errors.js';
import { isNumberText, numberRangeProblem } from './expressions/index.js';

/** DDB-03: documents nest at most 32 levels deep. */
export const MAX_NESTING_LEVELS = 32;

const EMPTY_VALUE = 'Supplied AttributeValue is empty, must contain exactly one of the supported datatypes';
const TWO_TYPES = 'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes';
const SET_NAMES: Readonly<Record<string, string>> = { SS: 'string', NS: 'number', BS: 'binary' };

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((element) => typeof element === 'string');
}

function setProblem(type: string, elements: unknown): AwsError | undefined {
  if (!isStringArray(elements)) return validationError(EMPTY_VALUE);
  if (elements.length === 0) return invalidParameter(`An ${SET_NAMES[type]} set  may not be empty`);
  if (type === 'NS') {
    for (const element of elements) {
      const problem = numberProblem(element);
      if (problem !== undefined) return problem;
    }
  }
  if (new Set(elements).size !== elements.length) return validationError(`One or more parameter values were invalid: Input collection ${JSON.stringify(elements)} contains duplicates.`);
  return undefined;
}

const NOT_A_NUMBER = 'The parameter cannot be converted to a numeric value';

/** A number DynamoDB cannot store: not numeric, or beyond 38 digits / its magnitude range. */
function numberProblem(text: string): AwsError | undefined {
  if (isSmallInteger(text)) return undefined;
  if (!isNumberText(text)) return validationError(NOT_A_NUMBER);
  const range = numberRangeProblem(text);
  return range === undefined ? undefined : validationError(range);
}

/** Fast path for the common case (request counters, ids): 1–15 plain digits are always a valid number. */
function isSmallInteger(text: string): boolean {
  if (text.length === 0 || text.length > 15) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** The problem with one attribute value, or undefined when it is well formed. */
export function attributeValueProblem(value: unknown, depth = 1): AwsError | undefined {
  if (depth > MAX_NESTING_LEVELS) return validationError('Nesting Levels have exceeded supported limits');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return validationError(EMPTY_VALUE);
  let type: string | undefined;
  for (const name in value) {
    if (type !== undefined) return validationError(TWO_TYPES);
    type = name;
  }
  if (type === undefined) return validationError(EMPTY_VALUE);
  const inner = (value as Readonly<Record<string, unknown>>)[type];
  switch (type) {
    case 'S':
    case 'B':
      return typeof inner === 'string' ? undefined : validationError(EMPTY_VALUE);
    case 'N':
      return typeof inner === 'string' ? numberProblem(inner) : validationError(NOT_A_NUMBER);
    case 'BOOL':
      return typeof inner === 'boolean' ? undefined : validationError(EMPTY_VALUE);
    case 'NULL':
      return inner === true ? undefined : validationError('One or more parameter values were invalid: Null attribute value types must have the value of true');
    case 'SS':
    case 'NS':
    case 'BS':
      return setProblem(type, inner);
    case 'L':
      if (!Array.isArray(inner)) return validationError(EMPTY_VALUE);
      for (const element of inner) {
        const problem = attributeValueProblem(element, depth + 1);
        if (problem !== undefined) return problem;
      }
      return undefined;
    case 'M':
      return mapProblem(inner, depth);
    default:
      return validationError(EMPTY_VALUE);
  }
}

function mapProblem(inner: unknown, depth: number): AwsError | undefined {
  if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return validationError(EMPTY_VALUE);
  for (const element of Object.values(inner)) {
    const problem = attributeValueProblem(element, depth + 1);
    if (problem !== undefined) return problem;
  }
  return undefined;
}
