// IAM's error names and statuses. IAM's query API names its errors without the `Exception` suffix
// the SDKs add (`NoSuchEntity` → NoSuchEntityException). Messages follow IAM's wording where known;
// where we are unsure, a comment says so.
import { awsError, type AwsError } from '../result.js';

export function noSuchRole(roleName: string): AwsError {
  return awsError('NoSuchEntity', 404, `The role with name ${roleName} cannot be found.`);
}

export function noSuchRolePolicy(roleName: string, policyName: string): AwsError {
  return awsError('NoSuchEntity', 404, `The role policy with name ${policyName} cannot be found.`, { details: { roleName } });
}

/** Wording from memory of IAM's answer for an unknown or non-attachable managed policy ARN. */
export function noSuchPolicy(arn: string): AwsError {
  return awsError('NoSuchEntity', 404, `Policy ${arn} does not exist or is not attachable.`);
}

export function roleAlreadyExists(roleName: string): AwsError {
  return awsError('EntityAlreadyExists', 409, `Role with name ${roleName} already exists.`);
}

/** IAM's generic 400 for a member that breaks its constraints (the Smithy-style wording). */
export function iamValidationError(value: string, member: string, constraint: string): AwsError {
  return awsError('ValidationError', 400, `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`);
}

/** IAM's 400 for a bad argument that is not a simple constraint (an ARN of the wrong kind ...). */
export function invalidInput(message: string): AwsError {
  return awsError('InvalidInput', 400, message);
}

/** Quota errors; the "Cannot exceed quota for ..." form is IAM's. */
export function limitExceeded(message: string): AwsError {
  return awsError('LimitExceeded', 409, message);
}
