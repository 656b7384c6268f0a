// How every simulated AWS operation answers: a value, or an AWS-shaped error. Expected AWS outcomes
// (throttles, denials, validation errors) are values, never exceptions; throwing means a bug in the
// simulator (InvariantError), caught once at the top of the program (STYLE.md §3.5).

/** An error exactly as AWS names it: `name` is the error code the AWS CLI prints in parentheses. */
export interface AwsError {
  /** AWS's error code, e.g. `ProvisionedThroughputExceededException`. */
  readonly name: string;
  /** The HTTP status AWS answers with, e.g. 400. */
  readonly statusCode: number;
  /** AWS's message, in AWS's own words where they are known. */
  readonly message: string;
  /** Whether AWS SDKs retry this error automatically. */
  readonly retryable: boolean;
  /** Extra fields AWS returns beside the message (e.g. `CancellationReasons`, `ThrottlingReasons`). */
  readonly details?: Readonly<Record<string, unknown>>;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AwsError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: AwsError): Result<T> {
  return { ok: false, error };
}

export function awsError(
  name: string,
  statusCode: number,
  message: string,
  options: { readonly retryable?: boolean; readonly details?: Readonly<Record<string, unknown>> } = {},
): AwsError {
  return {
    name,
    statusCode,
    message,
    retryable: options.retryable ?? false,
    ...(options.details === undefined ? {} : { details: options.details }),
  };
}

/** The common 400 every service answers for a malformed request. */
export function validationError(message: string): AwsError {
  return awsError('ValidationException', 400, message);
}

/** A broken promise inside the simulator: a bug, never an AWS outcome. */
export class InvariantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantError';
  }
}

export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantError(message);
}
