// SQS errors as the current AWS CLI prints them. SQS answers in the JSON protocol since late 2023 but
// keeps its query-protocol codes for old clients (awsQueryCompatible, header `x-amzn-query-error`),
// and botocore reads that header, so the CLI still prints `AWS.SimpleQueueService.NonExistentQueue`
// where the JSON shape alone says `QueueDoesNotExist` (see e.g.
// https://github.com/prowler-cloud/prowler/pull/2939 for the printed form).
import { awsError, type AwsError } from '../result.js';

export const nonExistentQueue = (): AwsError => awsError('AWS.SimpleQueueService.NonExistentQueue', 400, 'The specified queue does not exist.');

export const invalidParameter = (message: string): AwsError => awsError('InvalidParameterValue', 400, message);

export const invalidValue = (name: string, value: unknown, reason: string): AwsError =>
  invalidParameter(`Value ${String(value)} for parameter ${name} is invalid. Reason: ${reason}`);

export const missingParameter = (name: string): AwsError => awsError('MissingParameter', 400, `The request must contain the parameter ${name}.`);

export const invalidHandle = (handle: string): AwsError => awsError('ReceiptHandleIsInvalid', 400, `The input receipt handle "${handle}" is not a valid receipt handle.`);
