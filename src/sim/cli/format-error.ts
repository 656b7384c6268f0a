// The error texts of the sandbox, as the AWS CLI words them: service errors
// (`An error occurred (Code) when calling the PutItem operation: message`), and the JSON object that
// `trainer sim --json` prints for them.
import type { AwsError } from '../result.js';

export interface ErrorJson {
  readonly code: string;
  /** HTTP status for service errors; absent for errors found before any request was made. */
  readonly status?: number;
  readonly message: string;
  /** For parse errors: where in the line (1-based). */
  readonly line?: number;
  readonly column?: number;
}

/**
 * The AWS CLI's line for a failed call. With retries on, the CLI names how many it made:
 * `... when calling the PutItem operation (reached max retries: 2): ...`.
 */
export function formatAwsError(operation: string, error: AwsError, retriesMade = 0): string {
  const retries = retriesMade > 0 ? ` (reached max retries: ${retriesMade})` : '';
  return `An error occurred (${error.name}) when calling the ${operation} operation${retries}: ${error.message}\n`;
}

export function awsErrorJson(error: AwsError): ErrorJson {
  return { code: error.name, status: error.statusCode, message: error.message };
}
