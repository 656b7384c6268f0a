// Cross-service wiring, in one place: what one service needs from another without importing it
// (Lambda never imports DynamoDB, docs/lambda.md "ports"). Importing this module (src/sim/index.ts does)
// - gives Lambda its ports: `putItem` for the `catalog.ddb-put` handler, and `readStreamRecords` for
//   event source mappings on DynamoDB streams (LAM-19), read from the Streams module (DDB-18);
// - wakes a stream's event source mappings when the stream gets a record, so a mapping reacts at the
//   next clock move instead of at its next idle poll (an item-change listener named `lambda.esm-wake`,
//   which runs after `dynamodb.streams` has written the record: listeners run in name order);
// - lets CodeDeploy read CloudWatch alarm states, and tells it when an alarm enters ALARM;
// - gives API Gateway its authorizers (Lambda TOKEN/REQUEST, AWS_IAM/SigV4, Cognito user pools) and
//   their ports into Cognito: user-pool token checks (APIGW-13) and the credentials behind an access
//   key (APIGW-11), so identity-pool credentials signed by a sandbox profile are judged by IAM;
// - gives API Gateway's AWS service integrations (type AWS, APIGW-10) the simulated services' actions,
//   found by AWS CLI service name and API action in the sandbox's command table (SQS SendMessage too);
// - sends Lambda's async destinations and dead-letter queues (and event source mappings' on-failure
//   destinations) to SQS queues and SNS topics by ARN;
// - gives Step Functions its tasks: Lambda calls that report their run time (the same call API Gateway
//   makes), and the SQS/SNS actions of `arn:aws:states:::sqs:sendMessage` / `sns:publish`; and maps
//   API Gateway's `states:action/StartExecution` (URI service `states`) to the CLI's `stepfunctions`;
// - gives SNS its deliveries: SQS queues by ARN, Lambda async invocation, and email into the simulated
//   inbox that `sim inbox` shows (Cognito's: one inbox per world).
import * as apigateway from './apigateway/index.js';
import { authorize } from './apigateway/auth/index.js';
import { defaultCommandTable } from './cli/command-table.js';
import * as cloudwatch from './cloudwatch/index.js';
import * as codedeploy from './codedeploy/index.js';
import * as cognito from './cognito/index.js';
import * as dynamodb from './dynamodb/index.js';
import * as lambda from './lambda/index.js';
import { awsError, fail, ok, type Result } from './result.js';
import * as sam from './sam/index.js';
import * as sns from './sns/index.js';
import * as sqs from './sqs/index.js';
import * as stepfunctions from './stepfunctions/index.js';
import type { World } from './world.js';

function readStreamRecords(world: World, streamArn: string, position: string, limit: number): Result<lambda.StreamReadResult> {
  const read = dynamodb.readStreamFrom(world, streamArn, position, limit);
  if (!read.ok) return read;
  const records = read.value.records.map((stored) => ({
    sequenceNumber: stored.record.dynamodb.SequenceNumber,
    approximateCreationTimeMs: stored.createdAtMs,
    record: { ...stored.record, eventSourceARN: streamArn }, // a Lambda event's record names its stream
  }));
  return ok({ records, nextPosition: read.value.nextPosition });
}

type ServiceAction = (world: World, request: Readonly<Record<string, unknown>>) => Result<Readonly<Record<string, unknown>>>;
let operationsByAction: Map<string, ServiceAction> | undefined;

/** A service's API action found in the sandbox's command table (built on first use: the table lists every service). */
function serviceAction(service: string, action: string): ServiceAction | undefined {
  operationsByAction ??= new Map(defaultCommandTable().operations.map((op) => [`${op.service}:${op.operation}`, op.run]));
  return operationsByAction.get(`${service}:${action}`);
}

lambda.registerLambdaPorts({
  deliverToDestination: (world, delivery) => deliverLambdaRecord(world, delivery),
  putItem: (world, request) => dynamodb.putItem(world, { TableName: request.TableName, Item: request.Item }),
  readStreamRecords,
  // Catalogue handlers' SDK calls (the WebSocket chat handler's Scan and PostToConnection).
  callAws: (world, service, action, request) =>
    serviceAction(service, action)?.(world, request) ?? fail(awsError('UnknownOperationException', 400, `The sandbox has no ${service} action ${action}`)),
});

