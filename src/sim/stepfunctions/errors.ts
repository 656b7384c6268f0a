// Step Functions API errors, with the codes and wording the service answers (API reference error lists;
// the quoted-ARN message forms are what AWS prints, e.g. "Execution Already Exists: 'arn:...'").
import { awsError, type AwsError } from '../result.js';

export const stateMachineDoesNotExist = (arn: string): AwsError => awsError('StateMachineDoesNotExist', 400, `State Machine Does Not Exist: '${arn}'`);

export const stateMachineAlreadyExists = (arn: string): AwsError => awsError('StateMachineAlreadyExists', 400, `State Machine Already Exists: '${arn}'`);

export const executionDoesNotExist = (arn: string): AwsError => awsError('ExecutionDoesNotExist', 400, `Execution Does Not Exist: '${arn}'`);

export const executionAlreadyExists = (arn: string): AwsError => awsError('ExecutionAlreadyExists', 400, `Execution Already Exists: '${arn}'`);

export const invalidArn = (detail: string): AwsError => awsError('InvalidArn', 400, `Invalid Arn: '${detail}'`);

export const invalidName = (name: string): AwsError => awsError('InvalidName', 400, `Invalid Name: '${name}'`);

export const invalidDefinition = (problems: readonly string[]): AwsError =>
  awsError('InvalidDefinition', 400, `Invalid State Machine Definition: '${problems.join(', ')}'`);

export const invalidExecutionInput = (detail: string): AwsError => awsError('InvalidExecutionInput', 400, `Invalid State Machine Execution Input: '${detail}'`);

/** StartSyncExecution on a Standard machine (API reference: StateMachineTypeNotSupported). */
export const typeNotSupported = (operation: string): AwsError =>
  awsError('StateMachineTypeNotSupported', 400, `This operation is not supported by this type of state machine: ${operation} runs EXPRESS state machines only`);

/** The Coral-style validation message every AWS JSON service answers for a member over its length. */
export const tooLong = (member: string, maxLength: number): AwsError =>
  awsError('ValidationException', 400, `1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must have length less than or equal to ${maxLength}`);
