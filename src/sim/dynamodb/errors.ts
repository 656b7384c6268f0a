// DynamoDB's error answers with AWS's names, HTTP status and wording (DDB-10, DDB-14..17, DDB-03).
import { awsError, validationError, type AwsError } from '../result.js';

export const invalidParameter = (detail: string): AwsError => validationError(`One or more parameter values were invalid: ${detail}`);

export const tableNotFound = (): AwsError => awsError('ResourceNotFoundException', 400, 'Requested resource not found');

export const describeTableNotFound = (tableName: string): AwsError =>
  awsError('ResourceNotFoundException', 400, `Requested resource not found: Table: ${tableName} not found`);

export const tableInUse = (message: string): AwsError => awsError('ResourceInUseException', 400, message);

export const limitExceeded = (message: string): AwsError => awsError('LimitExceededException', 400, message);

export const keyMismatch = (): AwsError => validationError('The provided key element does not match the schema');

export const itemTooLarge = (): AwsError => validationError('Item size has exceeded the maximum allowed size');

export const conditionFailed = (item?: Readonly<Record<string, unknown>>): AwsError =>
  awsError('ConditionalCheckFailedException', 400, 'The conditional request failed', item === undefined ? {} : { details: { Item: item } });

export const itemCollectionTooLarge = (): AwsError =>
  awsError('ItemCollectionSizeLimitExceededException', 400, 'Collection size exceeded.');

/** DDB-10: names the reason and the table or index ARN the throttle came from. */
export interface ThrottleReason {
  readonly reason: string;
  readonly resource: string;
}

const PROVISIONED_TABLE_MESSAGE =
  'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.';
const PROVISIONED_INDEX_MESSAGE =
  'The level of configured provisioned throughput for one or more global secondary indexes of the table was exceeded. Consider increasing your provisioning level for the under-provisioned global secondary indexes with the UpdateTable API';
const ON_DEMAND_MESSAGE =
  'Throughput exceeds the current capacity of your table or index. DynamoDB is automatically scaling your table or index so please try again shortly. If exceptions persist, check if you have a hot key: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html.';
const MAX_ON_DEMAND_MESSAGE = 'Throughput exceeds the maximum OnDemandThroughput configured on table or index';

/**
 * DDB-10: every throttle is HTTP 400, retried by SDKs, and carries ThrottlingReasons. On-demand tables
 * answer with the "current capacity" text; provisioned ones name the table's (or a GSI's) provisioning.
 */
export function throttled(reason: ThrottleReason, isOnDemand: boolean): AwsError {
  const details = { ThrottlingReasons: [{ reason: reason.reason, resource: reason.resource }] };
  if (reason.reason.endsWith('MaxOnDemandThroughputExceeded')) {
    return awsError('ThrottlingException', 400, MAX_ON_DEMAND_MESSAGE, { retryable: true, details });
  }
  const message = isOnDemand
    ? ON_DEMAND_MESSAGE
    : reason.reason.startsWith('Index')
      ? PROVISIONED_INDEX_MESSAGE
      : PROVISIONED_TABLE_MESSAGE;
  return awsError('ProvisionedThroughputExceededException', 400, message, { retryable: true, details });
}

export const transactionCanceled = (codes: readonly string[]): AwsError =>
  awsError('TransactionCanceledException', 400, `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`, {
    details: { CancellationReasons: codes.map((code) => (code === 'None' ? { Code: 'None' } : { Code: code, Message: cancellationMessage(code) })) },
  });

function cancellationMessage(code: string): string {
  if (code === 'ConditionalCheckFailed') return 'The conditional request failed';
  if (code === 'ProvisionedThroughputExceeded') return PROVISIONED_TABLE_MESSAGE;
  if (code === 'ItemCollectionSizeLimitExceeded') return 'Collection size exceeded.';
  return code;
}

export const idempotentMismatch = (): AwsError =>
  awsError('IdempotentParameterMismatchException', 400, 'The request uses the same client token as a previous, but non-identical request.');