dynamodb.onItemChange(
  'lambda.esm-wake',
  (world, table, change) => {
    if (table.stream !== undefined && dynamodb.writesStreamRecord(table, change)) lambda.wakeEventSourceMappings(world, table.stream.streamArn);
  },
  (_world, table) => table.stream?.enabled === true, // writesStreamRecord is false otherwise
);

// CodeDeploy watches CloudWatch alarms: it reads their state, and an alarm entering ALARM stops and
// rolls back the deployments that list it (SAM-05 Alarms).
codedeploy.registerCodeDeployPorts({ alarmStateOf: cloudwatch.alarmStateOf });
cloudwatch.registerCloudWatchPorts({ alarmEnteredAlarm: codedeploy.alarmEnteredAlarm });
// SAM hands a function's DeploymentPreference to CodeDeploy (SAM-05), as the real transform does.
sam.setSafeDeploymentPort(codedeploy.startLambdaDeployment);

apigateway.setApiGatewayAuthorizer(authorize);
apigateway.setApiGatewayAuthPorts({ verifyUserPoolToken: cognito.verifyUserPoolToken, resolveCredentials: cognito.credentialsForApiGateway });

/** A service action by AWS CLI service name and API action (undefined when the sandbox has none). */
function runServiceAction(world: World, service: string, action: string, request: Readonly<Record<string, unknown>>): Result<Readonly<Record<string, unknown>>> | undefined {
  return serviceAction(service, action)?.(world, request);
}

/** Step Functions' JSON API answers dates as epoch seconds; the CLI rows answer the CLI's ISO text. */
function statesApiAnswer(answer: Result<Readonly<Record<string, unknown>>> | undefined): Result<Readonly<Record<string, unknown>>> | undefined {
  if (answer === undefined || !answer.ok) return answer;
  const value = { ...answer.value };
  for (const key of ['startDate', 'stopDate']) if (typeof value[key] === 'string') value[key] = Date.parse(value[key] as string) / 1_000;
  return ok(value);
}

apigateway.setAwsServiceActions((world, service, action, request) =>
  service === 'states' ? statesApiAnswer(runServiceAction(world, 'stepfunctions', action, request)) : runServiceAction(world, service, action, request));

stepfunctions.registerStepFunctionsPorts({
  invokeLambda: (world, functionName, event) => apigateway.callLambda(world, functionName, event),
  callServiceAction: runServiceAction,
});

function sendToQueueArn(world: World, queueArn: string, body: string, attributes?: Readonly<Record<string, unknown>>): Result<unknown> {
  const queue = sqs.queueByArn(world, queueArn);
  if (queue === undefined) return fail(awsError('AWS.SimpleQueueService.NonExistentQueue', 400, 'The specified queue does not exist.'));
  return sqs.sendToQueue(world, queue, { MessageBody: body, ...(attributes === undefined ? {} : { MessageAttributes: attributes }) });
}

const stringAttribute = (value: unknown): Record<string, string> => ({ DataType: 'String', StringValue: String(value) });

/**
 * A destination gets the invocation record as JSON; a dead-letter queue gets the event itself, with the
 * request id and the error as message attributes RequestID, ErrorCode, ErrorMessage
 * (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html).
 */
function deliverLambdaRecord(world: World, delivery: lambda.DestinationDeliveryRequest): Result<unknown> {
  const record = delivery.record as Record<string, unknown>;
  const isDlq = delivery.kind === 'dead-letter-queue';
  const body = JSON.stringify(isDlq ? record['payload'] : record);
  const attributes = isDlq ? { RequestID: stringAttribute(record['requestId']), ErrorCode: stringAttribute(record['errorCode']), ErrorMessage: stringAttribute(record['errorMessage']) } : undefined;
  if (delivery.targetArn.startsWith('arn:aws:sqs:')) return sendToQueueArn(world, delivery.targetArn, body, attributes);
  if (delivery.targetArn.startsWith('arn:aws:sns:')) {
    return sns.publish(world, { TopicArn: delivery.targetArn, Message: body, ...(attributes === undefined ? {} : { MessageAttributes: attributes }) });
  }
  return ok(undefined); // other targets (Lambda, EventBridge) stay recorded in Lambda's state only
}

sns.registerSnsPorts({
  sendToQueue: sendToQueueArn,
  invokeAsync: (world, functionArn, payload) => lambda.invoke(world, { functionName: functionArn, invocationType: 'Event', payload }),
  sendEmail: (world, message) => {
    cognito.cognitoState(world).inbox.push({ timeMs: world.nowMs, ...message });
  },
});
