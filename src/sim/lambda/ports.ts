// What Lambda needs from other services, as a port the world wiring provides (docs/lambda.md). Lambda
// never imports another service folder: handlers that write to DynamoDB and event source mappings that
// read a DynamoDB stream call these functions, and tests pass fakes. Ports are code, not state, so
// they are registered once (like timer handlers) and take the world as their first argument.
import { awsError, fail, type Result } from '../result.js';
import type { World } from '../world.js';

export interface PutItemPortRequest {
  readonly TableName: string;
  readonly Item: Readonly<Record<string, unknown>>;
}

/** One stream record as a Lambda event carries it (`eventName`, `dynamodb`, ...) plus its position. */
export interface StreamRecordForLambda {
  readonly sequenceNumber: string;
  readonly approximateCreationTimeMs: number;
  readonly record: Readonly<Record<string, unknown>>;
}

export interface StreamReadResult {
  readonly records: readonly StreamRecordForLambda[];
  /** Where the next read starts (opaque to Lambda). */
  readonly nextPosition: string;
}

/** What an async invocation or event source mapping hands to its destination or dead-letter queue. */
export interface DestinationDeliveryRequest {
  readonly kind: 'dead-letter-queue' | 'on-failure' | 'on-success';
  /** An SQS queue or SNS topic ARN. */
  readonly targetArn: string;
  /** The invocation record (destinations) or `{payload, requestId, errorCode, errorMessage}` (DLQ). */
  readonly record: unknown;
}

export interface LambdaServicePorts {
  /** Sends a destination or DLQ record to SQS or SNS; unwired, the delivery is only kept in Lambda's state. */
  readonly deliverToDestination: (world: World, delivery: DestinationDeliveryRequest) => Result<unknown>;
  /** DynamoDB PutItem, for the `catalog.ddb-put` handler. */
  readonly putItem: (world: World, request: PutItemPortRequest) => Result<unknown>;
  /**
   * Reads up to `limit` records of a DynamoDB stream from `position` (`TRIM_HORIZON`, `LATEST` or a
   * `nextPosition` returned earlier). Records past their 24-hour retention are gone.
   */
  readonly readStreamRecords: (world: World, streamArn: string, position: string, limit: number) => Result<StreamReadResult>;
  /**
   * Calls another service's API action as an AWS SDK client would (`dynamodb` `Scan`,
   * `apigatewaymanagementapi` `PostToConnection`), for catalogue handlers that talk to AWS.
   */
  readonly callAws: (world: World, service: string, action: string, request: Readonly<Record<string, unknown>>) => Result<Readonly<Record<string, unknown>>>;
}

function notWired(what: string): Result<never> {
  return fail(awsError('ServiceException', 500, `The simulator has no ${what} wired to Lambda in this world.`));
}

const unwiredPorts: LambdaServicePorts = {
  deliverToDestination: () => ({ ok: true, value: undefined }),
  putItem: () => notWired('DynamoDB PutItem'),
  readStreamRecords: () => notWired('DynamoDB Streams reader'),
  callAws: (_world, service, action) => notWired(`${service} ${action}`),
};

let currentPorts: LambdaServicePorts = unwiredPorts;

/** Installs the ports; returns the previous ones so a test can put them back. */
export function registerLambdaPorts(ports: Partial<LambdaServicePorts>): LambdaServicePorts {
  const previous = currentPorts;
  currentPorts = { ...unwiredPorts, ...ports };
  return previous;
}

export function lambdaPorts(): LambdaServicePorts {
  return currentPorts;
}
