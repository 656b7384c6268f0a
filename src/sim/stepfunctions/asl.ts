// The Amazon States Language subset the simulator runs (https://states-language.net/spec.html):
// Task, Choice, Wait, Pass, Succeed and Fail states with InputPath/Parameters/ResultSelector/
// ResultPath/OutputPath, Retry and Catch. The types keep ASL's own field names, so a definition is
// plain JSON data the world can snapshot; `validateDefinition` (validate.ts) guarantees the shapes.

export type StateType = 'Task' | 'Choice' | 'Wait' | 'Pass' | 'Succeed' | 'Fail';
export const STATE_TYPES: readonly StateType[] = ['Task', 'Choice', 'Wait', 'Pass', 'Succeed', 'Fail'];

export interface Retrier {
  readonly ErrorEquals: readonly string[];
  readonly IntervalSeconds?: number;
  readonly MaxAttempts?: number;
  readonly BackoffRate?: number;
  readonly MaxDelaySeconds?: number;
}

export interface Catcher {
  readonly ErrorEquals: readonly string[];
  readonly Next: string;
  readonly ResultPath?: string | null;
}

/** A Choice rule: a comparison on `Variable`, or And/Or/Not of rules; top-level rules carry `Next`. */
export interface ChoiceRule {
  readonly Variable?: string;
  readonly And?: readonly ChoiceRule[];
  readonly Or?: readonly ChoiceRule[];
  readonly Not?: ChoiceRule;
  readonly Next?: string;
  readonly [operator: string]: unknown;
}

export interface AslState {
  readonly Type: StateType;
  readonly Comment?: string;
  readonly Next?: string;
  readonly End?: boolean;
  readonly InputPath?: string | null;
  readonly OutputPath?: string | null;
  readonly Parameters?: unknown;
  readonly ResultSelector?: unknown;
  readonly ResultPath?: string | null;
  // Task
  readonly Resource?: string;
  readonly TimeoutSeconds?: number;
  readonly Retry?: readonly Retrier[];
  readonly Catch?: readonly Catcher[];
  // Pass
  readonly Result?: unknown;
  // Choice
  readonly Choices?: readonly ChoiceRule[];
  readonly Default?: string;
  // Wait
  readonly Seconds?: number;
  readonly Timestamp?: string;
  readonly SecondsPath?: string;
  readonly TimestampPath?: string;
  // Fail
  readonly Error?: string;
  readonly Cause?: string;
}

export interface AslDefinition {
  readonly Comment?: string;
  readonly StartAt: string;
  readonly TimeoutSeconds?: number;
  readonly States: Readonly<Record<string, AslState>>;
}

/** Fields each state type accepts (the spec's tables); anything else is a SCHEMA_VALIDATION_FAILED. */
const COMMON = ['Type', 'Comment'];
const FLOW = ['Next', 'End'];
const IO = ['InputPath', 'OutputPath'];
export const FIELDS_BY_TYPE: Readonly<Record<StateType, readonly string[]>> = {
  Task: [...COMMON, ...FLOW, ...IO, 'Resource', 'Parameters', 'ResultSelector', 'ResultPath', 'TimeoutSeconds', 'Retry', 'Catch'],
  Pass: [...COMMON, ...FLOW, ...IO, 'Result', 'Parameters', 'ResultPath'],
  Choice: [...COMMON, ...IO, 'Choices', 'Default'],
  Wait: [...COMMON, ...FLOW, ...IO, 'Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'],
  Succeed: [...COMMON, ...IO],
  Fail: [...COMMON, 'Error', 'Cause'],
};

/** Choice comparison operators: each has a `...Path` twin that reads the value to compare from the input. */
export const STRING_OPERATORS = ['StringEquals', 'StringLessThan', 'StringGreaterThan', 'StringLessThanEquals', 'StringGreaterThanEquals', 'StringMatches'];
export const NUMERIC_OPERATORS = ['NumericEquals', 'NumericLessThan', 'NumericGreaterThan', 'NumericLessThanEquals', 'NumericGreaterThanEquals'];
export const TYPE_TESTS = ['IsPresent', 'IsNull', 'IsString', 'IsNumeric', 'IsBoolean'];
export const COMPARISON_OPERATORS: readonly string[] = [
  ...STRING_OPERATORS,
  ...STRING_OPERATORS.filter((op) => op !== 'StringMatches').map((op) => `${op}Path`),
  ...NUMERIC_OPERATORS,
  ...NUMERIC_OPERATORS.map((op) => `${op}Path`),
  'BooleanEquals',
  'BooleanEqualsPath',
  ...TYPE_TESTS,
];

/** Task resources the simulator runs, besides plain Lambda function ARNs. */
export const LAMBDA_INVOKE_RESOURCE = 'arn:aws:states:::lambda:invoke';
export const SERVICE_RESOURCES: readonly string[] = [LAMBDA_INVOKE_RESOURCE, 'arn:aws:states:::sqs:sendMessage', 'arn:aws:states:::sns:publish'];
export const LAMBDA_FUNCTION_ARN = /^arn:aws:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$/;
